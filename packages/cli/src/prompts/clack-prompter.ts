import { importModule } from "../import-module";
import type { Prompter } from "./prompter";

/**
 * Prompts on the terminal with @clack/prompts, writing to standard error so that standard output
 * stays clean. Loaded lazily: only commands that ask load it. Callers check `stdin.isTTY` first:
 * without a terminal a clack prompt never settles.
 */
export function clackPrompter(): Prompter {
  const clack = async () => (await importModule("@clack/prompts")) as unknown as typeof import("@clack/prompts");
  return {
    async confirm(message, initial = false) {
      if (!process.stdin.isTTY) return false;
      const { confirm, isCancel } = await clack();
      const answer = await confirm({ message, initialValue: initial, output: process.stderr });
      return !isCancel(answer) && answer === true;
    },
    async text(message, options = {}) {
      if (!process.stdin.isTTY) return undefined;
      const { text, isCancel } = await clack();
      const answer = await text({
        message,
        output: process.stderr,
        ...(options.placeholder ? { placeholder: options.placeholder } : {}),
        ...(options.validate ? { validate: (value: string | undefined) => options.validate?.(value ?? "") } : {}),
      });
      return isCancel(answer) ? undefined : answer;
    },
  };
}
