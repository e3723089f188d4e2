import type { Prompter } from "./prompts/prompter";

/**
 * Loads a module (a config, tables module or migration file) and returns its namespace.
 * `source`: the file's text when the caller has just read it (the loader then does not read it
 * again, and runs code compiled from exactly that text).
 */
export type ModuleLoader = (absolutePath: string, source?: string) => Promise<Record<string, unknown>>;

/**
 * Everything a command touches outside its own code. The binary passes the real process; tests
 * pass strings, a fake TTY, scripted answers and a fixed clock.
 */
export interface CliDeps {
  /** Writes to standard output (the results; JSON with `--json`). */
  readonly stdout: (text: string) => void;
  /** Writes to standard error (progress, warnings, errors, prompts). */
  readonly stderr: (text: string) => void;
  /** Standard output is a terminal: colour allowed (unless NO_COLOR). */
  readonly stdoutIsTTY: boolean;
  /** Standard error is a terminal: live progress (redrawn in place) may be shown there. Default is false. */
  readonly stderrIsTTY?: boolean;
  /** Standard input is a terminal: questions may be asked. Without it they never are. */
  readonly stdinIsTTY: boolean;
  readonly prompter: Prompter;
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The current time (migration IDs, durations). */
  readonly now: () => Date;
  /** The ID of the next new migration. Default: `generateMigrationId(now())`. */
  readonly newMigrationId?: () => string;
  /** High-resolution milliseconds, for durations. */
  readonly elapsed: () => number;
  /** Loads the user's TypeScript or JavaScript modules (jiti in the binary). */
  readonly loadModule: ModuleLoader;
  /**
   * Announces modules about to be loaded, so that they are compiled meanwhile, side by side
   * (the binary compiles them in esbuild's process). `sources`: their texts, when the caller has
   * read them (the files of a migrations folder: the binary caches their compiled code as one
   * entry). Never fails; loading reports any error.
   */
  readonly prepareModules?: (absolutePaths: readonly string[], sources?: readonly string[]) => void;
  /**
   * Called once the command has run: the binary writes what its caches learned during the run
   * (V8's code cache of a migrations folder, holding each file's `forwards()` as compiled). Never fails.
   */
  readonly finish?: () => void;
  /**
   * Told the size in bytes of the tables modules `mig new --auto` is about to load, before it
   * loads them (the binary keeps V8's heap compact for a large schema: `heapForSchema`).
   */
  readonly schemaSize?: (bytes: number) => void;
  /**
   * Export conditions used to find a dialect package's entry in the user's project.
   * Default is `["import", "node", "default"]`.
   */
  readonly resolveConditions?: readonly string[];
}
