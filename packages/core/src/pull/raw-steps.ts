import type { Dialect } from "../dialect/dialect";
import type { UnsupportedObject } from "../dialect/introspector";
import { MigError, isMigError } from "../errors/mig-error";
import type { SchemaOperation } from "../operations/operation";
import type { Entity } from "../snapshot/entities";
import type { Snapshot } from "../snapshot/snapshot";
import type { LeftOut } from "./tables-module-plan";

/** A raw step of the baseline migration: statements and why they are not in the DSL. */
export interface RawStep {
  /** `column band.mood: type mood is an enum, which mig does not model`. */
  readonly why: string;
  readonly sql: readonly string[];
}

function createOperation(entity: Entity, snapshot: Snapshot): SchemaOperation {
  switch (entity.kind) {
    case "table":
      return { kind: "create_table", schema: snapshot.table(entity.name)! };
    case "column":
      return { kind: "add_column", table: entity.table, column: entity };
    case "index":
      return { kind: "add_index", index: entity };
    case "unique":
      return { kind: "add_unique", unique: entity };
    case "check":
      return { kind: "add_check", check: entity };
    case "foreign_key":
      return { kind: "add_foreign_key", foreignKey: entity };
  }
}

function label(entity: Entity): string {
  return entity.kind === "table" ? `table ${entity.name}` : `${entity.kind.replace("_", " ")} ${entity.table}.${entity.name}`;
}

/**
 * The raw steps that keep, in the baseline migration, what the DSL cannot say: entities the
 * tables module leaves out (created by the dialect's emitter, after the tables), then what the
 * introspector does not model (its own statements). Statements repeated by several objects (one
 * enum type used by two columns) are kept once. Throws `MIG_E_UNSUPPORTED` when something can be
 * neither written in the DSL nor created by a statement: `mig pull` never drops anything silently.
 */
export function rawSteps(dialect: Dialect, snapshot: Snapshot, leftOut: readonly LeftOut[], unsupported: readonly UnsupportedObject[]): RawStep[] {
  const steps: RawStep[] = [];
  const seen = new Set<string>();
  const keep = (why: string, sql: readonly string[]) => {
    const fresh = sql.filter((s) => !seen.has(s));
    for (const s of fresh) seen.add(s);
    steps.push({ why, sql: fresh });
  };
  // A table kept raw takes its own entities with it.
  const rawTables = new Set(leftOut.flatMap((l) => (l.entity.kind === "table" ? [l.entity.name] : [])));
  for (const { entity, reason } of leftOut) {
    if (entity.kind !== "table" && rawTables.has(entity.table)) continue;
    let sql: string[];
    try {
      sql = dialect.emitter.emit(createOperation(entity, snapshot)).map((statement) => {
        if (statement.params && statement.params.length > 0) throw new MigError("MIG_E_UNSUPPORTED", "the statement needs bind parameters");
        return statement.sql;
      });
    } catch (error) {
      if (!isMigError(error)) throw error;
      throw new MigError("MIG_E_UNSUPPORTED", `mig pull cannot keep ${label(entity)}: ${reason}, and the ${dialect.name} dialect cannot create it on its own (${error.message})`, {
        hint: "Change it in the database to something mig models, or leave the table out of the pull",
        meta: { entity },
        cause: error,
      });
    }
    keep(`${label(entity)}: ${reason}`, sql);
  }
  for (const object of unsupported) {
    const name = object.kind === "table" ? `table ${object.table}` : `${object.kind} ${object.table}.${object.name}`;
    if (object.sql.length === 0) {
      throw new MigError("MIG_E_UNSUPPORTED", `mig pull cannot keep ${name}: ${object.reason}, and the ${dialect.name} dialect gives no statement to create it`, {
        hint: "Change it in the database to something mig models, or leave the table out of the pull",
        meta: { table: object.table, name: object.name },
      });
    }
    keep(`${name}: ${object.reason}, which mig does not model`, object.sql);
  }
  return steps.filter((step) => step.sql.length > 0);
}
