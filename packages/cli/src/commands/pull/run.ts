import { existsSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";
import {
  generateMigrationId,
  isMigError,
  MigError,
  resolveCapabilities,
  runForwards,
  snapshotFromTables,
  type Dialect,
  type Entity,
  type Snapshot,
} from "@mig/core";
import { entityKey } from "@mig/core/dialect";
import {
  baselineMigration,
  printTablesModule,
  rawSteps,
  schemaDrift,
} from "@mig/core/internal";
import { EXIT, runCommand, type GlobalOptions } from "../../command-context";
import type { CliDeps } from "../../deps";
import type { ExitCode } from "../../output/exit-code";
import { loadMigrations, migrationFilePaths } from "../../project/load-migrations";
import { VERSION } from "../../version";
import { loadTables } from "../new/plan-app";
import { writeMigration } from "../new/write-migration";
import { baseRunOptions } from "../run-options";
import { pullSchema } from "./pull-schema";

export interface PullOptions extends GlobalOptions {
  readonly app: string;
  /** Where to write the tables module. Default: the app's `tables` path. */
  readonly tables?: string | undefined;
  /** A database schema (dialects with schemas): pull its tables. */
  readonly schema?: string | undefined;
}

/**
 * `mig pull <app>`: adopts an existing database. Writes a tables module in the DSL and a baseline
 * migration that creates exactly that schema (what the DSL cannot say kept as raw steps), and
 * records the baseline as applied on this database, so `mig new --auto` is clean at once and a
 * fresh database built from the history equals this one. Refuses an app that has migrations, and
 * never overwrites a tables module; on any failure the files written are removed.
 */
export function run(options: PullOptions, deps: CliDeps): Promise<ExitCode> {
  return runCommand(deps, options, async (context) => {
    const { output } = context;
    const loaded = await context.config();
    const app = await context.app(options.app);
    const existing = migrationFilePaths(app);
    if (existing.length > 0) {
      throw new MigError("MIG_E_USAGE", `App "${app.name}" already has ${existing.length} migration${existing.length === 1 ? "" : "s"}: mig pull only adopts a database for an app without any`, {
        hint: "Pull into a new app (add one to the config), or use mig new --auto to follow changes from the tables module",
        meta: { app: app.name },
      });
    }
    const tablesPath = options.tables === undefined ? app.tablesPath : resolve(deps.cwd, options.tables);
    const shownTables = relative(deps.cwd, tablesPath) || tablesPath;
    if (existsSync(tablesPath)) {
      throw new MigError("MIG_E_USAGE", `${shownTables} already exists: mig pull does not overwrite a tables module`, {
        hint: "Move it away, or pass --tables PATH to write the pulled tables elsewhere",
      });
    }
    return context.withConnection(async (dialect, connection) => {
      const pulled = await pullSchema({ loaded, app, dialect, connection, schema: options.schema }, deps);
      const capabilities = resolveCapabilities(dialect.capabilities);
      const module = printTablesModule(pulled.snapshot, {
        maxIdentifierLength: capabilities.maxIdentifierLength,
        header: [`The tables of app "${app.name}", pulled from the database by mig pull.`, "Edit freely: mig new --auto turns changes here into migrations."],
      });
      const steps = rawSteps(dialect, pulled.snapshot, module.leftOut, pulled.unsupported);
      const written: string[] = [];
      try {
        mkdirSync(dirname(tablesPath), { recursive: true });
        writeFileSync(tablesPath, module.text, { flag: "wx" });
        written.push(tablesPath);
        const schema = pulledTables(await loadTables({ ...app, tablesPath }, deps), dialect);
        requireSameSchema(dialect, schema, pulled.snapshot, module.leftOut.map((l) => l.entity));
        const id = deps.newMigrationId ? deps.newMigrationId() : generateMigrationId(deps.now());
        const text = baselineMigration({ id, appName: app.name, version: VERSION, description: "baseline pulled from the database", schema, rawSteps: steps });
        const path = writeMigration({ app, id, description: "" }, text);
        written.push(path);
        const sources = await loadMigrations(app, deps);
        const recorded = await runForwards({ ...baseRunOptions(loaded, [app], sources, dialect, connection), fake: true });
        if (!recorded.ok) throw recorded.error ?? new MigError("MIG_E_INTERNAL", "Recording the baseline failed");
        const shownPath = relative(deps.cwd, path);
        if (output.json) {
          output.result({ app: app.name, tables: shownTables, migration: { id, path: shownPath }, tableCount: schema.tableNames().length, raw: steps.map((s) => s.why) });
        } else {
          output.line(`${output.color.green("Pulled")} ${schema.tableNames().length} table${schema.tableNames().length === 1 ? "" : "s"} into ${shownTables}`);
          output.line(`Baseline ${shownPath} recorded as applied on this database`);
          for (const step of steps) output.warn(`kept as raw SQL in the baseline: ${step.why}`);
        }
        return EXIT.ok;
      } catch (error) {
        for (const path of written) rmSync(path, { force: true });
        throw error;
      }
    });
  });
}

/**
 * The snapshot of the pulled tables module, validated for the configured dialect as `mig new`
 * validates it (its storage rules included): a database may hold what mig refuses to create there
 * (on MariaDB, an AUTO_INCREMENT column that is a unique key but not the primary key), and a
 * module the next `mig new` would refuse must not be written.
 */
function pulledTables(module: Record<string, unknown>, dialect: Dialect): Snapshot {
  const capabilities = resolveCapabilities(dialect.capabilities);
  try {
    return snapshotFromTables(module, { maxIdentifierLength: capabilities.maxIdentifierLength, indexMethods: capabilities.indexMethods, dialect });
  } catch (error) {
    if (!isMigError(error, "MIG_E_SCHEMA_INVALID")) throw error;
    throw new MigError("MIG_E_SCHEMA_INVALID", `The database holds what mig cannot define on ${dialect.name}, so the pulled tables would be refused by mig new; nothing was written`, {
      ...(error.problems ? { problems: error.problems } : {}),
      meta: { ...error.meta, dialect: dialect.name },
      hint: "Change those columns in the database as each problem says (or leave their tables to another tool), then pull again",
      cause: error,
    });
  }
}

/** The written module must say exactly what was pulled (but what it leaves out): else a bug in mig. */
function requireSameSchema(dialect: Parameters<typeof schemaDrift>[0], written: Parameters<typeof schemaDrift>[1], pulled: Parameters<typeof schemaDrift>[2], leftOut: readonly Entity[]): void {
  const rawTables = new Set(leftOut.flatMap((e) => (e.kind === "table" ? [e.name] : [])));
  const remove = [...leftOut.map(entityKey), ...pulled.entities.filter((e) => rawTables.has(e.kind === "table" ? e.name : e.table)).map(entityKey)];
  const differences = schemaDrift(dialect, pulled.with({ remove }), written);
  if (differences.length > 0) {
    throw new MigError("MIG_E_INTERNAL", `The pulled tables module does not say what the database has (${differences.length} difference${differences.length === 1 ? "" : "s"}); nothing was written`, {
      problems: differences.map((d) => ({ message: d.message, table: d.table })),
      hint: "Please report this with the problems listed",
    });
  }
}
