import { orderByForeignKeys } from "../diff/order-by-foreign-keys";
import type { ColumnEntity, Entity, ForeignKeyEntity, TableSchema } from "../snapshot/entities";
import type { Snapshot } from "../snapshot/snapshot";

/** Why the DSL cannot say something the database has; `mig pull` keeps it as a raw step. */
export interface LeftOut {
  readonly entity: Entity;
  readonly reason: string;
}

/** One table as the tables module will say it. */
export interface PlannedTable {
  readonly schema: TableSchema;
  /** The export name (PascalCase of the table name, made unique). */
  readonly exportName: string;
  /** The single-column foreign key each column is written as (`foreignKey(() => T)`), by column name. */
  readonly foreignKeys: ReadonlyMap<string, ForeignKeyEntity>;
  /** Columns left out (the DSL cannot say their type). */
  readonly leftOutColumns: ReadonlySet<string>;
}

export interface TablesModulePlan {
  /** FK targets first, then by name. */
  readonly tables: readonly PlannedTable[];
  readonly leftOut: readonly LeftOut[];
}

const KEY_TYPES: Readonly<Record<string, string>> = { serial: "integer", bigserial: "bigint" };

/**
 * Decides how a pulled schema is written in the DSL, and what it cannot say: a table without a
 * primary key (the DSL would add `id`), a foreign key over several columns or whose column's type
 * is not its target's, a varchar without a length (the DSL's default is 255), and whatever
 * depends on those.
 */
export function planTablesModule(snapshot: Snapshot): TablesModulePlan {
  const leftOut: LeftOut[] = [];
  const schemas = snapshot.tables().filter((schema) => {
    if (schema.table.primaryKey.length > 0) return true;
    leftOut.push({ entity: schema.table, reason: "it has no primary key (a table in mig's DSL always has one)" });
    return false;
  });
  const kept = new Set(schemas.map((s) => s.table.name));
  const ordered = orderByForeignKeys(schemas).order;
  const names = new Set<string>();
  const tables = ordered.map((schema): PlannedTable => {
    const leftOutColumns = new Set<string>();
    for (const column of schema.columns) {
      if (column.type === "varchar" && column.length === undefined) {
        leftOutColumns.add(column.name);
        leftOut.push({ entity: column, reason: "a varchar without a length cannot be written in the DSL (varchar() means 255)" });
      }
    }
    const touchesLeftOut = (columns: readonly string[]) => columns.some((c) => leftOutColumns.has(c));
    const foreignKeys = new Map<string, ForeignKeyEntity>();
    for (const fk of schema.foreignKeys) {
      const reason = foreignKeyProblem(fk, schema, snapshot, kept, foreignKeys, touchesLeftOut(fk.columns));
      if (reason) leftOut.push({ entity: fk, reason });
      else foreignKeys.set(fk.columns[0]!, fk);
    }
    for (const entity of [...schema.indexes, ...schema.uniques]) {
      if (touchesLeftOut(entity.columns)) leftOut.push({ entity, reason: "it is on a column the DSL cannot say" });
    }
    return { schema, exportName: exportName(schema.table.name, names), foreignKeys, leftOutColumns };
  });
  return { tables, leftOut };
}

function foreignKeyProblem(
  fk: ForeignKeyEntity,
  schema: TableSchema,
  snapshot: Snapshot,
  kept: ReadonlySet<string>,
  taken: ReadonlyMap<string, ForeignKeyEntity>,
  onLeftOutColumn: boolean,
): string | undefined {
  if (onLeftOutColumn) return "it is on a column the DSL cannot say";
  if (fk.columns.length !== 1) return "it spans several columns (foreignKey() makes one column)";
  if (!kept.has(fk.references.table)) return `its target table "${fk.references.table}" is not written in the DSL`;
  const column = schema.columns.find((c) => c.name === fk.columns[0]) as ColumnEntity;
  if (taken.has(column.name)) return "its column already has another foreign key";
  const target = snapshot.table(fk.references.table) as TableSchema;
  const targetColumn = target.columns.find((c) => c.name === fk.references.columns[0]);
  if (!targetColumn) return "its target column is not there";
  const isKey = target.table.primaryKey.length === 1 && target.table.primaryKey[0] === targetColumn.name;
  const isUnique = target.uniques.some((u) => u.columns.length === 1 && u.columns[0] === targetColumn.name);
  if (!isKey && !isUnique) return "its target column is neither the primary key nor unique on its own";
  const want = { type: KEY_TYPES[targetColumn.type] ?? targetColumn.type, length: targetColumn.length, precision: targetColumn.precision, scale: targetColumn.scale };
  const have = { type: column.type, length: column.length, precision: column.precision, scale: column.scale };
  if (JSON.stringify(want) !== JSON.stringify(have)) return `its column's type differs from its target's (foreignKey() takes the target's type)`;
  return undefined;
}

const RESERVED = new Set(["Table", "MigrationManager"]);

/** `band_member` → `BandMember`; made a valid, unused identifier. */
function exportName(table: string, taken: Set<string>): string {
  const words = table.split(/[^A-Za-z0-9]+/).filter(Boolean);
  let name = words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join("");
  if (!/^[A-Za-z]/.test(name)) name = `T${name}`;
  if (RESERVED.has(name)) name = `${name}Table`;
  let candidate = name;
  for (let n = 2; taken.has(candidate); n++) candidate = `${name}${n}`;
  taken.add(candidate);
  return candidate;
}
