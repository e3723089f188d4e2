/*
 * Writes the migration-file corpus of format-corpus.test.ts: files written by the writer of the
 * day, kept with their checksums and the operations they record, so that every later writer and
 * reader is held to loading them unchanged. Run once, when the corpus was made (mig 0.1, before
 * the manager methods became one per operation kind); running it again with a newer writer would
 * write new-format files and defeat the purpose. Kept to show how the corpus was made:
 *
 *   pnpm exec tsx packages/core/test/format-corpus/generate-corpus.ts
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { diff } from "../../src/diff/diff";
import { invertOperation } from "../../src/operations/invert-operation";
import { type Operation, type SchemaOperation, markOnline } from "../../src/operations/operation";
import { checksum } from "../../src/runner/checksum";
import { serialiseMigration } from "../../src/serialise/serialise-migration";
import { arbitrarySnapshot } from "../../src/snapshot/arbitrary-snapshot.test-helper";
import type { ColumnEntity, TableSchema } from "../../src/snapshot/entities";
import { Snapshot } from "../../src/snapshot/snapshot";

const HERE = fileURLToPath(new URL(".", import.meta.url));
const FILES = join(HERE, "files");

const valid = (snapshot: Snapshot): boolean =>
  snapshot.entities.every((entity) =>
    entity.kind === "check" ? entity.sql.trim() !== "" : entity.kind !== "column" || entity.default?.kind !== "sql" || entity.default.sql.trim() !== "");

/** Every operation kind the writer knows, made from the entities of one random schema. */
function everyKind(snapshot: Snapshot, flags: readonly boolean[]): SchemaOperation[] {
  let at = 0;
  const flag = (): boolean => flags[at++ % flags.length] ?? false;
  const operations: SchemaOperation[] = [];
  for (const schema of snapshot.tables()) {
    const name = schema.table.name;
    operations.push({ kind: "create_table", schema });
    operations.push({ kind: "rename_table", from: name, to: `${name}_renamed` });
    for (const column of schema.columns) {
      operations.push(flag() ? { kind: "add_column", table: name, column, backfill: column.nullable ? null : 0 } : { kind: "add_column", table: name, column });
      operations.push({ kind: "drop_column", table: name, column });
      operations.push({ kind: "rename_column", table: name, from: column.name, to: `${column.name}2` });
      const to: ColumnEntity = { ...column, nullable: !column.nullable, default: flag() ? null : { kind: "value", value: "x" }, type: "text", length: undefined, precision: undefined, scale: undefined };
      const plain = Object.fromEntries(Object.entries(to).filter(([, value]) => value !== undefined)) as unknown as ColumnEntity;
      operations.push({ kind: "alter_column", table: name, from: column, to: plain, ...(flag() ? { backfill: "b" } : {}), ...(flag() ? { lossy: true } : {}) });
    }
    for (const index of schema.indexes) operations.push({ kind: "add_index", index }, { kind: "drop_index", index });
    for (const unique of schema.uniques) operations.push({ kind: "add_unique", unique }, { kind: "drop_unique", unique });
    for (const check of schema.checks) operations.push({ kind: "add_check", check }, { kind: "drop_check", check });
    for (const foreignKey of schema.foreignKeys) operations.push({ kind: "add_foreign_key", foreignKey }, { kind: "drop_foreign_key", foreignKey });
    if (schema.columns.length > 1) operations.push(rebuild(schema, flag()));
    operations.push({ kind: "drop_table", schema });
  }
  // Consent on some in-table changes: allowRebuild here, online (as `mig new --online` marks) below.
  return operations.map((operation) => (operation.kind !== "create_table" && operation.kind !== "drop_table" && operation.kind !== "rename_table" && operation.kind !== "rename_column" && operation.kind !== "rebuild_table" && flag() ? { ...operation, allowRebuild: true } : operation));
}

/** A rebuild that drops the last column (and what names it), with a backfill when asked. */
function rebuild(schema: TableSchema, backfill: boolean): SchemaOperation {
  const dropped = schema.columns[schema.columns.length - 1] as ColumnEntity;
  const keeps = (columns: readonly string[]): boolean => !columns.includes(dropped.name);
  const to: TableSchema = {
    table: { ...schema.table, primaryKey: keeps(schema.table.primaryKey) ? schema.table.primaryKey : [(schema.columns[0] as ColumnEntity).name] },
    columns: schema.columns.slice(0, -1),
    indexes: schema.indexes.filter((index) => keeps(index.columns)),
    uniques: schema.uniques.filter((unique) => keeps(unique.columns)),
    checks: [],
    foreignKeys: schema.foreignKeys.filter((foreignKey) => keeps(foreignKey.columns)),
  };
  const columnMap = Object.fromEntries(to.columns.map((column) => [column.name, column.name]));
  return { kind: "rebuild_table", from: schema, to, columnMap, ...(backfill ? { backfill: { [(to.columns[0] as ColumnEntity).name]: 1 } } : {}) };
}

function main(): void {
  rmSync(FILES, { recursive: true, force: true });
  mkdirSync(FILES, { recursive: true });
  const cases = fc.sample(fc.tuple(arbitrarySnapshot({ names: "any", maxTables: 3 }).filter(valid), arbitrarySnapshot({ maxTables: 3 }).filter(valid), fc.array(fc.boolean(), { minLength: 1, maxLength: 16 })), { seed: 1717, numRuns: 16 });
  const manifest: { file: string; checksum: string; operations: readonly Operation[] }[] = [];
  cases.forEach(([any, simple, flags], index) => {
    const sets: readonly (readonly Operation[])[] = [
      everyKind(any, flags),
      diff(Snapshot.empty(), simple),
      markOnline(diff(simple, any)),
      diff(any, simple).map((operation) => (operation.kind === "raw" ? operation : invertOperation(operation))),
    ];
    sets.forEach((operations, part) => {
      if (operations.length === 0) return;
      const id = `2026-12-07T12:00:${String(index).padStart(2, "0")}:${String(part).padStart(6, "0")}`;
      const file = `corpus_${String(index).padStart(2, "0")}_${part}.ts`;
      const source = serialiseMigration({ id, appName: "corpus", description: `corpus ${index}.${part}`, version: "0.1.0", operations });
      writeFileSync(join(FILES, file), source);
      manifest.push({ file, checksum: checksum(source), operations });
    });
  });
  writeFileSync(join(HERE, "corpus.json"), `[\n${manifest.map((entry) => JSON.stringify(entry)).join(",\n")}\n]\n`);
  console.log(`${manifest.length} files`);
}

main();
