/**
 * One comparable form of an interval, however it was written or read: `<months>mo <days>d
 * <seconds>s`. node-postgres reads an interval as an object of parts (`{ days: 5, hours: 3 }`);
 * the generator writes ISO 8601 (`P5DT3H`); mig's placeholder is `00:00:00`; PostgreSQL prints
 * `5 days 03:00:00`. Months, days and seconds stay apart, as PostgreSQL keeps them.
 */
export function comparableInterval(value: unknown): string {
  if (value !== null && typeof value === "object") {
    const parts = value as Partial<Record<"years" | "months" | "days" | "hours" | "minutes" | "seconds" | "milliseconds", number>>;
    const seconds = (parts.hours ?? 0) * 3600 + (parts.minutes ?? 0) * 60 + (parts.seconds ?? 0) + (parts.milliseconds ?? 0) / 1000;
    return form((parts.years ?? 0) * 12 + (parts.months ?? 0), parts.days ?? 0, seconds);
  }
  const text = String(value).trim();
  const iso = /^P(?:(-?\d+)Y)?(?:(-?\d+)M)?(?:(-?\d+)D)?(?:T(?:(-?\d+)H)?(?:(-?\d+)M)?(?:(-?[\d.]+)S)?)?$/.exec(text);
  if (iso) {
    const n = (k: number) => Number(iso[k] ?? 0);
    return form(n(1) * 12 + n(2), n(3), n(4) * 3600 + n(5) * 60 + n(6));
  }
  const words = /^(?:(-?\d+) years? ?)?(?:(-?\d+) mons? ?)?(?:(-?\d+) days? ?)?(?:(-)?(\d+):(\d\d):(\d\d(?:\.\d+)?))?$/.exec(text);
  if (words) {
    const n = (k: number) => Number(words[k] ?? 0);
    const seconds = (n(5) * 3600 + n(6) * 60 + n(7)) * (words[4] ? -1 : 1);
    return form(n(1) * 12 + n(2), n(3), seconds);
  }
  return text;
}

function form(months: number, days: number, seconds: number): string {
  return `${months}mo ${days}d ${seconds}s`;
}
