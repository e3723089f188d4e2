export * from "./migration-manager";
export * from "./manager-calls";
export * from "./invert-operation";
export * from "./operation-to-call";
export * from "./migration-id";
export * from "./migration-file-name";
export * from "./apply-operation";
export * from "./replay-migrations";
export { restorePlaceholder } from "./restore-placeholder";
