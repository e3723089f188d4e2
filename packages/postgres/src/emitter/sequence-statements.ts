import { type ColumnEntity, type EmitterHooks, type Statement, deriveName, nameInSchemaOf, splitTableName } from "@mig/core/dialect";
import { postgresCapabilities } from "../postgres-capabilities";
import { dollarQuote } from "./plpgsql-block";
import { quotePostgresString } from "./quote-literal";

/**
 * A `DO` block that runs `command`, with `%s` replaced by the sequence owned by the
 * column, when there is one. A serial's sequence keeps its first name across table renames, so
 * the emitter cannot name it: `pg_get_serial_sequence` finds it at run time and `format('%s')`
 * splices the name it returns, which PostgreSQL has already quoted.
 */
function withOwnedSequence(hooks: EmitterHooks, table: string, column: string, command: string): Statement {
  const body =
    `DECLARE seq text := pg_get_serial_sequence(${quotePostgresString(hooks.quoteTable(table))}, ${quotePostgresString(column)}); ` +
    `BEGIN IF seq IS NOT NULL THEN EXECUTE format(${quotePostgresString(command)}, seq); END IF; END`;
  return { sql: `DO ${dollarQuote(body)}` };
}

/** Serial → plain integer: the sequence goes (its `nextval` default is dropped before). */
export function dropOwnedSequence(hooks: EmitterHooks, table: string, column: ColumnEntity): Statement {
  return withOwnedSequence(hooks, table, column.name, "DROP SEQUENCE %s");
}

/** serial ⇄ bigserial: the sequence's own type follows the column's (sequences have one since PG 10). */
export function retypeOwnedSequence(hooks: EmitterHooks, table: string, column: ColumnEntity): Statement {
  return withOwnedSequence(hooks, table, column.name, `ALTER SEQUENCE %s AS ${column.type === "bigserial" ? "BIGINT" : "INTEGER"}`);
}

/**
 * Plain integer → serial: what `SERIAL` does in CREATE TABLE, on an existing column: a
 * sequence owned by the column, the `nextval` default, and the sequence moved past existing values.
 */
export function createOwnedSequence(hooks: EmitterHooks, table: string, column: ColumnEntity): Statement[] {
  const q = hooks.quoteIdentifier;
  // The sequence lives in the table's schema, named after the table's plain name.
  const sequence = hooks.quoteTable(nameInSchemaOf(table, deriveName([splitTableName(table).name, column.name], "seq", postgresCapabilities.maxIdentifierLength)));
  const type = column.type === "bigserial" ? "BIGINT" : "INTEGER";
  return [
    { sql: `CREATE SEQUENCE ${sequence} AS ${type} OWNED BY ${hooks.quoteTable(table)}.${q(column.name)}` },
    { sql: `ALTER TABLE ${hooks.quoteTable(table)} ALTER COLUMN ${q(column.name)} SET DEFAULT nextval(${quotePostgresString(sequence)}::regclass)` },
    { sql: `SELECT setval(${quotePostgresString(sequence)}::regclass, COALESCE(MAX(${q(column.name)}), 0) + 1, false) FROM ${hooks.quoteTable(table)}` },
  ];
}
