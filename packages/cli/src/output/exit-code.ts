/** The exit codes of `mig`: 0 done, 1 failed, 2 bad usage or config, 3 needs input (the CLI README's table). */
export const EXIT = { ok: 0, failed: 1, usage: 2, needsInput: 3 } as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** Error codes that mean "bad usage or config" (exit 2) and "needs input" (exit 3); any other is 1. */
const EXIT_BY_CODE: Readonly<Record<string, ExitCode>> = {
  MIG_E_CONFIG: EXIT.usage,
  MIG_E_USAGE: EXIT.usage,
  MIG_E_DIALECT: EXIT.usage,
  MIG_E_APP_DEPENDENCY: EXIT.usage,
  MIG_E_UNKNOWN_MIGRATION: EXIT.usage,
  MIG_E_NEEDS_INPUT: EXIT.needsInput,
};

export function exitCodeFor(code: string): ExitCode {
  return EXIT_BY_CODE[code] ?? EXIT.failed;
}
