import type { Connection, QueryResult, Statement } from "@mig/core/dialect";

/**
 * A connection that "dies" like a process killed with SIGKILL: once a statement matching `after`
 * has run, every later call fails (nothing more reaches the database, not even the runner's
 * bookkeeping). For the exact moment a kill cannot be timed from outside: between a statement and
 * the record of its progress.
 */
export function dyingConnection(inner: Connection, after: (sql: string) => boolean): Connection & { readonly died: boolean } {
  let dead = false;
  const guard = () => {
    if (dead) throw new Error("connection lost (simulated kill -9)");
  };
  const wrap = (connection: Connection): Connection => ({
    async query<Row>(sql: string, params?: readonly unknown[]): Promise<QueryResult<Row>> {
      guard();
      const result = await connection.query<Row>(sql, params);
      if (after(sql)) dead = true;
      return result;
    },
    async execute(statement: Statement): Promise<QueryResult> {
      guard();
      const result = await connection.execute(statement);
      if (after(statement.sql)) dead = true;
      return result;
    },
    transaction: (fn) => {
      guard();
      return connection.transaction((tx) => fn(wrap(tx)));
    },
    withMigrationLock: (fn, options) => {
      guard();
      return connection.withMigrationLock(fn, options);
    },
    close: () => connection.close(),
  });
  const wrapped = wrap(inner);
  return Object.defineProperty(wrapped, "died", { get: () => dead }) as Connection & { readonly died: boolean };
}
