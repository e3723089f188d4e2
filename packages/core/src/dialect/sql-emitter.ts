import { MigError } from "../errors/mig-error";
import type { SchemaOperation } from "../operations/operation";
import type { ColumnDefault, JsonValue } from "../snapshot/types";
import type { ColumnEntity, ColumnTypeSpec, ForeignKeyEntity, IndexEntity, TableSchema } from "../snapshot/entities";
import type { Emitter, EmitterHooks, OperationHandlers } from "./emitter";
import type { Statement } from "./statement";
import type { TypeMapper } from "./type-mapper";

/**
 * Quotes an identifier the standard way: double quotes, with inner double quotes doubled.
 * Rejects the NUL character, which no database accepts in a name.
 */
export function quoteIdentifierWith(quote: string): (name: string) => string {
  const doubled = quote + quote;
  return (name) => {
    if (name.length === 0 || name.includes("\0")) {
      throw new MigError("MIG_E_IDENTIFIER", `Invalid identifier ${JSON.stringify(name)}: names must be non-empty and must not contain NUL`);
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

/** The standard hooks, given a type mapper. Dialects spread these and override what differs. */
export function standardHooks(types: TypeMapper): EmitterHooks {
  const hooks: EmitterHooks = {
    quoteIdentifier: quoteIdentifierWith('"'),
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
  };
  return hooks;
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
    `FOREIGN KEY (${list(hooks, fk.columns)}) REFERENCES ${hooks.quoteIdentifier(fk.references.table)} ` +
    `(${list(hooks, fk.references.columns)}) ON DELETE ${fk.onDelete.toUpperCase()} ON UPDATE ${fk.onUpdate.toUpperCase()}`
  );
}

/**
 * A column's own foreign key, as a column constraint: `CONSTRAINT name REFERENCES t (c) ON
 * DELETE x ON UPDATE y` (what `add_column` appends when the planner gave it `references`).
 */
export function renderColumnReference(hooks: EmitterHooks, fk: ForeignKeyEntity): string {
  return (
    `CONSTRAINT ${hooks.quoteIdentifier(fk.name)} REFERENCES ${hooks.quoteIdentifier(fk.references.table)} ` +
    `(${list(hooks, fk.references.columns)}) ON DELETE ${fk.onDelete.toUpperCase()} ON UPDATE ${fk.onUpdate.toUpperCase()}`
  );
}

const NOT_INLINE = Object.freeze({ inlinePrimaryKey: false });

/** The body of CREATE TABLE: columns, primary key, uniques, checks and foreign keys. */
export function renderTableBody(hooks: EmitterHooks, schema: TableSchema): string[] {
  const q = hooks.quoteIdentifier;
  const lines: string[] = [];
  const columns = schema.columns;
  for (let i = 0; i < columns.length; i++) lines.push(hooks.renderColumn(columns[i] as ColumnEntity, NOT_INLINE));
  // No key: only a table introspected from elsewhere (mig pull keeps it as a raw step).
  if (schema.table.primaryKey.length > 0) lines.push(`PRIMARY KEY (${list(hooks, schema.table.primaryKey)})`);
  for (const u of schema.uniques) lines.push(`CONSTRAINT ${q(u.name)} UNIQUE (${list(hooks, u.columns)})`);
  for (const c of schema.checks) lines.push(`CONSTRAINT ${q(c.name)} CHECK (${c.sql})`);
  for (const fk of schema.foreignKeys) lines.push(`CONSTRAINT ${q(fk.name)} ${renderForeignKeyBody(hooks, fk)}`);
  return lines;
}

export function renderCreateIndex(hooks: EmitterHooks, index: IndexEntity): string {
  const q = hooks.quoteIdentifier;
  return `CREATE INDEX ${q(index.name)} ON ${q(index.table)} (${list(hooks, index.columns)})`;
}

/**
 * The standard handlers: what PostgreSQL accepts, and close to what the others do. Dialects
 * override handlers one by one.
 */
export const standardHandlers: OperationHandlers = {
  create_table: ({ schema }, hooks, emitter) => {
    const statements: Statement[] = [
      { sql: `CREATE TABLE ${hooks.quoteIdentifier(schema.table.name)} (\n  ${renderTableBody(hooks, schema).join(",\n  ")}\n)` },
    ];
    const indexes = schema.indexes;
    for (let i = 0; i < indexes.length; i++) statements.push(...emitter.emit({ kind: "add_index", index: indexes[i] as IndexEntity }));
    return statements;
  },
  drop_table: ({ schema }, hooks) => [{ sql: `DROP TABLE ${hooks.quoteIdentifier(schema.table.name)}` }],
  rename_table: ({ from, to }, hooks) => [
    { sql: `ALTER TABLE ${hooks.quoteIdentifier(from)} RENAME TO ${hooks.quoteIdentifier(to)}` },
  ],
  add_column: ({ table, column, backfill, references }, hooks) => {
    const q = hooks.quoteIdentifier;
    if (backfill === undefined || column.default) {
      const reference = references ? ` ${renderColumnReference(hooks, references)}` : "";
      return [{ sql: `ALTER TABLE ${q(table)} ADD COLUMN ${hooks.renderColumn(column, { inlinePrimaryKey: false })}${reference}` }];
    }
    // Existing rows get the backfill value through a temporary default, dropped right after.
    const withDefault: ColumnEntity = { ...column, default: { kind: "value", value: backfill } };
    return [
      { sql: `ALTER TABLE ${q(table)} ADD COLUMN ${hooks.renderColumn(withDefault, { inlinePrimaryKey: false })}` },
      { sql: `ALTER TABLE ${q(table)} ALTER COLUMN ${q(column.name)} DROP DEFAULT` },
    ];
  },
  drop_column: ({ table, column }, hooks) => [
    { sql: `ALTER TABLE ${hooks.quoteIdentifier(table)} DROP COLUMN ${hooks.quoteIdentifier(column.name)}` },
  ],
  rename_column: ({ table, from, to }, hooks) => [
    { sql: `ALTER TABLE ${hooks.quoteIdentifier(table)} RENAME COLUMN ${hooks.quoteIdentifier(from)} TO ${hooks.quoteIdentifier(to)}` },
  ],
  alter_column: ({ table, from, to, backfill }, hooks) => {
    const q = hooks.quoteIdentifier;
    const prefix = `ALTER TABLE ${q(table)} ALTER COLUMN ${q(to.name)}`;
    const out: Statement[] = [];
    const typeChanged = hooks.renderType(from) !== hooks.renderType(to);
    const defaultChanged = JSON.stringify(from.default) !== JSON.stringify(to.default);
    // The old default may not convert to the new type: drop it before the type changes.
    if (from.default && (defaultChanged || typeChanged)) out.push({ sql: `${prefix} DROP DEFAULT` });
    if (typeChanged) {
      out.push({ sql: `${prefix} TYPE ${hooks.renderType(to)} USING ${hooks.renderCast(q(to.name), from, to)}` });
    }
    if (to.default && (defaultChanged || typeChanged)) out.push({ sql: `${prefix} SET DEFAULT ${hooks.renderDefault(to.default, to)}` });
    if (from.nullable && !to.nullable) {
      if (backfill !== undefined) {
        out.push({ sql: `UPDATE ${q(table)} SET ${q(to.name)} = ${hooks.quoteLiteral(backfill, to)} WHERE ${q(to.name)} IS NULL` });
      }
      out.push({ sql: `${prefix} SET NOT NULL` });
    }
    if (!from.nullable && to.nullable) out.push({ sql: `${prefix} DROP NOT NULL` });
    return out;
  },
  add_index: ({ index }, hooks) => [{ sql: renderCreateIndex(hooks, index) }],
  drop_index: ({ index }, hooks) => [{ sql: `DROP INDEX ${hooks.quoteIdentifier(index.name)}` }],
  add_unique: ({ unique }, hooks) => [
    {
      sql: `ALTER TABLE ${hooks.quoteIdentifier(unique.table)} ADD CONSTRAINT ${hooks.quoteIdentifier(unique.name)} UNIQUE (${list(hooks, unique.columns)})`,
    },
  ],
  drop_unique: ({ unique }, hooks) => [
    { sql: `ALTER TABLE ${hooks.quoteIdentifier(unique.table)} DROP CONSTRAINT ${hooks.quoteIdentifier(unique.name)}` },
  ],
  add_check: ({ check }, hooks) => [
    { sql: `ALTER TABLE ${hooks.quoteIdentifier(check.table)} ADD CONSTRAINT ${hooks.quoteIdentifier(check.name)} CHECK (${check.sql})` },
  ],
  drop_check: ({ check }, hooks) => [
    { sql: `ALTER TABLE ${hooks.quoteIdentifier(check.table)} DROP CONSTRAINT ${hooks.quoteIdentifier(check.name)}` },
  ],
  add_foreign_key: ({ foreignKey }, hooks) => [
    {
      sql: `ALTER TABLE ${hooks.quoteIdentifier(foreignKey.table)} ADD CONSTRAINT ${hooks.quoteIdentifier(foreignKey.name)} ${renderForeignKeyBody(hooks, foreignKey)}`,
    },
  ],
  drop_foreign_key: ({ foreignKey }, hooks) => [
    { sql: `ALTER TABLE ${hooks.quoteIdentifier(foreignKey.table)} DROP CONSTRAINT ${hooks.quoteIdentifier(foreignKey.name)}` },
  ],
  rebuild_table: ({ from }) => {
    throw new MigError("MIG_E_UNSUPPORTED", `This dialect cannot rebuild tables (table "${from.table.name}")`);
  },
};

export interface CreateEmitterOptions {
  readonly types: TypeMapper;
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
  const standard = standardHooks(options.types);
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
