import type { MigProblem } from "../errors/mig-error";
import { closestMatch } from "./closest-match";
import { connectionUrlProblem, describeValue as describe, isPlainObject as isObject } from "./connection-rules";
import { fleetProblems } from "./fleet-rules";
import { withConfigDialects, type KnownDialects } from "./url-schemes";

/** A config as read from the file, before validation. */
export type RawConfig = Readonly<Record<string, unknown>>;

/**
 * One validation rule: every problem it finds, none when the config is fine. `dialects` are the
 * known dialects (names and URL schemes), the config's own dialect objects included.
 */
export type ConfigRule = (config: RawConfig, dialects: KnownDialects) => readonly MigProblem[];

export const CONFIG_KEYS = ["dialect", "connection", "apps", "plugins", "trackingTable", "lockTimeoutMs", "targets", "allowRebuild", "fleet", "online", "onlineLockTimeoutMs", "onlineRetries"] as const;
export const APP_KEYS = ["name", "tables", "migrations", "dependsOn"] as const;

function unknownKeys(object: Record<string, unknown>, known: readonly string[], at: string): MigProblem[] {
  return Object.keys(object)
    .filter((key) => !known.includes(key))
    .map((key) => {
      const suggestion = closestMatch(key, known);
      return {
        path: at ? `${at}.${key}` : key,
        message: `Unknown key "${key}"${suggestion ? ` (did you mean "${suggestion}"?)` : ""}`,
      };
    });
}

/** The apps that are well-formed enough to check against each other. */
function namedApps(config: RawConfig): { name: string; index: number; dependsOn: unknown }[] {
  if (!Array.isArray(config.apps)) return [];
  return config.apps.flatMap((app: unknown, index) =>
    isObject(app) && typeof app.name === "string" && app.name !== "" ? [{ name: app.name, index, dependsOn: app.dependsOn }] : [],
  );
}

const topLevelKeys: ConfigRule = (config) => unknownKeys(config, CONFIG_KEYS, "");

const appsPresent: ConfigRule = (config) => {
  if (config.apps === undefined) return [{ path: "apps", message: "apps is missing: list at least one app" }];
  if (!Array.isArray(config.apps)) return [{ path: "apps", message: `apps must be an array, got ${describe(config.apps)}` }];
  if (config.apps.length === 0) return [{ path: "apps", message: "apps is empty: list at least one app" }];
  return [];
};

const appFields: ConfigRule = (config) => {
  if (!Array.isArray(config.apps)) return [];
  return config.apps.flatMap((app: unknown, index): MigProblem[] => {
    const at = `apps[${index}]`;
    if (!isObject(app)) return [{ path: at, message: `${at} must be an object, got ${describe(app)}` }];
    const problems: MigProblem[] = unknownKeys(app, APP_KEYS, at);
    for (const key of ["name", "tables", "migrations"] as const) {
      const value = app[key];
      if (value === undefined) problems.push({ path: `${at}.${key}`, message: `${at}.${key} is missing` });
      else if (typeof value !== "string") problems.push({ path: `${at}.${key}`, message: `${at}.${key} must be a string, got ${describe(value)}` });
      else if (value.trim() === "") problems.push({ path: `${at}.${key}`, message: `${at}.${key} must not be empty` });
    }
    if (app.name === "all") problems.push({ path: `${at}.name`, message: `"all" cannot be an app name: it means every app on the command line` });
    const dependsOn = app.dependsOn;
    if (dependsOn !== undefined && (!Array.isArray(dependsOn) || dependsOn.some((d) => typeof d !== "string"))) {
      problems.push({ path: `${at}.dependsOn`, message: `${at}.dependsOn must be an array of app names` });
    }
    return problems;
  });
};

const uniqueAppNames: ConfigRule = (config) => {
  const seen = new Map<string, number>();
  const problems: MigProblem[] = [];
  for (const app of namedApps(config)) {
    const first = seen.get(app.name);
    if (first === undefined) seen.set(app.name, app.index);
    else problems.push({ path: `apps[${app.index}].name`, message: `Duplicate app name "${app.name}" (also apps[${first}])` });
  }
  return problems;
};

const knownDependencies: ConfigRule = (config) => {
  const apps = namedApps(config);
  const names = apps.map((a) => a.name);
  return apps.flatMap((app) =>
    (Array.isArray(app.dependsOn) ? app.dependsOn : [])
      .filter((d): d is string => typeof d === "string")
      .flatMap((dependency): MigProblem[] => {
        const path = `apps[${app.index}].dependsOn`;
        if (dependency === app.name) return [{ path, message: `App "${app.name}" depends on itself` }];
        if (names.includes(dependency)) return [];
        const suggestion = closestMatch(dependency, names);
        return [{ path, message: `App "${app.name}" depends on unknown app "${dependency}"${suggestion ? ` (did you mean "${suggestion}"?)` : ""}` }];
      }),
  );
};

const acyclicDependencies: ConfigRule = (config) => {
  const graph = new Map<string, string[]>();
  for (const app of namedApps(config)) {
    const deps = Array.isArray(app.dependsOn) ? app.dependsOn.filter((d): d is string => typeof d === "string" && d !== app.name) : [];
    graph.set(app.name, deps);
  }
  const state = new Map<string, "visiting" | "done">();
  const cycles: string[][] = [];
  const visit = (name: string, path: string[]): void => {
    if (state.get(name) === "done") return;
    if (state.get(name) === "visiting") {
      cycles.push([...path.slice(path.indexOf(name)), name]);
      return;
    }
    state.set(name, "visiting");
    for (const dependency of graph.get(name) ?? []) if (graph.has(dependency)) visit(dependency, [...path, name]);
    state.set(name, "done");
  };
  for (const name of graph.keys()) visit(name, []);
  return cycles.map((cycle) => ({ path: "apps", message: `Apps depend on each other in a cycle: ${cycle.join(" → ")}` }));
};

