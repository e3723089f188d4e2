export * from "./operation";
export * from "./invert-operation";
export * from "./apply-operation";
export { restorePlaceholder } from "./restore-placeholder";
export { isNarrowingChange } from "./is-narrowing-change";
