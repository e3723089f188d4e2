export * from "./closest-match";
export * from "./config-rules";
export * from "./connection-url";
export * from "./define-config";
export * from "./redact-url";
export * from "./resolve-connection";
export * from "./validate-config";
