import type { ResolvedCapabilities } from "../dialect/capabilities";
import type { OnlineSupport } from "../dialect/online-support";
import { isMigError } from "../errors/mig-error";
import type { AddColumnOperation, CreateTableOperation, Operation, SchemaOperation } from "../operations/operation";
import { applyOperations } from "../operations/apply-operation";
import type { ForeignKeyEntity } from "../snapshot/entities";
import type { Snapshot } from "../snapshot/snapshot";
import { invertOperation } from "../operations/invert-operation";
import { REBUILD_CURES, lowerToRebuild } from "./lower-to-rebuild";
import { rebuildAsChanges } from "./rebuild-as-changes";
import { refusalOf } from "./refusal-of";
import { hasForeignKeyColumnChange, wrapForeignKeyColumnAlters } from "./wrap-foreign-key-alters";

/** One operation of a plan that the database cannot run as it is, and why. */
export interface PlanProblem {
  readonly operation: Operation;
  /** Its position in the plan being checked. */
  readonly index: number;
  readonly table: string;
  readonly column?: string;
  readonly reason: string;
  /** Set when the operation is marked online and the database cannot make it so: what to do instead. */
  readonly onlineHint?: string;
}

/** @deprecated The name of {@link PlanProblem} before 0.2. */
export type RefusedOperation = PlanProblem;

/** What a rebuild lowering receives: the whole plan, what was refused, and the schema before it. */
export interface RebuildRequest {
  readonly operations: readonly Operation[];
  readonly refused: readonly PlanProblem[];
  readonly from: Snapshot;
}

/**
 * Rewrites the refused operations of a plan into `rebuild_table` operations (SQLite's copy into
 * a new table). The extension point of the planner; the plan it returns is checked again.
 */
export type RebuildLowering = (request: RebuildRequest) => readonly Operation[];

/** What {@link planOperations} plans. */
export interface PlanInput {
  /** The logical operations, as a migration file (or the diff) holds them, in order. */
  readonly operations: readonly Operation[];
  /** The dialect's flags, resolved once (`resolveCapabilities`). */
  readonly capabilities: ResolvedCapabilities;
  /**
   * Consent to a table rebuild for every operation (`mig forwards --allow-rebuild`, the
   * `allowRebuild` config option). An operation may also carry its own (`allowRebuild: true` in
   * the file). Default `false`.
   */
  readonly allowRebuild?: boolean;
  /**
   * The schema before the operations run, or a function that gives it (called at most once, and
   * only when the plan needs it: for a table rebuild, or foreign keys in the way of a change).
   */
  readonly schemaBefore?: Snapshot | (() => Snapshot);
  /**
   * Also check that dropped columns can be added back when the migration is reversed (what `mig
   * new` asks before it writes a file). Default `false`.
   */
  readonly checkReverse?: boolean;
  /** The rebuild lowering. Default: `lowerToRebuild`. */
  readonly rebuild?: RebuildLowering;
  /**
   * The dialect's refusal of operations marked `online` it cannot make without blocking writes
   * (`Dialect.online.refusal`). Default: none refused.
   */
  readonly onlineRefusal?: OnlineSupport["refusal"];
  /**
   * Consent to the locking form of every operation marked online that the dialect refuses online
   * (`mig forwards --allow-locking`). An operation may also carry its own (`allowLocking: true` in
   * the file). Such an operation is planned as without `online`. Default `false`.
   */
  readonly allowLocking?: boolean;
}

/**
 * The planner's answer, as a value:
 * - `ok: true`: the operations to emit, in order (`rebuilt` names the tables rebuilt by copy);
 * - `ok: false`: every operation that cannot run. `refusals` cannot run on this database at all;
 *   `questions` can, by a table rebuild, once the user consents; `needsSchema` asks for the
 *   schema before the operations (not given, and needed for a rebuild or a foreign-key change).
 */
export type PlanResult =
  | { readonly ok: true; readonly operations: readonly Operation[]; readonly rebuilt: readonly string[] }
  | {
      readonly ok: false;
      readonly refusals: readonly PlanProblem[];
      readonly questions: readonly PlanProblem[];
      /** Nothing is refused yet, but the plan needs `schemaBefore`: plan again with it. */
      readonly needsSchema?: true;
    };

