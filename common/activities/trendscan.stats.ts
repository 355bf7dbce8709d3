// The statistics of a trend scan: mean and spread per criterion, the ranking, the impact ×
// uncertainty matrix and the radar's per-trend means. Pure, so the server's synthesis, the live
// views and the tests all compute the same numbers. Every function sorts its input first, so the
// order people scored in never changes a result (not even in the last floating-point digit).
import type { MatrixQuadrant, ScoreStats, TrendItemResult } from '../synthesis.ts';
import { SCALE_MIDPOINT, type ScanTrend } from './trendscan.ts';

/** The finite numbers of `values`, ascending. */
function sortedFinite(values: Iterable<number>): number[] {
  return [...values].filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
}

/**
 * The arithmetic mean; null without values. Kept within [min, max]: floating-point addition may
 * otherwise put the mean of equal values a hair beside them.
 */
export function mean(values: Iterable<number>): number | null {
  const sorted = sortedFinite(values);
  const first = sorted[0];
  const last = sorted.at(-1);
  if (first === undefined || last === undefined) return null;
  let sum = 0;
  for (const value of sorted) sum += value;
  return Math.min(last, Math.max(first, sum / sorted.length));
}

/**
 * The POPULATION standard deviation (divided by n, not n − 1); null without values. The people
 * in the room are the whole group whose agreement we describe, not a sample of a larger one, and
 * one score has a spread of 0 rather than none.
 */
export function standardDeviation(values: Iterable<number>): number | null {
  const sorted = sortedFinite(values);
  const average = mean(sorted);
  if (average === null) return null;
  let squares = 0;
  for (const value of sorted) squares += (value - average) ** 2;
  return Math.sqrt(squares / sorted.length);
}

/**
 * The p-quantile (0 ≤ p ≤ 1) of ascending, non-empty values by linear interpolation between
 * order statistics: position h = (n − 1)·p, then x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]).
 * This is Hyndman & Fan's type 7, the default of R, NumPy and spreadsheet QUARTILE.INC.
 */
function quantileOfSorted(sorted: readonly number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const below = Math.floor(h);
  const low = sorted[below] ?? 0;
  const high = sorted[Math.min(below + 1, sorted.length - 1)] ?? low;
  // Written as a weighted sum so the result never leaves [low, high] by rounding.
  const weight = h - below;
  return weight === 0 ? low : Math.min(high, Math.max(low, low + weight * (high - low)));
}

/** First quartile, median and third quartile by linear interpolation (type 7); null without values. */
export function quartiles(
  values: Iterable<number>,
): { q1: number; median: number; q3: number } | null {
  const sorted = sortedFinite(values);
  if (sorted.length === 0) return null;
  return {
    q1: quantileOfSorted(sorted, 0.25),
    median: quantileOfSorted(sorted, 0.5),
    q3: quantileOfSorted(sorted, 0.75),
  };
}

/** Count, mean, population standard deviation and quartiles of one criterion's scores. */
export function summariseScores(values: Iterable<number>): ScoreStats {
  const sorted = sortedFinite(values);
  const quarters = quartiles(sorted);
  return {
    n: sorted.length,
    mean: mean(sorted),
    sd: standardDeviation(sorted),
    q1: quarters?.q1 ?? null,
    median: quarters?.median ?? null,
    q3: quarters?.q3 ?? null,
  };
}

/**
 * Places an item in the impact × uncertainty matrix by its two means against the scale's
 * midpoint (3): "high" means strictly above it. Unscored when either mean is missing.
 */
export function quadrantOf(
  impactMean: number | null,
  uncertaintyMean: number | null,
): MatrixQuadrant {
  if (impactMean === null || uncertaintyMean === null) return 'unscored';
  const isHighImpact = impactMean > SCALE_MIDPOINT;
  const isHighUncertainty = uncertaintyMean > SCALE_MIDPOINT;
  if (isHighImpact) return isHighUncertainty ? 'scenario-axis' : 'act-now';
  return isHighUncertainty ? 'watch' : 'background';
}

/** What rankItems needs of an item. */
export interface RankableItem {
  itemKey: string;
  title: string;
  relevance: { mean: number | null };
}

function compareTitles(a: RankableItem, b: RankableItem): number {
  return (
    a.title.localeCompare(b.title, 'nl') ||
    (a.title < b.title ? -1 : a.title > b.title ? 1 : 0) ||
    (a.itemKey < b.itemKey ? -1 : a.itemKey > b.itemKey ? 1 : 0)
  );
}

/**
 * Ranks items by mean relevance, highest first, in competition ranking: equal means share a rank
 * and the next rank skips (1, 2, 2, 4). Unscored items come last with rank null. Items that share
 * a rank are listed by title (then key), which is for display only and never changes a rank.
 */
