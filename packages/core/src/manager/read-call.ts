import { CONSENT_KEYS, IN_TABLE_KINDS, type SchemaOperation, type SchemaOperationKind } from "../operations/operation";
import { CALL_ALIASES, CALL_FORMATS, type CallFormat, KIND_OF_METHOD, type ManagerCall, type ManagerMethod } from "./call-formats";
import { argumentError, describe, isPlainObject, readBoolean, type Fields } from "./read-arguments";

/*
 * Reading a manager call, derived from the format table (call-formats.ts): the exact reader the
 * manager runs, and the fast check the serialiser runs on every call it writes.
 */

/**
 * Checks and converts the argument of a manager call into the operation it records.
 * Throws `MIG_E_MIGRATION_FILE` naming the offending field (`addTable.columns[1].type`).
 */
export function callToOperation(method: ManagerMethod, argument: unknown): SchemaOperation {
  const path: string = method;
  const { kind, fields } = resolve(method, argument, path);
  // The consent keys (`allowRebuild`, `online`, `allowLocking`) are the ones every in-table call may carry: read them here, once.
  if (fields === undefined || !CONSENT_KEYS.some((key) => key in fields)) return formatOf(kind).argument.read(fields ?? argument, path);
  const rest: Record<string, unknown> = { ...fields };
  const consent: Record<string, true> = {};
  for (const key of CONSENT_KEYS) {
    if (!(key in rest)) continue;
    const given = readBoolean(rest, key, path, false);
    delete rest[key];
    if (given) consent[key] = true;
  }
  const operation = formatOf(kind).argument.read(rest, path);
  if (!IN_TABLE_KINDS.has(kind)) {
    const key = CONSENT_KEYS.find((k) => k in fields) as string;
    throw argumentError(`${path}.${key}`, "only a change to an existing table (columns, indexes, constraints) can carry allowRebuild, online or allowLocking");
  }
  return Object.keys(consent).length > 0 ? Object.freeze({ ...operation, ...consent }) : operation;
}

/**
 * Whether `callToOperation(call.method, call.argument)` surely succeeds. `false` means "not
 * proven", not "refused": a consent and the old method names are left to the exact reader.
 *
 * @example
 * ```ts
 * const call = operationToCall(operation);
 * if (!isLoadableCall(call)) callToOperation(call.method, call.argument); // throws the exact error, if any
 * ```
 */
export function isLoadableCall(call: ManagerCall): boolean {
  const kind = KIND_OF_METHOD.get(call.method);
  const argument: unknown = call.argument;
  if (kind === undefined || (isPlainObject(argument) && CONSENT_KEYS.some((key) => key in argument))) return false;
  return formatOf(kind).argument.accepts(argument);
}

function formatOf(kind: SchemaOperationKind): CallFormat {
  return CALL_FORMATS[kind] as unknown as CallFormat;
}

/** The kind a method records; for an old method name, the kind its discriminator names (and the argument without it). */
function resolve(method: string, argument: unknown, path: string): { readonly kind: SchemaOperationKind; readonly fields: Fields | undefined } {
  const plain = isPlainObject(argument) ? argument : undefined;
  const kind = KIND_OF_METHOD.get(method);
  if (kind !== undefined) return { kind, fields: plain };
  const alias = (CALL_ALIASES as Readonly<Record<string, { readonly discriminator: string; readonly kinds: Readonly<Record<string, SchemaOperationKind>> }>>)[method];
  if (alias === undefined) throw argumentError(path, `unknown method (expected one of ${[...KIND_OF_METHOD.keys(), ...Object.keys(CALL_ALIASES)].join(", ")})`);
  if (plain === undefined) throw argumentError(path, `expected an object, got ${describe(argument)}`);
  const { [alias.discriminator]: discriminator, ...rest } = plain;
  const aliased = typeof discriminator === "string" && Object.hasOwn(alias.kinds, discriminator) ? alias.kinds[discriminator] : undefined;
  if (aliased === undefined) {
    const choices = Object.keys(alias.kinds).map((choice) => JSON.stringify(choice)).join(", ");
    throw argumentError(`${path}.${alias.discriminator}`, `expected one of ${choices}, got ${describe(discriminator)}`);
  }
  return { kind: aliased, fields: rest };
}
