import { type Operation, namedEntityOf } from "./operation";
import type { ColumnEntity, Entity, ForeignKeyEntity } from "../snapshot/entities";
import {
  type NamedGroup,
  type SchemaState,
  type TableState,
  copyEntity,
  replayError,
  sameSchema,
  sameValue,
  schemaOf,
} from "./schema-state";

const GROUP_OF = {
  index: "indexes",
  unique: "uniques",
  check: "checks",
  foreign_key: "foreignKeys",
} as const satisfies Record<Exclude<Entity["kind"], "table" | "column">, NamedGroup>;

type NamedEntity = Exclude<Entity, { kind: "table" | "column" }>;

/**
 * Applies one operation to the working state, checking that it makes sense there: what it adds
 * is new, what it drops or changes exists and is exactly what the operation says it was.
 * Throws `MIG_E_REPLAY`. Raw functions change nothing.
 */
export function applyToState(state: SchemaState, operation: Operation): void {
  const doing = operation.kind;
  switch (operation.kind) {
    case "create_table":
      return state.addTable(operation.schema, doing);
    case "drop_table": {
      const name = operation.schema.table.name;
      const table = state.table(name, doing);
      if (!sameSchema(schemaOf(table), operation.schema)) throw replayError(`${doing}: table "${name}" is not what the operation says it drops`, { table: name });
      const from = [...state.referencesTo(name)].find(({ owner }) => owner !== table);
      if (from) throw replayError(`${doing}: table "${name}" is still referenced by foreign key "${from.foreignKey.name}" of "${from.owner.table.name}"`, { table: name });
      state.tables.delete(name);
      return;
    }
    case "rename_table":
      return renameTable(state, operation.from, operation.to);
    case "add_column": {
      const table = state.table(operation.table, doing);
      if (table.columns.some((column) => column.name === operation.column.name)) {
        throw replayError(`${doing}: column "${operation.table}.${operation.column.name}" already exists`, { table: operation.table, column: operation.column.name });
      }
      table.columns = [...table.columns, copyEntity(operation.column, operation.table)];
      // A foreign key the planner declared inline (`ADD COLUMN … REFERENCES`) comes with it.
      if (operation.references) addNamed(state, operation.references, doing);
      return;
    }
    case "drop_column":
      return dropColumn(state, operation.table, operation.column);
    case "rename_column":
      return renameColumn(state, operation.table, operation.from, operation.to);
    case "alter_column": {
      const table = state.table(operation.table, doing);
      const index = columnIndex(table, operation.from.name, doing);
      const current = table.columns[index] as ColumnEntity;
      if (!sameValue(current, copyEntity(operation.from, operation.table))) {
        throw replayError(`${doing}: column "${operation.table}.${current.name}" is not what the operation says it alters from`, { table: operation.table, column: current.name });
      }
      table.columns = table.columns.map((column, at) => (at === index ? copyEntity({ ...operation.to, name: current.name }, operation.table) : column));
      return;
    }
    case "add_index":
    case "add_unique":
    case "add_check":
    case "add_foreign_key":
      return addNamed(state, namedEntityOf(operation), doing);
    case "drop_index":
    case "drop_unique":
    case "drop_check":
    case "drop_foreign_key":
      return dropNamed(state, namedEntityOf(operation), doing);
    case "rebuild_table": {
      const name = operation.from.table.name;
      const table = state.table(name, doing);
      if (!sameSchema(schemaOf(table), operation.from)) throw replayError(`${doing}: table "${name}" is not what the operation says it rebuilds`, { table: name });
      state.tables.delete(name);
      return state.addTable(operation.to, doing);
    }
    case "raw":
      return;
  }
}

function columnIndex(table: TableState, name: string, doing: string): number {
  const index = table.columns.findIndex((column) => column.name === name);
  if (index < 0) throw replayError(`${doing}: column "${table.table.name}.${name}" does not exist`, { table: table.table.name, column: name });
  return index;
}

function renameTable(state: SchemaState, from: string, to: string): void {
  const doing = "rename_table";
  const table = state.table(from, doing);
  if (state.tables.has(to)) throw replayError(`${doing}: table "${to}" already exists`, { table: to });
  const moved = <E extends Entity>(entity: E): E => copyEntity(entity, to);
  const renamed: TableState = {
    table: moved(table.table),
    columns: table.columns.map(moved),
    indexes: new Map([...table.indexes].map(([key, entity]) => [key, moved(entity)])),
    uniques: new Map([...table.uniques].map(([key, entity]) => [key, moved(entity)])),
    checks: new Map([...table.checks].map(([key, entity]) => [key, moved(entity)])),
    foreignKeys: new Map([...table.foreignKeys].map(([key, entity]) => [key, moved(entity)])),
  };
  state.tables.delete(from);
  state.tables.set(to, renamed);
  for (const { owner, foreignKey } of [...state.referencesTo(from)]) {
    owner.foreignKeys.set(foreignKey.name, Object.freeze({ ...foreignKey, references: Object.freeze({ ...foreignKey.references, table: to }) }));
  }
}

