import { existsSync, rmSync } from "node:fs";
import { relative } from "node:path";
import { MigError, runBackwards, type Operation, type RunOptions } from "@mig/core";
import { isDestructive } from "@mig/core/dialect";
import { EXIT, runCommand, type GlobalOptions } from "../../command-context";
import type { CliDeps } from "../../deps";
import { describeLoss } from "../../output/describe-operation";
import type { ExitCode } from "../../output/exit-code";
import type { Output } from "../../output/output";
import { printPreview, printSummary, progressPrinter, reportFailure, runJson } from "../../output/report-run";
import type { MigrationFile } from "../../project/load-migrations";
import { loadSources } from "../../project/load-sources";
import { refuseOrphans } from "../../project/refuse-orphans";
import { requireMigrationFolders } from "../../project/require-migration-folders";
import { baseRunOptions } from "../run-options";

export interface BackwardsOptions extends GlobalOptions {
  /** An app name, or `all`. */
  readonly app: string;
  /** `1` (default: the last applied), `all`, or a migration ID (back to and including it). */
  readonly target?: string | undefined;
  readonly autoAgree?: boolean | undefined;
  /** Delete the files of the reversed migrations. */
  readonly clean?: boolean | undefined;
  readonly preview?: boolean | undefined;
  readonly acceptChecksums?: boolean | undefined;
  /** Consent to table rebuilds where this database cannot make a change in place. */
  readonly allowRebuild?: boolean | undefined;
  /** `--allow-locking`: the locking form of online changes this database cannot make online. */
  readonly allowLocking?: boolean | undefined;
}

/** What reversing these migrations loses, one line per migration that drops something. */
async function dataLosses(selected: readonly { appName: string; id: string }[], sources: readonly MigrationFile[]): Promise<string[]> {
  const lines: string[] = [];
  for (const migration of selected) {
    const source = sources.find((s) => s.appName === migration.appName && s.id === migration.id);
    if (!source) continue;
    const manager = await source.load();
    const losses = manager.backwardsPlan().filter(isDestructive).map(describeLoss);
    // What the migration dropped comes back empty: its rows were lost when it ran.
    const emptied = manager.forwardsPlan().filter(isDestructive).map(describeReturn).filter((line): line is string => line !== undefined);
    const all = [...losses, ...emptied];
    if (all.length > 0) lines.push(`${migration.appName} ${migration.id}: ${all.join("; ")}`);
  }
  return lines;
}

function describeReturn(operation: Operation): string | undefined {
  switch (operation.kind) {
    case "drop_table":
      return `table ${operation.schema.table.name} comes back empty (its rows were lost when the migration ran; they do not come back)`;
    case "drop_column":
      return `column ${operation.table}.${operation.column.name} comes back without its old values (they do not come back)`;
    default:
      return undefined;
  }
}

function cleanFiles(output: Output, reversed: readonly { appName: string; id: string }[], sources: readonly MigrationFile[], cwd: string): string[] {
  const deleted: string[] = [];
  for (const migration of reversed) {
    const source = sources.find((s) => s.appName === migration.appName && s.id === migration.id);
    if (!source || !existsSync(source.path)) continue;
    rmSync(source.path);
    deleted.push(relative(cwd, source.path));
    if (!output.json) output.line(`Deleted ${relative(cwd, source.path)}`);
  }
  return deleted;
}

/**
 * `mig backwards <app|all> [1|all|ID]`: reverses applied migrations, newest first, after asking
 * `Reverse N migrations? (y/N)` (or with `--auto-agree`; without a terminal and without it,
 * exit 3). Says which reversals drop data. `--clean` deletes the reversed files.
 */
export function run(options: BackwardsOptions, deps: CliDeps): Promise<ExitCode> {
  return runCommand(deps, options, async (context) => {
    const { output } = context;
    const loaded = await context.config();
    const apps = await context.apps(options.app);
    requireMigrationFolders(apps, deps);
    const sources = await loadSources(apps, deps);
    const target = options.target ?? "1";
    return context.withConnection(async (dialect, connection) => {
      const base: RunOptions = { ...baseRunOptions(loaded, apps, sources, dialect, connection, { allowRebuild: options.allowRebuild, allowLocking: options.allowLocking }), target, acceptChecksums: options.acceptChecksums === true };
      await refuseOrphans(base, apps, deps);
      const preview = await runBackwards({ ...base, preview: true });
      if (preview.nothingToDo) {
        if (output.json) output.result({ direction: "backwards", preview: options.preview === true, ok: true, migrations: [] });
        else output.line("No migrations to reverse!");
        return EXIT.ok;
      }
      if (!preview.ok && preview.error) return reportFailure(output, preview, deps, deps.elapsed());
      if (options.preview) {
        if (output.json) printSummary(output, preview, deps, deps.elapsed());
        else printPreview(output, preview);
        return EXIT.ok;
      }

      const count = preview.migrations.length;
      const losses = await dataLosses(preview.migrations, sources);
      // Refused without a terminal: the losses are listed in the error itself.
      const refused = !options.autoAgree && !deps.stdinIsTTY;
      if (!refused) for (const loss of losses) output.warn(`reversing drops data that will not come back: ${loss}`);
      if (!options.autoAgree) {
        const question = `Reverse ${count} migration${count === 1 ? "" : "s"}?`;
        if (!deps.stdinIsTTY) {
          throw new MigError("MIG_E_NEEDS_INPUT", `${question.replace(/\?$/, "")}: this needs a confirmation, and there is no terminal to ask`, {
            hint: "Add --auto-agree to reverse without asking",
            problems: [{ message: `${question} (y/N)` }, ...losses.map((loss) => ({ message: `data that does not come back: ${loss}` }))],
            meta: { questions: [`${question} (y/N)`], ...(losses.length ? { dataLoss: losses } : {}) },
          });
        }
        if (!(await deps.prompter.confirm(question, false))) {
          output.line("Nothing was reversed");
          return EXIT.ok;
        }
      }

      const startedAt = deps.elapsed();
      const result = await runBackwards({ ...base, onEvent: progressPrinter(output) });
      if (result.nothingToDo) {
        if (output.json) output.result({ direction: "backwards", preview: false, ok: true, migrations: [] });
        else output.line("No migrations to reverse!");
        return EXIT.ok;
      }
      if (!result.ok && result.error) return reportFailure(output, result, deps, startedAt);
      const reversed = result.migrations.filter((m) => m.status === "applied");
      const deleted = options.clean ? cleanFiles(output, reversed, sources, deps.cwd) : [];
      if (output.json) {
        output.result({ ...runJson(result), ...(options.clean ? { deleted } : {}) });
      } else printSummary(output, result, deps, startedAt);
      return EXIT.ok;
    });
  });
}
