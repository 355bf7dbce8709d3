import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TrendItemResult } from '../synthesis.ts';
import {
  mean,
  quadrantOf,
  quartiles,
  rankItems,
  standardDeviation,
  summariseItems,
  summariseScores,
  trendAxes,
  widestSpread,
  type ScoreSample,
} from './trendscan.stats.ts';

/** Scores as people give them: whole numbers 1–5. */
const scores = fc.array(fc.integer({ min: 1, max: 5 }), { maxLength: 40 });
/** Any reasonable numbers, to hold the statistics to their promises beyond the 1–5 scale. */
const numbers = fc.array(
  fc.integer({ min: -1_000_000, max: 1_000_000 }).map((n) => n / 100),
  { minLength: 1, maxLength: 40 },
);

function shuffled<T>(values: readonly T[], seed: number): T[] {
  const copy = [...values];
  let state = seed;
  for (let i = copy.length - 1; i > 0; i -= 1) {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    const j = state % (i + 1);
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

describe('mean', () => {
  it('is the arithmetic mean, null without values', () => {
    expect(mean([])).toBeNull();
    expect(mean([4])).toBe(4);
    expect(mean([1, 2, 3, 4])).toBe(2.5);
    expect(mean([5, 5, 1])).toBeCloseTo(11 / 3);
  });

  it('lies within [min, max], equals the value when all are equal', () => {
    fc.assert(
      fc.property(numbers, (values) => {
        const m = mean(values) as number;
        expect(m).toBeGreaterThanOrEqual(Math.min(...values));
        expect(m).toBeLessThanOrEqual(Math.max(...values));
      }),
    );
    expect(mean([0.1, 0.1, 0.1])).toBe(0.1);
  });
});

describe('standardDeviation (population: divided by n)', () => {
  it('divides by n, not n − 1', () => {
    expect(standardDeviation([])).toBeNull();
    expect(standardDeviation([3])).toBe(0);
    expect(standardDeviation([1, 5])).toBe(2);
    expect(standardDeviation([2, 4, 4, 4, 5, 5, 7, 9])).toBe(2);
  });

  it('is ≥ 0, and 0 exactly when all values are equal', () => {
    fc.assert(
      fc.property(numbers, (values) => {
        const sd = standardDeviation(values) as number;
        expect(sd).toBeGreaterThanOrEqual(0);
        const allEqual = values.every((v) => v === values[0]);
        expect(sd === 0).toBe(allEqual);
      }),
    );
  });
});

describe('quartiles (linear interpolation between order statistics, type 7)', () => {
  it('interpolates as R, NumPy and QUARTILE.INC do', () => {
    expect(quartiles([])).toBeNull();
    expect(quartiles([3])).toEqual({ q1: 3, median: 3, q3: 3 });
    expect(quartiles([1, 2, 3, 4])).toEqual({ q1: 1.75, median: 2.5, q3: 3.25 });
    expect(quartiles([5, 1, 3, 2, 4])).toEqual({ q1: 2, median: 3, q3: 4 });
    expect(quartiles([1, 1, 5, 5])).toEqual({ q1: 1, median: 3, q3: 5 });
  });

  it('keeps min ≤ q1 ≤ median ≤ q3 ≤ max', () => {
    fc.assert(
      fc.property(numbers, (values) => {
        const q = quartiles(values);
        if (!q) throw new Error('no quartiles');
        expect(Math.min(...values)).toBeLessThanOrEqual(q.q1);
        expect(q.q1).toBeLessThanOrEqual(q.median);
        expect(q.median).toBeLessThanOrEqual(q.q3);
        expect(q.q3).toBeLessThanOrEqual(Math.max(...values));
      }),
    );
  });
});

describe('summariseScores', () => {
  it('gives nulls and n = 0 for no scores', () => {
    expect(summariseScores([])).toEqual({
      n: 0,
      mean: null,
      sd: null,
      q1: null,
      median: null,
      q3: null,
    });
  });

  it('never changes when the scores come in another order', () => {
    fc.assert(
      fc.property(scores, fc.nat(), (values, seed) => {
        expect(summariseScores(shuffled(values, seed))).toEqual(summariseScores(values));
      }),
    );
  });
});

describe('quadrantOf (against the midpoint 3; high = mean > 3)', () => {
  it('places each combination', () => {
    expect(quadrantOf(4, 2)).toBe('act-now');
    expect(quadrantOf(4, 4)).toBe('scenario-axis');
    expect(quadrantOf(2, 4)).toBe('watch');
    expect(quadrantOf(2, 2)).toBe('background');
    expect(quadrantOf(null, 4)).toBe('unscored');
    expect(quadrantOf(4, null)).toBe('unscored');
  });

  it('counts exactly 3 as low', () => {
    expect(quadrantOf(3, 3)).toBe('background');
    expect(quadrantOf(3.01, 3)).toBe('act-now');
    expect(quadrantOf(3, 3.01)).toBe('watch');
  });
});

function item(itemKey: string, relevanceMean: number | null, title = itemKey) {
  return { itemKey, title, relevance: { mean: relevanceMean } };
}

describe('rankItems', () => {
  it('ranks by mean relevance, highest first, ties share a rank (1, 2, 2, 4), unscored last', () => {
    const ranked = rankItems([
      item('d', 2),
      item('none', null, 'Aaa'),
      item('b', 4, 'Werken'),
      item('a', 5),
      item('c', 4, 'Vervoeren'),
    ]);
    expect(ranked.map((r) => [r.itemKey, r.rank])).toEqual([
      ['a', 1],
      ['c', 2],
      ['b', 2],
      ['d', 4],
      ['none', null],
    ]);
  });

  const items = fc
    .uniqueArray(
      fc.record({
        itemKey: fc.string({ minLength: 1, maxLength: 6 }),
        title: fc.constantFrom('Samenleven', 'Produceren', 'Werken', 'werken', 'Ä'),
        mean: fc.option(fc.integer({ min: 4, max: 20 }).map((n) => n / 4)),
      }),
      { selector: (r) => r.itemKey, maxLength: 25 },
    )
    .map((records) => records.map((r) => item(r.itemKey, r.mean, r.title)));

  it('is a permutation of the items with ranks consistent with the means', () => {
    fc.assert(
      fc.property(items, (input) => {
        const ranked = rankItems(input);
        expect(ranked.map((r) => r.itemKey).sort()).toEqual(input.map((i) => i.itemKey).sort());
        ranked.forEach((r, index) => {
          const m = r.relevance.mean;
          if (m === null) {
            expect(r.rank).toBeNull();
            return;
          }
          // Competition rank: one more than the number of items with a strictly higher mean.
          const higher = input.filter((i) => i.relevance.mean !== null && i.relevance.mean > m);
          expect(r.rank).toBe(higher.length + 1);
          const next = ranked[index + 1];
          if (next?.relevance.mean != null) expect(next.relevance.mean).toBeLessThanOrEqual(m);
        });
      }),
    );
  });

  it('gives the same ranking, in the same display order, whatever the input order', () => {
    fc.assert(
      fc.property(items, fc.nat(), (input, seed) => {
        expect(rankItems(shuffled(input, seed))).toEqual(rankItems(input));
      }),
    );
  });
});

describe('summariseItems', () => {
  const refs = [
    { itemKey: 'werken', trendKey: 'werken', title: 'Anders werken' },
    { itemKey: 'vervoeren', trendKey: 'vervoeren', title: 'Anders vervoeren' },
    { itemKey: 'deelauto', trendKey: 'vervoeren', title: 'Deelauto' },
  ];

  it('summarises each item, ignores unknown items, ranks and places in the matrix', () => {
    const results = summariseItems(refs, [
      { itemKey: 'werken', relevance: 5, impact: 4, uncertainty: 2 },
      { itemKey: 'werken', relevance: 3, impact: 4, uncertainty: 2 },
      { itemKey: 'vervoeren', relevance: 2, impact: 5, uncertainty: 5 },
      { itemKey: 'onbekend', relevance: 5 },
    ]);
    expect(results.map((r) => [r.itemKey, r.rank, r.quadrant])).toEqual([
      ['werken', 1, 'act-now'],
      ['vervoeren', 2, 'scenario-axis'],
      ['deelauto', null, 'unscored'],
    ]);
    expect(results[0]?.relevance).toEqual({ n: 2, mean: 4, sd: 1, q1: 3.5, median: 4, q3: 4.5 });
  });

  const samples = fc.array(
    fc.record({
      itemKey: fc.constantFrom('werken', 'vervoeren', 'deelauto', 'x'),
      relevance: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
      impact: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
      uncertainty: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
    }),
    { maxLength: 40 },
  );

  it('never changes when the scores or the items come in another order', () => {
    fc.assert(
      fc.property(samples, fc.nat(), (input: ScoreSample[], seed) => {
        expect(summariseItems(shuffled(refs, seed), shuffled(input, seed + 1))).toEqual(
          summariseItems(refs, input),
        );
      }),
    );
  });

  it('puts an item in a quadrant exactly when both impact and uncertainty have scores', () => {
    fc.assert(
      fc.property(samples, (input: ScoreSample[]) => {
        for (const result of summariseItems(refs, input)) {
          const isScored = result.impact.n > 0 && result.uncertainty.n > 0;
          expect(result.quadrant === 'unscored').toBe(!isScored);
        }
      }),
    );
  });
});

function result(itemKey: string, trendKey: string, values: number[]): TrendItemResult {
  const [summary] = summariseItems(
    [{ itemKey, trendKey, title: itemKey }],
    [...values.map((relevance) => ({ itemKey, relevance }))],
  );
  if (!summary) throw new Error('no summary');
  return summary;
}

describe('trendAxes', () => {
  it('pools the relevance scores of each trend’s items, in the order of the trends', () => {
    const axes = trendAxes(
      [
        { key: 'vervoeren', title: 'Anders vervoeren' },
        { key: 'werken', title: 'Anders werken' },
        { key: 'leeg', title: 'Niet gescoord' },
      ],
      [
        result('werken', 'werken', [4]),
        result('vervoeren', 'vervoeren', [5, 5, 5]),
        result('deelauto', 'vervoeren', [1]),
      ],
    );
    expect(axes).toEqual([
      { key: 'vervoeren', title: 'Anders vervoeren', mean: 4, n: 4 },
      { key: 'werken', title: 'Anders werken', mean: 4, n: 1 },
      { key: 'leeg', title: 'Niet gescoord', mean: null, n: 0 },
    ]);
  });

  it('equals the mean of all the trend’s scores taken together', () => {
    fc.assert(
      fc.property(scores, scores, (a, b) => {
        const [axis] = trendAxes(
          [{ key: 't', title: 'T' }],
          [result('a', 't', a), result('b', 't', b)],
        );
        const pooled = mean([...a, ...b]);
        if (pooled === null) expect(axis?.mean).toBeNull();
        else expect(axis?.mean).toBeCloseTo(pooled, 10);
      }),
    );
  });
});

describe('widestSpread', () => {
  it('finds the item people disagree on most; none when everyone agrees', () => {
    const calm = result('calm', 't', [3, 3, 4]);
    const split = result('split', 't', [1, 5, 1, 5]);
    const alone = result('alone', 't', [1]);
    expect(widestSpread([calm, split, alone])?.itemKey).toBe('split');
    expect(widestSpread([result('same', 't', [2, 2]), alone])).toBeNull();
  });
});
