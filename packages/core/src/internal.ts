/**
 * @mig/core/internal: everything core has, for mig's own packages (the CLI, the reliability and
 * benchmark suites). Not a public API: names here may change in any release. Users import
 * `@mig/core`, dialect authors `@mig/core/dialect`, conformance tests `@mig/core/testing`.
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
