import { spawnSync } from "node:child_process";

/** A server database the benchmark may drop and create, and how each tool reaches it. */
export interface ServerDatabase {
  readonly dialect: "postgres" | "mysql";
  /** The URL of the benchmark's own database (its password is never shown). */
  readonly url: string;
  /** The database's own client, connected to it: command, arguments and environment. */
  readonly client: { readonly command: string; readonly args: readonly string[]; readonly env: Readonly<Record<string, string>> };
  /** Drops and creates the database (untimed setup). */
  recreate(): void;
}

function run(command: string, args: readonly string[], env: Readonly<Record<string, string>>, input?: string): void {
  const result = spawnSync(command, args, { env: { ...process.env, ...env }, input: input ?? "", encoding: "utf8" });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`${command} failed (${result.status}): ${result.stderr.slice(0, 1000)}`);
}

/** The PostgreSQL database `name` on the server of `serverUrl` (MIG_TEST_POSTGRES_URL). */
export function postgresDatabase(serverUrl: string, name: string): ServerDatabase {
  const admin = new URL(serverUrl);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const env: Record<string, string> = { PGHOST: admin.hostname, PGPORT: admin.port || "5432", PGUSER: decodeURIComponent(admin.username || "postgres") };
  if (admin.password) env.PGPASSWORD = decodeURIComponent(admin.password);
  return {
    dialect: "postgres",
    url: url.href,
    client: { command: "psql", args: ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", name], env },
    recreate() {
      run("psql", ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", admin.pathname.slice(1) || "postgres", "-c", `DROP DATABASE IF EXISTS "${name}"`, "-c", `CREATE DATABASE "${name}"`], env);
    },
  };
}

/** The MariaDB/MySQL database `name` on the server of `serverUrl` (MIG_TEST_MYSQL_URL). */
export function mysqlDatabase(serverUrl: string, name: string): ServerDatabase {
  const admin = new URL(serverUrl);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const env: Record<string, string> = {};
  if (admin.password) env.MYSQL_PWD = decodeURIComponent(admin.password);
  const connect = ["--no-defaults", "--protocol=TCP", "-h", admin.hostname, "-P", admin.port || "3306", "-u", decodeURIComponent(admin.username || "root")];
  return {
    dialect: "mysql",
    url: url.href,
    client: { command: "mariadb", args: [...connect, name], env },
    recreate() {
      run("mariadb", connect, env, `DROP DATABASE IF EXISTS \`${name}\`; CREATE DATABASE \`${name}\`;`);
    },
  };
}
