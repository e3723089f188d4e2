import { urlScheme } from "./connection-url";
import { isFileScheme, orList, urlForms, type KnownDialects } from "./url-schemes";

export const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** How a config problem names a value it did not expect: "a number", "an array", "null". */
export const describeValue = (value: unknown): string =>
  value === null ? "null" : Array.isArray(value) ? "an array" : typeof value === "object" ? "an object" : `a ${typeof value}`;

/**
 * Why a connection string is not a URL mig can use, or `undefined` when it is one. The text is
 * never echoed: a malformed URL may carry a password that redaction cannot recognise.
 * `pluginsMayClaim`: a plugin dialect may use its own `scheme:rest` form (`pglite:./data`), which
 * the registry checks once the plugins are loaded; without plugins, `host:port` typos are caught here.
 * `dialects`: the known dialects, whose file schemes (`sqlite:./x.db`) need no `//`.
 */
export function connectionUrlProblem(connection: string, pluginsMayClaim: boolean, dialects: KnownDialects = []): string | undefined {
  const scheme = urlScheme(connection);
  const schemeOnly = pluginsMayClaim && /^[a-z][a-z0-9+.-]*:\S/i.test(connection.trim());
  if (!scheme || (!isFileScheme(scheme, dialects) && !schemeOnly && !/^[a-z][a-z0-9+.-]*:\/\//i.test(connection.trim()))) {
    const forms = urlForms(dialects);
    return `connection is not a URL (expected ${forms.length > 0 ? orList(forms) : "scheme://…"})`;
  }
  return undefined;
}
