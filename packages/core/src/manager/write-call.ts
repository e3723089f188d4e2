import { type SchemaOperation, consentOf } from "../operations/operation";
import { CALL_FORMATS, type CallFormat, type ManagerCall } from "./call-formats";

/**
 * The manager call that records `operation`: what a migration file says for it, derived from the
 * format table (call-formats.ts). Keys come in a fixed order and documented defaults are left out
 * (`nullable: false`, `default: null`, `method: "btree"`); FK actions are always written.
 * Calling `call.method` with `call.argument` records an operation equal to `operation`.
 */
export function operationToCall(operation: SchemaOperation): ManagerCall {
  const format = CALL_FORMATS[operation.kind] as unknown as CallFormat;
  const argument = format.argument.write(operation) as Record<string, unknown>;
  // Consent comes last in the argument, where a reviewer sees it.
  const consent = consentOf(operation);
  return { method: format.method as ManagerCall["method"], argument: consent ? { ...argument, ...consent } : argument };
}
