import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { cpus, freemem, loadavg, totalmem } from "node:os";
import { join } from "node:path";
import { BENCH, ROOT } from "./paths";

/** The machine and the versions a report was measured with. */
export interface Environment {
  readonly machine: readonly [string, string][];
  readonly versions: readonly [string, string][];
}

function firstLine(command: string, args: readonly string[]): string {
  const result = spawnSync(command, args, { encoding: "utf8" });
  if (result.error || result.status !== 0) return "not installed";
  return `${result.stdout}${result.stderr}`.trim().split("\n")[0] ?? "";
}

function packageVersion(dir: string): string {
  try {
    return (JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { version: string }).version;
  } catch {
    return "not installed";
  }
}

function osName(): string {
  try {
    return /PRETTY_NAME="([^"]+)"/.exec(readFileSync("/etc/os-release", "utf8"))?.[1] ?? process.platform;
  } catch {
    return process.platform;
  }
}

export function describeEnvironment(): Environment {
  const cpu = cpus();
  const gb = (bytes: number) => `${(bytes / 2 ** 30).toFixed(1)} GB`;
  return {
    machine: [
      ["CPU", `${cpu.length} × ${cpu[0]?.model ?? "unknown"}`],
      ["memory", `${gb(totalmem())} (${gb(freemem())} free at the start)`],
      ["OS", `${osName()}, kernel ${firstLine("uname", ["-r"])}`],
      ["load average at the start (1, 5, 15 min)", loadavg().map((l) => l.toFixed(2)).join(", ")],
    ],
    versions: [
      ["Node.js", process.version],
      ["mig (@mig/cli)", packageVersion(join(ROOT, "packages/cli"))],
      ["drizzle-kit", packageVersion(join(BENCH, "node_modules/drizzle-kit"))],
      ["drizzle-orm", packageVersion(join(BENCH, "node_modules/drizzle-orm"))],
      ["PostgreSQL client", firstLine("psql", ["--version"])],
      ["MariaDB client", firstLine("mariadb", ["--version"])],
      ["SQLite client", firstLine("sqlite3", ["--version"]).split(" ").slice(0, 2).join(" ")],
      ["git commit", firstLine("git", ["-C", ROOT, "rev-parse", "--short", "HEAD"])],
    ],
  };
}
