import type { Summary } from "./stats";

/** Milliseconds for a table cell: "123", or "1,234". */
export function ms(value: number): string {
  if (!Number.isFinite(value)) return "–";
  return value >= 100 ? Math.round(value).toLocaleString("en-US") : value.toFixed(1);
}

/** "median (min–max)" in ms. */
export function msRange(summary: Summary): string {
  return `${ms(summary.median)} (${ms(summary.min)}–${ms(summary.max)})`;
}

/** "median (min–max)" in MB. */
export function mbRange(summary: Summary): string {
  const mb = (v: number) => (Number.isFinite(v) ? v.toFixed(0) : "–");
  return `${mb(summary.median)} (${mb(summary.min)}–${mb(summary.max)})`;
}

/** A ratio "4.2×" (how many times `slow` takes `fast`'s time). */
export function ratio(slow: number, fast: number): string {
  if (!Number.isFinite(slow) || !Number.isFinite(fast) || fast === 0) return "–";
  return `${(slow / fast).toFixed(2)}×`;
}
