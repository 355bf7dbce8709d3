// Small numeric helpers for the benchmark's figures.

/** The nearest-rank percentile (0 < p ≤ 100) of the values; null when there are none. */
export function percentile(values: ArrayLike<number>, p: number): number | null {
  if (values.length === 0) return null;
  const sorted = Float64Array.from(values).sort();
  return percentileOfSorted(sorted, p);
}

/** Like percentile, for values already sorted ascending (saves re-sorting a million latencies). */
export function percentileOfSorted(sorted: ArrayLike<number>, p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.ceil((p / 100) * sorted.length);
  const index = Math.min(sorted.length - 1, Math.max(0, rank - 1));
  return sorted[index] ?? null;
}

/** Rounds to one decimal for the JSON line; null stays null. */
export function roundTenth(value: number | null): number | null {
  return value === null ? null : Math.round(value * 10) / 10;
}

/** A small deterministic generator (mulberry32), so two runs with one seed make the same writes. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
