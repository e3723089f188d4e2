import { type EmitterHooks, type Statement, schemaOfTable } from "@mig/core/dialect";
import { plpgsqlBlock } from "./plpgsql-block";
import { quotePostgresString } from "./quote-literal";

/**
 * The comment mig leaves on a schema it creates, so that going backwards drops only schemas mig
 * made (never one made by hand or by another tool, even an empty one).
 */
export const CREATED_BY_MIG = "created by mig";

/**
 * Creates the schema of `table` when it does not exist yet, marked as mig's (COMMENT ON SCHEMA);
 * nothing for a table in the connection's schema. `CREATE SCHEMA IF NOT EXISTS` alone could not
 * tell afterwards whether mig made the schema.
 */
export function ensureSchema(hooks: EmitterHooks, table: string): Statement[] {
  const schema = schemaOfTable(table);
  if (schema === undefined) return [];
  const name = hooks.quoteIdentifier(schema);
  return [{
    sql: `DO ${plpgsqlBlock(
      `IF NOT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = ${quotePostgresString(schema)}) THEN ` +
        `CREATE SCHEMA ${name}; COMMENT ON SCHEMA ${name} IS ${quotePostgresString(CREATED_BY_MIG)}; END IF;`,
    )}`,
  }];
}

/**
 * Drops the schema of `table` once it is empty, when mig created it (its comment): `DROP SCHEMA`
 * without CASCADE refuses a schema that still holds anything, and
 * that refusal (`dependent_objects_still_exist`) is caught, so a schema with other objects stays.
 */
export function releaseSchema(hooks: EmitterHooks, table: string): Statement[] {
  const schema = schemaOfTable(table);
  if (schema === undefined) return [];
  return [{
    sql: `DO ${plpgsqlBlock(
      `IF (SELECT obj_description(oid, 'pg_namespace') FROM pg_namespace WHERE nspname = ${quotePostgresString(schema)}) = ${quotePostgresString(CREATED_BY_MIG)} THEN ` +
        `DROP SCHEMA ${hooks.quoteIdentifier(schema)}; END IF; EXCEPTION WHEN dependent_objects_still_exist THEN NULL;`,
    )}`,
  }];
}

/**
 * Moves a table into `schema`, or back into the connection's current schema (`undefined`): that
 * one has no name until the statement runs, so the statement is built by the server (`format`
 * with `%I`, quoted there) inside a DO block.
 */
export function renderSetSchema(standard: EmitterHooks, table: string, schema: string | undefined): string {
  if (schema !== undefined) return standard.renderSetSchema(table, schema);
  return `DO ${plpgsqlBlock(`EXECUTE format('ALTER TABLE %s SET SCHEMA %I', ${quotePostgresString(standard.quoteTable(table))}, current_schema());`)}`;
}
