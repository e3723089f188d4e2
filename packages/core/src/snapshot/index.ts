export * from "./types";
export * from "./default-values";
export * from "./entities";
export * from "./snapshot";
export * from "./derive-name";
export * from "./canonical-json";
export * from "./parse-entity";
