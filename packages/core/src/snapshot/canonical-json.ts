import { MigError } from "../errors/mig-error";
import { parseEntity } from "./parse-entity";
import type { Entity } from "./entities";
import { Snapshot } from "./snapshot";

/** The `format` field of a serialised snapshot. */
export const SNAPSHOT_FORMAT = "mig.snapshot";
/**
 * The version of the serialised snapshot format this mig writes. Version 2: an entity's
 * discriminator is `kind`, as an operation's is; version 1 named it `entity`, and is still read.
 */
export const SNAPSHOT_VERSION = 2;

/**
 * A snapshot as canonical JSON: a versioned envelope `{ format, version, entities }`, one entity
 * per line in the snapshot's canonical order, object keys sorted, absent fields left out, a final
 * newline. The same snapshot always gives the same bytes, and `parseSnapshot` reads it back equal.
 *
 * @example
 * ```ts
 * const text = serialiseSnapshot(snapshotFromTables(tables));
 * parseSnapshot(text).entities; // equal to the snapshot's entities
 * ```
 */
export function serialiseSnapshot(snapshot: Snapshot): string {
  const lines = snapshot.entities.map((entity, i) => `    ${canonicalJson(entity, `entities[${i}]`)}`);
  const entities = lines.length === 0 ? "[]" : `[\n${lines.join(",\n")}\n  ]`;
  return `{\n  "format": ${JSON.stringify(SNAPSHOT_FORMAT)},\n  "version": ${SNAPSHOT_VERSION},\n  "entities": ${entities}\n}\n`;
}

/**
 * Reads a serialised snapshot, checking the envelope, the version and every entity's shape.
 * Throws `MIG_E_SNAPSHOT` listing every problem found.
 */
export function parseSnapshot(text: string): Snapshot {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new MigError("MIG_E_SNAPSHOT", `Snapshot is not valid JSON: ${(error as Error).message}`, { cause: error });
  }
  const envelope = data as { format?: unknown; version?: unknown; entities?: unknown } | null;
  if (typeof envelope !== "object" || envelope === null || Array.isArray(envelope) || envelope.format !== SNAPSHOT_FORMAT) {
    throw new MigError("MIG_E_SNAPSHOT", `Not a mig snapshot (expected "format": "${SNAPSHOT_FORMAT}")`);
  }
  if (envelope.version !== SNAPSHOT_VERSION && envelope.version !== 1) {
    const newer = typeof envelope.version === "number" && envelope.version > SNAPSHOT_VERSION;
    throw new MigError("MIG_E_SNAPSHOT", `Snapshot format version ${JSON.stringify(envelope.version)} is not supported (this mig reads versions 1 to ${SNAPSHOT_VERSION})`, {
      hint: newer ? "It was written by a newer mig: upgrade mig." : undefined,
      meta: { version: envelope.version },
    });
  }
  const extra = Object.keys(envelope).filter((key) => !["format", "version", "entities"].includes(key));
  if (!Array.isArray(envelope.entities) || extra.length > 0) {
    throw new MigError("MIG_E_SNAPSHOT", extra.length > 0 ? `Unexpected snapshot field "${extra[0]}"` : "Snapshot has no entities array");
  }
  const entities: Entity[] = [];
  const problems: string[] = [];
  envelope.entities.forEach((value: unknown, i: number) => {
    const result = parseEntity(envelope.version === 1 ? fromVersion1(value) : value, `entities[${i}]`);
    if ("entity" in result) entities.push(result.entity);
    else problems.push(...result.problems);
  });
  if (problems.length > 0) {
    throw new MigError("MIG_E_SNAPSHOT", `Malformed snapshot: ${problems[0]}${problems.length > 1 ? ` (and ${problems.length - 1} more)` : ""}`, {
      problems: problems.map((message) => ({ message, path: message.split(" ")[0] })),
    });
  }
  return Snapshot.fromEntities(entities);
}

/** A version 1 entity (its discriminator named `entity`) as version 2 writes it. */
function fromVersion1(value: unknown): unknown {
  if (typeof value !== "object" || value === null || Array.isArray(value) || !("entity" in value)) return value;
  const { entity, ...rest } = value as Record<string, unknown>;
  return { kind: entity, ...rest };
}

/** JSON with object keys in code-unit order and `undefined` fields left out; refuses what JSON cannot hold. */
export function canonicalJson(value: unknown, path = "value"): string {
  const json = plainJson(value);
  if (json === undefined) throw unrepresentable(value, path) ?? new MigError("MIG_E_SNAPSHOT", `${path} holds a value JSON cannot hold`);
  return json;
}

/** `canonicalJson` of a value JSON can hold; undefined when something in it cannot be (then {@link unrepresentable} names it). */
function plainJson(value: unknown): string | undefined {
  switch (typeof value) {
    case "string":
    case "boolean":
      return JSON.stringify(value);
    case "number":
      return Number.isFinite(value) ? JSON.stringify(value) : undefined;
    case "object": {
      if (value === null) return "null";
      if (Array.isArray(value)) {
        let out = "[";
        for (let i = 0; i < value.length; i++) {
          const item = plainJson(value[i]);
          if (item === undefined) return undefined;
          out += i === 0 ? item : `,${item}`;
        }
        return `${out}]`;
      }
      const record = value as Readonly<Record<string, unknown>>;
      // The default sort orders strings by UTF-16 code units.
      const keys = Object.keys(record).sort();
      let out = "{";
      for (let i = 0; i < keys.length; i++) {
        const key = keys[i]!;
        const field = record[key];
        if (field === undefined) continue;
        const text = plainJson(field);
        if (text === undefined) return undefined;
        out += `${out.length === 1 ? "" : ","}${JSON.stringify(key)}:${text}`;
      }
      return `${out}}`;
    }
    default:
      return undefined;
  }
}

/**
 * The error naming the first place in `value` that JSON cannot hold (a non-finite number, a
 * function, an `undefined` array item…), its path built only here: the writer above builds none.
 */
function unrepresentable(value: unknown, path: string): MigError | undefined {
  if (value === null || typeof value === "boolean" || typeof value === "string") return undefined;
  if (typeof value === "number") return Number.isFinite(value) ? undefined : new MigError("MIG_E_SNAPSHOT", `${path} is ${value}, which JSON cannot hold`);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const problem = unrepresentable(value[i], `${path}[${i}]`);
      if (problem) return problem;
    }
    return undefined;
  }
  if (typeof value === "object") {
    const record = value as Readonly<Record<string, unknown>>;
    for (const key of Object.keys(record).sort()) {
      const problem = record[key] === undefined ? undefined : unrepresentable(record[key], `${path}.${key}`);
      if (problem) return problem;
    }
    return undefined;
  }
  return new MigError("MIG_E_SNAPSHOT", `${path} is a ${typeof value}, which JSON cannot hold`);
}
