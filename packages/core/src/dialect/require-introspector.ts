import { MigError } from "../errors/mig-error";
import type { Dialect, IntrospectingDialect } from "./dialect";
import type { Introspector } from "./introspector";

/**
 * The dialect's introspector, or `MIG_E_UNSUPPORTED` naming what needed it (`mig pull`,
 * `mig check --drift`) when the dialect has none.
 *
 * @example
 * ```ts
 * const snapshot = await requireIntrospector(dialect, "mig pull").introspect(connection);
 * ```
 */
export function requireIntrospector(dialect: Dialect, what: string): Introspector {
  if (hasIntrospector(dialect)) return dialect.introspector;
  throw new MigError("MIG_E_UNSUPPORTED", `The ${dialect.name} dialect cannot read a live schema back, which ${what} needs`, {
    hint: "Ask the dialect's author for an `introspector` (see docs/writing-a-dialect.md), or use a dialect that has one",
    meta: { dialect: dialect.name },
  });
}

export function hasIntrospector(dialect: Dialect): dialect is IntrospectingDialect {
  return dialect.introspector !== undefined;
}
