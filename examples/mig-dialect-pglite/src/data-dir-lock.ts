import { readFileSync, unlinkSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import { MigError } from "@mig/core/dialect";

const POLL_MS = 100;

interface Owner {
  readonly pid: number;
  readonly host: string;
}

function readOwner(path: string): Owner | undefined {
  try {
    const parsed = JSON.parse(readFileSync(path, "utf8")) as Partial<Owner>;
    return typeof parsed.pid === "number" && typeof parsed.host === "string" ? { pid: parsed.pid, host: parsed.host } : undefined;
  } catch {
    return undefined;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** True when the file names a process of this machine that no longer runs (it crashed or was killed). */
function stale(owner: Owner | undefined): boolean {
  return owner !== undefined && owner.host === hostname() && !alive(owner.pid);
}

/**
 * Makes a data directory this process's own until the returned function is called.
 *
 * PGlite is one single-user PostgreSQL backend: two processes opening the same data directory
 * would both write to it unchecked (nothing in PGlite stops them) and corrupt it. So the directory
 * is opened by one process at a time: the lock file `<dataDir>-mig-lock` is created exclusively
 * (`wx`) and holds this process's pid. A second process waits (polling) up to `timeoutMs`, then
 * fails with `MIG_E_CONNECTION`. The lock of a process that died without closing is recognised by
 * its pid and taken over; a clean exit removes the file.
 */
export async function lockDataDir(dataDir: string, timeoutMs: number): Promise<() => void> {
  const path = `${dataDir}-mig-lock`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      writeFileSync(path, JSON.stringify({ pid: process.pid, host: hostname() }), { flag: "wx" });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") {
        throw new MigError("MIG_E_CONNECTION", `Cannot create the lock file of the pglite data dir ${dataDir}`, { cause: error, meta: { dataDir } });
      }
    }
    const owner = readOwner(path);
    if (stale(owner)) {
      try {
        unlinkSync(path);
      } catch {
        // Another process took it over first; try again.
      }
      continue;
    }
    if (Date.now() >= deadline) {
      throw new MigError("MIG_E_CONNECTION", `The pglite data dir ${dataDir} is open in another process${owner ? ` (pid ${owner.pid})` : ""}`, {
        hint: "PGlite serves one process at a time: wait for the other one to finish (a stopped process's lock is taken over by itself).",
        meta: { dataDir, ...(owner ? { pid: owner.pid } : {}) },
      });
    }
    await new Promise((resolve) => setTimeout(resolve, Math.max(1, Math.min(POLL_MS, deadline - Date.now()))));
  }
  let held = true;
  const release = () => {
    if (!held) return;
    held = false;
    process.off("exit", release);
    try {
      unlinkSync(path);
    } catch {
      // Already gone.
    }
  };
  process.on("exit", release);
  return release;
}
