import type { ErrorCode } from "./error-codes";

/** One problem inside a {@link MigError} that reports several at once. */
export interface MigProblem {
  readonly message: string;
  readonly table?: string;
  readonly column?: string;
  readonly path?: string;
}

export interface MigErrorOptions {
  /** What the user can do about it: one short sentence. */
  readonly hint?: string;
  /** Structured details for `--json` output and for tests. Never put secrets here. */
  readonly meta?: Readonly<Record<string, unknown>>;
  /** Every problem found, when one error reports several (validation, config, open questions). */
  readonly problems?: readonly MigProblem[];
  readonly cause?: unknown;
}

/**
 * The one error class of mig. Library code throws it; only the CLI turns it into output
 * and an exit code.
 *
 * @example
 * ```ts
 * throw new MigError("MIG_E_USAGE", 'Unknown app "musci"', { hint: "Apps in the config: music, shop" });
 * ```
 */
export class MigError extends Error {
  readonly code: ErrorCode;
  readonly hint: string | undefined;
  readonly meta: Readonly<Record<string, unknown>>;
  readonly problems: readonly MigProblem[];

  constructor(code: ErrorCode, message: string, options: MigErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "MigError";
    this.code = code;
    this.hint = options.hint;
    this.meta = options.meta ?? {};
    this.problems = options.problems ?? [];
  }

  /** The shape printed by `--json`: `{ error: { code, message, hint, problems } }`. */
  toJSON(): { error: { code: ErrorCode; message: string; hint?: string; problems?: readonly MigProblem[]; meta?: Readonly<Record<string, unknown>> } } {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.hint ? { hint: this.hint } : {}),
        ...(this.problems.length ? { problems: this.problems } : {}),
        ...(Object.keys(this.meta).length ? { meta: this.meta } : {}),
      },
    };
  }
}

/** True when `value` is a {@link MigError}, optionally with the given code. */
export function isMigError(value: unknown, code?: ErrorCode): value is MigError {
  return value instanceof MigError && (code === undefined || value.code === code);
}
