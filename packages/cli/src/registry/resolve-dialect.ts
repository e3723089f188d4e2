import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { MigError, type Dialect, type PluginEntry } from "@mig/core";
import { builtinDescriptors, PLUGIN_PACKAGE_PREFIX, registryNames } from "./builtin-dialects";
import { checkDialectShape, looksLikeDialect } from "./check-dialect-shape";
import { importFromProject } from "./import-from-project";

export interface RegistryContext {
  /** The user's project: packages are resolved from here first. */
  readonly cwd: string;
  readonly conditions?: readonly string[];
}

const CLI_DIR = dirname(fileURLToPath(import.meta.url));

/** Every dialect-looking export of a module: `default`, `dialect`, then the others in export order. */
function dialectsIn(module: Record<string, unknown>): unknown[] {
  const preferred = [module.default, module.dialect];
  const rest = Object.entries(module)
    .filter(([key]) => key !== "default" && key !== "dialect")
    .map(([, value]) => value);
  return [...preferred, ...rest].filter((value, i, all) => value !== undefined && all.indexOf(value) === i);
}

/**
 * How to install a dialect package: as a dependency, next to `@mig/core`, as the READMEs say
 * (the migrations need it wherever they run; only `@mig/cli` is a dev dependency).
 */
function installHint(packageName: string): string {
  return `npm install ${packageName}`;
}

function answersTo(dialect: Dialect, name: string): boolean {
  const names = [dialect.name, ...(dialect.aliases ?? []), ...(dialect.urlSchemes ?? [])].map((n) => n.toLowerCase());
  return names.includes(name);
}

async function importPackage(packageName: string, context: RegistryContext): Promise<Record<string, unknown> | undefined> {
  try {
    return (await importFromProject(packageName, context.cwd, context.conditions)) ?? (await importFromProject(packageName, CLI_DIR, context.conditions));
  } catch (error) {
    throw new MigError("MIG_E_DIALECT", `Package ${packageName} failed to load: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`, {
      hint: `Reinstall it: ${installHint(packageName)}`,
      cause: error,
    });
  }
}

/** The single dialect a package provides (its default, `dialect`, or its only dialect-shaped export). */
function dialectOfPackage(module: Record<string, unknown>, source: string, preferredExport?: string): Dialect {
  const preferred = preferredExport ? module[preferredExport] : undefined;
  if (preferred !== undefined) return checkDialectShape(preferred, source);
  const candidates = dialectsIn(module);
  const found = candidates.find(looksLikeDialect);
  return checkDialectShape(found ?? candidates[0], source);
}

async function builtin(name: string, context: RegistryContext): Promise<Dialect | undefined> {
  const entry = (await builtinDescriptors()).found.find(({ descriptor }) => registryNames(descriptor).includes(name))?.builtin;
  if (!entry) return undefined;
  let module = await importPackage(entry.packageName, context);
  if (!module) {
    try {
      module = await entry.load();
    } catch (error) {
      throw new MigError("MIG_E_DIALECT", `The ${name} dialect needs the package ${entry.packageName}, which is not installed`, {
        hint: installHint(entry.packageName),
        meta: { package: entry.packageName },
        cause: error,
      });
    }
  }
  return dialectOfPackage(module, `package ${entry.packageName}`, entry.exportName);
}

async function fromPlugins(name: string, plugins: readonly PluginEntry[], context: RegistryContext): Promise<Dialect | undefined> {
  for (const [index, plugin] of plugins.entries()) {
    if (typeof plugin !== "string") {
      const dialect = checkDialectShape(plugin, `plugins[${index}]`);
      if (answersTo(dialect, name)) return dialect;
      continue;
    }
    const module = await importPackage(plugin, context);
    if (!module) {
      throw new MigError("MIG_E_DIALECT", `Plugin package ${plugin} is not installed`, { hint: installHint(plugin), meta: { package: plugin } });
    }
    const dialects = dialectsIn(module).filter(looksLikeDialect);
    const match = dialects.find((d) => answersTo(d, name)) ?? (plugin.toLowerCase() === name ? dialects[0] : undefined);
    if (match) return match;
    if (dialects.length === 0) checkDialectShape(dialectsIn(module)[0], `plugin package ${plugin}`);
  }
  return undefined;
}

/**
 * Finds the dialect the config asks for. A dialect object is checked and used as is; a name is
 * looked up in order: built-ins (by name and alias), `plugins` entries (package names resolved
 * from the user's project, or objects), then the package `mig-dialect-<name>`. Every dialect is
 * checked for shape before use (`MIG_E_DIALECT` naming what is missing).
 *
 * @example
 * ```ts
 * const dialect = await resolveDialect("pg", [], { cwd: process.cwd() }); // @mig/postgres
 * ```
 */
export async function resolveDialect(spec: string | Dialect, plugins: readonly PluginEntry[], context: RegistryContext): Promise<Dialect> {
  if (typeof spec !== "string") return checkDialectShape(spec, "the config's dialect");
  const name = spec.trim().toLowerCase();
  const found = (await builtin(name, context)) ?? (await fromPlugins(name, plugins, context));
  if (found) return found;
  const packageName = name.startsWith(PLUGIN_PACKAGE_PREFIX) ? name : `${PLUGIN_PACKAGE_PREFIX}${name}`;
  const module = await importPackage(packageName, context);
  if (module) return dialectOfPackage(module, `package ${packageName}`);
  const builtins = await builtinDescriptors();
  const missing = missingBuiltin(name, builtins.missing);
  if (missing !== undefined) {
    throw new MigError("MIG_E_DIALECT", `The ${spec} dialect is built into mig, but its package ${missing} is not installed`, {
      hint: `Install it next to @mig/core: ${installHint(missing)}`,
      meta: { dialect: spec, package: missing },
    });
  }
  const known = builtins.found.flatMap(({ descriptor }) => registryNames(descriptor)).join(", ");
  // A built-in package that is not installed cannot say its names (its aliases, say): the hint offers to install it.
  const notInstalled = builtins.missing.length > 0 ? `; a built-in dialect whose package is not installed: ${builtins.missing.map(installHint).join(" or ")}` : "";
  throw new MigError("MIG_E_DIALECT", `Unknown dialect "${spec}": not built in, not in plugins, and no package ${packageName} is installed`, {
    hint: `Use one of ${known}, add the dialect to plugins, or ${installHint(packageName)}${notInstalled}`,
    meta: { dialect: spec, notInstalled: builtins.missing },
  });
}

/**
 * The built-in package that is not installed and that `name` asks for: a built-in package is
 * named after its dialect (`@mig/<name>`), and the name may be the package's own.
 */
function missingBuiltin(name: string, missing: readonly string[]): string | undefined {
  return missing.find((packageName) => packageName === name || packageName.slice(packageName.indexOf("/") + 1) === name);
}
