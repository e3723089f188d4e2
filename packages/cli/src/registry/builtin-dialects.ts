/**
 * The built-in dialects, as data: the names and aliases the config may use, the package that
 * implements each one, and its export. Packages are imported only when their dialect is used.
 */
export interface BuiltinDialect {
  readonly names: readonly string[];
  readonly packageName: string;
  readonly exportName: string;
  /** The CLI's own copy of the package (an optional peer dependency), when the project has none. */
  readonly load: () => Promise<Record<string, unknown>>;
}

export const BUILTIN_DIALECTS: readonly BuiltinDialect[] = [
  {
    names: ["postgres", "pg", "postgresql"],
    packageName: "@mig/postgres",
    exportName: "postgresDialect",
    load: () => import("@mig/postgres") as Promise<Record<string, unknown>>,
  },
  {
    names: ["mysql", "mariadb"],
    packageName: "@mig/mysql",
    exportName: "mysqlDialect",
    load: () => import("@mig/mysql") as Promise<Record<string, unknown>>,
  },
  {
    names: ["sqlite"],
    packageName: "@mig/sqlite",
    exportName: "sqliteDialect",
    load: () => import("@mig/sqlite") as Promise<Record<string, unknown>>,
  },
];

/** The prefix of third-party dialect packages: `dialect: "foo"` finds `mig-dialect-foo`. */
export const PLUGIN_PACKAGE_PREFIX = "mig-dialect-";

/** The registry names of a dialect: a built-in's name and aliases, or just the name. */
export function registryNames(name: string): readonly string[] {
  return BUILTIN_DIALECTS.find((builtin) => builtin.names.includes(name))?.names ?? [name];
}
