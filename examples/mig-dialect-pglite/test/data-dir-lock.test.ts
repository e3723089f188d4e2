import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { isMigError } from "@mig/core/dialect";
import { createPgliteDialect } from "mig-dialect-pglite";
import { PACKAGE_DIR } from "./support/project";

const dir = mkdtempSync(join(tmpdir(), "mig-pglite-lock-"));
const url = `pglite:${join(dir, "data")}`;
const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
  rmSync(dir, { recursive: true, force: true });
});

/** Another process (this plugin's build) that opens the data dir and keeps it open until killed. */
function holder(): Promise<ChildProcess> {
  const script = `
    const { pgliteDialect } = await import(${JSON.stringify(pathToFileURL(join(PACKAGE_DIR, "dist/index.js")).href)});
    const connection = await pgliteDialect.connect(${JSON.stringify(url)});
    await connection.query("CREATE TABLE IF NOT EXISTS holder (pid int)");
    process.stdout.write("open\\n");
    setInterval(() => undefined, 1000);`;
  const child = spawn(process.execPath, ["--input-type=module", "-e", script], { stdio: ["ignore", "pipe", "inherit"] });
  children.push(child);
  return new Promise((resolve, reject) => {
    child.stdout!.on("data", (chunk: Buffer) => chunk.toString().includes("open") && resolve(child));
    child.on("exit", (code) => reject(new Error(`the holder exited with ${code}`)));
  });
}

describe("a data dir is open in one process at a time", () => {
  it("refuses a second process with MIG_E_CONNECTION, and takes over the lock of a killed one", async () => {
    const child = await holder();
    const impatient = createPgliteDialect({ openTimeoutMs: 300 });
    const refused = await impatient.connect(url).catch((e: unknown) => e);
    expect(isMigError(refused, "MIG_E_CONNECTION")).toBe(true);
    expect((refused as { meta: { pid?: number } }).meta.pid).toBe(child.pid);

    const exited = new Promise((resolve) => child.on("exit", resolve));
    child.kill("SIGKILL");
    await exited;
    const connection = await impatient.connect(url);
    try {
      const { rows } = await connection.query("SELECT 1 FROM pg_tables WHERE tablename = 'holder'");
      expect(rows).toHaveLength(1);
    } finally {
      await connection.close();
    }
  });
});
