import {
  autoInputResolver,
  explicitRenames,
  failClosedResolver,
  isMigError,
  promptResolver,
  resolveRenames,
  type ExplicitRenames,
  type RenameDecisions,
  type RenameResolver,
  type Snapshot,
} from "@mig/core";
import type { CliDeps } from "../../deps";

/** How rename questions are answered: `--auto-input`, else a prompt on a TTY, else nobody (fail closed). */
export function renameResolver(autoInput: "y" | "n" | undefined, deps: CliDeps): RenameResolver {
  if (autoInput) return autoInputResolver(autoInput);
  if (deps.stdinIsTTY) return promptResolver((question) => deps.prompter.confirm(question.replace(/\s*\(y\/N\)\s*$/i, ""), false));
  return failClosedResolver();
}

/** The outcome of the rename questions: decisions, or the questions left open. */
export type RenameOutcome =
  | { readonly kind: "decided"; readonly decisions: RenameDecisions }
  /** `assumed`: the decisions if every open question were answered no (to find the other open questions). */
  | { readonly kind: "open"; readonly error: Error & { problems?: unknown }; readonly assumed: RenameDecisions };

/**
 * Resolves every rename between `from` and `to`: explicit `--rename` answers first, then the
 * resolver. When questions stay open, also works out what the decisions would be if they were
 * answered no, so that the backfill questions behind them can be listed in the same error.
 */
export async function answerRenames(from: Snapshot, to: Snapshot, resolver: RenameResolver, explicit: ExplicitRenames): Promise<RenameOutcome> {
  const answers = new Map<string, boolean>();
  const recording: RenameResolver = {
    decide: async (candidate) => {
      const answer = await resolver.decide(candidate);
      if (answer !== undefined) answers.set(candidate.question, answer);
      return answer;
    },
  };
  try {
    return { kind: "decided", decisions: await resolveRenames(from, to, recording, explicit) };
  } catch (error) {
    if (!isMigError(error, "MIG_E_NEEDS_INPUT")) throw error;
    const assumed = await resolveRenames(from, to, { decide: async (c) => answers.get(c.question) ?? false }, explicit);
    return { kind: "open", error, assumed };
  }
}

/**
 * The `--rename` arguments that concern one app (for `new all`): those naming a table the app had
 * or has. Arguments are checked for syntax first, all together.
 */
export function renamesForApp(args: readonly string[], tables: ReadonlySet<string>): string[] {
  explicitRenames(args);
  const tableOf = (side: string) => side.split(".")[0] ?? "";
  return args.filter((arg) => {
    const [left = "", right = ""] = arg.split("=");
    return tables.has(tableOf(left)) || tables.has(tableOf(right));
  });
}
