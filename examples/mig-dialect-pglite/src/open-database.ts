import type { PGlite } from "@electric-sql/pglite";
import { MigError } from "@mig/core/dialect";
import { AsyncMutex } from "./async-mutex";
import { lockDataDir } from "./data-dir-lock";
import type { PgliteTarget } from "./pglite-config";

/** A PGlite instance in use by one or more connections of this process. */
export interface OpenDatabase {
  readonly db: PGlite;
  /** The migration lock of this instance, shared by every connection to it. */
  readonly mutex: AsyncMutex;
  /** Lets go of the instance: closes it when this was the last connection that owned it. */
  release(): Promise<void>;
}

export interface OpenOptions {
  /** How long to wait for another process to close a data dir. */
  readonly openTimeoutMs: number;
}

const mutexes = new WeakMap<PGlite, AsyncMutex>();

function mutexFor(db: PGlite, what: string): AsyncMutex {
  let mutex = mutexes.get(db);
  if (!mutex) mutexes.set(db, (mutex = new AsyncMutex(what)));
  return mutex;
}

function openError(error: unknown, where: string): MigError {
  if (error instanceof MigError) return error;
  const reason = error instanceof Error ? error.message : String(error);
  return new MigError("MIG_E_CONNECTION", `Cannot open pglite ${where}: ${reason}`, { cause: error });
}

/**
 * PGlite, imported when a database is first opened: commands that never connect (`mig new`) skip
 * its cost (importing it takes ~40–60 ms).
 */
async function loadPglite(): Promise<typeof PGlite> {
  return (await import("@electric-sql/pglite")).PGlite;
}

/**
 * A freshly initialised cluster, as a tarball. `initdb` is most of PGlite's start-up time (seconds),
 * so it runs once per process: every later in-memory database starts from a copy of the first.
 */
let template: Promise<Blob> | undefined;

async function createInMemory(): Promise<PGlite> {
  if (template) {
    const dump = await template.catch(() => undefined);
    if (dump) return (await loadPglite()).create({ loadDataDir: dump });
  }
  const db = await (await loadPglite()).create();
  const dump = db.dumpDataDir("none");
  template = dump;
  await dump.catch(() => (template = undefined));
  return db;
}

/** Data dirs this process has open: one instance each, shared by its connections, closed with the last. */
const openDirs = new Map<string, { refs: number; ready: Promise<{ db: PGlite; unlock: () => void }> }>();

async function openDir(dataDir: string, options: OpenOptions): Promise<OpenDatabase> {
  let entry = openDirs.get(dataDir);
  if (!entry) {
    const ready = (async () => {
      const unlock = await lockDataDir(dataDir, options.openTimeoutMs);
      try {
        return { db: await (await loadPglite()).create({ dataDir }), unlock };
      } catch (error) {
        unlock();
        throw error;
      }
    })();
    entry = { refs: 0, ready };
    openDirs.set(dataDir, entry);
    ready.catch(() => openDirs.delete(dataDir));
  }
  entry.refs++;
  const shared = entry;
  let opened: { db: PGlite; unlock: () => void };
  try {
    opened = await shared.ready;
  } catch (error) {
    shared.refs--;
    throw openError(error, `data dir ${dataDir}`);
  }
  let released = false;
  return {
    db: opened.db,
    mutex: mutexFor(opened.db, `pglite data dir ${dataDir}`),
    async release() {
      if (released) return;
      released = true;
      if (--shared.refs > 0) return;
      openDirs.delete(dataDir);
      try {
        await opened.db.close();
      } finally {
        opened.unlock();
      }
    },
  };
}

/**
 * Opens (or joins) the database `target` names. In memory: a new database per call. A data dir:
 * one instance per process, shared, locked against other processes. An instance: borrowed, never closed.
 */
export async function openDatabase(target: PgliteTarget, options: OpenOptions): Promise<OpenDatabase> {
  if (target.kind === "dir") return openDir(target.dataDir, options);
  if (target.kind === "instance") {
    return { db: target.pglite, mutex: mutexFor(target.pglite, "the PGlite instance"), release: async () => undefined };
  }
  let db: PGlite;
  try {
    db = await createInMemory();
  } catch (error) {
    throw openError(error, "in memory");
  }
  return { db, mutex: mutexFor(db, "the in-memory pglite database"), release: () => db.close() };
}
