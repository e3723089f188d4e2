/**
 * @mig/cli: the `mig` command line. The binary is `mig`; this module exposes the same commands
 * for programs and tests: `main(argv, deps)` and each command's `run(options, deps)`.
 */
export { main } from "./main";
export { nodeDeps } from "./node-deps";
export type { CliDeps, ModuleLoader } from "./deps";
export type { Prompter } from "./prompts/prompter";
export { EXIT, exitCodeFor, type ExitCode } from "./output/exit-code";
export { resolveDialect, type RegistryContext } from "./registry/resolve-dialect";
export { BUILTIN_DIALECTS, PLUGIN_PACKAGE_PREFIX, type BuiltinDialect } from "./registry/builtin-dialects";
export { checkDialectShape } from "./registry/check-dialect-shape";
export { VERSION } from "./version";