const dialectType: ConfigRule = (config) => {
  const dialect = config.dialect;
  if (dialect === undefined) return [];
  if (typeof dialect === "string") return dialect.trim() === "" ? [{ path: "dialect", message: "dialect must not be empty" }] : [];
  if (isObject(dialect)) return [];
  return [{ path: "dialect", message: `dialect must be a registry name or a dialect object, got ${describe(dialect)}` }];
};

const connectionType: ConfigRule = (config, dialects) => {
  const connection = config.connection;
  if (connection === undefined || isObject(connection)) return [];
  if (typeof connection !== "string") {
    return [{ path: "connection", message: `connection must be a URL string or an options object, got ${describe(connection)}` }];
  }
  const problem = connectionUrlProblem(connection, pluginsMayClaim(config), withConfigDialects(config, dialects));
  return problem ? [{ path: "connection", message: problem }] : [];
};

/** The config has plugins or a dialect object: a `scheme:rest` connection may be a plugin's own form. */
const pluginsMayClaim = (config: RawConfig): boolean => (Array.isArray(config.plugins) && config.plugins.length > 0) || isObject(config.dialect);

/** `fleet`: a list of `{ name, connection }` (checked here), or a function (its result is checked when a `--fleet` command calls it). */
const fleetShape: ConfigRule = (config, dialects) => {
  if (config.fleet === undefined || typeof config.fleet === "function") return [];
  return fleetProblems(config.fleet, "fleet", { pluginsMayClaim: pluginsMayClaim(config), hasDialect: config.dialect !== undefined, dialects: withConfigDialects(config, dialects) });
};

const pluginsType: ConfigRule = (config) => {
  const plugins = config.plugins;
  if (plugins === undefined) return [];
  if (!Array.isArray(plugins)) return [{ path: "plugins", message: `plugins must be an array, got ${describe(plugins)}` }];
  return plugins.flatMap((plugin: unknown, index): MigProblem[] =>
    (typeof plugin === "string" && plugin !== "") || isObject(plugin)
      ? []
      : [{ path: `plugins[${index}]`, message: `plugins[${index}] must be a package name or a dialect object, got ${describe(plugin)}` }],
  );
};

const targetsType: ConfigRule = (config) => {
  const targets = config.targets;
  if (targets === undefined) return [];
  if (!Array.isArray(targets)) return [{ path: "targets", message: `targets must be an array of dialect names or dialect objects, got ${describe(targets)}` }];
  return targets.flatMap((target: unknown, index): MigProblem[] =>
    (typeof target === "string" && target !== "") || isObject(target)
      ? []
      : [{ path: `targets[${index}]`, message: `targets[${index}] must be a dialect name or a dialect object, got ${describe(target)}` }],
  );
};

const allowRebuildType: ConfigRule = (config) => {
  const allow = config.allowRebuild;
  if (allow === undefined || typeof allow === "boolean") return [];
  if (Array.isArray(allow) && allow.every((name) => typeof name === "string" && name !== "")) return [];
  return [{ path: "allowRebuild", message: `allowRebuild must be true, false, or a list of dialect names, got ${describe(allow)}` }];
};

const optionalScalars: ConfigRule = (config) => {
  const problems: MigProblem[] = [];
  const { trackingTable, lockTimeoutMs, online, onlineLockTimeoutMs, onlineRetries } = config;
  if (online !== undefined && typeof online !== "boolean") problems.push({ path: "online", message: `online must be true or false, got ${describe(online)}` });
  if (onlineLockTimeoutMs !== undefined && (typeof onlineLockTimeoutMs !== "number" || !Number.isFinite(onlineLockTimeoutMs) || onlineLockTimeoutMs < 1)) {
    problems.push({ path: "onlineLockTimeoutMs", message: "onlineLockTimeoutMs must be a number of milliseconds (1 or more)" });
  }
  if (onlineRetries !== undefined && (typeof onlineRetries !== "number" || !Number.isInteger(onlineRetries) || onlineRetries < 0)) {
    problems.push({ path: "onlineRetries", message: "onlineRetries must be a whole number (0 or more)" });
  }
  if (trackingTable !== undefined && (typeof trackingTable !== "string" || trackingTable.trim() === "")) {
    problems.push({ path: "trackingTable", message: "trackingTable must be a non-empty string" });
  }
  if (lockTimeoutMs !== undefined && (typeof lockTimeoutMs !== "number" || !Number.isFinite(lockTimeoutMs) || lockTimeoutMs < 0)) {
    problems.push({ path: "lockTimeoutMs", message: "lockTimeoutMs must be a number of milliseconds (0 or more)" });
  }
  return problems;
};

/** Every rule, in the order their problems are listed. */
export const CONFIG_RULES: readonly ConfigRule[] = [
  topLevelKeys,
  dialectType,
  connectionType,
  appsPresent,
  appFields,
  uniqueAppNames,
  knownDependencies,
  acyclicDependencies,
  pluginsType,
  targetsType,
  allowRebuildType,
  optionalScalars,
  fleetShape,
];
