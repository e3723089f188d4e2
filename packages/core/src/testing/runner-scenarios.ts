import { isMigError } from "../errors/mig-error";
import type { TableSchema } from "../snapshot/entities";
import { runBackwards } from "../runner/run-backwards";
import { runForwards } from "../runner/run-forwards";
import { check, checkEqual } from "./conformance-check";
import type { RunnerScenario } from "./conformance-scenario";
import { col, schema } from "./schema-builders";
import { testMigration, testMigrationId as id } from "./test-migration";

const APP = "conformance";
const tableOf = (name: string): TableSchema =>
  schema({ name, columns: [col("id", "serial"), col("name", "varchar", { length: 40, nullable: true })] }).table(name) as TableSchema;
const create = (n: number, name: string) => testMigration({ appName: APP, id: id(n), operations: [{ kind: "create_table", schema: tableOf(name) }] });

/** How the runner must behave on any dialect: failures, raw functions, transactions, fake, preview, concurrency. */
export const RUNNER_SCENARIOS: readonly RunnerScenario[] = [
  {
    name: "a failing middle migration stops the run",
    async run({ dialect, connection, capabilities, tables, tracked }) {
      const state = { fail: true };
      const failing = testMigration({
        appName: APP,
        id: id(2),
        operations: [{ kind: "create_table", schema: tableOf("manager") }],
        raw: async () => {
          if (state.fail) throw new Error("the raw function failed");
        },
      });
      const sources = [create(1, "band"), failing, create(3, "venue")];
      const result = await runForwards({ dialect, connection, sources });
      checkEqual(result.migrations.map((m) => m.status), ["applied", "failed", "skipped"], "statuses of the run");
      check(result.error?.code === "MIG_E_MIGRATION_FAILED", `the run's error is MIG_E_MIGRATION_FAILED (got ${result.error?.code})`);
      checkEqual(await tracked(), [`${APP}/${id(1)}`], "tracking rows after the failure");
      if (capabilities.transactionalDdl) {
        checkEqual(await tables(), ["band"], "tables after the failure (the failed migration must leave no trace)");
        return;
      }
      // Without transactional DDL: the completed steps stay, recorded exactly, and a re-run resumes.
      const done = dialect.emitter.emit({ kind: "create_table", schema: tableOf("manager") }).length;
      check(result.migrations[1]?.statementsRun === done, `statementsRun of the failed migration is ${done} (got ${result.migrations[1]?.statementsRun})`);
      checkEqual(await tables(), ["band", "manager"], "tables after the failure");
      state.fail = false;
      const resumed = await runForwards({ dialect, connection, sources });
      checkEqual(resumed.migrations.map((m) => [m.id, m.status]), [[id(2), "applied"], [id(3), "applied"]], "the resumed run");
      checkEqual(await tables(), ["band", "manager", "venue"], "tables after resuming");
    },
  },
  {
    name: "raw functions run forwards, raw-backwards only backwards, and preview skips both",
    async run({ dialect, connection, tables, tracked }) {
      const raw = testMigration({
        appName: APP,
        id: id(2),
        raw: async (db) => {
          await db.table("band").insert([{ name: "Pythonistas" }, { name: "Rustaceans" }]);
          await db.raw(`UPDATE ${dialect.emitter.hooks.quoteIdentifier("band")} SET ${dialect.emitter.hooks.quoteIdentifier("name")} = {} WHERE ${dialect.emitter.hooks.quoteIdentifier("name")} = {}`, "it's {}", "Rustaceans");
        },
        rawBackwards: async (db) => {
          await db.table("band").delete({ name: "Pythonistas" });
        },
      });
      const sources = [create(1, "band"), raw];
      const preview = await runForwards({ dialect, connection, sources, preview: true });
      check(preview.ok && preview.migrations.length === 2, "the preview lists both migrations");
      check((preview.migrations[0]?.statements?.length ?? 0) > 0 && preview.migrations[1]?.rawFunctions === 1, "the preview has the SQL and counts the raw function");
      checkEqual(await tables(), [], "tables after a preview");
      checkEqual(await tracked(), [], "tracking rows after a preview");

      check((await runForwards({ dialect, connection, sources })).ok, "forwards succeeds");
      const names = async () => (await connection.query<{ name: string }>(`SELECT ${dialect.emitter.hooks.quoteIdentifier("name")} AS name FROM ${dialect.emitter.hooks.quoteIdentifier("band")} ORDER BY ${dialect.emitter.hooks.quoteIdentifier("id")}`)).rows.map((r) => r.name);
      checkEqual(await names(), ["Pythonistas", "it's {}"], "rows written by the raw function");
      const back = await runBackwards({ dialect, connection, sources });
      checkEqual(back.migrations.map((m) => [m.id, m.status]), [[id(2), "applied"]], "backwards reverses the last migration");
      checkEqual(await names(), ["it's {}"], "rows after the raw-backwards function");
    },
  },
  {
    name: "wrapInTransaction: raw work rolls back with the migration only inside a transaction",
    async run({ dialect, connection, capabilities }) {
      // Two apps, so that a failed step-by-step migration of one does not hold up the other.
      const failing = (n: number, wrapInTransaction: boolean) =>
        testMigration({
          appName: `${APP}_${wrapInTransaction ? "wrapped" : "unwrapped"}`,
          id: id(n),
          wrapInTransaction,
          raw: async (db) => {
            await db.table("band").insert({ name: `wrap ${wrapInTransaction}` });
            throw new Error("fail after the insert");
          },
        });
      check((await runForwards({ dialect, connection, sources: [create(1, "band")] })).ok, "creating the table");
      const wrapped = await runForwards({ dialect, connection, sources: [create(1, "band"), failing(2, true)] });
      check(!wrapped.ok, "the wrapped migration fails");
      const unwrapped = await runForwards({ dialect, connection, sources: [create(1, "band"), failing(3, false)] });
      check(!unwrapped.ok, "the unwrapped migration fails");
      const { rows } = await connection.query<{ name: string }>(`SELECT ${dialect.emitter.hooks.quoteIdentifier("name")} AS name FROM ${dialect.emitter.hooks.quoteIdentifier("band")}`);
      const expected = capabilities.transactionalDdl ? ["wrap false"] : ["wrap true", "wrap false"];
      checkEqual(rows.map((r) => r.name).sort(), expected.sort(), "rows left by the failed raw functions");
    },
  },
  {
    name: "fake records without running; backwards of a fake migration runs nothing",
    async run({ dialect, connection, tables, tracked }) {
      const sources = [create(1, "band"), testMigration({ appName: APP, id: id(2), fake: true, operations: [{ kind: "create_table", schema: tableOf("manager") }] })];
      const faked = await runForwards({ dialect, connection, sources, fake: true, target: id(1) });
      checkEqual(faked.migrations.map((m) => [m.status, m.fake]), [["applied", true]], "the option fake");
      const fakeManager = await runForwards({ dialect, connection, sources });
      checkEqual(fakeManager.migrations.map((m) => [m.status, m.fake]), [["applied", true]], "a fake manager");
      checkEqual(await tables(), [], "tables after faking");
      checkEqual(await tracked(), [`${APP}/${id(1)}`, `${APP}/${id(2)}`], "tracking rows after faking");
      check((await runBackwards({ dialect, connection, sources, target: "all", fake: true })).ok, "backwards --fake");
      checkEqual(await tracked(), [], "tracking rows after backwards --fake");
    },
  },
  {
    name: "targets: 1, an ID, already applied, unknown, nothing to do",
    async run({ dialect, connection, tables }) {
      const sources = [create(1, "band"), create(2, "manager"), create(3, "venue")];
      checkEqual((await runForwards({ dialect, connection, sources, target: "1" })).migrations.map((m) => m.id), [id(1)], "forwards 1");
      checkEqual((await runForwards({ dialect, connection, sources, target: id(1) })).alreadyApplied?.id, id(1), "forwards to an applied ID");
      let error: unknown;
      await runForwards({ dialect, connection, sources, target: "2020-01-01T00:00:00" }).catch((e: unknown) => (error = e));
      check(isMigError(error, "MIG_E_UNKNOWN_MIGRATION"), "an unknown ID is MIG_E_UNKNOWN_MIGRATION");
      checkEqual((await runForwards({ dialect, connection, sources })).migrations.map((m) => m.id), [id(2), id(3)], "forwards all");
      check((await runForwards({ dialect, connection, sources })).nothingToDo, "nothing to do");
      checkEqual((await runBackwards({ dialect, connection, sources, target: id(2) })).migrations.map((m) => m.id), [id(3), id(2)], "backwards to an ID");
      checkEqual(await tables(), ["band"], "tables after backwards to an ID");
      check((await runBackwards({ dialect, connection, sources, target: "all" })).ok, "backwards all");
      check((await runBackwards({ dialect, connection, sources })).nothingToDo, "nothing to reverse");
    },
  },
  {
    name: "two runs at once apply every migration exactly once",
    async run({ dialect, connection, connectAgain, tracked }) {
      const other = await connectAgain();
      const sources = ["a", "b", "c", "d"].map((name, i) =>
        testMigration({
          appName: APP,
          id: id(i + 1),
          operations: [{ kind: "create_table", schema: tableOf(name) }],
          raw: () => new Promise((resolve) => setTimeout(resolve, 5)),
        }),
      );
      const results = await Promise.all([runForwards({ dialect, connection, sources }), runForwards({ dialect, connection: other, sources })]);
      check(results.every((r) => r.ok), `both runs succeed (errors: ${results.map((r) => r.error?.message).join("; ")})`);
      const applied = results.flatMap((r) => r.migrations.filter((m) => m.status === "applied").map((m) => m.id)).sort();
      checkEqual(applied, sources.map((s) => s.id), "each migration applied by exactly one run");
      checkEqual(await tracked(), sources.map((s) => `${APP}/${s.id}`), "tracking rows");
    },
  },
];
