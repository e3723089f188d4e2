import { MigError } from "@mig/core";
import { resolveFleet, type ResolvedFleetTarget } from "@mig/core/internal";
import type { CommandContext } from "../command-context";
import type { LoadedConfig } from "../config/load-config";
import { concurrencyOf, type FleetFlags } from "./fleet-flags";

/** A fleet ready to run on: the config, every target, and how many at once. */
export interface PreparedFleet {
  readonly loaded: LoadedConfig;
  readonly targets: readonly ResolvedFleetTarget[];
  readonly concurrency: number;
}

/**
 * Reads `--concurrency`, the config and its fleet (calling the config's `fleet()` when it is a
 * function), and registers every target's password with the output, so that no line shows one.
 */
export async function prepareFleet(context: CommandContext, flags: FleetFlags): Promise<PreparedFleet> {
  if (!flags.fleet) {
    throw new MigError("MIG_E_USAGE", "--concurrency only applies to a fleet: add --fleet", {
      hint: "mig forwards all --fleet --concurrency 8 runs on every target of the config's fleet, 8 at a time",
    });
  }
  const concurrency = concurrencyOf(flags);
  const loaded = await context.config();
  const targets = await resolveFleet(loaded.config, { configDir: loaded.dir, dialects: loaded.dialects });
  context.output.protectSecretsOf(targets.map((target) => target.connection));
  return { loaded, targets, concurrency };
}
