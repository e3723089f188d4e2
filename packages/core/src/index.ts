/**
 * @mig/core: the schema DSL, snapshots, the diff, migration files, the runner and the dialect
 * plugin interface. Knows no database driver and no dialect.
 */
export * from "./errors/index";
export * from "./schema/index";
export * from "./snapshot/index";
export * from "./operations/index";
export * from "./dialect/index";
export * from "./validate/index";
export * from "./diff/index";
export * from "./manager/index";
export * from "./serialise/index";
export * from "./runner/index";
export * from "./config/index";
export * from "./replay-cache/index";
export * from "./drift/index";
export * from "./pull/index";
