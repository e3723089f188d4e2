export * from "./schema-builders";
export * from "./test-migration";
