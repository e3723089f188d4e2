export * from "./schema-rule";
export * from "./validate-tables";
export * from "./from-tables";