/**
 * The one planner: fits logical operations to what a database can do, when a migration is
 * applied (`forwards`, `backwards`, `--preview`, `check`) and when it is written (`new`, for every
 * target). Pure: it reads only its input.
 *
 * - A table rebuild from a file of mig 0.1 is read as the changes it makes, with consent, by a
 *   dialect that does not rebuild tables.
 * - A dialect that cannot change constraints of an existing table gets the foreign keys of a
 *   cycle inside its CREATE TABLEs, a new nullable column's foreign key inline
 *   (`addColumnForeignKey`), and no separate drop of a foreign key whose table is dropped by the
 *   same plan.
 * - A dialect that cannot change or rename a column under a foreign key gets the key dropped and
 *   added back around the change.
 * - What is still refused is lowered to table rebuilds when the dialect offers them and every
 *   refused operation has consent; otherwise every refusal and open question is returned.
 *
 * @example
 * ```ts
 * const result = planOperations({ operations: manager.forwardsPlan(), capabilities, schemaBefore: () => replay() });
 * if (!result.ok) for (const q of result.questions) console.log(`${q.reason}: needs --allow-rebuild`);
 * ```
 */
export function planOperations(input: PlanInput): PlanResult {
  const forward = planOnce(input);
  if (!input.checkReverse || (!forward.ok && forward.needsSchema)) return forward;
  const backward = reverseProblems(input);
  if (backward.refusals.length === 0 && backward.questions.length === 0) return forward;
  const refusals = [...(forward.ok ? [] : forward.refusals), ...backward.refusals];
  const questions = [...(forward.ok ? [] : forward.questions), ...backward.questions.filter((q) => !refusals.some((r) => r.operation === q.operation))];
  return { ok: false, refusals, questions };
}

function planOnce(input: PlanInput): PlanResult {
  const { capabilities } = input;
  const schemaBefore = once(input.schemaBefore);
  let plan = capabilities.rebuildTable ? input.operations : rebuildsAsChanges(input.operations);
  if (!capabilities.alterConstraints) {
    plan = dropWithTables(foldCycleForeignKeys(plan));
    if (capabilities.addColumnForeignKey) plan = foldAddColumnForeignKeys(plan);
  }
  const limits = { retype: !capabilities.alterForeignKeyColumnType, rename: !capabilities.renameForeignKeyColumn };
  if (limits.retype || limits.rename) {
    if (!schemaBefore && hasForeignKeyColumnChange(plan, limits)) return NEEDS_SCHEMA;
    plan = wrapForeignKeyColumnAlters(plan, schemaBefore, limits);
  }

  if (input.onlineRefusal) {
    const online = notOnline(plan, input.onlineRefusal, input.allowLocking === true);
    if (online.refused.length > 0) return { ok: false, refusals: online.refused, questions: [] };
    plan = online.plan;
  }

  const refused = refusedOperations(plan, capabilities);
  if (refused.length === 0) return { ok: true, operations: plan, rebuilt: [] };

  // A table with a refusal no rebuild cures is not rebuilt at all: its other refusals stand too.
  const cured = (problem: PlanProblem) => capabilities.rebuildTable && REBUILD_CURES.has(problem.operation.kind);
  const blocked = new Set(refused.filter((problem) => !cured(problem)).map((problem) => problem.table));
  const refusals: PlanProblem[] = [];
  const questions: PlanProblem[] = [];
  for (const problem of refused) {
    if (!cured(problem) || blocked.has(problem.table)) refusals.push(problem);
    else if (!(input.allowRebuild === true || consents(problem.operation))) questions.push(problem);
  }
  if (refusals.length > 0 || questions.length > 0) return { ok: false, refusals, questions };
  if (!schemaBefore) return NEEDS_SCHEMA;

  let lowered: readonly Operation[];
  try {
    lowered = (input.rebuild ?? lowerToRebuild)({ operations: plan, refused, from: schemaBefore() });
  } catch (error) {
    if (!isMigError(error, "MIG_E_UNSUPPORTED")) throw error;
    return { ok: false, questions: [], refusals: [{ ...(refused[0] as PlanProblem), reason: error.hint ? `${error.message} (${error.hint})` : error.message }] };
  }
  // The lowered plan must need nothing more.
  const left = refusedOperations(lowered, capabilities);
  if (left.length > 0) return { ok: false, refusals: left, questions: [] };
  const rebuilt = lowered.flatMap((op) => (op.kind === "rebuild_table" ? [op.to.table.name] : []));
  return { ok: true, operations: lowered, rebuilt };
}

