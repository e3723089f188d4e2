/**
 * fast-check arbitraries for snapshots, for property tests anywhere in mig. Every generated
 * snapshot is well formed: constraints name existing columns, foreign keys existing tables and
 * columns, defaults fit their column's type, JSON values are canonical (sorted keys, no -0).
 */
import fc from "fast-check";
import { canonicalJsonValue } from "./default-values";
import { FOREIGN_KEY_ACTIONS, INDEX_METHODS, TYPE_NAMES, type ColumnDefault, type JsonValue, type TypeName } from "./types";
import type { ColumnEntity, ColumnTypeSpec, Entity, TableEntity } from "./entities";
import { Snapshot } from "./snapshot";

export interface ArbitrarySnapshotOptions {
  /** Default 4. */
  readonly maxTables?: number;
  /** Default 6. */
  readonly maxColumns?: number;
  /** `"simple"` (default): `[a-z][a-z0-9_]*`. `"any"`: any text, quotes, backslashes, newlines and unicode included. */
  readonly names?: "simple" | "any";
}

/** Identifiers: simple SQL-ish names, or any non-empty text. */
export function arbitraryName(names: "simple" | "any" = "simple"): fc.Arbitrary<string> {
  // Built once: making these arbitraries is far slower than drawing from them.
  NAMES[names] ??= names === "simple"
    ? simpleName()
    : fc.oneof(simpleName(), fc.string({ minLength: 1, maxLength: 12, unit: "grapheme" }), fc.constantFrom('a"b', "a\\b", "a\nb", "${x}", "ü", "日本", "😀"));
  return NAMES[names];
}

const NAMES: { simple?: fc.Arbitrary<string>; any?: fc.Arbitrary<string> } = {};

function simpleName(): fc.Arbitrary<string> {
  const first = fc.constantFrom(..."abcdefghijklmnopqrstuvwxyz");
  const rest = fc.string({ maxLength: 11, unit: fc.constantFrom(..."abcdefghijklmnopqrstuvwxyz0123456789_") });
  return fc.tuple(first, rest).map(([a, b]) => a + b);
}

/** A column type with the parameters it takes. */
export function arbitraryColumnType(): fc.Arbitrary<ColumnTypeSpec> {
  return fc.constantFrom(...TYPE_NAMES).chain((type): fc.Arbitrary<ColumnTypeSpec> => {
    if (type === "varchar" || type === "char") return fc.integer({ min: 1, max: 500 }).map((length) => ({ type, length }));
    if (type === "enum") {
      return fc.record({ enumName: simpleName(), values: fc.uniqueArray(fc.string({ minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 4 }) })
        .map(({ enumName, values }) => ({ type, enumName, values }));
    }
    if (type === "array") {
      return fc.record({ element: fc.constantFrom<ColumnTypeSpec>({ type: "integer" }, { type: "text" }, { type: "varchar", length: 10 }), json: fc.boolean() })
        .map(({ element, json }) => (json ? { type, element, fallback: "json" as const } : { type, element }));
    }
    if (type === "numeric") {
      return fc.option(fc.integer({ min: 1, max: 30 }).chain((precision) => fc.record({ precision: fc.constant(precision), scale: fc.integer({ min: 0, max: precision }) })), { nil: undefined })
        .map((params) => ({ type, ...params }));
    }
    return fc.constant({ type });
  });
}

/** A literal default value that fits the type, as `snapshotFromTables` normalises it. */
export function arbitraryDefaultValue(spec: ColumnTypeSpec): fc.Arbitrary<JsonValue> {
  const pad = (n: number, width = 2) => String(n).padStart(width, "0");
  const day = fc.date({ min: new Date("1900-01-01T00:00:00Z"), max: new Date("2199-12-31T23:59:59Z"), noInvalidDate: true });
  const values: Record<TypeName, () => fc.Arbitrary<JsonValue>> = {
    varchar: () => fc.string({ maxLength: Math.min(spec.length ?? 20, 20) }),
    text: () => fc.string({ maxLength: 30, unit: "grapheme" }),
    integer: () => fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
    smallint: () => fc.integer({ min: -32768, max: 32767 }),
    bigint: () => fc.oneof(fc.integer(), fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }))
      .map((n) => (typeof n === "number" || (n >= -(2n ** 53n) + 1n && n <= 2n ** 53n - 1n) ? Number(n) : String(n))),
    serial: () => fc.constant(0),
    bigserial: () => fc.constant(0),
    boolean: () => fc.boolean(),
    real: () => fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => (n === 0 ? 0 : n)),
    doublePrecision: () => fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => (n === 0 ? 0 : n)),
    numeric: () => {
      const scale = spec.scale ?? 4;
      const whole = Math.max(1, Math.min(12, (spec.precision ?? 16) - scale));
      return fc.tuple(fc.boolean(), fc.bigInt({ min: 0n, max: 10n ** BigInt(whole) - 1n }), fc.bigInt({ min: 0n, max: 10n ** BigInt(scale) - 1n }))
        .map(([negative, int, fraction]) => `${negative ? "-" : ""}${int}${scale > 0 ? `.${String(fraction).padStart(scale, "0")}` : ""}`);
    },
    date: () => day.map((d) => d.toISOString().slice(0, 10)),
    timestamp: () => day.map((d) => d.toISOString()),
    timestamptz: () => day.map((d) => d.toISOString()),
    time: () => fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), fc.integer({ min: 0, max: 59 })).map(([h, m, s]) => `${pad(h)}:${pad(m)}:${pad(s)}`),
    uuid: () => fc.uuid(),
    json: () => fc.jsonValue({ maxDepth: 3 }).map((v) => canonicalJsonValue(v) ?? null),
    jsonb: () => fc.jsonValue({ maxDepth: 3 }).map((v) => canonicalJsonValue(v) ?? null),
    bytea: () => fc.uint8Array({ maxLength: 16 }).map((bytes) => Buffer.from(bytes).toString("hex")),
    char: () => fc.string({ maxLength: Math.min(spec.length ?? 1, 20) }),
    enum: () => fc.constantFrom(...(spec.values ?? ["a"])),
    interval: () => fc.constantFrom("1 day", "02:00:00"),
    array: () => fc.constant([]),
  };
  return values[spec.type]();
}

