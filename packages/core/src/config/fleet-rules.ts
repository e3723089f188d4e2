import type { MigProblem } from "../errors/mig-error";
import { connectionUrlProblem, describeValue, isPlainObject } from "./connection-rules";
import type { KnownDialects } from "./url-schemes";

/** What the fleet's targets are checked against: whether a plugin may claim a URL scheme, and the config's dialect. */
export interface FleetContext {
  /** The config has plugins or a dialect object: a `scheme:rest` connection may be a plugin's own form. */
  readonly pluginsMayClaim: boolean;
  /** The config names a dialect (used for targets given as options objects). */
  readonly hasDialect: boolean;
  /** The known dialects (names and URL schemes). */
  readonly dialects?: KnownDialects;
}

const TARGET_KEYS = ["name", "connection", "dialect"] as const;

function targetProblems(target: unknown, at: string, context: FleetContext): MigProblem[] {
  if (!isPlainObject(target)) return [{ path: at, message: `${at} must be an object { name, connection }, got ${describeValue(target)}` }];
  const problems: MigProblem[] = Object.keys(target)
    .filter((key) => !(TARGET_KEYS as readonly string[]).includes(key))
    .map((key) => ({ path: `${at}.${key}`, message: `Unknown key "${key}" in ${at} (a target has name, connection and optionally dialect)` }));
  const { name, connection, dialect } = target;
  if (typeof name !== "string" || name.trim() === "") problems.push({ path: `${at}.name`, message: `${at}.name must be a non-empty string` });
  else if (/[\u0000-\u001f]/.test(name)) problems.push({ path: `${at}.name`, message: `${at}.name must not contain control characters` });
  if (dialect !== undefined && !(typeof dialect === "string" && dialect.trim() !== "") && !isPlainObject(dialect)) {
    problems.push({ path: `${at}.dialect`, message: `${at}.dialect must be a registry name or a dialect object, got ${describeValue(dialect)}` });
  }
  if (connection === undefined) problems.push({ path: `${at}.connection`, message: `${at}.connection is missing` });
  else if (typeof connection === "string") {
    const problem = connectionUrlProblem(connection, context.pluginsMayClaim || isPlainObject(dialect) || typeof dialect === "string", context.dialects);
    if (problem) problems.push({ path: `${at}.connection`, message: `${at}.${problem}` });
  } else if (!isPlainObject(connection)) {
    problems.push({ path: `${at}.connection`, message: `${at}.connection must be a URL string or an options object, got ${describeValue(connection)}` });
  } else if (dialect === undefined && !context.hasDialect) {
    problems.push({ path: `${at}.dialect`, message: `${at} gives its connection as an options object, but neither it nor the config names a dialect` });
  }
  return problems;
}

/**
 * Every problem of a fleet's target list: not an array, a target that is not `{ name, connection }`,
 * a connection that is not a URL, duplicate names. `at` is the path shown (`fleet`, or `fleet()`
 * for what the config's function returned).
 *
 * @example
 * ```ts
 * fleetProblems([{ name: "a", connection: "postgres://db/a" }, { name: "a", connection: "x" }], "fleet", context);
 * // [{ path: "fleet[1].connection", … }, { path: "fleet[1].name", message: 'Duplicate target name "a" (also fleet[0])' }]
 * ```
 */
export function fleetProblems(fleet: unknown, at: string, context: FleetContext): MigProblem[] {
  if (!Array.isArray(fleet)) return [{ path: at, message: `${at} must be an array of { name, connection } (or a function returning one), got ${describeValue(fleet)}` }];
  if (fleet.length === 0) return [{ path: at, message: `${at} is empty: list at least one target` }];
  const problems = fleet.flatMap((target: unknown, index) => targetProblems(target, `${at}[${index}]`, context));
  const seen = new Map<string, number>();
  for (const [index, target] of fleet.entries()) {
    if (!isPlainObject(target) || typeof target.name !== "string") continue;
    const first = seen.get(target.name);
    if (first === undefined) seen.set(target.name, index);
    else problems.push({ path: `${at}[${index}].name`, message: `Duplicate target name "${target.name}" (also ${at}[${first}])` });
  }
  return problems;
}
