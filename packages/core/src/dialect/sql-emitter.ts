import { MigError } from "../errors/mig-error";
import type { SchemaOperation } from "../operations/operation";
import { moveTableName, nameInSchemaOf, splitTableName } from "../schema/qualified-table-name";
import type { ColumnDefault, JsonValue } from "../snapshot/types";
import { isLongerThan } from "../snapshot/derive-name";
import type { ColumnEntity, ColumnTypeSpec, ForeignKeyEntity, IndexEntity, TableSchema } from "../snapshot/entities";
import { type DialectCapabilities, type ResolvedCapabilities, resolveCapabilities } from "./capabilities";
import type { ColumnTypeChange, Emitter, EmitterHooks, OperationHandlers } from "./emitter";
import type { Statement } from "./statement";
import type { TypeMapper } from "./type-mapper";

/**
 * Quotes an identifier the standard way: the quote character around it, inner ones doubled.
 * Rejects the NUL character, which no database accepts in a name, and, given `maxBytes`, a name
 * longer than that in UTF-8: a database that cuts long names short would leave mig looking for a
 * name that does not exist.
 */
export function quoteIdentifierWith(quote: string, options: { readonly maxBytes?: number } = {}): (name: string) => string {
  const doubled = quote + quote;
  const maxBytes = options.maxBytes;
  return (name) => {
    if (name.length === 0 || name.includes("\0")) {
      throw new MigError("MIG_E_IDENTIFIER", `Invalid identifier ${JSON.stringify(name)}: names must be non-empty and must not contain NUL`);
    }
    if (maxBytes !== undefined && isLongerThan(name, maxBytes)) {
      throw new MigError("MIG_E_IDENTIFIER", `The name ${JSON.stringify(name)} is longer than the database's ${maxBytes} bytes`, {
        hint: "Choose a shorter name (the database would cut a longer one short or refuse it).",
        meta: { name, maxBytes },
      });
    }
    // Most names hold no quote: no need to split them.
    return name.includes(quote) ? quote + name.split(quote).join(doubled) + quote : quote + name + quote;
  };
}

/** Standard SQL string literal: single quotes doubled. JSON values are written as their JSON text. */
export function standardQuoteLiteral(value: JsonValue): string {
  if (value === null) return "NULL";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new MigError("MIG_E_SCHEMA_INVALID", `Cannot write the number ${value} as SQL`);
    return String(value);
  }
  const text = typeof value === "string" ? value : JSON.stringify(value);
  if (text.includes("\0")) throw new MigError("MIG_E_SCHEMA_INVALID", "String values must not contain the NUL character");
  return `'${text.split("'").join("''")}'`;
}

function jsonTypes(spec: ColumnTypeSpec | undefined): boolean {
  return spec?.type === "json" || spec?.type === "jsonb";
}

/**
 * The standard hooks, given a type mapper and the dialect's capabilities (for the identifier
 * limit and the index methods). Dialects spread these and override what differs.
 */
