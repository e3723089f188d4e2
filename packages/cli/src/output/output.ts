import { connectionSecrets, redactText, REDACTED } from "@mig/core/internal";
import pc from "picocolors";
import type { CliDeps } from "../deps";
import type { CodedError } from "./coded-error";

type Colors = ReturnType<typeof pc.createColors>;

/**
 * Everything a command prints goes through here: colour only on a TTY without NO_COLOR, JSON
 * mode, and every known secret (connection passwords) removed from every line.
 */
export class Output {
  readonly json: boolean;
  readonly color: Colors;
  readonly #deps: CliDeps;
  #secrets: string[] = [];

  constructor(deps: CliDeps, options: { readonly json?: boolean | undefined }) {
    this.#deps = deps;
    this.json = options.json === true;
    const noColor = deps.env.NO_COLOR !== undefined && deps.env.NO_COLOR !== "";
    this.color = pc.createColors(deps.stdoutIsTTY && !noColor && !this.json);
  }

  /** Remembers the passwords of a connection setting so that no output ever shows them. */
  protectSecretsOf(connection: unknown): void {
    this.#secrets.push(...connectionSecrets(connection));
  }

  /** Scrubs secrets from text. */
  clean(text: string): string {
    let result = redactText(text);
    for (const secret of this.#secrets) if (secret.length > 0) result = result.split(secret).join(REDACTED);
    return result;
  }

  /** A result line on stdout (in JSON mode, on stderr: stdout holds only the JSON document). */
  line(text = ""): void {
    const write = this.json ? this.#deps.stderr : this.#deps.stdout;
    write(`${this.clean(text)}\n`);
  }

  /** Progress and notes on stderr. */
  note(text: string): void {
    this.#deps.stderr(`${this.clean(text)}\n`);
  }

  warn(text: string): void {
    this.#deps.stderr(`${this.color.yellow("warning")} ${this.clean(text)}\n`);
  }

  /** The JSON result document on stdout. */
  result(value: unknown): void {
    this.#deps.stdout(`${this.clean(JSON.stringify(value, null, 2))}\n`);
  }

  /** One coded error: `error MIG_E_X: message`, its problems, and `hint: ...`; or `{ error }` in JSON mode. */
  error(error: CodedError): void {
    if (this.json) {
      const body = {
        code: error.code,
        message: error.message,
        ...(error.hint ? { hint: error.hint } : {}),
        ...(error.problems?.length ? { problems: error.problems } : {}),
        ...(error.meta && Object.keys(error.meta).length ? { meta: error.meta } : {}),
      };
      this.result({ error: body });
      return;
    }
    const c = this.color;
    const lines = [`${c.red(c.bold("error"))} ${c.bold(error.code)}: ${error.message}`];
    for (const problem of error.problems ?? []) {
      // Each problem says where it is (the first one is repeated in the message; the others are not).
      const path = problem.path ?? [problem.table, problem.column].filter((part) => part !== undefined).join(".");
      const where = path && !problem.message.startsWith(path) ? `${path}: ` : "";
      lines.push(`  - ${where}${problem.message}`);
    }
    if (error.hint) lines.push(`${c.dim("hint:")} ${error.hint}`);
    this.#deps.stderr(`${this.clean(lines.join("\n"))}\n`);
  }
}
