import { resolveCapabilities } from "../dialect/capabilities";
import type { Dialect } from "../dialect/dialect";
import type { Statement } from "../dialect/statement";
import { MigError, isMigError } from "../errors/mig-error";
import type { RawFunction, SchemaOperation } from "../operations/operation";
import { planError } from "../diff/plan-for-dialect";
import { type PlanResult, planOperations } from "../diff/plan-operations";
import type { Operation } from "../operations/operation";
import type { Snapshot } from "../snapshot/snapshot";
import { compareMigrationIds } from "../manager/migration-id";
import { SourceReplays } from "./source-replays";
import type { RunOptions } from "./runner-types";
import { type RunnableMigration, migrationLabel } from "./migration-source";
import type { SelectedMigration } from "./select-migrations";
import type { Direction } from "./tracking-store";

/**
 * One unit of progress: a statement, or a raw function (which counts as one step). `online`: the
 * statement makes an operation marked online, and runs with its lock waits bounded and retried.
 */
export type Step =
  | { readonly kind: "statement"; readonly statement: Statement; readonly online?: true }
  | { readonly kind: "raw"; readonly fn: RawFunction };

/** A migration ready to run: loaded, checked against the dialect, and emitted as steps. */
export interface PlannedMigration {
  readonly appName: string;
  readonly id: string;
  readonly description: string;
  /** The checksum recorded with it: the file's current one. */
  readonly checksum: string;
  readonly fake: boolean;
  /** Runs in one transaction with its tracking row: the dialect has transactional DDL and the migration did not opt out. */
  readonly transactional: boolean;
  /**
   * Runs step by step, each step committed and recorded in the progress table on its own, on a
   * database with transactional DDL: it has online steps (each bounded and retried alone) or
   * statements that must commit on their own (`Statement.transaction`).
   */
  readonly separateSteps: boolean;
  readonly steps: readonly Step[];
  /**
   * Statements the dialect marked to run outside the migration's transaction (SQLite's
   * `PRAGMA foreign_keys` around a table rebuild): once each, before it begins / after it ends.
   */
  readonly before: readonly Statement[];
  readonly after: readonly Statement[];
}

/** Where a statement runs relative to the migration's transaction (`Statement.outsideTransaction`). */
function placement(statement: Statement): "before" | "after" | "inside" {
  const outside = (statement as Statement & { readonly outsideTransaction?: unknown }).outsideTransaction;
  return outside === "before" || outside === "after" ? outside : "inside";
}

/**
 * Loads a selected migration and turns its plan for `direction` into steps. Everything that can
 * be refused is refused here, before anything runs: a missing or broken file, an operation the
 * dialect cannot do (`MIG_E_UNSUPPORTED`), an operation the emitter cannot write.
 */
export interface MigrationPlanning {
  /** Consent to table rebuilds for every operation (`--allow-rebuild`, config). */
  readonly allowRebuild: boolean;
  /** Consent to the locking form of online operations the database refuses online (`--allow-locking`). */
  readonly allowLocking: boolean;
  /** The schema just before `selected` runs in `direction`; asked only when the plan needs it. */
  schemaBefore(selected: SelectedMigration, direction: Direction): Promise<Snapshot>;
}

export async function planMigration(selected: SelectedMigration, direction: Direction, dialect: Dialect, forceFake: boolean, planning: MigrationPlanning): Promise<PlannedMigration> {
  const label = migrationLabel(selected.appName, selected.id);
  const source = selected.source;
  if (!source) {
    throw new MigError("MIG_E_MIGRATION_FILE", `Migration ${label} is applied but its file is gone, so it cannot be reversed`, {
      hint: "Restore the file, or remove its tracking row with `mig clean`.",
      meta: { appName: selected.appName, id: selected.id },
    });
  }
  let migration: RunnableMigration;
  try {
    migration = await source.load();
  } catch (error) {
    if (isMigError(error)) throw error;
    throw new MigError("MIG_E_MIGRATION_FILE", `Migration ${label} cannot be loaded: ${messageOf(error)}`, {
      cause: error,
      meta: { appName: selected.appName, id: selected.id, ...(source.path ? { file: source.path } : {}) },
    });
  }
  if (migration.migrationId !== selected.id || migration.appName !== selected.appName) {
    throw new MigError(
      "MIG_E_MIGRATION_FILE",
      `Migration file ${source.path ?? label} declares ID ${selected.id} but its manager is ${migrationLabel(migration.appName, migration.migrationId)}`,
      { hint: "Make the manager's migrationId and appName match the file's ID and app.", meta: { appName: selected.appName, id: selected.id } },
    );
  }
  const fake = forceFake || migration.fake;
  const logical = direction === "forwards" ? migration.forwardsPlan() : migration.backwardsPlan();
  const steps: Step[] = [];
  const outside = { before: new Map<string, Statement>(), after: new Map<string, Statement>() };
  if (!fake) {
    const operations = await planFor(logical, selected, direction, dialect, planning, label);
    for (const operation of operations) {
      if (operation.kind === "raw") {
        // A plan may carry both kinds of raw function; only this direction's run.
        if (operation.direction === direction) steps.push({ kind: "raw", fn: operation.fn });
        continue;
      }
      const online = "online" in operation && operation.online === true;
      for (const statement of emit(dialect, operation, label)) {
        const where = placement(statement);
        // Each distinct outside statement runs once per migration, in plan order.
        if (where === "inside") steps.push(online ? { kind: "statement", statement, online } : { kind: "statement", statement });
        else outside[where].set(JSON.stringify([statement.sql, statement.params ?? []]), statement);
      }
    }
  }
  return {
    appName: selected.appName,
    id: selected.id,
    description: source.description,
    checksum: source.checksum,
    fake,
    ...transactionMode(migration.wrapInTransaction && resolveCapabilities(dialect.capabilities).transactionalDdl, steps, dialect),
    steps,
    before: [...outside.before.values()],
    after: [...outside.after.values()],
  };
}

