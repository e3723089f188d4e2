export * from "./schema-rule";
export * from "./validate-tables";
export * from "./parse-entity";
