import fc from "fast-check";

/** The random choices a generator makes; backed by fast-check's `fc.gen()` so failures shrink and replay. */
export interface Rand {
  /** An integer in `[min, max]`. */
  int(min: number, max: number): number;
  /** True with probability about `p`. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
}

/** A {@link Rand} drawing from fast-check's generator inside a property. */
export function randFromGen(g: fc.GeneratorValue): Rand {
  const rand: Rand = {
    int: (min, max) => g(fc.integer, { min, max }),
    // Shrinks towards `false`: a smaller counterexample has fewer features.
    chance: (p) => g(fc.integer, { min: 0, max: 999 }) >= 1000 - p * 1000,
    pick: (items) => {
      if (items.length === 0) throw new Error("pick from an empty list");
      return items[rand.int(0, items.length - 1)]!;
    },
  };
  return rand;
}
