import type { EmitterHooks, Statement } from "@mig/core/dialect";
import { plpgsqlBlock } from "./plpgsql-block";
import { quotePostgresString } from "./quote-literal";

/**
 * After a table moves to another schema (`SET SCHEMA`), its enum columns would still use the types
 * of the schema it left; but an enum type lives in its table's schema (enum-type-ref.ts). So each
 * such column is moved to the type of the same name in the table's new schema (created there with
 * the same labels when there is none), its values converted through their labels and its default
 * kept, and the old type is dropped once no column uses it. The move is one operation without the
 * table's columns, so the block reads them from the catalog when it runs; a table without enum
 * columns loops over nothing.
 */
export function moveEnumColumns(hooks: EmitterHooks, table: string): Statement {
  const rel = `${quotePostgresString(hooks.quoteTable(table))}::regclass`;
  const labels = "(SELECT string_agg(quote_literal(enumlabel::text), ', ' ORDER BY enumsortorder) FROM pg_enum WHERE enumtypid = r.typid)";
  const alter = (clause: string, ...args: string[]) => `EXECUTE format('ALTER TABLE %s ALTER COLUMN %I ${clause}', ${rel}, r.attname${args.map((a) => `, ${a}`).join("")});`;
  const body =
    `DECLARE r record; target name := (SELECT n.nspname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.oid = ${rel}); BEGIN ` +
    `FOR r IN SELECT a.attname, t.typname, tn.nspname AS typschema, a.atttypid AS typid, pg_get_expr(d.adbin, d.adrelid) AS def ` +
    `FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid JOIN pg_namespace tn ON tn.oid = t.typnamespace ` +
    `LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum ` +
    `WHERE a.attrelid = ${rel} AND a.attnum > 0 AND NOT a.attisdropped AND t.typtype = 'e' AND tn.nspname <> target ORDER BY a.attnum LOOP ` +
    `IF to_regtype(format('%I.%I', target, r.typname)) IS NULL THEN EXECUTE format('CREATE TYPE %I.%I AS ENUM (%s)', target, r.typname, ${labels}); END IF; ` +
    `IF r.def IS NOT NULL THEN ${alter("DROP DEFAULT")} END IF; ` +
    `${alter("TYPE %I.%I USING %I::text::%I.%I", "target", "r.typname", "r.attname", "target", "r.typname")} ` +
    // The default is a label cast to the old type ('ok'::music.mood): the label alone, cast to the new one by assignment.
    `IF r.def IS NOT NULL THEN ${alter("SET DEFAULT %s", "regexp_replace(r.def, '::[^'']*$', '')")} END IF; ` +
    `IF NOT EXISTS (SELECT 1 FROM pg_attribute WHERE atttypid = r.typid AND NOT attisdropped) THEN EXECUTE format('DROP TYPE %I.%I', r.typschema, r.typname); END IF; ` +
    `END LOOP; END;`;
  return { sql: `DO ${plpgsqlBlock(body)}` };
}
