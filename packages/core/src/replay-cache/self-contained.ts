/** Module specifiers a cacheable migration file may import: only mig itself. */
const ALLOWED = new Set(["@mig/core"]);

/** Static `import … from "x"`, `export … from "x"` and side-effect `import "x"`. */
const STATIC = /\b(?:from|import)\s*["']([^"']+)["']/g;

/**
 * Names through which a file could reach anything but its own text (other modules, the
 * environment, the clock, the file system): a file that mentions one is never cached.
 */
const ESCAPES = /\b(?:require|process|globalThis|global|eval|Function|Date|Math\.random|import\.meta)\b|\bimport\s*\(/;

/**
 * Whether what a migration file's `forwards()` records depends on its text alone: it imports
 * nothing but `@mig/core` and mentions none of the ways out of the file (dynamic imports,
 * `require`, `process`, `globalThis`, `Date`, `Math.random`, `eval`…). Files that `mig new`
 * writes always are; a hand-written file that reads anything else is replayed on every run.
 * Conservative by design: a false "no" costs a load, a false "yes" would be a stale snapshot.
 */
export function isSelfContained(text: string): boolean {
  // Every import, even a commented-out one, must be allowed (a false "no" is harmless).
  for (const match of text.matchAll(STATIC)) if (!ALLOWED.has(match[1]!)) return false;
  // A text that names none of them anywhere names none in its code: blanking strings and
  // comments only takes text away (and JavaScript joins no name across a comment). This is what
  // every file `mig new` writes looks like, and it spares three passes over a file of megabytes.
  if (!ESCAPES.test(text)) return true;
  // Names only count in code: quoted strings are blanked first (a column may be called
  // "process"), then comments. Template literals stay: their \`\${…}\` parts are code.
  const code = text
    .replace(/"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'/g, '""')
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/\/\/[^\n]*/g, "");
  return !ESCAPES.test(code);
}
