import { cleanOrphans, MigError } from "@mig/core";
import { EXIT, runCommand, type GlobalOptions } from "../../command-context";
import type { CliDeps } from "../../deps";
import type { ExitCode } from "../../output/exit-code";
import { loadMigrations } from "../../project/load-migrations";
import { baseRunOptions } from "../run-options";

export interface CleanOptions extends GlobalOptions {
  readonly app: string;
  readonly autoAgree?: boolean | undefined;
}

/**
 * `mig clean <app>`: deletes the app's tracking rows whose migration file no longer exists (and
 * only the app's). Asks first unless `--auto-agree`; without a terminal and without it, exit 3.
 */
export function run(options: CleanOptions, deps: CliDeps): Promise<ExitCode> {
  return runCommand(deps, options, async (context) => {
    const { output } = context;
    if (options.app === "all") throw new MigError("MIG_E_USAGE", "mig clean works on one app at a time", { hint: "Run mig clean <app>" });
    const loaded = await context.config();
    const app = await context.app(options.app);
    const sources = await loadMigrations(app, deps);
    return context.withConnection(async (dialect, connection) => {
      const base = { ...baseRunOptions(loaded, [app], sources, dialect, connection), apps: [app.name] };
      const { removed: orphans } = await cleanOrphans({ ...base, dryRun: true });
      if (orphans.length === 0) {
        if (output.json) output.result({ app: app.name, removed: [] });
        else output.line(`No orphaned migrations in ${app.name}: every applied migration has its file`);
        return EXIT.ok;
      }
      for (const orphan of orphans) output.note(`${app.name} ${orphan.id} is applied but has no file`);
      if (!options.autoAgree) {
        const question = `Delete ${orphans.length} tracking row${orphans.length === 1 ? "" : "s"} of ${app.name}?`;
        if (!deps.stdinIsTTY) {
          throw new MigError("MIG_E_NEEDS_INPUT", `${question.replace(/\?$/, "")}: this needs a confirmation, and there is no terminal to ask`, {
            hint: "Add --auto-agree to delete them without asking",
            problems: [{ message: `${question} (y/N)` }],
            meta: { questions: [`${question} (y/N)`] },
          });
        }
        if (!(await deps.prompter.confirm(question, false))) {
          output.line("Nothing was deleted");
          return EXIT.ok;
        }
      }
      const { removed } = await cleanOrphans(base);
      if (output.json) output.result({ app: app.name, removed: removed.map((r) => ({ app: r.appName, id: r.id })) });
      else output.line(`Deleted ${removed.length} tracking row${removed.length === 1 ? "" : "s"} of ${app.name}: ${removed.map((r) => r.id).join(", ")}`);
      return EXIT.ok;
    });
  });
}
