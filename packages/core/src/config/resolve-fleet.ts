import type { Dialect } from "../dialect/dialect";
import { MigError } from "../errors/mig-error";
import { isPlainObject } from "./connection-rules";
import type { MigConfig } from "./define-config";
import type { FleetTarget } from "./fleet-target";
import { fleetProblems } from "./fleet-rules";
import { absoluteFileUrl } from "./resolve-connection";
import { dialectFromUrl, urlScheme } from "./connection-url";
import { dialectOfScheme, exampleServerScheme, withConfigDialects, type KnownDialects } from "./url-schemes";

/** A fleet target ready to connect to: its dialect picked, its file URL made absolute. */
export interface ResolvedFleetTarget {
  readonly name: string;
  readonly dialect: string | Dialect;
  readonly connection: FleetTarget["connection"];
}

/**
 * The config's fleet, ready to use: the list itself, or what the `fleet` function returns
 * (checked like a list: every problem at once, `MIG_E_CONFIG`). A URL's scheme picks each target's
 * dialect (targets may mix PostgreSQL, MySQL, SQLite and plugins); an options object uses the
 * target's `dialect`, else the config's. Relative file URLs are relative to `configDir`.
 *
 * @example
 * ```ts
 * const targets = await resolveFleet(defineConfig({ apps, fleet: async () => tenants.map((t) => ({ name: t.slug, connection: t.url })) }), { configDir });
 * ```
 */
export async function resolveFleet(
  config: MigConfig,
  options: { readonly configDir?: string; readonly dialects?: KnownDialects } = {},
): Promise<ResolvedFleetTarget[]> {
  const known = options.dialects ?? [];
  const dialects = withConfigDialects(config as unknown as Readonly<Record<string, unknown>>, known);
  const fleet = config.fleet;
  if (fleet === undefined) {
    throw new MigError("MIG_E_CONFIG", "--fleet needs a fleet in the config, and it has none", {
      hint: `Add fleet: [{ name: "tenant_1", connection: "${exampleServerScheme(known)}://…" }, …] (or a function returning that list) to mig.config.ts`,
      problems: [{ path: "fleet", message: "fleet is missing" }],
    });
  }
  let targets: unknown = fleet;
  if (typeof fleet === "function") {
    try {
      targets = await fleet();
    } catch (error) {
      throw new MigError("MIG_E_CONFIG", `The config's fleet() failed: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`, {
        hint: "Fix the function that lists the fleet's targets in mig.config.ts",
        cause: error,
      });
    }
    const context = { pluginsMayClaim: (config.plugins?.length ?? 0) > 0 || isPlainObject(config.dialect), hasDialect: config.dialect !== undefined, dialects };
    const problems = fleetProblems(targets, "fleet()", context);
    if (problems.length > 0) {
      throw new MigError("MIG_E_CONFIG", `The config's fleet() returned an invalid target list: ${problems.length === 1 ? problems[0]!.message : `${problems.length} problems`}`, {
        hint: "It must return [{ name, connection }, …] with unique names",
        problems,
      });
    }
  }
  return (targets as readonly FleetTarget[]).map((target) => ({
    name: target.name,
    dialect: targetDialect(target, config, known),
    connection: absoluteFileUrl(target.connection, options.configDir, dialects),
  }));
}

/**
 * The target's own `dialect`; else the dialect a known URL scheme selects (a fleet may mix databases);
 * else the config's `dialect` (a plugin object claiming its own scheme); else the scheme's name.
 * The rules guarantee one of them exists.
 */
function targetDialect(target: FleetTarget, config: MigConfig, known: KnownDialects): string | Dialect {
  if (target.dialect !== undefined) return target.dialect;
  const url = typeof target.connection === "string" ? target.connection : undefined;
  const scheme = url === undefined ? undefined : urlScheme(url);
  const byScheme = scheme === undefined ? undefined : dialectOfScheme(scheme, known);
  if (byScheme !== undefined) return byScheme;
  return config.dialect ?? (url === undefined ? undefined : dialectFromUrl(url, known)) ?? "";
}
