export * from "./entities";
export * from "./snapshot";
export * from "./derive-name";
export * from "./from-tables";
export * from "./canonical-json";
