import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { isAbsolute, relative } from "node:path";
import { type MigProblem } from "@mig/core";
import { redactText } from "@mig/core/internal";

interface EsbuildMessage {
  readonly text: string;
  readonly location: { readonly line: number; readonly column: number; readonly lineText: string } | null;
}

const require = createRequire(import.meta.url);

/** Why a user's module did not load, said where it happened. */
export interface LoadFailure {
  /** `path:line:column` for a syntax error in the file, else `path`. */
  readonly where: string;
  /** One line: the syntax error (`other.ts:line:column: what` when it is in an imported module), or the first line of the loader's error. */
  readonly reason: string;
  /** The offending line, for a syntax error (`4 |   connection: …`). */
  readonly problems: readonly MigProblem[];
  readonly meta: Readonly<Record<string, unknown>>;
}

// A value on a line that names a secret is not shown (the config's `password: "…"`).
const SECRET_VALUE = /\b(password|passwd|pass|pwd|secret|token)(["']?\s*[:=]\s*)(["'`])(?:\\.|(?!\3).)*\3/gi;
const MAX_LINE = 160;

/** The offending line as shown: secrets removed, at most `MAX_LINE` characters around the column. */
function excerpt(lineText: string, column: number): string {
  const clean = redactText(lineText.replace(SECRET_VALUE, "$1$2$3***$3")).replace(/\t/g, " ");
  if (clean.length <= MAX_LINE) return clean.trimEnd();
  const start = Math.max(0, Math.min(column - MAX_LINE / 2, clean.length - MAX_LINE));
  return `${start > 0 ? "…" : ""}${clean.slice(start, start + MAX_LINE)}${start + MAX_LINE < clean.length ? "…" : ""}`;
}

/** The first syntax error esbuild finds in the file, or undefined when it parses. */
function syntaxError(absolutePath: string): EsbuildMessage | undefined {
  let source: string;
  try {
    source = readFileSync(absolutePath, "utf8");
  } catch {
    return undefined;
  }
  const loader = /\.[cm]?tsx?$/.test(absolutePath) ? "ts" : "js";
  try {
    (require("esbuild") as { transformSync(code: string, options: object): unknown }).transformSync(source, { loader, sourcefile: absolutePath, logLevel: "silent" });
    return undefined;
  } catch (error) {
    return (error as { errors?: EsbuildMessage[] }).errors?.find((message) => message.location !== null);
  }
}

/**
 * A file named in the loader's message as `/abs/file.ts:line:column` (jiti says where a module the
 * loaded one imports failed to parse): the first that exists.
 */
function fileNamedIn(error: unknown): string | undefined {
  const message = error instanceof Error ? error.message : String(error);
  for (const match of message.matchAll(/(\/[^\s:()'"]+):\d+:\d+/g)) {
    if (isAbsolute(match[1]!) && existsSync(match[1]!)) return match[1];
  }
  return undefined;
}

/**
 * Describes why a config, tables module or migration file did not load. A syntax error, in the
 * file or in a module it imports (found again with esbuild, which compiles these files), is
 * `file:line:column: what` plus the offending line; any other error is its first line. Never
 * quotes a secret from the line.
 *
 * @example
 * ```ts
 * describeLoadError(error, "/app/mig.config.ts", "/app");
 * // { where: "mig.config.ts:4:3", reason: 'Expected "}" but found "connection"', problems: [{ message: '4 | connection: …' }], … }
 * ```
 */
export function describeLoadError(error: unknown, absolutePath: string, cwd: string): LoadFailure {
  const show = (path: string) => relative(cwd, path) || path;
  const imported = fileNamedIn(error);
  for (const path of imported && imported !== absolutePath ? [absolutePath, imported] : [absolutePath]) {
    const found = syntaxError(path);
    if (!found?.location) continue;
    const { line, lineText } = found.location;
    // esbuild counts the column in bytes from 0; people count characters from 1.
    const column = Buffer.from(lineText).subarray(0, found.location.column).toString().length + 1;
    const file = show(path);
    const at = `${file}:${line}:${column}`;
    return {
      // A module it imports: the loaded file, then where in the other one.
      ...(path === absolutePath ? { where: at, reason: found.text } : { where: show(absolutePath), reason: `${at}: ${found.text}` }),
      problems: [{ message: `${line} | ${excerpt(lineText, column)}` }],
      meta: { file, line, column },
    };
  }
  const reason = error instanceof Error ? (error.message.split("\n")[0] ?? "").trim() : String(error);
  return { where: show(absolutePath), reason, problems: [], meta: { file: show(absolutePath) } };
}
