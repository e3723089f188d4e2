import { MigError, type Dialect } from "@mig/core";

type Check = readonly [path: string, test: (value: Record<string, unknown>) => boolean];

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null;
const fn = (value: unknown) => typeof value === "function";
const at = (value: Record<string, unknown>, path: string): unknown =>
  path.split(".").reduce<unknown>((object, key) => (isObject(object) ? object[key] : undefined), value);

/** What a dialect object must have (the `Dialect` interface of `@mig/core`), as data. */
const DIALECT_SHAPE: readonly Check[] = [
  ["name", (d) => typeof d.name === "string" && d.name !== ""],
  ["capabilities", (d) => isObject(d.capabilities)],
  ["emitter.emit", (d) => fn(at(d, "emitter.emit"))],
  ["emitter.hooks", (d) => isObject(at(d, "emitter.hooks"))],
  ["types.toNative", (d) => fn(at(d, "types.toNative"))],
  ["types.fromNative", (d) => fn(at(d, "types.fromNative"))],
  // Optional: without it, mig pull and mig check --drift refuse with MIG_E_UNSUPPORTED.
  ["introspector.introspect", (d) => d.introspector === undefined || fn(at(d, "introspector.introspect"))],
  ["placeholder", (d) => fn(d.placeholder)],
  ["connect", (d) => fn(d.connect)],
  ["describeConnection", (d) => fn(d.describeConnection)],
];

/** True when `value` has every part of a dialect (no error). */
export function looksLikeDialect(value: unknown): value is Dialect {
  return isObject(value) && DIALECT_SHAPE.every(([, test]) => test(value));
}

/**
 * Checks a plugin before use and names everything missing: `MIG_E_DIALECT` with one problem per
 * missing part. `source` says where it came from (`package mig-dialect-foo`, `the config`).
 */
export function checkDialectShape(value: unknown, source: string): Dialect {
  if (!isObject(value)) {
    throw new MigError("MIG_E_DIALECT", `${source} does not provide a dialect object`, {
      hint: "A dialect package exports its dialect object (as default, `dialect`, or `<name>Dialect`)",
    });
  }
  const missing = DIALECT_SHAPE.filter(([, test]) => !test(value)).map(([path]) => path);
  if (missing.length > 0) {
    throw new MigError("MIG_E_DIALECT", `${source} is not a valid dialect: missing ${missing.join(", ")}`, {
      hint: "A dialect implements the Dialect interface of @mig/core; run the conformance suite from @mig/core/testing",
      problems: missing.map((path) => ({ path, message: `${path} is missing or has the wrong type` })),
    });
  }
  return value as unknown as Dialect;
}
