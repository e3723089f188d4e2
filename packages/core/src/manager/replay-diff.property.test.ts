import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { diff } from "../diff/diff";
import { isMigError } from "../errors/mig-error";
import { arbitrarySnapshot } from "../snapshot/arbitrary-snapshot.test-helper";
import { type Entity, entityKey } from "../snapshot/entities";
import { Snapshot } from "../snapshot/snapshot";
import { applyOperation } from "../operations/apply-operation";
import { MigrationManager } from "./migration-manager";
import { replayMigrations } from "./replay-migrations";

/** Schemas the table DSL accepts (validation refuses blank SQL, which the generator can produce). */
const schemas = arbitrarySnapshot().filter((snapshot) =>
  snapshot.entities.every((entity) =>
    entity.kind === "check" ? entity.sql.trim() !== "" : entity.kind !== "column" || entity.default?.kind !== "sql" || entity.default.sql.trim() !== ""),
);

/**
 * `a` changed: some entities removed (with whatever depended on them), some columns made nullable
 * or stripped of their default, and the tables of `extra` whose names are free added.
 */
function mutate(a: Snapshot, extra: Snapshot, picks: readonly number[]): Snapshot {
  const pick = (index: number): number => picks[index % picks.length] ?? 0;
  const removedTables = new Set(a.tableNames().filter((_, i) => pick(i) % 5 === 0));
  const removedColumns = new Set<string>();
  const kept: Entity[] = [];
  a.entities.forEach((entity, i) => {
    const table = entity.kind === "table" ? entity.name : entity.table;
    if (removedTables.has(table)) return;
    if (entity.kind === "column") {
      const primary = a.table(table)?.table.primaryKey.includes(entity.name) ?? false;
      if (!primary && pick(i) % 4 === 0) return void removedColumns.add(`${table}.${entity.name}`);
      if (!primary && pick(i) % 4 === 1) return void kept.push({ ...entity, nullable: true });
      if (pick(i) % 4 === 2) return void kept.push({ ...entity, default: null });
    } else if (entity.kind !== "table" && pick(i) % 3 === 0) return;
    kept.push(entity);
  });
  const gone = (table: string, columns: readonly string[]): boolean => removedTables.has(table) || columns.some((column) => removedColumns.has(`${table}.${column}`));
  const consistent = kept.filter((entity) => {
    if (entity.kind === "index" || entity.kind === "unique") return !gone(entity.table, entity.columns);
    if (entity.kind === "foreign_key") return !gone(entity.table, entity.columns) && !gone(entity.references.table, entity.references.columns);
    return true;
  });
  const taken = new Set(consistent.filter((entity) => entity.kind === "table").map((entity) => entityKey(entity)));
  const added = extra.tables().filter((schema) => !taken.has(entityKey(schema.table)) && !removedTables.has(schema.table.name))
    .map((schema) => ({ ...schema, foreignKeys: schema.foreignKeys.filter((fk) => fk.references.table === schema.table.name) }));
  return Snapshot.fromEntities([...consistent, ...added.flatMap((schema) => [schema.table, ...schema.columns, ...schema.indexes, ...schema.uniques, ...schema.checks, ...schema.foreignKeys])]);
}

/** Column order aside (an added column goes last), the same entities. */
const byKey = (snapshot: Snapshot): Entity[] => [...snapshot.entities].sort((x, y) => (entityKey(x) < entityKey(y) ? -1 : 1));

describe("replay agrees with the diff", () => {
  /** Replays diff(from, to) on `from`, expects `to`, then the backwards plan, expects `from`. */
  function check(from: Snapshot, to: Snapshot): boolean {
    let operations;
    try {
      operations = diff(from, to, { backfill: new Proxy({}, { get: () => 0, has: () => true }) });
    } catch (error) {
      if (isMigError(error, "MIG_E_DIFF")) return false; // a change the diff refuses to plan
      throw error;
    }
    const manager = new MigrationManager({ migrationId: "2026-01-01T00:00:00:000001", appName: "app" });
    for (const operation of operations) manager.addOperation(operation);
    const forwards = replayMigrations([manager], from);
    expect(byKey(forwards)).toEqual(byKey(to));
    expect(byKey(manager.backwardsPlan().reduce(applyOperation, forwards))).toEqual(byKey(from));
    return true;
  }

  it("replaying diff(a, b) on a gives b, and its backwards plan gives a again (drops, adds, alters)", () => {
    let planned = 0;
    fc.assert(
      fc.property(schemas, schemas, fc.array(fc.nat(), { minLength: 1, maxLength: 40 }), (a, extra, picks) => {
        const b = mutate(a, extra, picks);
        if (check(a, b)) planned++;
        if (check(b, a)) planned++;
      }),
      { numRuns: 200 },
    );
    expect(planned).toBeGreaterThan(200);
  }, 60_000);
});
