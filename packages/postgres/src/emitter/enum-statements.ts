import type { ColumnTypeSpec, Statement } from "@mig/core/dialect";
import { enumTypeRef } from "./enum-type-ref";
import { quotePostgresString } from "./quote-literal";

/*
 * The life of PostgreSQL enum types (`capabilities.enums: "named"`). A type is shared by every
 * column that names it, and the emitter sees one operation at a time, so each statement asks the
 * catalog instead of assuming: a type is created before a column uses it unless it exists, and
 * dropped after a column stops using it when no column uses it any more. The statements are
 * `DO` blocks (PL/pgSQL), transactional like the rest of a migration.
 *
 * A type lives in the schema of the table whose column uses it (`"music"."mood"` for a column of
 * `"music"."band"`, see enum-type-ref.ts): each statement takes that table.
 */

type Quote = (name: string) => string;

/** The suffix a type takes while its replacement is built (reordered or removed labels). */
const OLD_SUFFIX = "__mig_old";

/** The name a type is moved to while a new one with other labels takes its name. */
export function retiredName(name: string): string {
  // Cut so that the suffix fits PostgreSQL's 63 bytes (a character is at most 4 bytes).
  let base = name;
  while (Buffer.byteLength(base + OLD_SUFFIX, "utf8") > 63) base = [...base].slice(0, -1).join("");
  return base + OLD_SUFFIX;
}

/** A `DO` block around `body`, with a dollar quote the body does not contain. */
function doBlock(body: string): Statement {
  let tag = "$mig$";
  for (let n = 1; body.includes(tag); n++) tag = `$mig${n}$`;
  return { sql: `DO ${tag} BEGIN ${body} END ${tag}` };
}

/** `to_regtype('"schema"."name"')`: the type's oid, or NULL when there is none. */
function regtype(ref: string): string {
  return `to_regtype(${quotePostgresString(ref)})`;
}

function labels(spec: ColumnTypeSpec): string {
  return (spec.values ?? []).map(quotePostgresString).join(", ");
}

/** Creates the enum type of `spec` (in the schema of `table`) unless a type of that name exists there. */
export function ensureEnum(q: Quote, table: string, spec: ColumnTypeSpec): Statement {
  const ref = enumTypeRef(q, table, spec.enumName ?? "");
  return doBlock(`IF ${regtype(ref)} IS NULL THEN CREATE TYPE ${ref} AS ENUM (${labels(spec)}); END IF;`);
}

/**
 * Makes the type of `spec`'s name hold exactly its labels: when it holds others, it is renamed to
 * {@link retiredName} (its columns keep it, under that name, until they are moved) and a new type
 * is created under the name. Creates it when there is none.
 */
export function replaceEnum(q: Quote, table: string, spec: ColumnTypeSpec): Statement {
  const name = spec.enumName ?? "";
  const ref = enumTypeRef(q, table, name);
  const wanted = `ARRAY[${labels(spec)}]::text[]`;
  const current = `ARRAY(SELECT enumlabel::text FROM pg_enum WHERE enumtypid = ${regtype(ref)} ORDER BY enumsortorder)`;
  // RENAME TO takes a bare name: the type stays in its schema.
  return doBlock(
    `IF ${regtype(ref)} IS NULL THEN CREATE TYPE ${ref} AS ENUM (${labels(spec)}); ` +
      `ELSIF ${current} IS DISTINCT FROM ${wanted} THEN ` +
      `ALTER TYPE ${ref} RENAME TO ${q(retiredName(name))}; CREATE TYPE ${ref} AS ENUM (${labels(spec)}); END IF;`,
  );
}

/** Drops the type `name` of the schema of `table` when it exists and no column (of a table, view or composite type) uses it. */
export function dropEnumIfUnused(q: Quote, table: string, name: string): Statement {
  const ref = enumTypeRef(q, table, name);
  const oid = regtype(ref);
  return doBlock(
    `IF ${oid} IS NOT NULL AND NOT EXISTS (SELECT 1 FROM pg_attribute WHERE atttypid = ${oid} AND NOT attisdropped) ` +
      `THEN DROP TYPE ${ref}; END IF;`,
  );
}

/**
 * `ALTER TYPE … ADD VALUE` for each label of `to` that `from` lacks, when `to` only adds labels
 * to `from` (same name, the old labels in the same order), or undefined when it does more. `IF
 * NOT EXISTS`: columns sharing the type each carry the change. PostgreSQL 12 or later runs these
 * inside the migration's transaction, but a label added there cannot be used before it commits,
 * so a change whose new default is a new label takes the other path (see the README).
 */
export function addEnumValues(q: Quote, table: string, from: ColumnTypeSpec, to: ColumnTypeSpec): Statement[] | undefined {
  if (from.type !== "enum" || to.type !== "enum" || from.enumName !== to.enumName) return undefined;
  const old = from.values ?? [];
  const next = to.values ?? [];
  let position = 0;
  for (const label of next) if (position < old.length && label === old[position]) position++;
  if (position !== old.length || next.length === old.length || old.length === 0) return undefined;
  const name = enumTypeRef(q, table, to.enumName ?? "");
  const statements: Statement[] = [];
  next.forEach((label, i) => {
    if (old.includes(label)) return;
    const place = i > 0 ? `AFTER ${quotePostgresString(next[i - 1]!)}` : `BEFORE ${quotePostgresString(old[0]!)}`;
    statements.push({ sql: `ALTER TYPE ${name} ADD VALUE IF NOT EXISTS ${quotePostgresString(label)} ${place}` });
  });
  return statements;
}
