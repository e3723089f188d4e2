import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  type MigrationSource,
  type RunnableMigration,
  type RunResult,
  type Snapshot,
  type Table,
  Snapshot as SnapshotClass,
  array,
  char,
  diff,
  doublePrecision,
  enumeration,
  integer,
  interval,
  isMigError,
  numeric,
  real,
  replayMigrations,
  resolveCapabilities,
  runBackwards,
  runForwards,
  serial,
  snapshotFromTables,
  table,
  text,
  varchar,
} from "@mig/core";
import { type Connection, requireIntrospector } from "@mig/core/dialect";
import { DEFAULT_TRACKING_TABLE, progressTableName } from "@mig/core/internal";
import { schemaDifferences } from "@mig/core/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jitiLoader, loadMigrationSource, writeAutoMigration } from "../src/migration-files";
import { planAutoMigration } from "../src/roundtrip/plan-auto-migration";
import { type DialectName, type TestDatabase, createTestDatabase } from "../src/test-database";

/*
 * The column types of issue 15 on each built-in dialect, through the whole pipeline: tables →
 * `mig new --auto` (planner, migration file written and loaded back) → forwards → introspection
 * compared with the replayed migrations → … → backwards step by step, each step checked again.
 */

const APP = "types";
const load = jitiLoader();

function enabled(name: DialectName): boolean {
  if (name === "sqlite") return true;
  return Boolean(process.env[name === "postgres" ? "MIG_TEST_POSTGRES_URL" : "MIG_TEST_MYSQL_URL"]);
}

interface Env {
  readonly database: TestDatabase;
  readonly connection: Connection;
  readonly dir: string;
}

/** Tables as a list, or as a tables module's exports (an export name kept across versions makes a move a rename). */
type Tables = readonly Table[] | Readonly<Record<string, Table>>;

function snapshotOf(tables: Tables, env: Env): Snapshot {
  const dialect = env.database.dialect;
  const capabilities = resolveCapabilities(dialect.capabilities);
  return snapshotFromTables(tables, { maxIdentifierLength: capabilities.maxIdentifierLength, indexMethods: capabilities.indexMethods, dialect });
}

async function introspect(env: Env, schemas: readonly string[] = []): Promise<Snapshot> {
  return requireIntrospector(env.database.dialect, "the test").introspect(env.connection, {
    excludeTables: [DEFAULT_TRACKING_TABLE, progressTableName(DEFAULT_TRACKING_TABLE)],
    ...(schemas.length > 0 ? { schemas } : {}),
  });
}

function ok(result: RunResult, step: string): void {
  if (!result.ok) throw new Error(`${step}: ${result.error?.code} ${result.error?.message} ${String(result.error?.meta.statement ?? "")}`);
}

/**
 * Runs the versions of the tables forwards one migration each, checking the database against the
 * replayed migrations by introspection after each; then backwards one at a time, checking again.
 */
let runs = 0;

async function evolve(
  env: Env,
  versions: readonly Tables[],
  options: { allowRebuild?: boolean; renames?: readonly string[][]; schemas?: readonly string[]; afterForwards?: (version: number) => Promise<void> } = {},
): Promise<string[][]> {
  const { dialect } = env.database;
  await env.database.reset();
  const dir = join(env.dir, `run${++runs}`);
  const sources: (MigrationSource & { manager: RunnableMigration })[] = [];
  const replays: Snapshot[] = [SnapshotClass.empty()];
  const kinds: string[][] = [];
  for (let i = 0; i < versions.length; i++) {
    const from = replays[replays.length - 1]!;
    const to = snapshotOf(versions[i]!, env);
    const operations = await planAutoMigration({ dialect, from, to, allowRebuild: options.allowRebuild ?? false, renames: options.renames?.[i] ?? [] });
    const id = `2026-01-01T00:00:00:${String(i + 1).padStart(6, "0")}`;
    const written = writeAutoMigration(dir, { appName: APP, id, operations });
    sources.push(await loadMigrationSource(written.path, APP, load));
    const replayed = replayMigrations(sources.map((s) => s.manager));
    expect(diff(replayed, to), `version ${i + 1}: the file replays to the tables`).toEqual([]);
    replays.push(replayed);
    kinds.push(sources[i]!.manager.forwardsPlan().map((o) => o.kind));
    ok(await runForwards({ dialect, connection: env.connection, sources }), `forwards to version ${i + 1}`);
    expect(schemaDifferences(dialect, replayed, await introspect(env, options.schemas)), `after forwards to version ${i + 1}`).toEqual([]);
    await options.afterForwards?.(i + 1);
  }
  for (let i = versions.length - 1; i >= 0; i--) {
    ok(await runBackwards({ dialect, connection: env.connection, sources, target: "1" }), `backwards from version ${i + 1}`);
    expect(schemaDifferences(dialect, replays[i]!, await introspect(env, options.schemas)), `after backwards to version ${i}`).toEqual([]);
  }
  return kinds;
}