const NEEDS_SCHEMA: PlanResult = Object.freeze({ ok: false, refusals: [], questions: [], needsSchema: true });

/**
 * A `rebuild_table` of a file written by mig 0.1, for a dialect without rebuilds: the logical
 * changes it stands for, each with consent (`rebuildAsChanges`). A dialect that rebuilds runs it
 * as written.
 */
function rebuildsAsChanges(operations: readonly Operation[]): readonly Operation[] {
  if (!operations.some((op) => op.kind === "rebuild_table")) return operations;
  return operations.flatMap((op): readonly Operation[] => (op.kind === "rebuild_table" ? (rebuildAsChanges(op) ?? [op]) : [op]));
}

function consents(operation: Operation): boolean {
  return "allowRebuild" in operation && operation.allowRebuild === true;
}

/**
 * Operations marked online that the dialect cannot make online, with what to do instead; those
 * with consent to the locking form (`allowLocking`, on the operation or for all) are not refused
 * but planned without `online`, so that the dialect emits its ordinary (locking) form.
 */
function notOnline(operations: readonly Operation[], refusal: NonNullable<OnlineSupport["refusal"]>, allowLocking: boolean): { plan: readonly Operation[]; refused: PlanProblem[] } {
  const refused: PlanProblem[] = [];
  const plan = operations.map((operation, index) => {
    if (operation.kind === "raw" || !("online" in operation) || operation.online !== true) return operation;
    const why = refusal(operation);
    if (!why) return operation;
    if (allowLocking || ("allowLocking" in operation && operation.allowLocking === true)) {
      const { online: _online, ...locking } = operation;
      return locking as Operation;
    }
    const table = "table" in operation && typeof operation.table === "string" ? operation.table : "";
    const column = operation.kind === "alter_column" ? operation.to.name : undefined;
    refused.push({ operation, index, table, ...(column !== undefined ? { column } : {}), reason: why.reason, onlineHint: why.hint });
    return operation;
  });
  return { plan, refused };
}

/** A snapshot given as is or by a function, asked for at most once. */
function once(given: Snapshot | (() => Snapshot) | undefined): (() => Snapshot) | undefined {
  if (given === undefined) return undefined;
  if (typeof given !== "function") return () => given;
  let value: Snapshot | undefined;
  return () => (value ??= given());
}

/** Every operation of the plan the dialect cannot perform, in plan order. */
export function refusedOperations(operations: readonly Operation[], capabilities: ResolvedCapabilities): PlanProblem[] {
  const refused: PlanProblem[] = [];
  operations.forEach((operation, index) => {
    const refusal = refusalOf(operation, operations, capabilities);
    if (refusal) refused.push({ operation, index, ...refusal });
  });
  return refused;
}

/**
 * What reversing the operations would need (`checkReverse`, asked by `mig new` so that it never
 * writes a migration whose backwards cannot run): the inverse plan, newest first, planned from the
 * schema after the operations. Each problem names the forward operation whose inverse it is, so
 * that consent recorded on it carries over (invertOperation keeps `allowRebuild`). SQLite, for
 * one, adds a nullable foreign-key column in place but can only take it out again by a rebuild.
 */
function reverseProblems(input: PlanInput): { refusals: PlanProblem[]; questions: PlanProblem[] } {
  const none = { refusals: [], questions: [] };
  const given = input.schemaBefore;
  if (given === undefined) return none;
  const forwards = input.operations.filter((op): op is SchemaOperation => op.kind !== "raw");
  // The schema after the operations, built only when the reverse plan asks for it (most do not:
  // 500 CREATE TABLEs reverse to 500 DROP TABLEs, planned without it). Operations that do not fit
  // the schema leave nothing to check here (`unfit`): the forward plan reports them.
  let unfit: unknown;
  const after = (): Snapshot => {
    try {
      return applyOperations(typeof given === "function" ? given() : given, forwards);
    } catch (error) {
      if (isMigError(error)) unfit = error;
      throw error;
    }
  };
  const origin = new Map<Operation, SchemaOperation>();
  const inverses = [...forwards].reverse().map((op) => {
    const inverse = invertOperation(op);
    origin.set(inverse, op);
    return inverse;
  });
  // Only what the reverse needs matters here, so the default lowering checks it.
  let result: PlanResult;
  try {
    result = planOnce({ operations: inverses, capabilities: input.capabilities, schemaBefore: after, ...(input.allowRebuild !== undefined ? { allowRebuild: input.allowRebuild } : {}) });
  } catch (error) {
    if (unfit !== undefined && error === unfit) return none;
    throw error;
  }
  if (result.ok || result.needsSchema) return none;
  const back = (problem: PlanProblem): PlanProblem[] => {
    const operation = origin.get(problem.operation);
    if (!operation) return [];
    const reason = `going backwards, ${problem.reason}`;
    return [{ ...problem, operation, index: input.operations.indexOf(operation), reason }];
  };
  return { refusals: result.refusals.flatMap(back), questions: result.questions.flatMap(back) };
}

