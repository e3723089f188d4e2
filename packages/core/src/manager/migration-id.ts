import { compareStrings } from "../snapshot/snapshot";

/**
 * A migration ID: `YYYY-MM-DDTHH:MM:SS:ffffff` (microseconds), or the older
 * `YYYY-MM-DDTHH:MM:SS`, which sorts as if its microseconds were zero.
 */
const MIGRATION_ID = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?::(\d{6}))?$/;

/** The parts of a migration ID. `microseconds` is 0 for the old format. */
export interface ParsedMigrationId {
  /** `YYYY-MM-DDTHH:MM:SS`: fixed width, so it sorts as a string. */
  readonly seconds: string;
  readonly microseconds: number;
  /** True for the old `YYYY-MM-DDTHH:MM:SS` format. */
  readonly legacy: boolean;
}

/** Parses a migration ID in either format, or returns `undefined`. */
export function parseMigrationId(id: string): ParsedMigrationId | undefined {
  const match = MIGRATION_ID.exec(id);
  if (!match) return undefined;
  return {
    seconds: id.slice(0, 19),
    microseconds: match[7] === undefined ? 0 : Number(match[7]),
    legacy: match[7] === undefined,
  };
}

/** True when `id` is a migration ID in the new or the old format. */
export function isMigrationId(id: string): boolean {
  return MIGRATION_ID.test(id);
}

/**
 * Orders migration IDs by time; the old format counts as microsecond 0 and comes before a new ID
 * of the same instant. IDs that are not migration IDs sort after all valid ones, by code point.
 *
 * @example
 * ```ts
 * ["2020-12-17T18:44:30:000001", "2020-12-17T18:44:30"].sort(compareMigrationIds);
 * // ["2020-12-17T18:44:30", "2020-12-17T18:44:30:000001"]
 * ```
 */
export function compareMigrationIds(a: string, b: string): number {
  const left = parseMigrationId(a);
  const right = parseMigrationId(b);
  if (!left || !right) {
    if (left) return -1;
    if (right) return 1;
    return compareStrings(a, b);
  }
  return (
    compareStrings(left.seconds, right.seconds) ||
    left.microseconds - right.microseconds ||
    Number(right.legacy) - Number(left.legacy) ||
    compareStrings(a, b)
  );
}

let lastGenerated = 0;

/**
 * A new migration ID, in UTC: `YYYY-MM-DDTHH:MM:SS:ffffff`.
 *
 * Without a `date`, the microseconds come from the high-resolution clock and successive calls
 * always give increasing IDs, even within the same millisecond. With a `date`, the result is
 * exactly that instant (microseconds = milliseconds × 1000).
 *
 * @example
 * ```ts
 * generateMigrationId(new Date("2026-11-22T13:58:23.024Z")); // "2026-11-22T13:58:23:024000"
 * ```
 */
export function generateMigrationId(date?: Date): string {
  if (date !== undefined) return formatMicroseconds(date.getTime() * 1000);
  let now = Math.floor((performance.timeOrigin + performance.now()) * 1000);
  if (now <= lastGenerated) now = lastGenerated + 1;
  lastGenerated = now;
  return formatMicroseconds(now);
}

function formatMicroseconds(epochMicroseconds: number): string {
  const milliseconds = Math.floor(epochMicroseconds / 1000);
  const date = new Date(milliseconds);
  if (Number.isNaN(date.getTime())) throw new RangeError("Invalid date for a migration ID");
  const micro = epochMicroseconds - milliseconds * 1000;
  const pad = (value: number, width = 2): string => String(value).padStart(width, "0");
  return (
    `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}` +
    `T${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}` +
    `:${pad(date.getUTCMilliseconds() * 1000 + micro, 6)}`
  );
}
