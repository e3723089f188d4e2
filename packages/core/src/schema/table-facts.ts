import type { ColumnTypeSpec } from "../snapshot/entities";
import { normaliseDefault } from "./normalise-default";
import { type ResolvedForeignKey, type SchemaResolution, resolveColumnType, resolveForeignKey } from "./resolve-foreign-key";
import type { Table, TableColumn } from "./table";
import { primaryKeyColumns } from "./table-columns";
import { type TableConstraint, tableConstraints } from "./table-constraints";
import type { ColumnDefault } from "../snapshot/types";

/**
 * What validation and `snapshotFromTables` ask about each table, worked out once per run: every
 * rule and the entity builder would otherwise derive the same constraint names, primary keys and
 * foreign-key targets again. Holds no state beyond the run that made it: make a new one for each
 * set of tables (a table's option arrays and foreign-key thunks may change between runs).
 *
 * @example
 * ```ts
 * const facts = new TableFacts(63);
 * facts.constraints(Band).map((c) => c.name); // ["band_name_key", ...]
 * ```
 */
export class TableFacts {
  readonly #maxIdentifierLength: number | undefined;
  readonly #constraints = new Map<Table, TableConstraint[]>();
  readonly #primaryKeys = new Map<Table, readonly TableColumn[]>();
  readonly #foreignKeys = new Map<TableColumn, SchemaResolution<ResolvedForeignKey>>();
  readonly #defaults = new Map<TableColumn, SchemaResolution<ColumnDefault | null>>();

  /** `maxIdentifierLength` as `tableConstraints` takes it (derived names are cut to fit). */
  constructor(maxIdentifierLength?: number) {
    this.#maxIdentifierLength = maxIdentifierLength;
  }

  /** `tableConstraints(table, maxIdentifierLength)`. */
  constraints(table: Table): readonly TableConstraint[] {
    let constraints = this.#constraints.get(table);
    if (constraints === undefined) {
      constraints = tableConstraints(table, this.#maxIdentifierLength);
      this.#constraints.set(table, constraints);
    }
    return constraints;
  }

  /** `primaryKeyColumns(table)`. */
  primaryKey(table: Table): readonly TableColumn[] {
    let primaryKey = this.#primaryKeys.get(table);
    if (primaryKey === undefined) {
      primaryKey = primaryKeyColumns(table);
      this.#primaryKeys.set(table, primaryKey);
    }
    return primaryKey;
  }

  /** `resolveForeignKey(table, column)`, for a column of `table`. */
  foreignKey(table: Table, column: TableColumn): SchemaResolution<ResolvedForeignKey> {
    let resolved = this.#foreignKeys.get(column);
    if (resolved === undefined) {
      resolved = resolveForeignKey(table, column);
      this.#foreignKeys.set(column, resolved);
    }
    return resolved;
  }

  /** `resolveColumnType(table, column)`, for a column of `table`. */
  columnType(table: Table, column: TableColumn): SchemaResolution<ColumnTypeSpec> {
    if (column.definition.kind !== "foreignKey") return resolveColumnType(table, column);
    const resolved = this.foreignKey(table, column);
    return resolved.ok ? { ok: true, value: resolved.value.type } : resolved;
  }

  /**
   * The column's normalised default (`null` when it has none), given its resolved type: a column
   * of the primary key is never nullable, whatever it says.
   */
  columnDefault(table: Table, column: TableColumn, type: ColumnTypeSpec): SchemaResolution<ColumnDefault | null> {
    const spec = column.definition.default;
    if (spec === undefined) return NO_DEFAULT;
    let result = this.#defaults.get(column);
    if (result === undefined) {
      result = normaliseDefault(spec, type, this.nullable(table, column));
      this.#defaults.set(column, result);
    }
    return result;
  }

  /** True when the column allows NULL: marked nullable and not part of the primary key. */
  nullable(table: Table, column: TableColumn): boolean {
    return column.definition.nullable && !this.primaryKey(table).includes(column);
  }
}

const NO_DEFAULT: SchemaResolution<null> = Object.freeze({ ok: true, value: null });
