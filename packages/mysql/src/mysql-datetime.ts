/** `12:30` → `12:30:00.000000` (TIME(6) and DATETIME(6) report six fraction digits). */
export function mysqlTimeText(value: string): string {
  const match = /^(\d{1,3}:\d{2})(:\d{2})?(?:\.(\d{1,6}))?$/.exec(value);
  if (!match) return value;
  return `${match[1]}${match[2] ?? ":00"}.${(match[3] ?? "").padEnd(6, "0")}`;
}

const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.(\d{1,9}))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/**
 * A timestamp as DATETIME(6) takes and reports it: `YYYY-MM-DD HH:MM:SS.ffffff`. DATETIME has no
 * time zone and MariaDB refuses ISO's `Z` and offsets, so a zoned value (`2020-01-02T03:04:05Z`,
 * `...+02:00`, as `new Date().toISOString()` writes them) is converted to UTC first.
 */
export function mysqlDateTimeText(value: string): string {
  const match = TIMESTAMP.exec(value.trim());
  if (!match) return value;
  const [, y, mo, d, h = "00", mi = "00", s = "00", fraction = "", zone] = match;
  const micros = fraction.slice(0, 6).padEnd(6, "0");
  const offset = !zone || /^z$/i.test(zone) ? 0 : (zone.startsWith("-") ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.replace(":", "").slice(3, 5) || 0));
  if (offset === 0) return `${y}-${mo}-${d} ${h}:${mi}:${s}.${micros}`;
  const t = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)) - offset * 60_000);
  const date = `${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
  return `${date} ${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}:${pad(t.getUTCSeconds())}.${micros}`;
}
