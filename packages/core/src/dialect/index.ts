export * from "./capabilities";
export * from "./connection";
export * from "./dialect";
export * from "./emitter";
export * from "./introspector";
export * from "./sql-emitter";
export * from "./statement";
export * from "./type-mapper";
