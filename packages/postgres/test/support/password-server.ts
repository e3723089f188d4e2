import { execFileSync } from "node:child_process";
import { chownSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

const PGBIN = process.env.PGBIN ?? "/usr/lib/postgresql/15/bin";

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

export interface PasswordServer {
  readonly port: number;
  readonly password: string;
  stop(): void;
}

/**
 * A private PostgreSQL server that checks passwords (scram-sha-256), for the wrong-password test:
 * the shared test server trusts every local login. Needs root (the server runs as the `postgres`
 * user) and the PostgreSQL binaries in `$PGBIN`.
 */
export async function startPasswordServer(): Promise<PasswordServer> {
  if (process.getuid?.() !== 0) throw new Error("The password-server test needs root, to run a private PostgreSQL server as the postgres user");
  const dir = mkdtempSync(join(tmpdir(), "mig-pg-auth-"));
  const uid = Number(execFileSync("id", ["-u", "postgres"]).toString().trim());
  const gid = Number(execFileSync("id", ["-g", "postgres"]).toString().trim());
  chownSync(dir, uid, gid);
  const password = "right-Pa55word-for-the-test";
  writeFileSync(join(dir, "pw"), `${password}\n`);
  chownSync(join(dir, "pw"), uid, gid);
  const port = await freePort();
  const as = (command: string, args: string[]) => execFileSync("runuser", ["-u", "postgres", "--", join(PGBIN, command), ...args], { cwd: "/", stdio: "pipe" });
  as("initdb", ["-D", join(dir, "data"), "-U", "postgres", "--auth=scram-sha-256", `--pwfile=${join(dir, "pw")}`, "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"]);
  as("pg_ctl", ["-D", join(dir, "data"), "-l", join(dir, "log"), "-w", "-o", `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c fsync=off`, "start"]);
  return {
    port,
    password,
    stop() {
      try {
        as("pg_ctl", ["-D", join(dir, "data"), "-m", "immediate", "-w", "stop"]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
