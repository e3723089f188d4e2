import { MigError } from "../errors/mig-error";

export interface AppDependencies {
  readonly name: string;
  readonly dependsOn?: readonly string[];
}

/**
 * Orders apps so that every app comes after the apps it depends on. Apps without a dependency
 * between them keep their given order (the order is stable).
 *
 * Throws `MIG_E_CONFIG` for duplicate app names and `MIG_E_APP_DEPENDENCY` for a dependency on an
 * unknown app or a cycle (the message names the cycle: `a -> b -> a`).
 *
 * @example
 * ```ts
 * orderApps([{ name: "shop", dependsOn: ["music"] }, { name: "music" }]).map((a) => a.name);
 * // ["music", "shop"]
 * ```
 */
export function orderApps<App extends AppDependencies>(apps: readonly App[]): App[] {
  const byName = new Map<string, App>();
  for (const app of apps) {
    if (byName.has(app.name)) {
      throw new MigError("MIG_E_CONFIG", `Two apps are named "${app.name}"`, {
        hint: "Give every app in the config a unique name.",
        meta: { app: app.name },
      });
    }
    byName.set(app.name, app);
  }
  for (const app of apps) {
    for (const dependency of app.dependsOn ?? []) {
      if (!byName.has(dependency)) {
        throw new MigError("MIG_E_APP_DEPENDENCY", `App "${app.name}" depends on "${dependency}", which is not an app in the config`, {
          hint: `Apps in the config: ${[...byName.keys()].join(", ")}`,
          meta: { app: app.name, dependency },
        });
      }
    }
  }

  const ordered: App[] = [];
  const state = new Map<string, "visiting" | "done">();
  const visit = (app: App, path: readonly string[]): void => {
    const current = state.get(app.name);
    if (current === "done") return;
    if (current === "visiting") {
      const cycle = [...path.slice(path.indexOf(app.name)), app.name];
      throw new MigError("MIG_E_APP_DEPENDENCY", `Apps depend on each other in a cycle: ${cycle.join(" -> ")}`, {
        hint: "Remove one of these dependsOn entries.",
        meta: { cycle },
      });
    }
    state.set(app.name, "visiting");
    for (const dependency of app.dependsOn ?? []) visit(byName.get(dependency) as App, [...path, app.name]);
    state.set(app.name, "done");
    ordered.push(app);
  };
  for (const app of apps) visit(app, []);
  return ordered;
}
