import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ColumnDefault, ColumnEntity, Entity, Snapshot, TableSchema, TypeName } from "@mig/core/dialect";
import { type TableParts, tableSchemaOf } from "@mig/core/testing";
import { SqliteConnection, sqliteDialect } from "../src/index";

type ColumnInput = { name: string; type: TypeName; nullable?: boolean; default?: ColumnDefault | null; length?: number; precision?: number; scale?: number };

export function column(table: string, input: ColumnInput): ColumnEntity {
  const { name, type, nullable = false, default: dflt = null, ...params } = input;
  return { kind: "column", table, name, type, ...params, nullable, default: dflt };
}

/** A table schema built from plain entity data, as the diff would put it into `create_table`. */
export function tableSchema(name: string, columns: readonly ColumnInput[], extra: Omit<TableParts, "columns"> = {}): TableSchema {
  return tableSchemaOf(name, { primaryKey: ["id"], ...extra, columns: columns.map((c) => column(name, c)) });
}

export function entitiesOfSchemas(schemas: readonly TableSchema[]): Entity[] {
  return schemas.flatMap((s) => [s.table, ...s.columns, ...s.indexes, ...s.uniques, ...s.checks, ...s.foreignKeys]);
}

/** Entities as plain data (className is a rename hint the database cannot know). */
export function plain(snapshot: Snapshot): unknown[] {
  return snapshot.entities.map((e) => {
    if (e.kind !== "table") return { ...e };
    const { className: _className, ...rest } = e;
    return rest;
  });
}

/** A fresh database file in a temporary directory; `cleanup()` closes and removes it. */
export async function tempDatabase(): Promise<{ connection: SqliteConnection; filename: string; dir: string; cleanup: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), "mig-sqlite-"));
  const filename = join(dir, "test.db");
  const connection = (await sqliteDialect.connect({ filename })) as SqliteConnection;
  return {
    connection,
    filename,
    dir,
    cleanup: async () => {
      await connection.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Emits `create_table` for each schema and runs the statements. */
export async function createTables(connection: SqliteConnection, schemas: readonly TableSchema[]): Promise<void> {
  for (const schema of schemas) {
    for (const statement of sqliteDialect.emitter.emit({ kind: "create_table", schema })) await connection.execute(statement);
  }
}
