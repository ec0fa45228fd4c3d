// Seeded randomness for the property and fuzz tests: the same seed draws the same values on every
// run, so a failing case can be found again and the cases do not drift when tests are reordered.

export type Rand = () => number;

/** mulberry32: small and fast, and spreads the cases well enough for tests. Values in [0, 1). */
export function rng(seed: number): Rand {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(r: Rand, items: readonly T[]): T => items[Math.floor(r() * items.length)]!;

/** A random string of 0..maxLen pieces drawn from `pieces` (one draw for the length, one a piece). */
export function randomText(r: Rand, pieces: readonly string[], maxLen: number): string {
  const n = Math.floor(r() * (maxLen + 1));
  let s = '';
  for (let i = 0; i < n; i++) s += pick(r, pieces);
  return s;
}
