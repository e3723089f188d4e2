import { type ColumnTypeSpec, MigError, type TypeMapper, type TypeName, nativeTypeNames } from "@mig/core/dialect";

/** The declared types that read as one contract type whatever their parameters. */
const PLAIN_TYPES = nativeTypeNames({
  text: ["TEXT", "CLOB"], bigint: ["BIGINT", "INT8"], smallint: ["SMALLINT", "INT2"], boolean: ["BOOLEAN", "BOOL"],
  real: ["REAL", "FLOAT4"], doublePrecision: ["DOUBLE PRECISION", "DOUBLE", "FLOAT", "FLOAT8"],
  timestamp: ["TIMESTAMP", "DATETIME", "TIMESTAMPTZ", "TIMESTAMP WITH TIME ZONE", "TIMESTAMP WITHOUT TIME ZONE"],
  date: ["DATE"], time: ["TIME"], uuid: ["UUID"], json: ["JSON", "JSONB"], bytea: ["BLOB", "BYTEA"],
});

/** The declared type of each contract type that has no parameter here. */
const DECLARED_TYPES = {
  text: "TEXT", integer: "INTEGER", bigint: "BIGINT", smallint: "SMALLINT",
  // A serial is the rowid alias, which must be declared exactly "INTEGER PRIMARY KEY"; the emitter adds PRIMARY KEY AUTOINCREMENT.
  serial: "INTEGER", bigserial: "INTEGER",
  boolean: "BOOLEAN", real: "REAL", doublePrecision: "DOUBLE PRECISION",
  // SQLite has no time zone aware type (times are UTC text): one TIMESTAMP.
  timestamp: "TIMESTAMP", timestamptz: "TIMESTAMP", date: "DATE", time: "TIME",
  // Stored as TEXT (affinity NUMERIC, but a UUID string never converts); the name is kept.
  uuid: "UUID",
  // SQLite's JSON functions work on JSON text; there is no binary column type.
  json: "JSON", jsonb: "JSON", bytea: "BLOB",
  // A text column; the emitter adds CHECK ("column" IN (labels)), which is what makes it an enum.
  enum: "TEXT",
} as const satisfies Record<Exclude<TypeName, "varchar" | "numeric" | "char" | "array" | "interval">, string>;

/**
 * Contract types ⇄ SQLite declared types.
 *
 * SQLite keeps the declared type name of a column verbatim and only derives a storage *affinity*
 * from it, so mig writes the contract's own names (`VARCHAR(100)`, `BIGINT`,
 * `BOOLEAN`, `UUID`, ...) and reads them back exactly: introspection round-trips without guessing.
 *
 * @example
 * ```ts
 * sqliteTypeMapper.toNative({ type: "varchar", length: 100 }); // "VARCHAR(100)"
 * sqliteTypeMapper.fromNative("NUMERIC(5, 2)");                // { type: "numeric", precision: 5, scale: 2 }
 * ```
 */
