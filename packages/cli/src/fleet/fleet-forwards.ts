import { runForwards } from "@mig/core";
import { EXIT, runCommand } from "../command-context";
import type { ForwardsOptions } from "../commands/forwards/run";
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

export interface FleetForwardsOptions extends ForwardsOptions, FleetFlags {}

/**
 * `mig forwards <app|all> [all|1|ID] --fleet [--concurrency N]`: the same pending migrations on
 * every target of the config's fleet, each target under its own migration lock, each migration in
 * its own transaction with its tracking row. A failed target never stops the others; a rerun
 * applies only what each target's tracking table does not have yet.
 */
export function run(options: FleetForwardsOptions, deps: CliDeps): Promise<ExitCode> {
  return runCommand(deps, options, async (context) => {
    const fleet = await prepareFleet(context, options);
    const apps = await context.apps(options.app);
    requireMigrationFolders(apps, deps);
    // Loaded once for the whole fleet, each migration built once.
    const sources = loadOnce(await loadSources(apps, deps));
    const preview = options.preview === true;
    const fake = options.fake === true;
    if (fake && !preview && !options.autoAgree) {
      const question = `Record the pending migrations as applied without running them (fake) on ${fleet.targets.length} targets?`;
      if (!(await confirmFleet(deps, question, "--auto-agree"))) {
        context.output.line("Nothing was recorded");
        return EXIT.ok;
      }
    }
    const startedAt = deps.elapsed();
    const outcomes = await runMigrationsOnFleet(context, fleet, "forwards", async (_target, dialect, connection, onEvent) => {
      const base = {
        ...baseRunOptions(fleet.loaded, apps, sources, dialect, connection, { allowRebuild: options.allowRebuild, allowLocking: options.allowLocking }),
        target: options.target ?? "all",
        acceptChecksums: options.acceptChecksums === true,
      };
      await refuseOrphans(base, apps, deps);
      return runForwards({ ...base, fake, preview, onEvent });
    });
    return reportFleetRun(context.output, outcomes, { direction: "forwards", preview, durationMs: deps.elapsed() - startedAt });
  });
}
