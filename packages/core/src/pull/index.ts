export * from "./print-tables-module";
export * from "./tables-module-plan";
export * from "./baseline-migration";
export * from "./raw-steps";
