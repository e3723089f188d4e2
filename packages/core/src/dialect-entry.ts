/**
 * @mig/core/dialect: what a dialect author imports. The `Dialect` interface and its parts
 * (capabilities, connection, emitter with its standard handlers and hooks, type mapper,
 * introspector, online support), the schema entities and operations a dialect turns into SQL,
 * the planner a dialect runs its operations through, and the coded errors.
 *
 * @example
 * ```ts
 * import { createEmitter, standardHandlers, type Dialect } from "@mig/core/dialect";
 * ```
 */
export * from "./dialect/index";
export * from "./snapshot/entities";
export * from "./snapshot/types";
export { Snapshot, entitiesOf } from "./snapshot/snapshot";
export { deriveName } from "./snapshot/derive-name";
export * from "./operations/operation";
export { applyOperation } from "./operations/apply-operation";
export { invertOperation } from "./operations/invert-operation";
export { normaliseDefault } from "./schema/normalise-default";
export * from "./schema/qualified-table-name";
export { planForDialect, planOperations, type PlanInput, type PlanResult, type PlanOptions } from "./diff/index";
export { ERROR_CODES, type ErrorCode } from "./errors/error-codes";
export { MigError, isMigError, type MigErrorOptions, type MigProblem } from "./errors/mig-error";
