import { canonicalJsonValue } from "./default-values";
import { FOREIGN_KEY_ACTIONS, INDEX_METHODS, TYPE_NAMES, type ColumnDefault } from "./types";
import { type ColumnTypeSpec, type Entity, TYPE_PARAMETER_KEYS } from "./entities";

const TYPE_PARAMETERS: readonly string[] = TYPE_PARAMETER_KEYS;

type Json = Readonly<Record<string, unknown>>;

/** Collects the problems found while reading untrusted entity data, each with its path. */
class Reader {
  readonly problems: string[] = [];

  object(value: unknown, path: string, required: readonly string[], optional: readonly string[] = []): Json | undefined {
    if (typeof value !== "object" || value === null || Array.isArray(value)) return this.#fail(path, "is not an object");
    for (const key of required) if (!Object.hasOwn(value, key)) this.#fail(`${path}.${key}`, "is missing");
    for (const key of Object.keys(value)) if (!required.includes(key) && !optional.includes(key)) this.#fail(`${path}.${key}`, "is not expected");
    return value as Json;
  }

  name(value: unknown, path: string): string {
    return typeof value === "string" && value !== "" ? value : (this.#fail(path, "is not a non-empty string"), "");
  }

  string(value: unknown, path: string): string {
    return typeof value === "string" ? value : (this.#fail(path, "is not a string"), "");
  }

  names(value: unknown, path: string): string[] {
    if (!Array.isArray(value) || value.length === 0) return this.#fail(path, "is not a non-empty array of names") ?? [];
    return value.map((item, i) => this.name(item, `${path}[${i}]`));
  }

  oneOf<T extends string>(value: unknown, allowed: readonly T[], path: string): T {
    return allowed.includes(value as T) ? (value as T) : (this.#fail(path, `is not one of ${allowed.join(", ")}`), allowed[0] as T);
  }

  optionalCount(value: unknown, path: string): number | undefined {
    if (value === undefined) return undefined;
    return Number.isInteger(value) && (value as number) >= 0 ? (value as number) : (this.#fail(path, "is not a non-negative integer"), 0);
  }

  boolean(value: unknown, path: string): boolean {
    return typeof value === "boolean" ? value : (this.#fail(path, "is not a boolean"), false);
  }

  /** A type with its parameters (an array's element read the same way). */
  typeSpec(v: Json, path: string): ColumnTypeSpec {
    const counts = Object.fromEntries((["length", "precision", "scale"] as const)
      .map((key) => [key, this.optionalCount(v[key], `${path}.${key}`)] as const)
      .filter(([, n]) => n !== undefined));
    const spec: { -readonly [K in keyof ColumnTypeSpec]: ColumnTypeSpec[K] } = { type: this.oneOf(v.type, TYPE_NAMES, `${path}.type`), ...counts };
    if (v.enumName !== undefined) spec.enumName = this.name(v.enumName, `${path}.enumName`);
    if (v.values !== undefined) spec.values = this.names(v.values, `${path}.values`);
    if (v.element !== undefined) {
      const element = this.object(v.element, `${path}.element`, ["type"], TYPE_PARAMETERS);
      if (element) spec.element = this.typeSpec(element, `${path}.element`);
    }
    if (v.fallback !== undefined) spec.fallback = this.oneOf(v.fallback, ["json"] as const, `${path}.fallback`);
    return spec;
  }

  columnDefault(value: unknown, path: string): ColumnDefault | null {
    if (value === null) return null;
    const kind = this.object(value, path, ["kind"], ["value", "sql"])?.kind;
    const data = value as Json;
    if (kind === "now" || kind === "random") return this.object(value, path, ["kind"]) ? { kind } : null;
    if (kind === "sql") return this.object(value, path, ["kind", "sql"]) ? { kind, sql: this.string(data.sql, `${path}.sql`) } : null;
    if (kind === "value") {
      this.object(value, path, ["kind", "value"]);
      const json = canonicalJsonValue(data.value);
      return json === undefined ? (this.#fail(`${path}.value`, "is not a JSON value"), null) : { kind, value: json };
    }
    return this.#fail(`${path}.kind`, "is not one of value, now, random, sql") ?? null;
  }

  #fail(path: string, problem: string): undefined {
    this.problems.push(`${path} ${problem}`);
    return undefined;
  }
}

/**
 * Reads one entity of a serialised snapshot, checking its shape strictly (no missing, unknown or
 * mistyped field). Returns the entity, or the problems found (each prefixed by `path`).
 */
export function parseEntity(value: unknown, path: string): { entity: Entity } | { problems: string[] } {
  const r = new Reader();
  const kind = (value as Json | null)?.kind;
  const owned = (required: readonly string[], optional: readonly string[] = []) => r.object(value, path, ["kind", "table", "name", ...required], optional);
  let entity: Entity | undefined;
  switch (kind) {
    case "table": {
      const v = r.object(value, path, ["kind", "name", "primaryKey"], ["className"]);
      if (v) {
        entity = { kind, name: r.name(v.name, `${path}.name`), primaryKey: r.names(v.primaryKey, `${path}.primaryKey`) };
        if (v.className !== undefined) entity = { ...entity, className: r.name(v.className, `${path}.className`) };
      }
      break;
    }
    case "column": {
      const v = owned(["type", "nullable", "default"], TYPE_PARAMETERS);
      if (!v) break;
      entity = { kind, table: r.name(v.table, `${path}.table`), name: r.name(v.name, `${path}.name`), ...r.typeSpec(v, path),
        nullable: r.boolean(v.nullable, `${path}.nullable`), default: r.columnDefault(v.default, `${path}.default`) };
      break;
    }
    case "index": {
      const v = owned(["columns", "method"]);
      if (v) entity = { kind, table: r.name(v.table, `${path}.table`), name: r.name(v.name, `${path}.name`), columns: r.names(v.columns, `${path}.columns`), method: r.oneOf(v.method, INDEX_METHODS, `${path}.method`) };
      break;
    }
    case "unique": {
      const v = owned(["columns"]);
      if (v) entity = { kind, table: r.name(v.table, `${path}.table`), name: r.name(v.name, `${path}.name`), columns: r.names(v.columns, `${path}.columns`) };
      break;
    }
    case "check": {
      const v = owned(["sql"]);
      if (v) entity = { kind, table: r.name(v.table, `${path}.table`), name: r.name(v.name, `${path}.name`), sql: r.string(v.sql, `${path}.sql`) };
      break;
    }
    case "foreign_key": {
      const v = owned(["columns", "references", "onDelete", "onUpdate"]);
      const ref = v && r.object(v.references, `${path}.references`, ["table", "columns"]);
      if (v && ref) {
        entity = { kind, table: r.name(v.table, `${path}.table`), name: r.name(v.name, `${path}.name`), columns: r.names(v.columns, `${path}.columns`),
          references: { table: r.name(ref.table, `${path}.references.table`), columns: r.names(ref.columns, `${path}.references.columns`) },
          onDelete: r.oneOf(v.onDelete, FOREIGN_KEY_ACTIONS, `${path}.onDelete`), onUpdate: r.oneOf(v.onUpdate, FOREIGN_KEY_ACTIONS, `${path}.onUpdate`) };
      }
      break;
    }
    default:
      r.problems.push(`${path}.kind is not one of table, column, index, unique, check, foreign_key`);
  }
  return r.problems.length > 0 || entity === undefined ? { problems: r.problems } : { entity };
}