export function standardHooks(types: TypeMapper, capabilities: ResolvedCapabilities = resolveCapabilities(undefined)): EmitterHooks {
  const hooks: EmitterHooks = {
    quoteIdentifier: quoteIdentifierWith('"', { maxBytes: capabilities.maxIdentifierLength }),
    quoteTable: (table) => {
      const { schema, name } = splitTableName(table);
      return schema === undefined ? hooks.quoteIdentifier(name) : `${hooks.quoteIdentifier(schema)}.${hooks.quoteIdentifier(name)}`;
    },
    quoteLiteral: (value, column) =>
      // A JSON column's literal default is JSON text, even when the value is a plain string.
      jsonTypes(column) && value !== null ? standardQuoteLiteral(JSON.stringify(value)) : standardQuoteLiteral(value),
    renderType: (spec) => types.toNative(spec),
    renderDefault: (value: ColumnDefault, column: ColumnEntity) => renderStandardDefault(hooks, value, column),
    renderColumn: (column, context) => {
      let sql = `${hooks.quoteIdentifier(column.name)} ${hooks.renderType(column)}`;
      if (!column.nullable) sql += " NOT NULL";
      if (column.default) sql += ` DEFAULT ${hooks.renderDefault(column.default, column)}`;
      if (context.inlinePrimaryKey) sql += " PRIMARY KEY";
      return sql;
    },
    renderCast: (expression) => expression,
    alterColumnType: (table, from, to) => standardTypeChange(hooks, table, from, to),
    renderIndexMethod: (index) => {
      if (!capabilities.indexMethods.includes(index.method)) {
        throw new MigError("MIG_E_UNSUPPORTED", `Index "${index.name}" on "${index.table}": this database has no ${index.method} indexes`, {
          hint: `Use one of: ${capabilities.indexMethods.join(", ")} (or leave out the index method).`,
          meta: { table: index.table, index: index.name, method: index.method },
        });
      }
      // btree is every database's default method: the common statement stays plain.
      return index.method === "btree" ? "" : ` USING ${index.method}`;
    },
    inlinePrimaryKeyColumn: () => undefined,
    renderSetSchema: (table, schema) => {
      // The connection's schema has no name until the statement runs: only the dialect can say it there.
      if (schema === undefined) {
        throw new MigError("MIG_E_UNSUPPORTED", `This dialect cannot move table "${table}" back to the connection's schema`, {
          hint: "Keep the table in a named schema; a dialect with schemas says the move back in its emitter hook renderSetSchema.",
          meta: { table },
        });
      }
      return `ALTER TABLE ${hooks.quoteTable(table)} SET SCHEMA ${hooks.quoteIdentifier(schema)}`;
    },
  };
  return hooks;
}

/** `ALTER COLUMN … TYPE t`, with `USING cast` only when the cast is not the column itself. */
function standardTypeChange(hooks: EmitterHooks, table: string, from: ColumnEntity, to: ColumnEntity): ColumnTypeChange {
  const toType = hooks.renderType(to);
  if (hooks.renderType(from) === toType) return { changed: false, dropsImplicitDefault: false, statements: [] };
  const q = hooks.quoteIdentifier;
  const column = q(to.name);
  const cast = hooks.renderCast(column, from, to);
  // Without USING, the database converts with its assignment cast: say USING only when it differs.
  return { changed: true, dropsImplicitDefault: false, statements: [{ sql: `ALTER TABLE ${hooks.quoteTable(table)} ALTER COLUMN ${column} TYPE ${toType}${cast === column ? "" : ` USING ${cast}`}` }] };
}

function renderStandardDefault(hooks: EmitterHooks, value: ColumnDefault, column: ColumnEntity): string {
  switch (value.kind) {
    case "value":
      return hooks.quoteLiteral(value.value, column);
    case "now":
      return column.type === "date" ? "CURRENT_DATE" : column.type === "time" ? "CURRENT_TIME" : "CURRENT_TIMESTAMP";
    case "random":
      throw new MigError("MIG_E_UNSUPPORTED", `This dialect has no random UUID default (column "${column.table}"."${column.name}")`);
    case "sql":
      return value.sql;
  }
}

function list(hooks: EmitterHooks, names: readonly string[]): string {
  let text = names.length === 0 ? "" : hooks.quoteIdentifier(names[0] as string);
  for (let i = 1; i < names.length; i++) text += `, ${hooks.quoteIdentifier(names[i] as string)}`;
  return text;
}

/** `FOREIGN KEY (...) REFERENCES t (...) ON DELETE x ON UPDATE y`, without the constraint name. */
export function renderForeignKeyBody(hooks: EmitterHooks, fk: ForeignKeyEntity): string {
  return (
    `FOREIGN KEY (${list(hooks, fk.columns)}) REFERENCES ${hooks.quoteTable(fk.references.table)} ` +
    `(${list(hooks, fk.references.columns)}) ON DELETE ${fk.onDelete.toUpperCase()} ON UPDATE ${fk.onUpdate.toUpperCase()}`
  );
}

