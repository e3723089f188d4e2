/**
 * The catalog queries of the introspector: the schemas in `$2` (the connection's current schema,
 * `current_schema()`, the first existing schema of its `search_path`, when `$2` is NULL; each row
 * says its schema), ordinary and partitioned tables, leaving out the
 * tracking tables (`mig_migrations*`) and those listed in `$1`. Names come back as JSON arrays
 * (`to_json`), so that names with commas, quotes or braces survive.
 */

const TABLE_FILTER = `n.nspname = ANY (COALESCE($2::text[], ARRAY[current_schema()]::text[])) AND c.relkind IN ('r', 'p')
  AND c.relname NOT LIKE 'mig\\_migrations%' AND NOT (c.relname = ANY ($1::text[]))`;

export const TABLES_SQL = `
SELECT c.relname AS name, n.nspname AS table_schema
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
 WHERE ${TABLE_FILTER}
 ORDER BY n.nspname, c.relname`;

/** information_schema.columns gives lengths, precisions and the default's text in the standard's columns. */
export const COLUMNS_SQL = `
SELECT col.table_name, col.table_schema, col.column_name, col.data_type, col.character_maximum_length AS length,
       col.numeric_precision AS precision, col.numeric_scale AS scale, col.is_nullable = 'YES' AS nullable,
       col.column_default, col.is_identity = 'YES' AS identity,
       format_type(a.atttypid, a.atttypmod) AS native_type, t.typtype AS type_kind,
       quote_ident(tn.nspname) || '.' || quote_ident(t.typname) AS type_name, t.typname::text AS type_short_name,
       tn.nspname = n.nspname AS type_in_table_schema,
       (SELECT to_json(array_agg(e.enumlabel::text ORDER BY e.enumsortorder)) FROM pg_enum e WHERE e.enumtypid = a.atttypid) AS enum_labels
  FROM information_schema.columns col
  JOIN pg_class c ON c.relname = col.table_name
  JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = col.table_schema
  JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = col.column_name
  JOIN pg_type t ON t.oid = a.atttypid
  JOIN pg_namespace tn ON tn.oid = t.typnamespace
 WHERE ${TABLE_FILTER}
 ORDER BY col.table_schema, col.table_name, col.ordinal_position`;

/** Key columns of a constraint in key order (`conkey` / `confkey` hold attribute numbers). */
const keyColumns = (keys: string, relation: string) => `to_json(ARRAY(
    SELECT a.attname::text FROM unnest(${keys}) WITH ORDINALITY AS k(attnum, ord)
      JOIN pg_attribute a ON a.attrelid = ${relation} AND a.attnum = k.attnum ORDER BY k.ord))`;

/**
 * Primary keys, unique, check and foreign-key constraints. `pg_get_constraintdef(oid, true)` is the
 * pretty form (fewer parentheses); the introspector strips its `CHECK (...)` wrapper.
 */
export const CONSTRAINTS_SQL = `
SELECT c.relname AS table_name, n.nspname AS table_schema, con.conname AS name, con.contype AS type,
       ${keyColumns("con.conkey", "con.conrelid")} AS columns,
       ref.relname AS ref_table, refn.nspname AS ref_schema, ${keyColumns("con.confkey", "con.confrelid")} AS ref_columns,
       con.confdeltype AS on_delete, con.confupdtype AS on_update,
       pg_get_constraintdef(con.oid, true) AS definition
  FROM pg_constraint con
  JOIN pg_class c ON c.oid = con.conrelid
  JOIN pg_namespace n ON n.oid = c.relnamespace
  LEFT JOIN pg_class ref ON ref.oid = con.confrelid
  LEFT JOIN pg_namespace refn ON refn.oid = ref.relnamespace
 WHERE ${TABLE_FILTER} AND con.contype IN ('p', 'u', 'c', 'f')
 ORDER BY n.nspname, c.relname, con.conname`;

/**
 * Indexes that no constraint owns (primary key and unique constraints have their own index, and
 * exclusion constraints too). Key columns only (`indnkeyatts`, not INCLUDE columns); an expression
 * key is reported as its text.
 */
export const INDEXES_SQL = `
SELECT c.relname AS table_name, n.nspname AS table_schema, i.relname AS name, am.amname AS method, ix.indisunique AS is_unique,
       pg_get_indexdef(ix.indexrelid) AS definition,
       ix.indpred IS NOT NULL AS partial,
       to_json(ARRAY(
         SELECT COALESCE(a.attname::text, pg_get_indexdef(ix.indexrelid, k.ord::int, true))
           FROM unnest(ix.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
           LEFT JOIN pg_attribute a ON a.attrelid = ix.indrelid AND a.attnum = k.attnum AND k.attnum > 0
          WHERE k.ord <= ix.indnkeyatts ORDER BY k.ord)) AS columns
  FROM pg_index ix
  JOIN pg_class i ON i.oid = ix.indexrelid
  JOIN pg_class c ON c.oid = ix.indrelid
  JOIN pg_namespace n ON n.oid = c.relnamespace
  JOIN pg_am am ON am.oid = i.relam
 WHERE ${TABLE_FILTER}
   AND NOT EXISTS (SELECT 1 FROM pg_constraint con WHERE con.conindid = ix.indexrelid AND con.contype IN ('p', 'u', 'x'))
 ORDER BY n.nspname, c.relname, i.relname`;
