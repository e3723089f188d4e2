import { MigError, runBackwards } from "@mig/core";
import { EXIT, runCommand } from "../command-context";
import type { BackwardsOptions } from "../commands/backwards/run";
import { baseRunOptions } from "../commands/run-options";
import type { CliDeps } from "../deps";
import type { ExitCode } from "../output/exit-code";
import { loadSources } from "../project/load-sources";
import { refuseOrphans } from "../project/refuse-orphans";
import { requireMigrationFolders } from "../project/require-migration-folders";
import { confirmFleet } from "./confirm-fleet";
import type { FleetFlags } from "./fleet-flags";
import { reportFleetRun } from "./fleet-run-report";
import { loadOnce } from "./load-once";
import { prepareFleet } from "./prepare-fleet";
import { runMigrationsOnFleet } from "./run-migrations-on-fleet";

export interface FleetBackwardsOptions extends BackwardsOptions, FleetFlags {}

function describeTarget(app: string, target: string): string {
  const of = app === "all" ? "" : ` of ${app}`;
  if (target === "1") return `the last applied migration${of}`;
  if (target === "all") return `every applied migration${of}`;
  return `the migrations${of} back to and including ${target}`;
}

/**
 * `mig backwards <app|all> [1|all|ID] --fleet [--concurrency N]`: reverses on every target of the
 * fleet, after one confirmation for the whole fleet (or `--auto-agree`; without a terminal and
 * without it, exit 3). `--clean` is refused: files are deleted once, not per target.
 */
export function run(options: FleetBackwardsOptions, deps: CliDeps): Promise<ExitCode> {
  return runCommand(deps, options, async (context) => {
    if (options.clean) {
      throw new MigError("MIG_E_USAGE", "--clean cannot be combined with --fleet: the files are shared by every target", {
        hint: "Reverse the fleet first, then delete the files with mig backwards <app> --clean on a single database, or by hand",
      });
    }
    const fleet = await prepareFleet(context, options);
    const apps = await context.apps(options.app);
    requireMigrationFolders(apps, deps);
    const sources = loadOnce(await loadSources(apps, deps));
    const target = options.target ?? "1";
    const preview = options.preview === true;
    if (!preview && !options.autoAgree) {
      const question = `Reverse ${describeTarget(options.app, target)} on ${fleet.targets.length} targets?`;
      if (!(await confirmFleet(deps, question, "--auto-agree"))) {
        context.output.line("Nothing was reversed");
        return EXIT.ok;
      }
    }
    const startedAt = deps.elapsed();
    const outcomes = await runMigrationsOnFleet(context, fleet, "backwards", async (_target, dialect, connection, onEvent) => {
      const base = { ...baseRunOptions(fleet.loaded, apps, sources, dialect, connection, { allowRebuild: options.allowRebuild, allowLocking: options.allowLocking }), target, acceptChecksums: options.acceptChecksums === true };
      await refuseOrphans(base, apps, deps);
      return runBackwards({ ...base, preview, onEvent });
    });
    return reportFleetRun(context.output, outcomes, { direction: "backwards", preview, durationMs: deps.elapsed() - startedAt });
  });
}