/**
 * A column's own foreign key, as a column constraint: `CONSTRAINT name REFERENCES t (c) ON
 * DELETE x ON UPDATE y` (what `add_column` appends when the planner gave it `references`).
 */
export function renderColumnReference(hooks: EmitterHooks, fk: ForeignKeyEntity): string {
  return (
    `CONSTRAINT ${hooks.quoteIdentifier(fk.name)} REFERENCES ${hooks.quoteTable(fk.references.table)} ` +
    `(${list(hooks, fk.references.columns)}) ON DELETE ${fk.onDelete.toUpperCase()} ON UPDATE ${fk.onUpdate.toUpperCase()}`
  );
}

const NOT_INLINE = Object.freeze({ inlinePrimaryKey: false });

const INLINE = Object.freeze({ inlinePrimaryKey: true });

/**
 * The body of CREATE TABLE: columns, primary key, uniques, checks and foreign keys. The primary
 * key is a table constraint, or inline on the column `inlinePrimaryKeyColumn` names.
 */
export function renderTableBody(hooks: EmitterHooks, schema: TableSchema): string[] {
  const q = hooks.quoteIdentifier;
  const lines: string[] = [];
  const columns = schema.columns;
  const inline = hooks.inlinePrimaryKeyColumn(schema);
  for (let i = 0; i < columns.length; i++) {
    const column = columns[i] as ColumnEntity;
    lines.push(hooks.renderColumn(column, column.name === inline ? INLINE : NOT_INLINE));
  }
  // No key: only a table introspected from elsewhere (mig pull keeps it as a raw step).
  if (inline === undefined && schema.table.primaryKey.length > 0) lines.push(`PRIMARY KEY (${list(hooks, schema.table.primaryKey)})`);
  for (const u of schema.uniques) lines.push(`CONSTRAINT ${q(u.name)} UNIQUE (${list(hooks, u.columns)})`);
  for (const c of schema.checks) lines.push(`CONSTRAINT ${q(c.name)} CHECK (${c.sql})`);
  for (const fk of schema.foreignKeys) lines.push(`CONSTRAINT ${q(fk.name)} ${renderForeignKeyBody(hooks, fk)}`);
  return lines;
}

/**
 * `rename_table`: `ALTER TABLE … RENAME TO …`, preceded by `ALTER TABLE … SET SCHEMA …` when the
 * table moves to another schema (tables named `"schema"."name"`, see `qualifiedTableName`). Only
 * a dialect with `capabilities.schemas` is ever given a move: the planner refuses it elsewhere.
 */
export function renderRenameTable(hooks: EmitterHooks, from: string, to: string): Statement[] {
  const source = splitTableName(from);
  const target = splitTableName(to);
  const statements: Statement[] = [];
  let current = from;
  if (source.schema !== target.schema) {
    statements.push({ sql: hooks.renderSetSchema(from, target.schema) });
    current = moveTableName(from, target.schema);
  }
  if (source.name !== target.name) statements.push({ sql: `ALTER TABLE ${hooks.quoteTable(current)} RENAME TO ${hooks.quoteIdentifier(target.name)}` });
  return statements;
}

/** `CREATE TABLE name (\n  body\n)`: the table `schema` describes, under `name` (a rebuild's new table has another). */
export function renderCreateTable(hooks: EmitterHooks, schema: TableSchema, name = schema.table.name): string {
  return `CREATE TABLE ${hooks.quoteTable(name)} (\n  ${renderTableBody(hooks, schema).join(",\n  ")}\n)`;
}

/** The words a CREATE INDEX statement may carry besides the index: `UNIQUE`, and what follows `INDEX` (`CONCURRENTLY IF NOT EXISTS`). */
export interface CreateIndexOptions {
  readonly unique?: boolean;
  readonly afterIndex?: string;
}