/** A default that fits the column: none, a literal, now (time types), random (uuid) or SQL. */
export function arbitraryColumnDefault(spec: ColumnTypeSpec): fc.Arbitrary<ColumnDefault | null> {
  if (spec.type === "serial" || spec.type === "bigserial") return fc.constant(null);
  const choices: fc.Arbitrary<ColumnDefault | null>[] = [
    fc.constant(null),
    arbitraryDefaultValue(spec).map((value) => ({ kind: "value", value })),
    fc.string({ minLength: 1, maxLength: 20 }).map((sql) => ({ kind: "sql", sql })),
  ];
  if (["timestamp", "timestamptz", "date", "time"].includes(spec.type)) choices.push(fc.constant({ kind: "now" }));
  if (spec.type === "uuid") choices.push(fc.constant({ kind: "random" }));
  return fc.oneof(...choices);
}

interface TableShape {
  readonly table: TableEntity;
  readonly columns: readonly ColumnEntity[];
}

function arbitraryTable(name: string, options: Required<ArbitrarySnapshotOptions>): fc.Arbitrary<TableShape> {
  const columnNames = fc.uniqueArray(arbitraryName(options.names), { minLength: 1, maxLength: options.maxColumns });
  return columnNames.chain((names) =>
    fc.record({
      specs: fc.tuple(...names.map((column) => arbitraryColumnType().chain((spec) => fc.record({
        spec: fc.constant(spec), nullable: fc.boolean(), default: arbitraryColumnDefault(spec), column: fc.constant(column),
      })))),
      primaryKey: fc.shuffledSubarray(names, { minLength: 1, maxLength: Math.min(2, names.length) }),
      className: fc.option(arbitraryName(options.names), { nil: undefined }),
    }).map(({ specs, primaryKey, className }) => ({
      table: { kind: "table", name, primaryKey, ...(className === undefined ? {} : { className }) },
      columns: specs.map(({ spec, nullable, default: columnDefault, column }) => ({
        kind: "column", table: name, name: column, ...spec,
        nullable: nullable && !primaryKey.includes(column),
        default: columnDefault === null || (columnDefault.kind === "value" && columnDefault.value === null && !nullable) ? null : columnDefault,
      })),
    })),
  );
}

function arbitraryConstraints(shape: TableShape, all: readonly TableShape[], names: "simple" | "any"): fc.Arbitrary<Entity[]> {
  const table = shape.table.name;
  const columnNames = shape.columns.map((c) => c.name);
  const columns = fc.shuffledSubarray(columnNames, { minLength: 1, maxLength: Math.min(3, columnNames.length) });
  const named = <T>(item: fc.Arbitrary<T>) => fc.uniqueArray(fc.tuple(arbitraryName(names), item), { maxLength: 3, selector: ([name]) => name });
  const foreignKey = fc.constantFrom(...all).chain((target) => {
    const width = Math.min(target.columns.length, columnNames.length, 2);
    return fc.record({
      columns: fc.shuffledSubarray(columnNames, { minLength: width, maxLength: width }),
      references: fc.shuffledSubarray(target.columns.map((c) => c.name), { minLength: width, maxLength: width }).map((cols) => ({ table: target.table.name, columns: cols })),
      onDelete: fc.constantFrom(...FOREIGN_KEY_ACTIONS),
      onUpdate: fc.constantFrom(...FOREIGN_KEY_ACTIONS),
    });
  });
  return fc.tuple(
    named(fc.record({ columns, method: fc.constantFrom(...INDEX_METHODS) })),
    named(columns),
    named(fc.string({ minLength: 1, maxLength: 30 })),
    named(foreignKey),
  ).map(([indexes, uniques, checks, foreignKeys]) => [
    ...indexes.map(([name, index]): Entity => ({ kind: "index", table, name, ...index })),
    ...uniques.map(([name, cols]): Entity => ({ kind: "unique", table, name, columns: cols })),
    ...checks.map(([name, sql]): Entity => ({ kind: "check", table, name, sql })),
    ...foreignKeys.map(([name, fk]): Entity => ({ kind: "foreign_key", table, name, ...fk })),
  ]);
}

/**
 * Random well-formed snapshots.
 *
 * @example
 * ```ts
 * fc.assert(fc.property(arbitrarySnapshot({ names: "any" }), (s) => {
 *   expect(parseSnapshot(serialiseSnapshot(s)).entities).toEqual(s.entities);
 * }));
 * ```
 */
export function arbitrarySnapshot(options: ArbitrarySnapshotOptions = {}): fc.Arbitrary<Snapshot> {
  const resolved = { maxTables: 4, maxColumns: 6, names: "simple" as const, ...options };
  return fc.uniqueArray(arbitraryName(resolved.names), { maxLength: resolved.maxTables })
    .chain((names) => fc.tuple(...names.map((name) => arbitraryTable(name, resolved))))
    .chain((shapes) => fc.tuple(fc.constant(shapes), ...shapes.map((shape) => arbitraryConstraints(shape, shapes, resolved.names))))
    .map(([shapes, ...constraints]) => Snapshot.fromEntities(shapes.flatMap((shape, i) => [shape.table, ...shape.columns, ...(constraints[i] ?? [])])));
}
