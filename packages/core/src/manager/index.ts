export * from "./migration-manager";
export * from "./manager-calls";
export { operationToCall } from "./write-call";
export { callToOperation, isLoadableCall } from "./read-call";
export { CALL_FORMATS, CALL_ALIASES, type CallFormat, type CallMethod, type ManagerCall, type ManagerMethod } from "./call-formats";
export * from "./migration-id";
export * from "./migration-file-name";
export * from "./replay-migrations";
