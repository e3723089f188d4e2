import { MigError, isMigError } from "../errors/mig-error";
import type { Operation, RawFunction, SchemaOperation } from "../operations/operation";
import type { ManagerMethod } from "./call-formats";
import { invertOperation } from "../operations/invert-operation";
import type {
  AddColumnArgs,
  AlterColumnArgs,
  CheckArgs,
  ConstraintArgs,
  DropColumnArgs,
  ForeignKeyArgs,
  IndexArgs,
  MigrationTable,
  RebuildTableArgs,
  RenameColumnArgs,
  RenameTableArgs,
  UniqueArgs,
} from "./manager-calls";
import { isMigrationId } from "./migration-id";
import { callToOperation } from "./read-call";
import { operationToCall } from "./write-call";
import { readBoolean, readName, readObject, readString } from "./read-arguments";

export interface MigrationManagerOptions {
  /** The migration's ID (`YYYY-MM-DDTHH:MM:SS:ffffff`, or the old `YYYY-MM-DDTHH:MM:SS`). */
  readonly migrationId: string;
  readonly appName: string;
  readonly description?: string;
  /** Record the migration as applied without running it. Default `false`. */
  readonly fake?: boolean;
  /** Run the migration in a transaction where the dialect has transactional DDL. Default `true`. */
  readonly wrapInTransaction?: boolean;
  /**
   * The author has reviewed the locks this migration takes and the data it loses, and accepts
   * them: `mig lint` lists its operations but does not fail on them. Default `false`.
   */
  readonly accept?: boolean;
}

/**
 * Records the operations of one migration, in order, and gives the plan to apply them
 * (`forwardsPlan`) and the exact plan to reverse them (`backwardsPlan`). Every argument is a plain
 * literal, checked when recorded (`MIG_E_MIGRATION_FILE` naming the field).
 *
 * @example
 * ```ts
 * const manager = new MigrationManager({ migrationId: "2026-11-22T13:58:23:024723", appName: "music" });
 * manager.addTable({ name: "band", primaryKey: ["id"], columns: [{ name: "id", type: "serial" }] });
 * manager.addColumn({ table: "band", name: "popularity", type: "integer", default: { kind: "value", value: 0 } });
 * manager.backwardsPlan(); // drop_column popularity, then drop_table band
 * ```
 */
export class MigrationManager {
  readonly migrationId: string;
  readonly appName: string;
  readonly description: string;
  readonly fake: boolean;
  readonly wrapInTransaction: boolean;
  readonly accept: boolean;
  readonly #operations: Operation[] = [];

  constructor(options: MigrationManagerOptions) {
    const path = "MigrationManager";
    const fields = readObject(options, path, ["migrationId", "appName", "description", "fake", "wrapInTransaction", "accept"]);
    this.migrationId = readName(fields, "migrationId", path);
    if (!isMigrationId(this.migrationId)) {
      throw new MigError("MIG_E_MIGRATION_FILE", `${path}.migrationId: ${JSON.stringify(this.migrationId)} is not a migration ID`, {
        hint: 'Migration IDs look like "2026-11-22T13:58:23:024723".',
        meta: { path: `${path}.migrationId` },
      });
    }
    this.appName = readName(fields, "appName", path);
    this.description = fields.description === undefined ? "" : readString(fields, "description", path);
    this.fake = readBoolean(fields, "fake", path, false);
    this.wrapInTransaction = readBoolean(fields, "wrapInTransaction", path, true);
    this.accept = readBoolean(fields, "accept", path, false);
  }