/**
 * A dialect that cannot add a foreign key to an existing table gets the FKs of a cycle inside
 * the CREATE TABLE statements instead. Such a dialect (SQLite) accepts a reference to a table
 * that does not exist yet: foreign-key errors that need another table's definition are not
 * detected by CREATE TABLE, only when rows are written.
 */
function foldCycleForeignKeys(operations: readonly Operation[]): readonly Operation[] {
  const created = new Map<string, CreateTableOperation>();
  for (const op of operations) if (op.kind === "create_table") created.set(op.schema.table.name, op);
  if (created.size === 0) return operations;
  const folded = new Map<string, CreateTableOperation>();
  const result: Operation[] = [];
  for (const op of operations) {
    const create = op.kind === "add_foreign_key" ? created.get(op.foreignKey.table) : undefined;
    if (op.kind !== "add_foreign_key" || !create) {
      result.push(op);
      continue;
    }
    const name = create.schema.table.name;
    const current = folded.get(name) ?? create;
    folded.set(name, { kind: "create_table", schema: { ...current.schema, foreignKeys: [...current.schema.foreignKeys, op.foreignKey] } });
  }
  return folded.size === 0 ? operations : result.map((op) => (op.kind === "create_table" ? (folded.get(op.schema.table.name) ?? op) : op));
}

/**
 * The reverse of the fold above: a foreign key dropped before its own table is dropped by the
 * same plan (the first step of reversing a cycle) goes with the table instead.
 */
function dropWithTables(operations: readonly Operation[]): readonly Operation[] {
  const dropped = new Set<string>();
  const result: Operation[] = [];
  for (let i = operations.length - 1; i >= 0; i--) {
    const op = operations[i] as Operation;
    if (op.kind === "drop_table") dropped.add(op.schema.table.name);
    if (op.kind === "create_table" || op.kind === "rename_table") {
      dropped.delete(op.kind === "create_table" ? op.schema.table.name : op.to);
    }
    if (op.kind === "drop_foreign_key" && dropped.has(op.foreignKey.table)) continue;
    result.push(op);
  }
  return result.length === operations.length ? operations : result.reverse();
}

/**
 * For a dialect that cannot add a foreign key to an existing table but can add a column that
 * has one (SQLite: `ALTER TABLE … ADD COLUMN … REFERENCES`, allowed when the column's default is
 * NULL): a new nullable column without a default and the
 * single-column foreign key added on it by the same plan become one `add_column` that carries
 * the key, instead of a table rebuild.
 */
function foldAddColumnForeignKeys(operations: readonly Operation[]): readonly Operation[] {
  const added = new Map<string, number>();
  operations.forEach((op, index) => {
    if (op.kind === "add_column" && op.column.nullable && op.column.default == null && op.backfill === undefined) {
      added.set(`${op.table}\u0000${op.column.name}`, index);
    }
  });
  if (added.size === 0) return operations;
  const carried = new Map<number, ForeignKeyEntity>();
  const taken = new Set<number>();
  operations.forEach((op, index) => {
    if (op.kind !== "add_foreign_key" || op.foreignKey.columns.length !== 1) return;
    const at = added.get(`${op.foreignKey.table}\u0000${op.foreignKey.columns[0] as string}`);
    if (at === undefined || at > index || carried.has(at)) return;
    carried.set(at, op.foreignKey);
    taken.add(index);
  });
  if (taken.size === 0) return operations;
  const result: Operation[] = [];
  operations.forEach((op, index) => {
    if (taken.has(index)) return;
    const foreignKey = carried.get(index);
    result.push(foreignKey ? ({ ...(op as AddColumnOperation), references: foreignKey } satisfies AddColumnOperation) : op);
  });
  return result;
}
