import type { Connection } from "../dialect/connection";
import type { Dialect } from "../dialect/dialect";
import type { UnsupportedObject } from "../dialect/introspector";
import { requireIntrospector } from "../dialect/require-introspector";
import { MigError } from "../errors/mig-error";
import { schemasOfTables } from "../schema/qualified-table-name";
import { DEFAULT_TRACKING_TABLE, progressTableName } from "../runner/tracking-schema";
import { planTablesModule } from "../pull/tables-module-plan";
import { entityKey } from "../snapshot/entities";
import type { Snapshot } from "../snapshot/snapshot";
import { type DriftDifference, schemaDrift } from "./schema-drift";

export interface DetectDriftOptions {
  readonly dialect: Dialect;
  readonly connection: Connection;
  /** The schema the applied migrations add up to (`replayMigrations` of the applied files). */
  readonly expected: Snapshot;
  /** Left out of the comparison with its progress table. Default `mig_migrations`. */
  readonly trackingTable?: string;
}

export interface DriftReport {
  readonly differences: readonly DriftDifference[];
  /** What the database has and mig does not model (enum columns, ...): left out of the comparison. */
  readonly notCompared: readonly UnsupportedObject[];
}

/**
 * Compares the live database with the schema its applied migrations add up to: one
 * introspection (the dialect's introspector; `MIG_E_UNSUPPORTED` without one), then the pure
 * {@link schemaDrift}. mig's own tracking tables are left out; so is what mig does not model, and
 * what its DSL cannot say (kept by `mig pull` as raw steps), which is listed in `notCompared` instead.
 *
 * @example
 * ```ts
 * const { differences } = await detectDrift({ dialect, connection, expected: replayMigrations(applied) });
 * if (differences.length > 0) throw driftError(differences);
 * ```
 */
export async function detectDrift(options: DetectDriftOptions): Promise<DriftReport> {
  const { dialect, connection } = options;
  const introspector = requireIntrospector(dialect, "the drift check");
  const tracking = options.trackingTable ?? DEFAULT_TRACKING_TABLE;
  const notCompared: UnsupportedObject[] = [];
  // The named schemas the migrations put tables in are read too (dialects with schemas).
  const schemas = schemasOfTables(options.expected.tableNames());
  const actual = await introspector.introspect(connection, {
    excludeTables: [tracking, progressTableName(tracking)],
    ...(schemas.length > 0 ? { schemas } : {}),
    onUnsupported: (object) => notCompared.push(object),
  });
  // What the DSL cannot say (a foreign key over two columns, a table without a key) is kept by
  // raw steps the replay does not see: left out on both sides, and listed.
  const leftOut = [...planTablesModule(actual).leftOut, ...planTablesModule(options.expected).leftOut];
  const tables = new Set(leftOut.flatMap(({ entity }) => (entity.kind === "table" ? [entity.name] : [])));
  const keys = new Set(leftOut.map(({ entity }) => entityKey(entity)));
  const skip = (snapshot: Snapshot) => snapshot.with({ remove: snapshot.entities.filter((e) => keys.has(entityKey(e)) || tables.has(e.kind === "table" ? e.name : e.table)).map(entityKey) });
  for (const { entity, reason } of planTablesModule(actual).leftOut) {
    const kind = entity.kind === "table" ? "table" : entity.kind === "column" ? "column" : entity.kind === "index" ? "index" : "constraint";
    notCompared.push({ kind, table: entity.kind === "table" ? entity.name : entity.table, name: entity.name, reason: `mig's DSL cannot say it: ${reason}`, sql: [] });
  }
  return { differences: schemaDrift(dialect, skip(options.expected), skip(actual)), notCompared };
}

/** `MIG_E_DRIFT`, one problem per difference: what `mig forwards` throws on a drifted database. */
export function driftError(differences: readonly DriftDifference[]): MigError {
  const count = differences.length;
  return new MigError("MIG_E_DRIFT", `The database differs from its applied migrations in ${count} place${count === 1 ? "" : "s"}: a plan computed from the migrations would be wrong for it`, {
    hint: "Run mig check --drift for the list; undo the change by hand, or write a migration that makes it, or pass --ignore-drift",
    problems: differences.map((d) => ({ message: d.message, table: d.table, ...(d.entity === "column" && d.name ? { column: d.name } : {}) })),
    meta: { differences: differences.map(({ change, entity, table, name, aspects }) => ({ change, entity, table, name, aspects })) },
  });
}
