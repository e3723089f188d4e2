export * from "./detect-drift";
export * from "./schema-drift";
