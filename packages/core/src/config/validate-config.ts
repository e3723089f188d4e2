import { MigError, type MigProblem } from "../errors/mig-error";
import { CONFIG_RULES, type RawConfig } from "./config-rules";
import type { MigConfig } from "./define-config";
import type { KnownDialects } from "./url-schemes";

export interface ValidateConfigOptions {
  /** The dialects the caller knows (the CLI's registry): their URL schemes are checked, the others left to plugins. */
  readonly dialects?: KnownDialects;
}

/**
 * Checks a loaded config against every rule and reports every problem at once: one
 * `MIG_E_CONFIG` error whose `problems` list each one with its path (`apps[1].dependsOn`).
 * Returns the config, typed, when there is none.
 *
 * @example
 * ```ts
 * try {
 *   validateConfig({ apps: [{ name: "music" }] });
 * } catch (error) {
 *   // MIG_E_CONFIG: apps[0].tables is missing; apps[0].migrations is missing
 * }
 * ```
 */
export function validateConfig(raw: unknown, source = "the config", options: ValidateConfigOptions = {}): MigConfig {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    throw new MigError("MIG_E_CONFIG", `${source} must export an object (export default defineConfig({ ... }))`, {
      hint: 'Write: import { defineConfig } from "@mig/core"; export default defineConfig({ apps: [...] })',
      problems: [{ message: "The default export is not an object" }],
    });
  }
  const problems: MigProblem[] = CONFIG_RULES.flatMap((rule) => rule(raw as RawConfig, options.dialects ?? []));
  if (problems.length > 0) {
    const summary = problems.length === 1 ? problems[0]!.message : `${problems.length} problems`;
    throw new MigError("MIG_E_CONFIG", `Invalid config in ${source}: ${summary}`, {
      hint: problems.length === 1 ? "Fix it and run the command again" : "Fix every problem listed and run the command again",
      problems,
    });
  }
  return raw as MigConfig;
}
