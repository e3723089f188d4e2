import type { ColumnTypeSpec } from "../snapshot/entities";

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
