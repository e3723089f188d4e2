import { MigError } from "@mig/core";
import type { CliDeps } from "../deps";

/**
 * Asks one question for the whole fleet (`question` ends with "?"). Without a terminal it cannot be
 * asked: `MIG_E_NEEDS_INPUT` (exit 3), naming the flag that answers it.
 */
export async function confirmFleet(deps: CliDeps, question: string, flag: string): Promise<boolean> {
  if (!deps.stdinIsTTY) {
    throw new MigError("MIG_E_NEEDS_INPUT", `${question.replace(/\?$/, "")}: this needs a confirmation, and there is no terminal to ask`, {
      hint: `Add ${flag} to go ahead without asking`,
      problems: [{ message: `${question} (y/N)` }],
      meta: { questions: [`${question} (y/N)`] },
    });
  }
  return deps.prompter.confirm(question, false);
}
