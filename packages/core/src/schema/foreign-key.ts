import { ColumnBuilder } from "./column-builder";
import type { ForeignKeyReference } from "./column-definition";
import { OWNED } from "./owned-definition";
import type { Table } from "./table";
import type { ForeignKeyAction } from "../snapshot/types";

export interface ForeignKeyOptions {
  /** Default `"no action"`. */
  readonly onDelete?: ForeignKeyAction;
  /** Default `"no action"`. */
  readonly onUpdate?: ForeignKeyAction;
  /** A unique column of the target (key or database name). Default: the target's primary key. */
  readonly column?: string;
  /** The constraint name. Default: `${table}_${column}_fkey`. */
  readonly name?: string;
}

/**
 * A column referencing another table. It takes the type of the target column (the primary key
 * unless `column` names a unique one): serial becomes integer, bigserial bigint, anything else
 * stays. `"self"` references the table being defined.
 *
 * Two tables that reference each other need one thunk annotated, or TypeScript cannot infer their
 * types (TS7022): `foreignKey((): Table => Other)`.
 *
 * @example
 * ```ts
 * const Band = table("band", {
 *   manager: foreignKey(() => Manager, { onDelete: "cascade" }).nullable(),
 *   parent: foreignKey("self").nullable(),
 * });
 * ```
 */
export function foreignKey(target: "self" | (() => Table | "self"), options: ForeignKeyOptions = {}): ColumnBuilder<"foreignKey"> {
  const references: ForeignKeyReference = {
    target,
    onDelete: options.onDelete ?? "no action",
    onUpdate: options.onUpdate ?? "no action",
    ...(options.column === undefined ? {} : { column: options.column }),
    ...(options.name === undefined ? {} : { name: options.name }),
  };
  return new ColumnBuilder({ kind: "foreignKey", nullable: false, primaryKey: false, references: Object.freeze(references) }, OWNED);
}