export function rankItems<T extends RankableItem>(
  items: readonly T[],
): (T & { rank: number | null })[] {
  const sorted = [...items].sort((a, b) => {
    const ma = a.relevance.mean;
    const mb = b.relevance.mean;
    if (ma === null || mb === null) {
      if (ma !== mb) return ma === null ? 1 : -1;
      return compareTitles(a, b);
    }
    return mb - ma || compareTitles(a, b);
  });
  const ranked: (T & { rank: number | null })[] = [];
  sorted.forEach((item, index) => {
    const previous = ranked[index - 1];
    const mean = item.relevance.mean;
    let rank: number | null = null;
    if (mean !== null) {
      rank =
        previous && previous.relevance.mean === mean && previous.rank !== null
          ? previous.rank
          : index + 1;
    }
    ranked.push({ ...item, rank });
  });
  return ranked;
}

/** One person's scores of one item, as far as statistics need them. */
export interface ScoreSample {
  itemKey: string;
  relevance?: number | undefined;
  impact?: number | undefined;
  uncertainty?: number | undefined;
}

/** What summariseItems needs to know of an item. */
export interface ItemRef {
  itemKey: string;
  trendKey: string;
  title: string;
}

/**
 * The results of every item, ranked (see rankItems): mean and spread per criterion and the
 * matrix quadrant. Samples of items not in `items` are ignored.
 */
export function summariseItems(
  items: readonly ItemRef[],
  samples: Iterable<ScoreSample>,
): TrendItemResult[] {
  const values = new Map<string, { relevance: number[]; impact: number[]; uncertainty: number[] }>(
    items.map((item) => [item.itemKey, { relevance: [], impact: [], uncertainty: [] }]),
  );
  for (const sample of samples) {
    const bucket = values.get(sample.itemKey);
    if (!bucket) continue;
    if (sample.relevance !== undefined) bucket.relevance.push(sample.relevance);
    if (sample.impact !== undefined) bucket.impact.push(sample.impact);
    if (sample.uncertainty !== undefined) bucket.uncertainty.push(sample.uncertainty);
  }
  const results = items.map((item) => {
    const bucket = values.get(item.itemKey) ?? { relevance: [], impact: [], uncertainty: [] };
    const impact = summariseScores(bucket.impact);
    const uncertainty = summariseScores(bucket.uncertainty);
    return {
      itemKey: item.itemKey,
      trendKey: item.trendKey,
      title: item.title,
      relevance: summariseScores(bucket.relevance),
      impact,
      uncertainty,
      quadrant: quadrantOf(impact.mean, uncertainty.mean),
    };
  });
  return rankItems(results);
}

/** One axis of the radar: a trend and the mean relevance of all scores given to its items. */
export interface TrendAxis {
  key: string;
  title: string;
  /** Null when nobody scored the trend's relevance. */
  mean: number | null;
  n: number;
}

/**
 * The mean relevance per trend, pooling every relevance score of the trend's items (so an item
 * scored by more people weighs more), from item results; in the order of `trends`.
 */
export function trendAxes(
  trends: readonly ScanTrend[],
  results: readonly TrendItemResult[],
): TrendAxis[] {
  return trends.map((trend) => {
    const parts = results
      .filter((r) => r.trendKey === trend.key && r.relevance.mean !== null && r.relevance.n > 0)
      .map((r) => ({ n: r.relevance.n, mean: r.relevance.mean ?? 0 }))
      .sort((a, b) => a.mean - b.mean || a.n - b.n);
    const n = parts.reduce((total, part) => total + part.n, 0);
    if (n === 0) return { key: trend.key, title: trend.title, mean: null, n: 0 };
    const lowest = parts[0]?.mean ?? 0;
    const highest = parts.at(-1)?.mean ?? 0;
    const pooled = parts.reduce((total, part) => total + part.mean * part.n, 0) / n;
    return {
      key: trend.key,
      title: trend.title,
      mean: Math.min(highest, Math.max(lowest, pooled)),
      n,
    };
  });
}

/**
 * The item the room disagrees on most: the largest standard deviation of relevance among items
 * scored by at least two people; ties go to the one listed first. Null when everyone agrees.
 */
export function widestSpread(results: readonly TrendItemResult[]): TrendItemResult | null {
  let widest: TrendItemResult | null = null;
  for (const result of results) {
    const sd = result.relevance.sd;
    if (sd === null || sd <= 0 || result.relevance.n < 2) continue;
    if (widest === null || sd > (widest.relevance.sd ?? 0)) widest = result;
  }
  return widest;
}