/** `CREATE [UNIQUE] INDEX name ON table [USING method] (columns)`; the method is checked by `renderIndexMethod`. */
export function renderCreateIndex(hooks: EmitterHooks, index: Pick<IndexEntity, "name" | "table" | "columns" | "method">, options: CreateIndexOptions = {}): string {
  const q = hooks.quoteIdentifier;
  const head = `CREATE ${options.unique ? "UNIQUE " : ""}INDEX ${options.afterIndex ? `${options.afterIndex} ` : ""}`;
  return `${head}${q(index.name)} ON ${hooks.quoteTable(index.table)}${hooks.renderIndexMethod(index)} (${list(hooks, index.columns)})`;
}

/** The UPDATE that gives a column's NULLs a value before it becomes NOT NULL. */
export function renderBackfillNulls(hooks: EmitterHooks, table: string, column: ColumnEntity, value: JsonValue): Statement {
  const q = hooks.quoteIdentifier;
  return { sql: `UPDATE ${hooks.quoteTable(table)} SET ${q(column.name)} = ${hooks.quoteLiteral(value, column)} WHERE ${q(column.name)} IS NULL` };
}

/**
 * The standard handlers: what PostgreSQL accepts, and close to what the others do. Dialects
 * override handlers one by one.
 */
export const standardHandlers: OperationHandlers = {
  create_table: ({ schema }, hooks, emitter) => {
    const statements: Statement[] = [{ sql: renderCreateTable(hooks, schema) }];
    const indexes = schema.indexes;
    for (let i = 0; i < indexes.length; i++) statements.push(...emitter.emit({ kind: "add_index", index: indexes[i] as IndexEntity }));
    return statements;
  },
  drop_table: ({ schema }, hooks) => [{ sql: `DROP TABLE ${hooks.quoteTable(schema.table.name)}` }],
  rename_table: ({ from, to }, hooks) => renderRenameTable(hooks, from, to),
  add_column: ({ table, column, backfill, references }, hooks) => {
    const q = hooks.quoteIdentifier;
    if (backfill === undefined || column.default) {
      const reference = references ? ` ${renderColumnReference(hooks, references)}` : "";
      return [{ sql: `ALTER TABLE ${hooks.quoteTable(table)} ADD COLUMN ${hooks.renderColumn(column, { inlinePrimaryKey: false })}${reference}` }];
    }
    // Existing rows get the backfill value through a temporary default, dropped right after.
    const withDefault: ColumnEntity = { ...column, default: { kind: "value", value: backfill } };
    return [
      { sql: `ALTER TABLE ${hooks.quoteTable(table)} ADD COLUMN ${hooks.renderColumn(withDefault, { inlinePrimaryKey: false })}` },
      { sql: `ALTER TABLE ${hooks.quoteTable(table)} ALTER COLUMN ${q(column.name)} DROP DEFAULT` },
    ];
  },
  drop_column: ({ table, column }, hooks) => [
    { sql: `ALTER TABLE ${hooks.quoteTable(table)} DROP COLUMN ${hooks.quoteIdentifier(column.name)}` },
  ],
  rename_column: ({ table, from, to }, hooks) => [
    { sql: `ALTER TABLE ${hooks.quoteTable(table)} RENAME COLUMN ${hooks.quoteIdentifier(from)} TO ${hooks.quoteIdentifier(to)}` },
  ],
  alter_column: ({ table, from, to, backfill }, hooks) => {
    const q = hooks.quoteIdentifier;
    const prefix = `ALTER TABLE ${hooks.quoteTable(table)} ALTER COLUMN ${q(to.name)}`;
    const out: Statement[] = [];
    const type = hooks.alterColumnType(table, from, to);
    const defaultChanged = JSON.stringify(from.default) !== JSON.stringify(to.default);
    // The old default may not convert to the new type: drop it before the type changes.
    if ((from.default && (defaultChanged || type.changed)) || type.dropsImplicitDefault) out.push({ sql: `${prefix} DROP DEFAULT` });
    out.push(...type.statements);
    if (to.default && (defaultChanged || type.changed)) out.push({ sql: `${prefix} SET DEFAULT ${hooks.renderDefault(to.default, to)}` });
    if (from.nullable && !to.nullable) {
      if (backfill !== undefined) out.push(renderBackfillNulls(hooks, table, to, backfill));
      out.push({ sql: `${prefix} SET NOT NULL` });
    }
    if (!from.nullable && to.nullable) out.push({ sql: `${prefix} DROP NOT NULL` });
    return out;
  },
  add_index: ({ index }, hooks) => [{ sql: renderCreateIndex(hooks, index) }],
  // An index lives in its table's schema.
  drop_index: ({ index }, hooks) => [{ sql: `DROP INDEX ${hooks.quoteTable(nameInSchemaOf(index.table, index.name))}` }],
  add_unique: ({ unique }, hooks) => [
    {
      sql: `ALTER TABLE ${hooks.quoteTable(unique.table)} ADD CONSTRAINT ${hooks.quoteIdentifier(unique.name)} UNIQUE (${list(hooks, unique.columns)})`,
    },
  ],
  drop_unique: ({ unique }, hooks) => [
    { sql: `ALTER TABLE ${hooks.quoteTable(unique.table)} DROP CONSTRAINT ${hooks.quoteIdentifier(unique.name)}` },
  ],
  add_check: ({ check }, hooks) => [
    { sql: `ALTER TABLE ${hooks.quoteTable(check.table)} ADD CONSTRAINT ${hooks.quoteIdentifier(check.name)} CHECK (${check.sql})` },
  ],
  drop_check: ({ check }, hooks) => [
    { sql: `ALTER TABLE ${hooks.quoteTable(check.table)} DROP CONSTRAINT ${hooks.quoteIdentifier(check.name)}` },
  ],
  add_foreign_key: ({ foreignKey }, hooks) => [
    {
      sql: `ALTER TABLE ${hooks.quoteTable(foreignKey.table)} ADD CONSTRAINT ${hooks.quoteIdentifier(foreignKey.name)} ${renderForeignKeyBody(hooks, foreignKey)}`,
    },
  ],
  drop_foreign_key: ({ foreignKey }, hooks) => [
    { sql: `ALTER TABLE ${hooks.quoteTable(foreignKey.table)} DROP CONSTRAINT ${hooks.quoteIdentifier(foreignKey.name)}` },
  ],
  rebuild_table: ({ from }) => {
    throw new MigError("MIG_E_UNSUPPORTED", `This dialect cannot rebuild tables (table "${from.table.name}")`);
  },
};

