import {
  type Dialect,
  type Operation,
  type Snapshot,
  type Table,
  MigrationManager,
  Snapshot as SnapshotClass,
  bigint,
  foreignKey,
  integer,
  planOperations,
  replayMigrations,
  resolveCapabilities,
  serialiseMigration,
  snapshotFromTables,
  table,
  text,
  timestamp,
  varchar,
} from "@mig/core";
import { planAutoMigration } from "../roundtrip/plan-auto-migration";

/** One migration file of a history: its ID, its text, and the schema once it is applied. */
export interface HistoryStep {
  readonly id: string;
  readonly description: string;
  readonly text: string;
  /** The schema of the migrations up to and including this one. */
  readonly schema: Snapshot;
  /** Statements and raw functions in its forwards plan. */
  readonly steps: number;
  /** Statements and raw functions in its backwards plan. */
  readonly backwardsSteps: number;
}

/** The k-th migration ID of a history (they sort in k order). */
export function historyId(k: number): string {
  return `2026-02-01T00:00:${String(k).padStart(2, "0")}:000000`;
}

/** Six versions of a music app's tables: creates, adds, renames, type changes, drops, a new FK. */
function versions(): Record<string, Table>[] {
  const manager = table("manager", { name: varchar({ length: 50 }) });
  const v1Band = table("band", { name: varchar({ length: 100 }).unique(), manager: foreignKey(() => manager, { onDelete: "cascade" }).nullable(), popularity: integer().default(0) });
  const v1 = { Manager: manager, Band: v1Band };

  const v2Band = table("band", { ...v1Band.columns, country: varchar({ length: 60 }).nullable() });
  const concert = table("concert", { band: foreignKey(() => v2Band), venue: text().default("tbc") });
  const v2 = { Manager: manager, Band: v2Band, Concert: concert };

  const v3Band = table("band", { name: varchar({ length: 100 }).unique(), manager: v1Band.columns.manager, popularity: integer().default(0).index(), origin: varchar({ length: 60 }).nullable() });
  const v3Concert = table("concert", { band: foreignKey(() => v3Band), venue: text().default("tbc") });
  const v3 = { Manager: manager, Band: v3Band, Concert: v3Concert };

  const genre = table("genre", { label: varchar({ length: 40 }).unique(), since: timestamp().defaultNow() });
  const v4Band = table("band", { ...v3Band.columns, popularity: bigint().default(0).index() });
  const v4Concert = table("concert", { band: foreignKey(() => v4Band), venue: text().default("tbc") });
  const v4 = { Manager: manager, Band: v4Band, Concert: v4Concert, Genre: genre };

  const v5Band = table("band", { ...v4Band.columns, name: varchar({ length: 200 }).unique() });
  const v5 = { Manager: manager, Band: v5Band, Genre: genre };

  const ticket = table("ticket", { band: foreignKey(() => v5Band, { onDelete: "cascade" }), seat: varchar({ length: 10 }), price: integer().nullable() }, { unique: [["band", "seat"]] });
  const v6 = { Manager: manager, Band: v5Band, Genre: genre, Ticket: ticket };
  return [v1, v2, v3, v4, v5, v6];
}

const DESCRIPTIONS = ["manager and band", "band.country, concert", "index popularity, rename country to origin", "genre, popularity bigint", "drop concert, longer band names", "ticket"];

/**
 * A raw function that waits, inside the migration's transaction where there is one, to widen the
 * window in which a kill lands inside a migration. How long is read when it runs:
 * `MIG_REL_SLEEP_<k>` for the k-th migration, else `MIG_REL_SLEEP_MS`, else not at all.
 */
function sleepRaw(k: number): string {
  const body = [
    `    const ms = Number(process.env.MIG_REL_SLEEP_${k} ?? process.env.MIG_REL_SLEEP_MS ?? 0);`,
    "    if (ms > 0) await new Promise((resolve) => setTimeout(resolve, ms));",
  ];
  return ["  manager.addRaw(async () => {", ...body, "  });", "  manager.addRawBackwards(async () => {", ...body, "  });", ""].join("\n");
}

/**
 * Builds history steps one migration at a time: each `add` serialises the operations as the k-th
 * migration file and records the schema after it and its step counts (see {@link HistoryStep}).
 */
function historyBuilder(dialect: Dialect, appName: string, sleep: boolean) {
  const capabilities = resolveCapabilities(dialect.capabilities);
  const managers: MigrationManager[] = [];
  const steps: HistoryStep[] = [];
  let from: Snapshot = SnapshotClass.empty();
  return {
    capabilities,
    steps,
    schema: () => from,
    add(operations: readonly Operation[], description: string): HistoryStep {
      const k = steps.length + 1;
      const id = historyId(k);
      let text = serialiseMigration({ id, appName, description, version: "0.1.0", operations: [...operations] });
      if (sleep) text = text.replace("  return manager;\n", `${sleepRaw(k)}\n  return manager;\n`);
      const manager = new MigrationManager({ migrationId: id, appName, description });
      for (const operation of operations) manager.addOperation(operation);
      managers.push(manager);
      const before = from;
      from = replayMigrations(managers);
      // The statements the runner emits: the file's logical operations, planned for the dialect
      // (forwards from the schema before, backwards from the schema after).
      const count = (plan: readonly Operation[], schemaBefore: Snapshot) => {
        const result = planOperations({ operations: plan, capabilities, schemaBefore });
        if (!result.ok) throw new Error(`history step ${k} does not plan on ${dialect.name}`);
        return result.operations.flatMap((operation) => (operation.kind === "raw" ? [] : dialect.emitter.emit(operation))).filter((s) => !s.outsideTransaction).length;
      };
      const step = { id, description, text, schema: from, steps: count(operations, before) + (sleep ? 1 : 0), backwardsSteps: count(manager.backwardsPlan(), from) + (sleep ? 1 : 0) };
      steps.push(step);
      return step;
    },
  };
}

/**
 * The files `mig new --auto` writes for the six versions, for `dialect` (SQLite with
 * `--allow-rebuild`); with `sleep`, each gets raw functions (forwards and backwards) after its
 * operations that wait as long as the environment says (see `sleepRaw`).
 */
export async function buildHistory(dialect: Dialect, options: { readonly appName?: string; readonly sleep?: boolean } = {}): Promise<HistoryStep[]> {
  const history = historyBuilder(dialect, options.appName ?? "music", options.sleep === true);
  for (const [index, tables] of versions().entries()) {
    const to = snapshotFromTables(tables, { maxIdentifierLength: history.capabilities.maxIdentifierLength, indexMethods: history.capabilities.indexMethods });
    const renames = index === 2 ? ["band.country=band.origin"] : [];
    const operations = await planAutoMigration({ dialect, from: history.schema(), to, renames, allowRebuild: history.capabilities.rebuildTable });
    history.add(operations, DESCRIPTIONS[index]!);
  }
  return history.steps;
}

/** A history of the migrations given (operations and a description each), for trials of particular changes (an online foreign key). */
export function historyOf(dialect: Dialect, migrations: readonly { readonly description: string; readonly operations: readonly Operation[] }[], appName = "music"): HistoryStep[] {
  const history = historyBuilder(dialect, appName, false);
  for (const migration of migrations) history.add(migration.operations, migration.description);
  return history.steps;
}
