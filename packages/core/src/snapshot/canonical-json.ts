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
  // The common case without building a path for every value (a snapshot of 500 tables has ~50,000);
  // anything it does not take is written again by the checking form, which names the problem.
  return plainJson(value) ?? checkedJson(value, path);
}

/** `canonicalJson` of a value JSON can hold (finite numbers, no `undefined` array items…); undefined otherwise. */
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
      // The default sort orders strings by UTF-16 code units, as the checking form's comparison does.
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

function checkedJson(value: unknown, path: string): string {
  if (value === null || typeof value === "boolean" || typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new MigError("MIG_E_SNAPSHOT", `${path} is ${value}, which JSON cannot hold`);
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map((item, i) => checkedJson(item, `${path}[${i}]`)).join(",")}]`;
  if (typeof value === "object") {
    const record = value as Readonly<Record<string, unknown>>;
    const keys = Object.keys(record).filter((key) => record[key] !== undefined).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${keys.map((key) => `${JSON.stringify(key)}:${checkedJson(record[key], `${path}.${key}`)}`).join(",")}}`;
  }
  throw new MigError("MIG_E_SNAPSHOT", `${path} is a ${typeof value}, which JSON cannot hold`);
}
