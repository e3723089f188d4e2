/**
 * How a table in a named database schema is referred to everywhere a table name goes (snapshot
 * entities, operations, migration files): its schema and its name, each in double quotes with
 * inner double quotes doubled, joined by a dot, as SQL writes them: `"music"."band"`. A table in
 * the connection's own schema keeps its plain name (`band`), so files written before schemas
 * existed read exactly as they did. No plain table name may have this shape (validation refuses
 * it), so the two never mix up.
 */

/** The parts of a table reference: `schema` only for a table in a named schema. */
export interface TableNameParts {
  readonly schema?: string;
  readonly name: string;
}

const QUALIFIED = /^"((?:[^"]|"")*)"\."((?:[^"]|"")*)"$/s;

const quotePart = (part: string): string => `"${part.split('"').join('""')}"`;

/**
 * The reference of table `name` in `schema` (`"music"."band"`), or `name` itself without a schema.
 *
 * @example
 * ```ts
 * qualifiedTableName("music", "band"); // '"music"."band"'
 * qualifiedTableName(undefined, "band"); // "band"
 * ```
 */
export function qualifiedTableName(schema: string | undefined, name: string): string {
  return schema === undefined ? name : `${quotePart(schema)}.${quotePart(name)}`;
}

/** The schema and name of a table reference (the inverse of {@link qualifiedTableName}). */
export function splitTableName(table: string): TableNameParts {
  // Most tables have no schema: a plain name never starts with a double quote followed by this shape.
  if (table.charCodeAt(0) !== 34) return { name: table };
  const match = QUALIFIED.exec(table);
  if (!match) return { name: table };
  return { schema: (match[1] as string).split('""').join('"'), name: (match[2] as string).split('""').join('"') };
}

/** True when `table` is a reference to a table in a named schema. */
export function isQualifiedTableName(table: string): boolean {
  return table.charCodeAt(0) === 34 && QUALIFIED.test(table);
}

/** The schema of a table reference, or `undefined` for a table in the connection's schema. */
export function schemaOfTable(table: string): string | undefined {
  return splitTableName(table).schema;
}

/** The same table in another schema (`undefined`: the connection's schema). */
export function moveTableName(table: string, schema: string | undefined): string {
  return qualifiedTableName(schema, splitTableName(table).name);
}

/**
 * An object that lives in the schema of `table` (its indexes, its serial's sequence), referred
 * to the same way: `"music"."band_name_idx"` for an index of `"music"."band"`, `name` otherwise.
 */
export function nameInSchemaOf(table: string, name: string): string {
  return qualifiedTableName(schemaOfTable(table), name);
}

/** The named schemas of these table references, each once, in code-point order (what an introspection has to read). */
export function schemasOfTables(tables: Iterable<string>): string[] {
  const schemas = new Set<string>();
  for (const table of tables) {
    const schema = schemaOfTable(table);
    if (schema !== undefined) schemas.add(schema);
  }
  return [...schemas].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
