import { MigError, runForwards } from "@mig/core";
import { SourceReplays } from "@mig/core/internal";
import { EXIT, runCommand, type GlobalOptions } from "../../command-context";
import type { CliDeps } from "../../deps";
import type { ExitCode } from "../../output/exit-code";
import { printPreview, printSummary, progressPrinter, reportFailure } from "../../output/report-run";
import { loadSources } from "../../project/load-sources";
import { driftRefusal } from "../../drift/drift-refusal";
import { refuseOrphans } from "../../project/refuse-orphans";
import { requireMigrationFolders } from "../../project/require-migration-folders";
import { baseRunOptions } from "../run-options";

export interface ForwardsOptions extends GlobalOptions {
  /** An app name, or `all` (apps in `dependsOn` order). */
  readonly app: string;
  /** `all` (default), `1`, or a migration ID (up to and including it). */
  readonly target?: string | undefined;
  readonly fake?: boolean | undefined;
  readonly preview?: boolean | undefined;
  /** Fake several migrations without asking. */
  readonly autoAgree?: boolean | undefined;
  /** Record the new checksum of applied migrations that were edited, instead of refusing. */
  readonly acceptChecksums?: boolean | undefined;
  /** Consent to table rebuilds where this database cannot make a change in place. */
  readonly allowRebuild?: boolean | undefined;
  /** `--allow-locking`: the locking form of online changes this database cannot make online. */
  readonly allowLocking?: boolean | undefined;
  /** Run even when the database differs from its applied migrations. */
  readonly ignoreDrift?: boolean | undefined;
}

/**
 * `mig forwards <app|all> [all|1|ID]`: applies pending migrations, each in its own transaction
 * with its tracking row, one line per migration, then a summary. `--fake` records without
 * running (asking once when it would fake several); `--preview` prints the SQL and changes nothing.
 */
export function run(options: ForwardsOptions, deps: CliDeps): Promise<ExitCode> {
  return runCommand(deps, options, async (context) => {
    const { output } = context;
    const loaded = await context.config();
    const apps = await context.apps(options.app);
    requireMigrationFolders(apps, deps);
    const sources = await loadSources(apps, deps);
    const target = options.target ?? "all";
    return context.withConnection(async (dialect, connection) => {
      const base = { ...baseRunOptions(loaded, apps, sources, dialect, connection, { allowRebuild: options.allowRebuild, allowLocking: options.allowLocking }), target, acceptChecksums: options.acceptChecksums === true };
      await refuseOrphans(base, apps, deps);
      // The drift check runs inside the runner's lock, only when something is pending.
      // One replay of the history for both: the drift check's, and the planner's schema before a migration that needs it.
      const replays = new SourceReplays();
      const beforeRun = !options.ignoreDrift && !options.fake ? () => driftRefusal({ loaded, apps, dialect, connection, sources, replays }, deps) : undefined;

      if (options.fake && !options.preview && !options.autoAgree) {
        const planned = await runForwards({ ...base, fake: true, preview: true });
        const count = planned.migrations.length;
        if (count > 1) {
          if (!deps.stdinIsTTY) {
            throw new MigError("MIG_E_NEEDS_INPUT", `Faking ${count} migrations needs a confirmation, and there is no terminal to ask`, {
              hint: "Add --auto-agree to fake them all, or fake them one at a time with a migration ID",
              problems: [{ message: `Fake ${count} migrations? (y/N)` }],
              meta: { questions: [`Fake ${count} migrations? (y/N)`] },
            });
          }
          if (!(await deps.prompter.confirm(`Fake ${count} migrations (record them as applied without running them)?`, false))) {
            output.line("Nothing was recorded");
            return EXIT.ok;
          }
        }
      }

      const startedAt = deps.elapsed();
      const result = await runForwards({
        ...base,
        fake: options.fake === true,
        preview: options.preview === true,
        ...(options.preview ? {} : { onEvent: progressPrinter(output) }),
        ...(beforeRun ? { beforeRun } : {}),
        replay: (replayed) => replays.replay(replayed),
      });
      if (result.alreadyApplied) {
        if (output.json) output.result({ direction: "forwards", preview: result.preview, ok: true, migrations: [], alreadyApplied: result.alreadyApplied });
        else output.line(`Migration ${result.alreadyApplied.appName} ${result.alreadyApplied.id} has already been run`);
        return EXIT.ok;
      }
      if (result.nothingToDo) {
        if (output.json) output.result({ direction: "forwards", preview: result.preview, ok: true, migrations: [] });
        else output.line("No migrations need to be run");
        return EXIT.ok;
      }
      if (result.preview && !output.json && result.ok) printPreview(output, result);
      if (!result.ok && result.error) return reportFailure(output, result, deps, startedAt);
      printSummary(output, result, deps, startedAt);
      return EXIT.ok;
    });
  });
}
