/** What replaces a password in printed text. */
export const REDACTED = "***";

// scheme://user:password@host — the password is everything between the first ":" after "//"
// (within the user-info part) and the last "@" before the host.
const USER_INFO = /([a-z][a-z0-9+.-]*:\/\/)([^/?#@\s]*?):([^/?#\s]*)@/gi;

/**
 * The URL with its password replaced by `***` (also in query parameters named `password`).
 * Text that is not a URL comes back unchanged.
 *
 * @example
 * ```ts
 * redactUrl("postgres://app:s3cret@db:5432/prod"); // "postgres://app:***@db:5432/prod"
 * ```
 */
export function redactUrl(url: string): string {
  return redactText(url);
}

/** Every URL password inside `text` (an error message, a line of output) replaced by `***`. */
export function redactText(text: string): string {
  return text
    .replace(USER_INFO, (_all, scheme: string, user: string) => `${scheme}${user}:${REDACTED}@`)
    .replace(/([?&](?:password|pass|pwd)=)[^&#\s]*/gi, `$1${REDACTED}`);
}

/**
 * Every secret in a connection setting: the password of a URL, or the `password` of an options
 * object (nested `connection` objects and URLs in `url`/`uri`/`connectionString` fields included).
 * The CLI removes these from everything it prints.
 */
export function connectionSecrets(connection: unknown): string[] {
  const secrets = new Set<string>();
  const visit = (value: unknown, depth: number): void => {
    if (depth > 4) return;
    if (typeof value === "string") {
      const password = urlPassword(value);
      if (password) secrets.add(password);
      return;
    }
    if (typeof value !== "object" || value === null) return;
    for (const [key, inner] of Object.entries(value)) {
      if (/^(password|pass|pwd)$/i.test(key) && typeof inner === "string" && inner.length > 0) secrets.add(inner);
      else visit(inner, depth + 1);
    }
  };
  visit(connection, 0);
  return [...secrets];
}

function urlPassword(text: string): string | undefined {
  try {
    const url = new URL(text);
    const password = url.password ? decodeURIComponent(url.password) : url.searchParams.get("password");
    return password || undefined;
  } catch {
    return undefined;
  }
}
