import { type Connection } from "@mig/core/dialect";
import type { TestDatabase } from "../test-database";

/** A MariaDB stop point: statements that read `table` wait until `release()`; the rest run on. */
export interface MetadataLockStop {
  /** The server sessions of the stop point itself (spared when the sessions of a killed run are ended). */
  readonly sessions: readonly number[];
  release(): Promise<void>;
}

async function sessionId(connection: Connection): Promise<number> {
  return Number((await connection.query<{ id: number }>("SELECT CONNECTION_ID() AS id")).rows[0]!.id);
}

/**
 * Makes every later read of `table` wait, without blocking the DDL of other tables: one session
 * holds a shared metadata lock on it (an open transaction that read it), a second asks for
 * `LOCK TABLES … WRITE` and waits behind the first; MariaDB queues each new read of the table
 * behind that waiting request. An `ALTER TABLE child ADD FOREIGN KEY` with foreign_key_checks off
 * takes no metadata lock on the parent and runs; the orphan check after it reads the parent and
 * waits: a run stopped exactly between the two steps, to be killed there.
 */
export async function stopReadsOf(db: TestDatabase, table: string): Promise<MetadataLockStop> {
  const quoted = db.dialect.emitter.hooks.quoteIdentifier(table);
  const holder = await db.connect();
  const queued = await db.connect();
  const sessions = [await sessionId(holder), await sessionId(queued)];
  await holder.query("START TRANSACTION");
  await holder.query(`SELECT 1 FROM ${quoted} LIMIT 1`);
  const locked = queued.query(`LOCK TABLES ${quoted} WRITE`);
  locked.catch(() => undefined);
  for (let i = 0; ; i++) {
    const { rows } = await holder.query("SELECT 1 FROM information_schema.processlist WHERE id = ? AND state LIKE 'Waiting for table metadata lock%'", [sessions[1]]);
    if (rows.length > 0) break;
    if (i > 200) throw new Error(`LOCK TABLES ${table} WRITE did not start waiting`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return {
    sessions,
    async release() {
      await holder.query("COMMIT");
      await locked;
      await queued.query("UNLOCK TABLES");
      await Promise.all([holder.close(), queued.close()]);
    },
  };
}

/** Sessions of this database waiting for a metadata lock, running a statement that starts with `prefix`. */
export async function waitingSessions(connection: Connection, prefix: string): Promise<number[]> {
  const { rows } = await connection.query<{ id: number }>(
    "SELECT id FROM information_schema.processlist WHERE db = DATABASE() AND state LIKE 'Waiting for table metadata lock%' AND info LIKE CONCAT(?, '%')",
    [prefix],
  );
  return rows.map((row) => Number(row.id));
}

/** Ends every session of this database but this one and `spare` (what is left of a killed run: a crashed host). */
export async function killSessions(connection: Connection, spare: readonly number[]): Promise<void> {
  const own = await sessionId(connection);
  const { rows } = await connection.query<{ id: number }>("SELECT id FROM information_schema.processlist WHERE db = DATABASE()");
  for (const { id } of rows) {
    if (Number(id) === own || spare.includes(Number(id))) continue;
    await connection.query(`KILL ${Number(id)}`).catch(() => undefined);
  }
}
