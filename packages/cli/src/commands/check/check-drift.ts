import { EXIT, runCommand } from "../../command-context";
import type { CliDeps } from "../../deps";
import { liveDrift } from "../../drift/live-drift";
import { driftJson, printDrift } from "../../drift/print-drift";
import type { ExitCode } from "../../output/exit-code";
import { loadSources } from "../../project/load-sources";
import type { CheckOptions } from "./run";

/**
 * `mig check --drift`: the live schema against the schema the applied migrations of every app
 * add up to (an app argument only picks which files are loaded first: drift is the whole
 * database's). Every difference listed; exit 1 on any.
 */
export function checkDrift(options: CheckOptions, deps: CliDeps): Promise<ExitCode> {
  return runCommand(deps, options, async (context) => {
    const loaded = await context.config();
    const sources = await loadSources(await context.apps(options.app ?? "all"), deps);
    const report = (await context.withConnection((dialect, connection) => liveDrift({ loaded, dialect, connection, sources }, deps)))!;
    if (context.output.json) context.output.result(driftJson(report));
    else printDrift(context.output, report);
    return report.differences.length > 0 ? EXIT.failed : EXIT.ok;
  });
}