  /** Every recorded operation, raw functions included, in the order recorded. */
  get operations(): readonly Operation[] {
    return Object.freeze([...this.#operations]);
  }

  addTable(table: MigrationTable): this { return this.#call("addTable", table); }
  /** `table` is the whole table, so that going backwards recreates it. */
  dropTable(table: MigrationTable): this { return this.#call("dropTable", table); }
  renameTable(rename: RenameTableArgs): this { return this.#call("renameTable", rename); }
  addColumn(column: AddColumnArgs): this { return this.#call("addColumn", column); }
  /** `column` is the whole column, so that going backwards re-adds it. */
  dropColumn(column: DropColumnArgs): this { return this.#call("dropColumn", column); }
  renameColumn(rename: RenameColumnArgs): this { return this.#call("renameColumn", rename); }
  /** `from` and `to` are the column's whole definition before and after. */
  alterColumn(change: AlterColumnArgs): this { return this.#call("alterColumn", change); }
  addIndex(index: IndexArgs): this { return this.#call("addIndex", index); }
  dropIndex(index: IndexArgs): this { return this.#call("dropIndex", index); }
  addUnique(unique: UniqueArgs): this { return this.#call("addUnique", unique); }
  dropUnique(unique: UniqueArgs): this { return this.#call("dropUnique", unique); }
  addCheck(check: CheckArgs): this { return this.#call("addCheck", check); }
  dropCheck(check: CheckArgs): this { return this.#call("dropCheck", check); }
  addForeignKey(foreignKey: ForeignKeyArgs): this { return this.#call("addForeignKey", foreignKey); }
  dropForeignKey(foreignKey: ForeignKeyArgs): this { return this.#call("dropForeignKey", foreignKey); }
  /** A unique, check or foreign key told apart by `kind`, as files written by mig 0.1 add them; new files call `addUnique`, `addCheck`, `addForeignKey`. */
  addConstraint(constraint: ConstraintArgs): this { return this.#call("addConstraint", constraint); }
  /** As {@link addConstraint}, for files written by mig 0.1; new files call `dropUnique`, `dropCheck`, `dropForeignKey`. */
  dropConstraint(constraint: ConstraintArgs): this { return this.#call("dropConstraint", constraint); }
  /**
   * A table rebuild, as files written by mig 0.1 hold them (new files hold the logical changes
   * instead). The planner reads it as the changes from `from` to `to` with consent to a rebuild:
   * a database that can ALTER makes those changes, one that cannot rebuilds the table.
   */
  rebuildTable(rebuild: RebuildTableArgs): this { return this.#call("rebuildTable", rebuild); }

  /** A function run when applying the migration. */
  addRaw(fn: RawFunction): this { return this.#raw("forwards", fn); }
  /** A function run only when reversing the migration. */
  addRawBackwards(fn: RawFunction): this { return this.#raw("backwards", fn); }

  /** Records an operation built elsewhere (checked and copied like a manager call). */
  addOperation(operation: Operation): this {
    if (operation.kind === "raw") return this.#raw(operation.direction, operation.fn);
    const call = this.#context(() => operationToCall(operation), "addOperation");
    return this.#call(call.method, call.argument);
  }

  /** The operations to apply, in the order recorded; raw-backwards functions left out. */
  forwardsPlan(): readonly Operation[] {
    return Object.freeze(this.#operations.filter((operation) => !(operation.kind === "raw" && operation.direction === "backwards")));
  }

  /**
   * The operations that undo this migration: the recorded operations in reverse order, each schema
   * operation inverted, raw-backwards functions in their mirrored position, raw forwards left out.
   */
  backwardsPlan(): readonly Operation[] {
    const plan: Operation[] = [];
    for (let index = this.#operations.length - 1; index >= 0; index--) {
      const operation = this.#operations[index] as Operation;
      if (operation.kind !== "raw") plan.push(Object.freeze(invertOperation(operation)));
      else if (operation.direction === "backwards") plan.push(operation);
    }
    return Object.freeze(plan);
  }

  #call(method: ManagerMethod, argument: unknown): this {
    const operation: SchemaOperation = this.#context(() => callToOperation(method, argument), method);
    this.#operations.push(operation);
    return this;
  }

  #raw(direction: "forwards" | "backwards", fn: RawFunction): this {
    const method = direction === "forwards" ? "addRaw" : "addRawBackwards";
    if (typeof fn !== "function") {
      throw this.#wrap(new MigError("MIG_E_MIGRATION_FILE", `${method}: expected a function, got ${typeof fn}`), method);
    }
    this.#operations.push(Object.freeze({ kind: "raw", direction, fn }));
    return this;
  }

  #context<T>(run: () => T, method: string): T {
    try {
      return run();
    } catch (error) {
      throw isMigError(error) ? this.#wrap(error, method) : error;
    }
  }

  #wrap(error: MigError, method: string): MigError {
    return new MigError(error.code, `Migration ${this.migrationId} of app "${this.appName}": ${error.message}`, {
      ...(error.hint === undefined ? {} : { hint: error.hint }),
      meta: { ...error.meta, migrationId: this.migrationId, appName: this.appName, method },
      cause: error,
    });
  }
}

/** Every method of the file format (call-formats.ts) is a method of the manager: a new operation kind does not compile until it has one. */
const EVERY_METHOD: [Exclude<ManagerMethod, keyof MigrationManager>] extends [never] ? true : never = true;
void EVERY_METHOD;
