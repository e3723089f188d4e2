import type { IntrospectingDialect } from "@mig/core/dialect";
import { descriptor } from "./descriptor";
import { connectMysql } from "./connect-mysql";
import { describeMysqlConnection } from "./connection-options";
import { mysqlCapabilities } from "./mysql-capabilities";
import { createMysqlEmitter } from "./mysql-emitter";
import { createMysqlIntrospector } from "./mysql-introspector";
import { mysqlOnline } from "./mysql-online";
import { type MysqlUuidType, createMysqlTypeMapper } from "./mysql-type-mapper";
import { normaliseMysqlSnapshot } from "./normalise-snapshot";

export interface MysqlDialectOptions {
  /**
   * How uuid columns are stored. `"char"` (the default): `CHAR(36)`, which MySQL 8 and MariaDB both
   * have. `"native"`: MariaDB's `UUID` type (10.7+; 16 bytes), which MySQL does not have.
   * Both read back as uuid.
   */
  readonly uuidType?: MysqlUuidType;
  /** The name of the migration lock (GET_LOCK, or the lock row on Galera). Default `mig:<database>`, one lock per database. */
  readonly lockName?: string;
  /**
   * On a MariaDB Galera cluster: a lock holder whose heartbeat (written every third of this) is
   * older than this is taken over. Default 30 000 ms. A holder whose node left the cluster, or
   * whose session on the same node ended, is taken over at once.
   */
  readonly lockStaleAfterMs?: number;
}

/**
 * The MySQL / MariaDB dialect (driver `mysql2`), with options.
 *
 * @example
 * ```ts
 * import { defineConfig } from "@mig/core";
 * import { createMysqlDialect } from "@mig/mysql";
 *
 * export default defineConfig({
 *   dialect: createMysqlDialect({ uuidType: "native" }), // MariaDB 10.7+ only
 *   connection: "mysql://app:secret@127.0.0.1:3306/app",
 *   apps: [{ name: "music", tables: "./src/music/tables.ts", migrations: "./src/music/migrations" }],
 * });
 * ```
 */
export function createMysqlDialect(options: MysqlDialectOptions = {}): IntrospectingDialect {
  const types = createMysqlTypeMapper({ uuidType: options.uuidType ?? "char" });
  return {
    // Names and URL schemes: the descriptor the CLI reads before it loads this package.
    ...descriptor,
    capabilities: mysqlCapabilities,
    emitter: createMysqlEmitter(types),
    types,
    introspector: createMysqlIntrospector(types),
    placeholder: () => "?",
    connect: (config) =>
      connectMysql(config, {
        ...(options.lockName === undefined ? {} : { lockName: options.lockName }),
        ...(options.lockStaleAfterMs === undefined ? {} : { lockStaleAfterMs: options.lockStaleAfterMs }),
      }),
    describeConnection: describeMysqlConnection,
    normalise: (snapshot) => normaliseMysqlSnapshot(snapshot, types),
    online: mysqlOnline,
  };
}

/**
 * The MySQL / MariaDB dialect with default options: registry name `mysql`, alias `mariadb`,
 * URL schemes `mysql://` and `mariadb://`.
 *
 * @example
 * ```ts
 * import { mysqlDialect } from "@mig/mysql";
 * const connection = await mysqlDialect.connect("mysql://root:root@127.0.0.1:3306/app");
 * const snapshot = await mysqlDialect.introspector.introspect(connection);
 * await connection.close();
 * ```
 */
export const mysqlDialect: IntrospectingDialect = createMysqlDialect();
