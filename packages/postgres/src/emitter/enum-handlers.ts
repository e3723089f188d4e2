import { type ColumnEntity, type OperationHandler, type OperationHandlers, type Statement, standardHandlers } from "@mig/core/dialect";
import { addEnumValues, dropEnumIfUnused, ensureEnum, replaceEnum, retiredName } from "./enum-statements";

/** The distinct enum types of some columns, first use first. */
function enumsOf(columns: readonly ColumnEntity[]): ColumnEntity[] {
  const seen = new Set<string>();
  return columns.filter((c) => c.type === "enum" && c.enumName !== undefined && !seen.has(c.enumName) && (seen.add(c.enumName), true));
}

/**
 * The handlers of the operations that bring an enum type into use or end its use: its type is
 * created before (unless it exists) and dropped after (unless something still uses it).
 */
export const enumHandlers: Pick<OperationHandlers, "create_table" | "drop_table" | "add_column" | "drop_column"> = {
  create_table: (op, hooks, emitter) => [
    ...enumsOf(op.schema.columns).map((c) => ensureEnum(hooks.quoteIdentifier, op.schema.table.name, c)),
    ...standardHandlers.create_table(op, hooks, emitter),
  ],
  drop_table: (op, hooks, emitter) => [
    ...standardHandlers.drop_table(op, hooks, emitter),
    ...enumsOf(op.schema.columns).map((c) => dropEnumIfUnused(hooks.quoteIdentifier, op.schema.table.name, c.enumName!)),
  ],
  add_column: (op, hooks, emitter) => [
    ...enumsOf([op.column]).map((c) => ensureEnum(hooks.quoteIdentifier, op.table, c)),
    ...standardHandlers.add_column(op, hooks, emitter),
  ],
  drop_column: (op, hooks, emitter) => [
    ...standardHandlers.drop_column(op, hooks, emitter),
    ...enumsOf([op.column]).map((c) => dropEnumIfUnused(hooks.quoteIdentifier, op.table, c.enumName!)),
  ],
};

/**
 * ALTER COLUMN around enum types. Labels only added (same name, old labels kept in order, the new
 * default not a new label): `ALTER TYPE … ADD VALUE`, no rewrite. Anything else (labels removed
 * or reordered, the type renamed, a column becoming or ceasing to be an enum): the safe path, a
 * new type under the name (the old one moved aside), the column converted through its labels
 * (`USING col::text::new`, which fails, changing nothing, on a row holding a removed label), and
 * the old type dropped once no column uses it.
 */
export function enumAlterColumn(
  ...[op, hooks, emitter, alter]: [...Parameters<OperationHandler<"alter_column">>, OperationHandler<"alter_column">]
): readonly Statement[] {
  const { from, to } = op;
  if (from.type !== "enum" && to.type !== "enum") return alter(op, hooks, emitter);
  const q = hooks.quoteIdentifier;
  const newDefault = to.default?.kind === "value" && typeof to.default.value === "string" ? to.default.value : undefined;
  const added = addEnumValues(q, op.table, from, to);
  if (added !== undefined && (newDefault === undefined || (from.values ?? []).includes(newDefault))) {
    // The type keeps its name: the rest of the change (default, nullability) is an ordinary alter.
    return [...added, ...alter({ ...op, from: { ...from, values: to.values } } as typeof op, hooks, emitter)];
  }
  const sameName = from.type === "enum" && to.type === "enum" && from.enumName === to.enumName;
  const sameLabels = sameName && (from.values ?? []).join("\0") === (to.values ?? []).join("\0");
  if (sameLabels) return alter(op, hooks, emitter);
  const before: Statement[] = [];
  const after: Statement[] = [];
  if (to.type === "enum") before.push(sameName ? replaceEnum(q, op.table, to) : ensureEnum(q, op.table, to));
  if (from.type === "enum") after.push(dropEnumIfUnused(q, op.table, sameName ? retiredName(from.enumName!) : from.enumName!));
  // The same rendered type name with other labels is still a type change here: mark it so by the
  // retired name, which is what the column holds once replaceEnum has run.
  const retypedFrom: ColumnEntity = sameName ? { ...from, enumName: retiredName(from.enumName!) } : from;
  return [...before, ...alter({ ...op, from: retypedFrom } as typeof op, hooks, emitter), ...after];
}
