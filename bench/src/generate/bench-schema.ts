/**
 * The shape every benchmark schema has, described once and rendered for both tools: N tables of
 * 15 columns of mixed types, a foreign key to an earlier table, one index and one unique each.
 * `history` extra nullable integer columns (`h_1` … `h_K`) are spread over the tables: they are
 * what a history of K small migrations added. `added` names a last column added to the middle table.
 */
export type ColumnKind =
  | "serial" | "varchar" | "integer" | "text" | "bigint" | "smallint" | "boolean" | "numeric"
  | "doublePrecision" | "real" | "timestamptz" | "jsonb" | "uuid";

export interface BenchColumn {
  readonly name: string;
  readonly kind: ColumnKind;
  readonly nullable: boolean;
  readonly primaryKey?: true;
  readonly unique?: true;
  readonly index?: true;
  readonly default?: "zero" | "one" | "true" | "now";
  /** The index of the earlier table the column references (its `id`). */
  readonly references?: number;
  readonly length?: number;
  readonly precision?: number;
  readonly scale?: number;
}

export interface BenchTable {
  readonly index: number;
  readonly name: string;
  /** The exported constant naming the table in both modules. */
  readonly constant: string;
  readonly columns: readonly BenchColumn[];
}

export interface BenchSchemaOptions {
  /** How many history columns (`h_1` … `h_K`) exist: the schema after K small migrations. */
  readonly history?: number;
  /** A last column (`added_column`, nullable text) on the middle table. */
  readonly added?: boolean;
}

const pad = (i: number) => String(i).padStart(4, "0");

export const tableName = (i: number) => `t_${pad(i)}`;

/** The table that history migration `k` (1-based) adds its column `h_k` to. */
export const historyTable = (k: number, tables: number) => (k * 37) % tables;

/** The table `added_column` goes to. */
export const addedTable = (tables: number) => Math.floor(tables / 2);

/** The earlier table that table `i` references (none for table 0). */
export const parentOf = (i: number) => (i === 0 ? undefined : Math.floor(i / 2));

function baseColumns(i: number): BenchColumn[] {
  const parent = parentOf(i);
  return [
    { name: "id", kind: "serial", nullable: false, primaryKey: true },
    { name: "name", kind: "varchar", length: 100, nullable: false, unique: true },
    { name: "code", kind: "integer", nullable: false, index: true },
    parent === undefined ? { name: "parent_id", kind: "integer", nullable: true } : { name: "parent_id", kind: "integer", nullable: true, references: parent },
    { name: "title", kind: "text", nullable: false },
    { name: "quantity", kind: "integer", nullable: false, default: "zero" },
    { name: "total", kind: "bigint", nullable: true },
    { name: "rank", kind: "smallint", nullable: false, default: "one" },
    { name: "active", kind: "boolean", nullable: false, default: "true" },
    { name: "price", kind: "numeric", precision: 10, scale: 2, nullable: true },
    { name: "ratio", kind: "doublePrecision", nullable: true },
    { name: "score", kind: "real", nullable: true },
    { name: "created_at", kind: "timestamptz", nullable: false, default: "now" },
    { name: "data", kind: "jsonb", nullable: true },
    { name: "external_id", kind: "uuid", nullable: true },
  ];
}

/** The benchmark schema of `tables` tables, in dependency order (every FK points backwards). */
export function benchSchema(tables: number, options: BenchSchemaOptions = {}): BenchTable[] {
  const extra = new Map<number, BenchColumn[]>();
  const push = (table: number, column: BenchColumn) => extra.set(table, [...(extra.get(table) ?? []), column]);
  for (let k = 1; k <= (options.history ?? 0); k++) push(historyTable(k, tables), { name: `h_${k}`, kind: "integer", nullable: true });
  if (options.added) push(addedTable(tables), { name: "added_column", kind: "text", nullable: true });
  return Array.from({ length: tables }, (_, i) => ({
    index: i,
    name: tableName(i),
    constant: `T${pad(i)}`,
    columns: [...baseColumns(i), ...(extra.get(i) ?? [])],
  }));
}