export const sqliteTypeMapper: TypeMapper = {
  toNative(spec: ColumnTypeSpec): string {
    switch (spec.type) {
      case "varchar":
        return spec.length === undefined ? "VARCHAR" : `VARCHAR(${spec.length})`;
      case "numeric":
        if (spec.precision === undefined) return "NUMERIC";
        return spec.scale === undefined ? `NUMERIC(${spec.precision})` : `NUMERIC(${spec.precision}, ${spec.scale})`;
      // TEXT affinity (the name holds CHAR), no padding and no length check: see the README.
      case "char":
        return `CHAR(${spec.length ?? 1})`;
      // No array type: an array with the JSON fallback is JSON text (validation refuses the others).
      case "array":
        if (spec.fallback === "json") return "JSON";
        throw new MigError("MIG_E_UNSUPPORTED", 'SQLite has no array type; write array(..., { fallback: "json" }) to store a JSON array');
      case "interval":
        throw new MigError("MIG_E_UNSUPPORTED", "SQLite has no interval type; store the span as an integer of seconds, or as text");
      default:
        return DECLARED_TYPES[spec.type];
    }
  },

  fromNative(native, details) {
    const parsed = parseDeclaredType(native);
    if (!parsed) return undefined;
    const [first = 0, second] = parsed.args;
    switch (parsed.name) {
      case "VARCHAR":
      case "CHARACTER VARYING":
      case "VARYING CHARACTER":
      case "NVARCHAR":
        return parsed.args.length > 0 ? { type: "varchar", length: first } : details?.length !== undefined ? { type: "varchar", length: details.length } : { type: "varchar" };
      case "CHAR":
      case "CHARACTER":
      case "NCHAR":
        return { type: "char", length: parsed.args.length > 0 ? first : 1 };
      // AUTOINCREMENT is only allowed on the rowid alias "INTEGER PRIMARY KEY".
      case "INTEGER":
      case "INT":
        return { type: details?.autoIncrement ? "serial" : "integer" };
      case "NUMERIC":
      case "DECIMAL": {
        const precision = parsed.args.length > 0 ? first : details?.precision;
        const scale = parsed.args.length > 1 ? second : details?.scale;
        if (precision === undefined) return { type: "numeric" };
        return scale === undefined ? { type: "numeric", precision } : { type: "numeric", precision, scale };
      }
      default: {
        const type = PLAIN_TYPES.get(parsed.name);
        return type === undefined ? undefined : { type };
      }
    }
  },

  /**
   * What SQLite really keeps: no time zone aware timestamp (timestamptz → timestamp), no binary
   * JSON (jsonb → json), and one 64-bit rowid for both serials (bigserial → serial). Parameters
   * that do not belong to a type are dropped.
   */
  canonical(spec: ColumnTypeSpec): ColumnTypeSpec {
    switch (spec.type) {
      case "timestamptz":
        return { type: "timestamp" };
      case "jsonb":
        return { type: "json" };
      case "bigserial":
        return { type: "serial" };
      case "varchar":
        return spec.length === undefined ? { type: "varchar" } : { type: "varchar", length: spec.length };
      case "numeric":
        if (spec.precision === undefined) return { type: "numeric" };
        return spec.scale === undefined ? { type: "numeric", precision: spec.precision } : { type: "numeric", precision: spec.precision, scale: spec.scale };
      case "char":
        return { type: "char", length: spec.length ?? 1 };
      // A CHECK keeps the labels, not the enum's name.
      case "enum":
        return spec.values === undefined ? { type: "enum" } : { type: "enum", values: spec.values };
      case "array":
        return spec.fallback === "json" ? { type: "json" } : spec;
      default:
        return { type: spec.type };
    }
  },
};

/** `"numeric ( 5, 2 )"` → `{ name: "NUMERIC", args: [5, 2] }`; `undefined` when it has no name. */
export function parseDeclaredType(native: string): { readonly name: string; readonly args: readonly number[] } | undefined {
  const match = /^\s*([^(]*?)\s*(?:\(([^)]*)\))?\s*$/.exec(native);
  const name = match?.[1]?.replace(/\s+/g, " ").toUpperCase();
  if (!match || !name) return undefined;
  const args = match[2] === undefined ? [] : match[2].split(",").map((a) => Number(a.trim()));
  if (args.some((a) => !Number.isInteger(a))) return undefined;
  return { name, args };
}

/**
 * The contract type for a declared type mig does not know, by SQLite's affinity rules
 *: INT → integer, CHAR/CLOB/TEXT → text, BLOB or none → bytea,
 * REAL/FLOA/DOUB → doublePrecision, anything else → numeric.
 */
export function affinityType(native: string): ColumnTypeSpec {
  const upper = native.toUpperCase();
  if (upper.includes("INT")) return { type: "integer" };
  if (/CHAR|CLOB|TEXT/.test(upper)) return { type: "text" };
  if (upper.includes("BLOB") || upper.trim() === "") return { type: "bytea" };
  if (/REAL|FLOA|DOUB/.test(upper)) return { type: "doublePrecision" };
  return { type: "numeric" };
}