export interface CreateEmitterOptions {
  readonly types: TypeMapper;
  /** The dialect's capabilities: the identifier limit and the index methods the standard hooks enforce. Default: the defaults. */
  readonly capabilities?: DialectCapabilities;
  /** Hooks that differ from {@link standardHooks}. */
  readonly hooks?: (standard: EmitterHooks) => Partial<EmitterHooks>;
  /** Handlers that differ from {@link standardHandlers}. */
  readonly handlers?: Partial<OperationHandlers>;
}

/**
 * Builds an emitter from the standard hooks and handlers plus a dialect's overrides.
 *
 * @example
 * ```ts
 * const emitter = createEmitter({
 *   types,
 *   hooks: () => ({ quoteIdentifier: quoteIdentifierWith("`") }),
 *   handlers: { drop_index: ({ index }, h) => [{ sql: `DROP INDEX ${h.quoteIdentifier(index.name)} ON ${h.quoteIdentifier(index.table)}` }] },
 * });
 * ```
 */
export function createEmitter(options: CreateEmitterOptions): Emitter {
  const standard = standardHooks(options.types, resolveCapabilities(options.capabilities));
  // Overrides are merged into one object so that standard hooks calling `hooks.x` see the override.
  const hooks: EmitterHooks = Object.assign(standard, options.hooks?.({ ...standard }) ?? {});
  const handlers: OperationHandlers = { ...standardHandlers, ...options.handlers };
  const emitter: Emitter = {
    hooks,
    emit(operation: SchemaOperation): readonly Statement[] {
      const handler = handlers[operation.kind] as (op: SchemaOperation, h: EmitterHooks, e: Emitter) => readonly Statement[];
      return handler(operation, hooks, emitter);
    },
  };
  return emitter;
}