function dropColumn(state: SchemaState, tableName: string, column: ColumnEntity): void {
  const doing = "drop_column";
  const table = state.table(tableName, doing);
  const index = columnIndex(table, column.name, doing);
  const where = { table: tableName, column: column.name };
  if (!sameValue(table.columns[index], copyEntity(column, tableName))) {
    throw replayError(`${doing}: column "${tableName}.${column.name}" is not what the operation says it drops`, where);
  }
  if (table.table.primaryKey.includes(column.name)) throw replayError(`${doing}: column "${tableName}.${column.name}" is part of the primary key`, where);
  for (const group of ["indexes", "uniques", "foreignKeys"] as const) {
    for (const entity of table[group].values()) {
      if ("columns" in entity && entity.columns.includes(column.name)) {
        throw replayError(`${doing}: column "${tableName}.${column.name}" is still used by ${entity.kind} "${entity.name}"; drop it first`, where);
      }
    }
  }
  for (const { owner, foreignKey } of state.referencesTo(tableName)) {
    if (foreignKey.references.columns.includes(column.name)) {
      throw replayError(`${doing}: column "${tableName}.${column.name}" is still referenced by foreign key "${foreignKey.name}" of "${owner.table.name}"`, where);
    }
  }
  table.columns = table.columns.filter((_, at) => at !== index);
}

function renameColumn(state: SchemaState, tableName: string, from: string, to: string): void {
  const doing = "rename_column";
  const table = state.table(tableName, doing);
  const index = columnIndex(table, from, doing);
  if (table.columns.some((column) => column.name === to)) throw replayError(`${doing}: column "${tableName}.${to}" already exists`, { table: tableName, column: to });
  const swap = (columns: readonly string[]): readonly string[] => Object.freeze(columns.map((name) => (name === from ? to : name)));
  table.columns = table.columns.map((column, at) => (at === index ? Object.freeze({ ...column, name: to }) : column));
  table.table = Object.freeze({ ...table.table, primaryKey: swap(table.table.primaryKey) });
  for (const group of ["indexes", "uniques", "foreignKeys"] as const) {
    const entities = table[group] as Map<string, NamedEntity & { columns: readonly string[] }>;
    for (const [name, entity] of entities) entities.set(name, Object.freeze({ ...entity, columns: swap(entity.columns) }));
  }
  for (const { owner, foreignKey } of [...state.referencesTo(tableName)]) {
    const current = owner.foreignKeys.get(foreignKey.name) as ForeignKeyEntity;
    owner.foreignKeys.set(foreignKey.name, Object.freeze({ ...current, references: Object.freeze({ ...current.references, columns: swap(current.references.columns) }) }));
  }
}

function addNamed(state: SchemaState, entity: NamedEntity, doing: string): void {
  const table = state.table(entity.table, doing);
  const group = table[GROUP_OF[entity.kind]] as Map<string, NamedEntity>;
  const where = { table: entity.table, name: entity.name };
  if (group.has(entity.name)) throw replayError(`${doing}: ${entity.kind} "${entity.name}" of "${entity.table}" already exists`, where);
  if ("columns" in entity) {
    const missing = entity.columns.find((name) => !table.columns.some((column) => column.name === name));
    if (missing !== undefined) throw replayError(`${doing}: ${entity.kind} "${entity.name}" names column "${entity.table}.${missing}", which does not exist`, where);
  }
  if (entity.kind === "foreign_key") state.checkTarget(entity, doing);
  group.set(entity.name, copyEntity(entity, entity.table));
}

function dropNamed(state: SchemaState, entity: NamedEntity, doing: string): void {
  const table = state.table(entity.table, doing);
  const group = table[GROUP_OF[entity.kind]] as Map<string, NamedEntity>;
  const where = { table: entity.table, name: entity.name };
  const current = group.get(entity.name);
  if (!current) throw replayError(`${doing}: ${entity.kind} "${entity.name}" of "${entity.table}" does not exist`, where);
  if (!sameValue(current, copyEntity(entity, entity.table))) throw replayError(`${doing}: ${entity.kind} "${entity.name}" of "${entity.table}" is not what the operation says it drops`, where);
  group.delete(entity.name);
}
