import type { DialectDescriptor } from "../dialect/dialect";

/**
 * The URL schemes of the dialects the caller knows (the CLI passes its registry's descriptors).
 * Core holds no dialect name: a scheme selects the dialect that lists it in `urlSchemes`.
 */
export type KnownDialects = readonly DialectDescriptor[];

const lower = (names: readonly string[] | undefined): string[] => (names ?? []).map((name) => name.toLowerCase());

/** The name of the known dialect that lists `scheme`, or `undefined`. */
export function dialectOfScheme(scheme: string, dialects: KnownDialects): string | undefined {
  return dialects.find((dialect) => lower(dialect.urlSchemes).includes(scheme.toLowerCase()))?.name;
}

/** True when `scheme` belongs to a known dialect whose URLs name a file (`sqlite:./x.db`). */
export function isFileScheme(scheme: string, dialects: KnownDialects): boolean {
  return dialects.some((dialect) => dialect.fileUrls === true && lower(dialect.urlSchemes).includes(scheme.toLowerCase()));
}

/** The URL forms the known dialects take, for messages: `postgres://…`, `sqlite:./file.db`, `file:./file.db`. */
export function urlForms(dialects: KnownDialects): string[] {
  return dialects.flatMap((dialect) => {
    const schemes = lower(dialect.urlSchemes);
    if (dialect.fileUrls === true) return schemes.map((scheme) => `${scheme}:./file.db`);
    return schemes.length > 0 ? [`${schemes[0]}://…`] : [];
  });
}

/** `a`, `a or b`, `a, b or c`. */
export function orList(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} or ${items[items.length - 1]}`;
}

/** The first server scheme of the known dialects (`postgres`), else `scheme`: for example URLs in hints. */
export function exampleServerScheme(dialects: KnownDialects): string {
  return dialects.find((dialect) => dialect.fileUrls !== true && (dialect.urlSchemes?.length ?? 0) > 0)?.urlSchemes?.[0]?.toLowerCase() ?? "scheme";
}

/** An example connection for hints: a file URL when a known dialect takes one (`sqlite:./app.db`), else a server URL. */
export function exampleConnection(dialects: KnownDialects): string {
  const file = dialects.find((dialect) => dialect.fileUrls === true && (dialect.urlSchemes?.length ?? 0) > 0)?.urlSchemes?.[0];
  return file ? `${file.toLowerCase()}:./app.db` : `${exampleServerScheme(dialects)}://user@127.0.0.1/app`;
}

/**
 * The known dialects plus the dialect objects the config itself gives (`dialect`, `plugins`):
 * a plugin declares its own schemes, and `fileUrls` when they name files.
 */
export function withConfigDialects(config: Readonly<Record<string, unknown>>, dialects: KnownDialects): KnownDialects {
  const given = [config.dialect, ...(Array.isArray(config.plugins) ? config.plugins : [])].filter(isDescriptor);
  return given.length === 0 ? dialects : [...dialects, ...given];
}

function isDescriptor(value: unknown): value is DialectDescriptor {
  if (typeof value !== "object" || value === null) return false;
  const { name, urlSchemes } = value as Record<string, unknown>;
  return typeof name === "string" && (urlSchemes === undefined || (Array.isArray(urlSchemes) && urlSchemes.every((s) => typeof s === "string")));
}
