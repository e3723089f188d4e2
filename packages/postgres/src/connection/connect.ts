import type { ConnectionConfig } from "@mig/core/dialect";
import type pg from "pg";
import { quotePostgresIdentifier } from "../emitter/postgres-emitter";
import { connectionError } from "./connection-error";
import { resolveTarget } from "./connection-target";
import { loadPg } from "./load-driver";
import { PostgresConnection } from "./postgres-connection";

/** Options of `createPostgresDialect`, about connections. */
export interface PostgresConnectOptions {
  /**
   * The schema mig works in: `SET search_path TO "schema"` right after connecting. Default: none,
   * mig works in the connection's current schema (the first schema of its `search_path` that exists,
   * usually `public`). Tables are always created unqualified, in that schema.
   */
  readonly schema?: string;
  /** Give up connecting after this long. Default is `10000`. */
  readonly connectTimeoutMs?: number;
  /**
   * `SET lock_timeout` for the session: a DDL statement waiting this long for a
   * table lock fails (and its migration rolls back) instead of queueing every other query on that
   * table behind it. Default: not set (wait as long as it takes), as migrations run at quiet times.
   */
  readonly ddlLockTimeoutMs?: number;
  /** The advisory lock key of the migration lock. Default is {@link POSTGRES_LOCK_KEY}. */
  readonly lockKey?: bigint;
  /** How often a waiting run retries the migration lock. Default is `250`. */
  readonly lockPollMs?: number;
}

/** pg_type OIDs (fixed in every PostgreSQL). */
const INT8_OID = 20;

/**
 * Row values as the other dialects give them: bigint (and COUNT(*)) as a number while exact,
 * the decimal text beyond 2^53. The driver's default is always text. numeric stays exact text.
 */
function rowTypes(driver: typeof pg): pg.CustomTypesConfig {
  return {
    getTypeParser(oid: number, format?: "text" | "binary") {
      if (oid === INT8_OID && format !== "binary") {
        return (text: string) => {
          const n = Number(text);
          return Number.isSafeInteger(n) ? n : text;
        };
      }
      return driver.types.getTypeParser(oid, format as "text");
    },
  } as pg.CustomTypesConfig;
}

function clientConfig(driver: typeof pg, config: ConnectionConfig, options: PostgresConnectOptions): pg.ClientConfig {
  const base: pg.ClientConfig = typeof config === "string" ? { connectionString: config } : { ...(config as pg.ClientConfig) };
  if (typeof config !== "string" && typeof config.url === "string" && base.connectionString === undefined) {
    base.connectionString = config.url;
    delete (base as Record<string, unknown>).url;
  }
  return {
    connectionTimeoutMillis: options.connectTimeoutMs ?? 10_000,
    // Shown in pg_stat_activity, and in the message of a run waiting for the lock.
    application_name: "mig",
    types: rowTypes(driver),
    ...base,
  };
}

/** Opens one session. Failures are `MIG_E_CONNECTION` errors naming host:port and database, never the password. */
export async function connectPostgres(config: ConnectionConfig, options: PostgresConnectOptions, defaultLockKey: bigint) {
  const target = resolveTarget(config);
  const driver = loadPg();
  const client = new driver.Client(clientConfig(driver, config, options));
  client.on("error", () => undefined);
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => undefined);
    throw connectionError(error, target);
  }
  const connection = new PostgresConnection(client, {
    target,
    lockKey: options.lockKey ?? defaultLockKey,
    lockPollMs: options.lockPollMs ?? 250,
  });
  try {
    if (options.schema !== undefined) await connection.query(`SET search_path TO ${quotePostgresIdentifier(options.schema)}`);
    if (options.ddlLockTimeoutMs !== undefined) await connection.query(`SET lock_timeout = ${Math.max(0, Math.floor(options.ddlLockTimeoutMs))}`);
  } catch (error) {
    await connection.close();
    throw error;
  }
  return connection;
}
