import type { ColumnTypeSpec } from "../snapshot/entities";
import type { TypeName } from "../snapshot/types";

/** Maps contract types to native SQL types and back. */
export interface TypeMapper {
  /** The native type used in DDL, e.g. `{ type: "varchar", length: 100 }` → `VARCHAR(100)`. */
  toNative(spec: ColumnTypeSpec): string;
  /**
   * The contract type a native type introspects as (`"character varying"`, length 100 → varchar(100)),
   * or `undefined` for a type mig does not model.
   */
  fromNative(native: string, details?: { readonly length?: number; readonly precision?: number; readonly scale?: number; readonly autoIncrement?: boolean }): ColumnTypeSpec | undefined;
  /**
   * The type this dialect really stores for a contract type (MySQL stores jsonb as json, SQLite
   * stores every integer type as integer, ...). Introspection returns this form. Default: unchanged.
   */
  canonical?(spec: ColumnTypeSpec): ColumnTypeSpec;
}

/**
 * A dialect's native names for the contract types they stand for whatever their parameters, as a
 * lookup for `fromNative`: given contract type → its native names, gives native name → type.
 *
 * @example
 * ```ts
 * const plain = nativeTypeNames({ text: ["text", "longtext"], bytea: ["blob"] });
 * plain.get("longtext"); // "text"
 * ```
 */
export function nativeTypeNames(names: { readonly [T in TypeName]?: readonly string[] }): ReadonlyMap<string, TypeName> {
  const lookup = new Map<string, TypeName>();
  for (const type of Object.keys(names) as TypeName[]) for (const native of names[type] ?? []) lookup.set(native, type);
  return lookup;
}
