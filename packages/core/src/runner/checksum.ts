import { createHash } from "node:crypto";

/**
 * The text of a migration file as its checksum sees it: without a byte-order mark, with `\n`
 * line endings, without trailing whitespace on any line and without trailing blank lines.
 * Saving a file on another OS or in another editor therefore does not change its checksum.
 */
export function normaliseSourceText(text: string): string {
  const withoutBom = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lines = withoutBom.replace(/\r\n?/g, "\n").split("\n").map((line) => line.replace(/\s+$/u, ""));
  while (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  return lines.join("\n");
}

/**
 * The checksum stored in the tracking table for a migration file: sha256 (hex) of its
 * {@link normaliseSourceText normalised} text.
 *
 * @example
 * ```ts
 * checksum("a\r\nb  \r\n\r\n") === checksum("a\nb"); // true
 * ```
 */
export function checksum(text: string): string {
  return createHash("sha256").update(normaliseSourceText(text), "utf8").digest("hex");
}
