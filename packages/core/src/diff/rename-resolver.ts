import type { RenameCandidate } from "./rename-candidates";

/**
 * Decides one rename question: `true` (a rename), `false` (a drop and an add), or `undefined`
 * (no answer: the question stays open and `resolveRenames` fails closed with every open question).
 */
export interface RenameResolver {
  decide(candidate: RenameCandidate): Promise<boolean | undefined>;
}

/**
 * Answers every question the same way (`--auto-input y|n`).
 *
 * @example
 * ```ts
 * await resolveRenames(before, after, autoInputResolver("y"));
 * ```
 */
export function autoInputResolver(answer: "y" | "n"): RenameResolver {
  const value = answer === "y";
  return { decide: async () => value };
}

/**
 * Asks each question with `ask` (a TTY prompt supplied by the caller; core never prompts itself).
 *
 * @example
 * ```ts
 * const resolver = promptResolver(async (question) => (await confirm(question)) === true);
 * ```
 */
export function promptResolver(ask: (question: string) => Promise<boolean>): RenameResolver {
  return { decide: (candidate) => ask(candidate.question) };
}

/** Answers nothing: with no TTY, every question stays open and `resolveRenames` throws `MIG_E_NEEDS_INPUT`. */
export function failClosedResolver(): RenameResolver {
  return { decide: async () => undefined };
}