const person = (mood: ReturnType<typeof enumeration>, extra: Record<string, ReturnType<typeof text>> = {}) =>
  table("person", { id: serial().primaryKey(), name: varchar({ length: 40 }), mood, ...extra });

for (const name of ["postgres", "mysql", "sqlite"] as const) {
  describe.skipIf(!enabled(name))(`column types on ${name}`, () => {
    let env: Env;
    beforeAll(async () => {
      const database = await createTestDatabase(name, "mig_types");
      env = { database, connection: await database.connect(), dir: mkdtempSync(join(tmpdir(), "mig-types-")) };
    });
    afterAll(async () => {
      await env?.database.drop();
      if (env) rmSync(env.dir, { recursive: true, force: true });
    });

    const rebuild = name === "sqlite";

    it("an enumeration is created, gains a label, loses one, is reordered and renamed, and goes back, each step checked by introspection", async () => {
      const v1 = [person(enumeration("mood", ["sad", "ok", "happy"]).default("ok"))];
      const v2 = [person(enumeration("mood", ["sad", "ok", "happy", "ecstatic"]).default("ok"))];
      const v3 = [person(enumeration("mood", ["sad", "happy", "ecstatic"]).default("happy"))];
      const v4 = [person(enumeration("mood", ["ecstatic", "happy", "sad"]).default("happy"))];
      const v5 = [person(enumeration("feeling", ["ecstatic", "happy", "sad"]).default("happy"))];
      const kinds = await evolve(env, [v1, v2, v3, v4, v5], { allowRebuild: rebuild });
      expect(kinds[0]).toEqual(["create_table"]);
      // Every later version is one column change in the file (SQLite runs it as a table rebuild, by
      // the consent the file records).
      for (const step of kinds.slice(1)) expect(step).toEqual(["alter_column"]);
      if (name === "postgres") {
        // Every enum type went with its last column: none is left behind, not even a retired one.
        const types = await env.connection.query<{ typname: string }>("SELECT typname::text AS typname FROM pg_type WHERE typtype = 'e'", []);
        expect(types.rows).toEqual([]);
      }
    });

    it("two tables share an enumeration: it is created once, survives the first table's drop and goes with the last", async () => {
      const shared = () => enumeration("status", ["new", "done"]);
      const v1 = [table("task", { id: serial().primaryKey(), status: shared() }), table("job", { id: serial().primaryKey(), status: shared().nullable() })];
      const v2 = [table("task", { id: serial().primaryKey(), status: enumeration("status", ["new", "doing", "done"]) }), table("job", { id: serial().primaryKey(), status: enumeration("status", ["new", "doing", "done"]).nullable() })];
      const v3 = [table("job", { id: serial().primaryKey(), status: enumeration("status", ["done", "doing", "new"]).nullable() })];
      await evolve(env, [v1, v2, v3], { allowRebuild: rebuild });
    });

    it("rows keep their labels when a label is added, and a removed label still in use fails the migration without changing anything", async () => {
      const { dialect } = env.database;
      const q = dialect.emitter.hooks.quoteIdentifier;
      const v1 = [person(enumeration("mood", ["sad", "ok"]))];
      const v2 = [person(enumeration("mood", ["sad", "ok", "happy"]))];
      const v3 = [person(enumeration("mood", ["ok", "happy"]))];
      const sources: (MigrationSource & { manager: RunnableMigration })[] = [];
      let from = SnapshotClass.empty();
      const dir = join(env.dir, "rows");
      await env.database.reset();
      for (const [i, version] of [v1, v2, v3].entries()) {
        const to = snapshotOf(version, env);
        const operations = await planAutoMigration({ dialect, from, to, allowRebuild: rebuild });
        const written = writeAutoMigration(dir, { appName: "rows", id: `2026-01-02T00:00:00:00000${i + 1}`, operations });
        sources.push(await loadMigrationSource(written.path, "rows", load));
        from = replayMigrations(sources.map((s) => s.manager));
      }
      ok(await runForwards({ dialect, connection: env.connection, sources: sources.slice(0, 1) }), "forwards 1");
      await env.connection.execute({ sql: `INSERT INTO ${q("person")} (${q("name")}, ${q("mood")}) VALUES ('a', 'sad'), ('b', 'ok')`, params: [] });
      ok(await runForwards({ dialect, connection: env.connection, sources: sources.slice(0, 2) }), "forwards 2");
      const rows = await env.connection.query<{ mood: string }>(`SELECT ${q("mood")} AS mood FROM ${q("person")} ORDER BY ${q("name")}`, []);
      expect(rows.rows.map((r) => r.mood)).toEqual(["sad", "ok"]);
      await env.connection.execute({ sql: `INSERT INTO ${q("person")} (${q("name")}, ${q("mood")}) VALUES ('c', 'happy')`, params: [] });
      const before = await introspect(env);
      // 'sad' is still held by a row: the conversion must fail, never store something else.
      const third = await runForwards({ dialect, connection: env.connection, sources });
      expect(third.ok).toBe(false);
      if (resolveCapabilities(dialect.capabilities).transactionalDdl) {
        expect(schemaDifferences(dialect, before, await introspect(env))).toEqual([]);
      }
      const after = await env.connection.query<{ mood: string }>(`SELECT ${q("mood")} AS mood FROM ${q("person")} ORDER BY ${q("name")}`, []);
      expect(after.rows.map((r) => r.mood)).toEqual(["sad", "ok", "happy"]);
      await env.database.reset();
    });

    it("an enumeration of a table in a named schema lives in that schema: created, altered, moved and dropped there, read back there", async () => {
      const can = resolveCapabilities(env.database.dialect.capabilities);
      // Only where tables have schemas and an enum is a named type of its own (PostgreSQL).
      if (!can.schemas || can.enums !== "named") return;
      const band = (labels: readonly string[], schema = "music") =>
        table("band", { id: serial().primaryKey(), name: varchar({ length: 40 }), mood: enumeration("mood", labels).default("ok") }, { schema });
      // The same enum name on a table of the connection's schema is another type, with labels of its own.
      const fan = table("fan", { id: serial().primaryKey(), mood: enumeration("mood", ["meh", "ok", "wow"]).nullable() });
      const versions = [
        { Band: band(["sad", "ok", "happy"]), Fan: fan },
        { Band: band(["sad", "ok", "happy", "ecstatic"]), Fan: fan },
        { Band: band(["ecstatic", "happy", "ok"]), Fan: fan },
        { Band: band(["ecstatic", "happy", "ok"], "archive"), Fan: fan },
      ];
      const enumTypes = async () =>
        (await env.connection.query<{ schema: string; name: string; labels: string }>(
          `SELECT n.nspname::text AS schema, t.typname::text AS name, string_agg(e.enumlabel::text, ',' ORDER BY e.enumsortorder) AS labels
             FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace JOIN pg_enum e ON e.enumtypid = t.oid
            WHERE n.nspname <> 'pg_catalog' GROUP BY 1, 2 ORDER BY 1, 2`,
          [],
        )).rows.map((r) => `${r.schema}.${r.name}(${r.labels})`);
      const seen: string[][] = [];
      const kinds = await evolve(env, versions, { schemas: ["music", "archive"], afterForwards: async () => void seen.push(await enumTypes()) });
      expect(kinds).toEqual([["create_table", "create_table"], ["alter_column"], ["alter_column"], ["rename_table"]]);
      expect(seen).toEqual([
        ["music.mood(sad,ok,happy)", "public.mood(meh,ok,wow)"],
        ["music.mood(sad,ok,happy,ecstatic)", "public.mood(meh,ok,wow)"],
        ["music.mood(ecstatic,happy,ok)", "public.mood(meh,ok,wow)"],
        // Moved with its table; the music schema's type went with its last column.
        ["archive.mood(ecstatic,happy,ok)", "public.mood(meh,ok,wow)"],
      ]);
      // Backwards all the way: every type and both schemas mig made are gone.
      expect(await enumTypes()).toEqual([]);
      const schemas = await env.connection.query<{ name: string }>("SELECT nspname::text AS name FROM pg_namespace WHERE nspname IN ('music', 'archive')", []);
      expect(schemas.rows).toEqual([]);
    });

    it("char(n) is created and changed, and checked by introspection", async () => {
      const v1 = [table("currency", { code: char({ length: 3 }).primaryKey(), symbol: char({ length: 1 }).nullable().default("$") })];
      const v2 = [table("currency", { code: char({ length: 3 }).primaryKey(), symbol: char({ length: 2 }).nullable().default("$") })];
      await evolve(env, [v1, v2], { allowRebuild: rebuild });
    });

    it("NaN and Infinity defaults are kept where the dialect has them and refused at mig new where it has not", async () => {
      const tables = [table("measure", {
        id: serial().primaryKey(),
        r: real().default(Number.POSITIVE_INFINITY),
        d: doublePrecision().default(Number.NaN),
        n: numeric({ precision: 8, scale: 2 }).default("-Infinity"),
      })];
      if (resolveCapabilities(env.database.dialect.capabilities).nonFiniteNumbers) {
        await evolve(env, [tables]);
        return;
      }
      let error: unknown;
      try {
        snapshotOf(tables, env);
      } catch (e) {
        error = e;
      }
      expect(isMigError(error, "MIG_E_SCHEMA_INVALID")).toBe(true);
      expect(String((error as Error).message)).toContain(env.database.dialect.name);
    });

    it("arrays are native where the dialect has them, a JSON array where the fallback is asked for, refused otherwise", async () => {
      const dialect = env.database.dialect;
      const native = resolveCapabilities(dialect.capabilities).arrays;
      const withFallback = [table("post", { id: serial().primaryKey(), tags: array(varchar({ length: 20 }), { fallback: "json" }), scores: array(integer(), { fallback: "json" }).nullable() })];
      await evolve(env, [withFallback]);
      const bare = [table("post", { id: serial().primaryKey(), tags: array(text()) })];
      if (native) {
        await evolve(env, [bare]);
        return;
      }
      expect(() => snapshotOf(bare, env)).toThrow(/no array type/);
    });

    it("interval() is native where the dialect has one and refused at mig new naming the dialect where it has not", async () => {
      const tables = [table("slot", { id: serial().primaryKey(), length: interval().nullable() })];
      if (resolveCapabilities(env.database.dialect.capabilities).interval) {
        await evolve(env, [tables]);
        return;
      }
      expect(() => snapshotOf(tables, env)).toThrow(new RegExp(`${env.database.dialect.name} has no interval type`));
    });
  });
}

describe("column factories refuse options they do not know", () => {
  it("varchar({ lenght: 5 }) is a MIG_E_SCHEMA_INVALID problem naming the key and the known ones", () => {
    // @ts-expect-error: the misspelt key is the point
    const tables = [table("t", { id: serial().primaryKey(), name: varchar({ lenght: 5 }) })];
    let error: unknown;
    try {
      snapshotFromTables(tables);
    } catch (e) {
      error = e;
    }
    expect(isMigError(error, "MIG_E_SCHEMA_INVALID")).toBe(true);
    expect(JSON.stringify((error as { problems?: unknown }).problems)).toContain('Unknown option \\"lenght\\" of varchar() (it takes length)');
  });
});
