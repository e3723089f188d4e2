import type { DialectDescriptor } from "@mig/core/dialect";
import { importModule } from "../import-module";

/**
 * The built-in dialects, as data: the package that implements each one, its export, and how to
 * load it. Their names, aliases and URL schemes live on the dialects: each package's
 * `/descriptor` entry, which imports no driver. Packages are imported only when their dialect is used.
 */
export interface BuiltinDialect {
  /** `@mig/<name>`, after the dialect's name: an error can name the package to install before it is there. */
  readonly packageName: string;
  readonly exportName: string;
  /** The package's descriptor (names, URL schemes), without its driver. */
  readonly descriptor: () => Promise<Record<string, unknown>>;
  /** The CLI's own copy of the package (an optional peer dependency), when the project has none. */
  readonly load: () => Promise<Record<string, unknown>>;
}

export const BUILTIN_DIALECTS: readonly BuiltinDialect[] = [
  {
    packageName: "@mig/postgres",
    exportName: "postgresDialect",
    descriptor: () => importModule("@mig/postgres/descriptor"),
    load: () => importModule("@mig/postgres"),
  },
  {
    packageName: "@mig/mysql",
    exportName: "mysqlDialect",
    descriptor: () => importModule("@mig/mysql/descriptor"),
    load: () => importModule("@mig/mysql"),
  },
  {
    packageName: "@mig/sqlite",
    exportName: "sqliteDialect",
    descriptor: () => importModule("@mig/sqlite/descriptor"),
    load: () => importModule("@mig/sqlite"),
  },
];

/** The prefix of third-party dialect packages: `dialect: "foo"` finds `mig-dialect-foo`. */
export const PLUGIN_PACKAGE_PREFIX = "mig-dialect-";

/** A built-in dialect with its descriptor read. */
export interface KnownBuiltin {
  readonly builtin: BuiltinDialect;
  readonly descriptor: DialectDescriptor;
}

/** What the built-in descriptors say, once per process; a package that is not installed is left out. */
let known: Promise<{ readonly found: readonly KnownBuiltin[]; readonly missing: readonly string[] }> | undefined;

/**
 * The built-in dialects whose packages are installed, with their descriptors (names, aliases, URL
 * schemes), and the packages that are not. Reads only the descriptor modules: no driver is loaded.
 */
export function builtinDescriptors(): Promise<{ readonly found: readonly KnownBuiltin[]; readonly missing: readonly string[] }> {
  known ??= Promise.all(
    BUILTIN_DIALECTS.map(async (builtin) => {
      try {
        const module = await builtin.descriptor();
        return { builtin, descriptor: module.descriptor as DialectDescriptor };
      } catch {
        return { builtin, descriptor: undefined };
      }
    }),
  ).then((entries) => ({
    found: entries.flatMap(({ builtin, descriptor }) => (descriptor ? [{ builtin, descriptor }] : [])),
    missing: entries.filter(({ descriptor }) => !descriptor).map(({ builtin }) => builtin.packageName),
  }));
  return known;
}

/** The registry names of a dialect: its name and aliases, lower case. */
export function registryNames(dialect: Pick<DialectDescriptor, "name" | "aliases">): readonly string[] {
  return [dialect.name, ...(dialect.aliases ?? [])].map((name) => name.toLowerCase());
}