/**
 * Whether the migration runs in one transaction, or step by step with progress although the
 * dialect's DDL is transactional: a statement that must commit on its own, or an online step
 * whose lock waits the dialect bounds (each such step is retried alone after a lock timeout).
 */
function transactionMode(transactional: boolean, steps: readonly Step[], dialect: Dialect): { transactional: boolean; separateSteps: boolean } {
  if (!transactional) return { transactional, separateSteps: false };
  const bounded = dialect.online?.lockTimeout !== undefined || dialect.online?.boundStatement !== undefined;
  const separate = steps.some((step) => step.kind === "statement" && (step.statement.transaction !== undefined || (bounded && step.online === true)));
  return { transactional: !separate, separateSteps: separate };
}

/**
 * The file's logical operations planned for this database (core's one planner): first without the
 * schema before the migration, then, when the plan needs it (a table rebuild, a foreign key in
 * the way), with it. Refused (`MIG_E_UNSUPPORTED`) with every operation that cannot run and every
 * rebuild that waits for consent.
 */
async function planFor(
  operations: readonly Operation[],
  selected: SelectedMigration,
  direction: Direction,
  dialect: Dialect,
  planning: MigrationPlanning,
  label: string,
): Promise<readonly Operation[]> {
  const capabilities = resolveCapabilities(dialect.capabilities);
  const online = dialect.online?.refusal ? { onlineRefusal: dialect.online.refusal.bind(dialect.online) } : {};
  const input = { operations, capabilities, allowRebuild: planning.allowRebuild, allowLocking: planning.allowLocking, ...online };
  let result: PlanResult = planOperations(input);
  if (!result.ok && result.needsSchema) result = planOperations({ ...input, schemaBefore: await planning.schemaBefore(selected, direction) });
  if (result.ok) return result.operations;
  const going = direction === "forwards" ? "" : " backwards";
  return Promise.reject(planError(result, `Migration ${label}${going}: ${dialect.name} cannot run {n}`, { dialect: dialect.name }));
}

/**
 * Consent and the schema before a migration, for the planner. The schema is the replay of the
 * app's migration files before it (forwards) or up to and including it (backwards: the state it
 * reverses), the same per-app view `mig new` plans from; asked only for a plan that needs it, and
 * built by `options.replay` (default: a `SourceReplays` of this run, which loads each file once and
 * builds the schema before each later migration from the one before).
 */
export function migrationPlanning(options: Pick<RunOptions, "sources" | "allowRebuild" | "allowLocking" | "replay">): MigrationPlanning {
  let replay = options.replay;
  if (!replay) {
    const replays = new SourceReplays();
    replay = (sources) => replays.replay(sources);
  }
  const replayOf = replay;
  return {
    allowRebuild: options.allowRebuild === true,
    allowLocking: options.allowLocking === true,
    schemaBefore(selected, direction) {
      const earlier = options.sources.filter((source) => {
        if (source.appName !== selected.appName) return false;
        const order = compareMigrationIds(source.id, selected.id);
        return direction === "forwards" ? order < 0 : order <= 0;
      });
      return replayOf(earlier);
    },
  };
}

function emit(dialect: Dialect, operation: SchemaOperation, label: string): readonly Statement[] {
  try {
    return dialect.emitter.emit(operation);
  } catch (error) {
    if (isMigError(error)) throw error;
    throw new MigError("MIG_E_INTERNAL", `The ${dialect.name} emitter failed on ${operation.kind} in migration ${label}: ${messageOf(error)}`, {
      cause: error,
    });
  }
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
