import type { MigProblem } from "@mig/core";

/**
 * A mig error as the CLI sees it. Checked by shape, not `instanceof`: errors may come from a
 * dialect package that loaded its own copy of `@mig/core`.
 */
export interface CodedError {
  readonly code: string;
  readonly message: string;
  readonly hint?: string | undefined;
  readonly problems?: readonly MigProblem[];
  readonly meta?: Readonly<Record<string, unknown>>;
}

export function isCodedError(value: unknown): value is CodedError {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as { code?: unknown }).code === "string" &&
    (value as { code: string }).code.startsWith("MIG_E_") &&
    typeof (value as { message?: unknown }).message === "string"
  );
}

/** Any thrown value as a coded error: unknown errors become `MIG_E_INTERNAL` (a bug in mig). */
export function toCodedError(value: unknown): CodedError {
  if (isCodedError(value)) return value;
  const message = value instanceof Error ? value.message : String(value);
  return { code: "MIG_E_INTERNAL", message, hint: "This is a bug in mig; please report it with the command you ran" };
}
