/** A fenced code block of a Markdown file: its language, its attributes (`run`, `excerpt=PATH`, ...) and its text. */
export interface CodeBlock {
  readonly lang: string;
  readonly attrs: Readonly<Record<string, string | true>>;
  readonly code: string;
  /** 1-based line of the opening fence. */
  readonly line: number;
}

/**
 * The fenced code blocks of `markdown`, in order. The info string is the language followed by
 * attributes: bare words (`run`) or `key=value` (`excerpt=examples/x/src/y.ts`).
 */
export function codeBlocks(markdown: string): CodeBlock[] {
  const lines = markdown.split("\n");
  const blocks: CodeBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(\S*)(.*)$/.exec(lines[i]!);
    if (!open) continue;
    const body: string[] = [];
    let j = i + 1;
    while (j < lines.length && lines[j] !== "```") body.push(lines[j++]!);
    if (j >= lines.length) throw new Error(`The code block at line ${i + 1} is not closed`);
    const attrs: Record<string, string | true> = {};
    for (const word of open[2]!.trim().split(/\s+/).filter(Boolean)) {
      const [key, ...value] = word.split("=");
      attrs[key!] = value.length > 0 ? value.join("=") : true;
    }
    blocks.push({ lang: open[1]!, attrs, code: body.join("\n") + "\n", line: i + 1 });
    i = j;
  }
  return blocks;
}

/** What the guide test does with a block, or `undefined` for a block it does not know how to check. */
export type BlockKind = "typecheck" | "run" | "mirror" | "excerpt" | "json-excerpt" | "project-file" | "project-commands";

export function kindOf(block: CodeBlock): BlockKind | undefined {
  const keys = Object.keys(block.attrs).sort().join(",");
  if (block.lang === "ts") {
    if (keys === "") return "typecheck";
    if (keys === "run") return "run";
    if (keys === "mirrors" && typeof block.attrs.mirrors === "string") return "mirror";
    if (keys === "excerpt" && typeof block.attrs.excerpt === "string") return "excerpt";
    if (keys === "project" && typeof block.attrs.project === "string") return "project-file";
  }
  if (block.lang === "json" && keys === "excerpt" && typeof block.attrs.excerpt === "string") return "json-excerpt";
  if (block.lang === "sh" && keys === "project" && block.attrs.project === true) return "project-commands";
  return undefined;
}

/** True when every key of `part` is in `whole` with an equal value (objects compared the same way, arrays exactly). */
export function isJsonSubset(part: unknown, whole: unknown): boolean {
  if (part === null || typeof part !== "object" || Array.isArray(part)) return JSON.stringify(part) === JSON.stringify(whole);
  if (whole === null || typeof whole !== "object" || Array.isArray(whole)) return false;
  return Object.entries(part).every(([key, value]) => key in whole && isJsonSubset(value, (whole as Record<string, unknown>)[key]));
}

/** True when the lines of `excerpt` appear in `text` one after the other (trailing spaces ignored). */
export function isExcerptOf(excerpt: string, text: string): boolean {
  const lines = (s: string) => s.split("\n").map((l) => l.trimEnd());
  const part = lines(excerpt.trimEnd());
  const whole = lines(text);
  return whole.some((_, start) => part.every((line, k) => whole[start + k] === line));
}
