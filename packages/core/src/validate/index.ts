export * from "./schema-rule";
export * from "./validate-tables";
