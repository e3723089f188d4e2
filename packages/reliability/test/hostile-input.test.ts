import { rmSync, writeFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { type CliProject, configText, createCliProject } from "../src/cli/cli-project";
import { trackingRows } from "../src/cli/database-state";
import { type HistoryStep, buildHistory } from "../src/cli/history";
import { type MigResult, errorCodes, runMig, shown } from "../src/cli/mig-process";
import { stateFingerprint } from "../src/cli/state-fingerprint";
import { dropAllTables } from "../src/test-database";
import { type CliDatabase, useDatabase } from "./support/cli-database";
import { WORK_DIR } from "./support/work-dir";

const projects: CliProject[] = [];
afterEach(() => projects.splice(0).forEach((p) => p.remove()));

/** A refusal: the one coded error expected on the first line of stderr, and the exit code(s) the CLI documents for it (packages/cli/README.md, "Output and exit codes"). */
function expectRefused(result: MigResult, code: string, exit: number | readonly number[]): void {
  expect(typeof exit === "number" ? [exit] : exit, shown(result)).toContain(result.code);
  expect(errorCodes(result), shown(result)).toEqual([code]);
  expect(result.stderr.trim().split("\n")[0] ?? "", shown(result)).toMatch(new RegExp(`^error ${code}: \\S`));
}

describe("sqlite: broken input through the CLI is refused with a coded error and changes nothing", () => {
  const state = useDatabase("sqlite", "mig_rel_hostile");
  let history: HistoryStep[];

  /** A project with the first two migrations applied and all six files present. */
  async function twoApplied(): Promise<{ p: CliProject; files: string[]; before: string }> {
    await dropAllTables("sqlite", state.connection);
    history ??= await buildHistory(state.db.dialect);
    const p = createCliProject(WORK_DIR, "hostile", { connection: state.db.url });
    projects.push(p);
    const files = p.writeMigrations(history);
    const setup = await runMig(["forwards", "music", history[1]!.id], { cwd: p.dir });
    expect(setup.code, shown(setup)).toBe(0);
    return { p, files, before: await stateFingerprint(state.db.dialect, state.connection) };
  }

  const unchanged = async (before: string) => expect(await stateFingerprint(state.db.dialect, state.connection)).toBe(before);

  it.each([
    ["a syntax error", "export const ID = ;\n"],
    ["no ID", "export const DESCRIPTION = '';\nexport async function forwards() { return undefined; }\n"],
    ["a forwards() that throws", "export const ID = '2026-02-01T00:00:03:000000';\nexport async function forwards() { throw new Error('boom'); }\n"],
  ])("a pending migration file with %s", async (_what, text) => {
    const { files, p, before } = await twoApplied();
    writeFileSync(files[2]!, text);
    const result = await runMig(["forwards", "music"], { cwd: p.dir });
    expectRefused(result, "MIG_E_MIGRATION_FILE", 1);
    expect(result.stderr).toContain(files[2]!.split("/").at(-1)!);
    await unchanged(before);
  });

  it("an applied migration whose file is gone: forwards and backwards refuse, check names it", async () => {
    const { files, p, before } = await twoApplied();
    rmSync(files[1]!);
    expectRefused(await runMig(["backwards", "music", "--auto-agree"], { cwd: p.dir }), "MIG_E_MIGRATION_FILE", 1);
    await unchanged(before);
    // An inconsistency: check names it and exits 1.
    const check = await runMig(["check"], { cwd: p.dir });
    expect(check.code, shown(check)).toBe(1);
    expect(check.stderr, shown(check)).toContain(history[1]!.id);
    // Building on a schema whose history is missing a file is not safe: forwards refuses too.
    const forwards = await runMig(["forwards", "music"], { cwd: p.dir });
    expect(forwards.code, `forwards ran on top of an applied migration whose file is gone\n${shown(forwards)}`).not.toBe(0);
    expect(errorCodes(forwards).length, shown(forwards)).toBe(1);
    await unchanged(before);
  });

  it("a migrations folder that does not exist, on a database where nothing is applied yet (a typo must not deploy nothing, silently)", async () => {
    await dropAllTables("sqlite", state.connection);
    const p = createCliProject(WORK_DIR, "hostile", { connection: state.db.url, apps: [{ name: "music", migrations: "./music/migratoins" }] });
    projects.push(p);
    const before = await stateFingerprint(state.db.dialect, state.connection);
    const result = await runMig(["forwards", "music"], { cwd: p.dir });
    expect(result.code, `mig forwards with a migrations folder that does not exist\n${shown(result)}`).not.toBe(0);
    expect(errorCodes(result).length, shown(result)).toBe(1);
    expect(result.stderr, shown(result)).toContain("migratoins");
    await unchanged(before);
  });

  it("a migrations folder that does not exist, with applied migrations", async () => {
    const { p, before } = await twoApplied();
    p.write("mig.config.ts", configText({ connection: state.db.url, apps: [{ name: "music", migrations: "./music/migratoins" }] }));
    for (const args of [["forwards", "music"], ["backwards", "music", "--auto-agree"]]) {
      const result = await runMig(args, { cwd: p.dir });
      expect(result.code, `mig ${args.join(" ")} with a migrations folder that does not exist\n${shown(result)}`).not.toBe(0);
      expect(errorCodes(result).length, shown(result)).toBe(1);
      expect(result.stderr, shown(result)).toContain("migratoins");
    }
    await unchanged(before);
  });

  it.each([
    ["malformed", () => "export default {{ ;\n", "MIG_E_CONFIG"],
    ["an unknown dialect", (url: string) => configText({ connection: url, dialect: "oracle" }), "MIG_E_DIALECT"],
    ["a dialect object of the wrong shape", (url: string) => configText({ connection: url }).replace("export default defineConfig({", "export default defineConfig({\n  dialect: { name: \"fake\", connect: 42 } as never,"), "MIG_E_DIALECT"],
    ["a plugin of the wrong shape", (url: string) => configText({ connection: url, dialect: "foo", extra: "plugins: [{ name: \"foo\" } as never]," }), "MIG_E_DIALECT"],
    ["two apps with the same name", (url: string) => configText({ connection: url, apps: [{ name: "music" }, { name: "music", migrations: "./other" }] }), "MIG_E_CONFIG"],
    ["a dependency cycle between apps", (url: string) => configText({ connection: url, apps: [{ name: "music", dependsOn: ["shop"] }, { name: "shop", dependsOn: ["music"] }] }), "MIG_E_CONFIG"],
  ])("a config: %s", async (_what, config, code) => {
    const { p, before } = await twoApplied();
    p.write("mig.config.ts", config(state.db.url));
    p.write("shop/tables.ts", "export {};\n");
    for (const args of [["forwards", "all"], ["check"]]) expectRefused(await runMig(args, { cwd: p.dir }), code, 2);
    await unchanged(before);
  });

  it("reversing a migration that dropped a table says its data does not come back, and needs --auto-agree without a terminal", async () => {
    const { p } = await twoApplied();
    const forwards = await runMig(["forwards", "music", history[4]!.id], { cwd: p.dir });
    expect(forwards.code, shown(forwards)).toBe(0);
    const before = await stateFingerprint(state.db.dialect, state.connection);
    // Migration 5 dropped table concert: reversing it brings the table back, empty.
    const refused = await runMig(["backwards", "music"], { cwd: p.dir });
    expectRefused(refused, "MIG_E_NEEDS_INPUT", 3);
    await unchanged(before);
    expect(refused.stdout + refused.stderr, `the user must be told that concert's rows do not come back\n${shown(refused)}`).toMatch(/concert[^\n]*(not come back|empty|lost)|(not come back|empty|lost)[^\n]*concert/i);
    const agreed = await runMig(["backwards", "music", "--auto-agree"], { cwd: p.dir });
    expect(agreed.code, shown(agreed)).toBe(0);
    expect((await trackingRows(state.db.dialect, state.connection)).map((r) => r.id)).toEqual(history.slice(0, 4).map((h) => h.id));
  });
});

/** Server connections that cannot work fail fast, name host and port, and never show the password. */
describe.each(["postgres", "mysql"] as const)("%s: connections that cannot work", (dialectName) => {
  const state: CliDatabase = useDatabase(dialectName, "mig_rel_conn");
  const SECRET = "S3cret-Pa55word";

  function withUrl(change: (url: URL) => void): string {
    const url = new URL(state.db.url);
    change(url);
    return url.toString();
  }

  async function refusedWith(connection: string, exit = 1): Promise<MigResult> {
    const p = createCliProject(WORK_DIR, "conn", { connection });
    projects.push(p);
    p.writeMigrations((await buildHistory(state.db.dialect)).slice(0, 1));
    const before = await stateFingerprint(state.db.dialect, state.connection);
    const result = await runMig(["forwards", "music"], { cwd: p.dir });
    expectRefused(result, "MIG_E_CONNECTION", exit);
    expect(result.stdout + result.stderr).not.toContain(SECRET);
    expect(await stateFingerprint(state.db.dialect, state.connection)).toBe(before);
    return result;
  }

  it("an unreachable server: fails fast with host and port, never the password", async () => {
    const result = await refusedWith(withUrl((u) => {
      u.port = "1";
      u.password = SECRET;
    }));
    expect(result.stderr).toMatch(/127\.0\.0\.1:1\b/);
    expect(result.durationMs).toBeLessThan(15_000);
  });

  it("a database that does not exist is named", async () => {
    const result = await refusedWith(withUrl((u) => {
      u.pathname = "/no_such_database_here";
      u.password = SECRET;
    }));
    expect(result.stderr).toContain("no_such_database_here");
  });

  if (dialectName === "mysql") {
    it("a wrong password: refused without showing it", async () => {
      await refusedWith(withUrl((u) => {
        u.password = SECRET;
      }));
    });
  }
});

describe.each(["sqlite", "postgres", "mysql"] as const)("%s: hostile identifiers and values", (dialectName) => {
  const state = useDatabase(dialectName, "mig_rel_names");
  const EVIL_TABLE = 'x"; DROP TABLE mig_migrations; --';
  const EVIL_DEFAULT = "'); DROP TABLE mig_migrations; -- ü日本😀 \\ \"q\" `b` ${x}";
  const TABLES = `import { foreignKey, integer, table, text, varchar } from "@mig/core";

export const Evil = table(${JSON.stringify(EVIL_TABLE)}, {
  "it's": varchar({ length: 200 }).default(${JSON.stringify(EVIL_DEFAULT)}),
  "back\`tick": integer().default(0).index(),
  "semi;colon": text().nullable(),
  "select": varchar({ length: 20 }).nullable().unique(),
});

export const Order = table("order", {
  "group": foreignKey(() => Evil, { onDelete: "cascade" }).nullable(),
  "ünï code": varchar({ length: 10 }).default("日本"),
});
`;

  it("are quoted everywhere: new --auto, forwards, check, backwards all work, and the values come back exactly", async () => {
    await dropAllTables(dialectName, state.connection);
    const p = createCliProject(WORK_DIR, "names", { connection: state.db.url });
    projects.push(p);
    p.write("music/tables.ts", TABLES);
    const made = await runMig(["new", "music", "--auto", "--desc", "it's \"quoted\"; DROP TABLE x; -- ${y}"], { cwd: p.dir });
    expect(made.code, shown(made)).toBe(0);
    expect(p.list("music/migrations").length).toBe(1);
    const forwards = await runMig(["forwards", "music"], { cwd: p.dir });
    expect(forwards.code, shown(forwards)).toBe(0);
    const again = await runMig(["new", "music", "--auto"], { cwd: p.dir });
    expect(again.stdout, shown(again)).toMatch(/No changes detected/);

    const q = (name: string) => state.db.dialect.emitter.hooks.quoteIdentifier(name);
    await state.connection.query(`INSERT INTO ${q(EVIL_TABLE)} (${q("select")}) VALUES (${state.db.dialect.placeholder(1)})`, ["a'b"]);
    const { rows } = await state.connection.query<Record<string, unknown>>(`SELECT * FROM ${q(EVIL_TABLE)}`);
    expect(rows[0]?.["it's"]).toBe(EVIL_DEFAULT);
    expect(rows[0]?.select).toBe("a'b");
    const check = await runMig(["check", "--json"], { cwd: p.dir });
    expect(JSON.parse(check.stdout)).toMatchObject([{ app: "music", applied: true, checksumMismatch: false, description: "it's \"quoted\"; DROP TABLE x; -- ${y}" }]);
    expect((await trackingRows(state.db.dialect, state.connection)).length).toBe(1);

    const back = await runMig(["backwards", "music", "--auto-agree"], { cwd: p.dir });
    expect(back.code, shown(back)).toBe(0);
    expect(await trackingRows(state.db.dialect, state.connection)).toEqual([]);
  });

  it("an identifier longer than the database allows is a coded error naming it, and nothing is written", async () => {
    const p = createCliProject(WORK_DIR, "long", { connection: state.db.url });
    projects.push(p);
    const long = "c".repeat(dialectName === "sqlite" ? 1100 : 70);
    p.write("music/tables.ts", `import { integer, table } from "@mig/core";\nexport const T = table("t", { ${JSON.stringify(long)}: integer() });\n`);
    const result = await runMig(["new", "music", "--auto"], { cwd: p.dir });
    // A definition mig cannot use: "failed" (1) or "bad usage or config" (2).
    expectRefused(result, "MIG_E_IDENTIFIER", [1, 2]);
    expect(result.stderr).toContain(long.slice(0, 40));
    expect(p.list("music/migrations")).toEqual([]);
  });
});

