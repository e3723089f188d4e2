import { type ColumnEntity, type ForeignKeyEntity, sameType } from "../snapshot/entities";
import { backfillQuestion, needsBackfill } from "./backfill-questions";
import { type DiffContext, targetKey } from "./diff-context";
import { isNarrowingChange } from "../operations/is-narrowing-change";
import { jsonEqual, sameList } from "./json-equal";
import { type ConstraintEntity, matchConstraints } from "./match-constraints";
import { type ColumnNames, SAME_NAMES, type TablePair } from "./schema-match";

const SERIAL_TYPES = new Set(["serial", "bigserial"]);

/** Plans the changes inside one table present on both sides: columns, then indexes and constraints. */
export function diffTable(pair: TablePair, context: DiffContext): void {
  const table = pair.to.table.name;
  const { planned } = context;

  const sameNames = pair.columnNames === SAME_NAMES;
  const oldKey = sameNames ? pair.from.table.primaryKey : pair.from.table.primaryKey.map((name) => pair.columnNames.get(name) ?? `(dropped ${name})`);
  if (!sameList(oldKey, pair.to.table.primaryKey)) {
    context.refusals.push({
      message:
        `Cannot change the primary key of table ${table} (${oldKey.join(", ")} -> ${pair.to.table.primaryKey.join(", ")}): ` +
        "create a new table with the new key, copy the rows over in a raw migration, then drop the old table",
      table,
    });
  }

  if (sameNames) {
    // Same columns in the same order: walk both lists, no pairs made.
    const { columns } = pair.to;
    for (let position = 0; position < columns.length; position++) {
      const from = pair.from.columns[position] as ColumnEntity;
      const to = columns[position] as ColumnEntity;
      if (!sameDefinition(from, to)) diffColumn(table, from, to, position, context);
    }
  } else {
    for (const { from, to, position } of pair.columns) {
      if (from.name !== to.name) planned.push({ operation: { kind: "rename_column", table, from: from.name, to: to.name }, key: [table, from.name] });
      if (!sameDefinition(from, to)) diffColumn(table, from, to, position, context);
    }
  }

  for (const { column, position } of pair.added) {
    const backfill = needsBackfill(column) ? context.backfill[`${table}.${column.name}`] : undefined;
    if (needsBackfill(column) && backfill === undefined) {
      context.missing.push(backfillQuestion(table, column, "added"));
    }
    context.targets.added.add(targetKey(table, [column.name]));
    planned.push({ operation: { kind: "add_column", table, column, ...(backfill !== undefined ? { backfill } : {}) }, key: [table, position] });
  }
  for (const column of pair.dropped) {
    planned.push({ operation: { kind: "drop_column", table, column: column.table === table ? column : { ...column, table } }, key: [table, column.name] });
  }

  const translate = context.match.renamed ? translator(pair, context) : unchanged;
  const indexes = matchConstraints(pair.from.indexes, pair.to.indexes, translate);
  const uniques = matchConstraints(pair.from.uniques, pair.to.uniques, translate);
  const checks = matchConstraints(pair.from.checks, pair.to.checks, translate);
  const foreignKeys = matchConstraints(pair.from.foreignKeys, pair.to.foreignKeys, translate);
  const oldTable = pair.from.table.name;
  for (const index of indexes.dropped) planned.push({ operation: { kind: "drop_index", index }, key: [oldTable, index.name] });
  for (const unique of uniques.dropped) context.targets.dropped.add(targetKey(oldTable, unique.columns));
  for (const unique of uniques.added) context.targets.added.add(targetKey(table, unique.columns));
  for (const unique of uniques.dropped) planned.push({ operation: { kind: "drop_unique", unique }, key: [oldTable, unique.name, 0] });
  for (const check of checks.dropped) planned.push({ operation: { kind: "drop_check", check }, key: [oldTable, check.name, 1] });
  for (const foreignKey of foreignKeys.dropped) planned.push({ operation: { kind: "drop_foreign_key", foreignKey }, key: [oldTable, foreignKey.name] });
  for (const index of indexes.added) planned.push({ operation: { kind: "add_index", index }, key: [table, index.name] });
  for (const unique of uniques.added) planned.push({ operation: { kind: "add_unique", unique }, key: [table, unique.name, 0] });
  for (const check of checks.added) planned.push({ operation: { kind: "add_check", check }, key: [table, check.name, 1] });
  for (const foreignKey of foreignKeys.added) planned.push({ operation: { kind: "add_foreign_key", foreignKey }, key: [table, foreignKey.name] });
}

/** Plans the change of one column present on both sides whose definition differs. */
function diffColumn(table: string, from: ColumnEntity, to: ColumnEntity, position: number, context: DiffContext): void {
  if (from.type !== to.type && (SERIAL_TYPES.has(from.type) || SERIAL_TYPES.has(to.type))) {
    context.refusals.push({
      message:
        `Cannot change column ${table}.${to.name} from ${from.type} to ${to.type}: a serial type owns a sequence; ` +
        "change the column and its sequence in a raw migration, or add a new column",
      table,
      column: to.name,
    });
    return;
  }
  const backfill = from.nullable && !to.nullable ? context.backfill[`${table}.${to.name}`] : undefined;
  const lossy = isNarrowingChange(from, to);
  context.planned.push({
    operation: {
      kind: "alter_column",
      table,
      from: from.table === table && from.name === to.name ? from : { ...from, table, name: to.name },
      to,
      ...(backfill !== undefined ? { backfill } : {}),
      ...(lossy ? { lossy } : {}),
    },
    key: [table, position],
  });
}

/** Type, parameters, nullability and default: what `alter_column` changes. */
function sameDefinition(a: ColumnEntity, b: ColumnEntity): boolean {
  return (
    sameType(a, b) &&
    a.nullable === b.nullable && jsonEqual(a.default, b.default)
  );
}

/** Without renames an old constraint is already in new names. */
function unchanged<C extends ConstraintEntity>(old: C): C {
  return old;
}

/** Restates an old constraint of this table in new names (table, columns, FK target); unchanged ones as they are. */
function translator(pair: TablePair, context: DiffContext): <C extends ConstraintEntity>(old: C) => C {
  const table = pair.to.table.name;
  const renamed = (names: readonly string[], map: ColumnNames | undefined) =>
    names.some((name) => (map?.get(name) ?? name) !== name) ? names.map((name) => map?.get(name) ?? name) : names;
  return <C extends ConstraintEntity>(old: C): C => {
    if (old.kind === "check") return old.table === table ? old : { ...old, table };
    const columns = renamed(old.columns, pair.columnNames);
    if (old.kind !== "foreign_key") return old.table === table && columns === old.columns ? old : { ...old, table, columns };
    const fk = old as ForeignKeyEntity;
    const target = context.match.tableNames.get(fk.references.table) ?? fk.references.table;
    const targetColumns = renamed(fk.references.columns, context.match.pairsByName.get(target)?.columnNames);
    if (old.table === table && columns === old.columns && target === fk.references.table && targetColumns === fk.references.columns) return old;
    return { ...old, table, columns, references: { table: target, columns: targetColumns } } as C;
  };
}
