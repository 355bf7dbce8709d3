import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SearchFacetName } from '../../../common/knowledge.ts';
import {
  FACET_LIMIT,
  codeOf,
  facetDictionary,
  tallyMatches,
  withFacet,
  type CodeFilters,
  type FacetDictionary,
} from './search.matches.ts';

interface Match {
  docNo: number;
  date: number;
  codes: number[];
  score: number;
}

function varint(n: number): number[] {
  const bytes: number[] = [];
  let rest = n;
  do {
    const low = rest % 128;
    rest = Math.floor(rest / 128);
    bytes.push(rest > 0 ? low | 128 : low);
  } while (rest > 0);
  return bytes;
}

// The layout of buildMatchStatement's rows: doc_no int4, date int8, then the number of codes and
// the differences between ascending codes as varints, then the score float4.
function pack(matches: readonly Match[]): Buffer {
  return Buffer.concat(
    matches.map((m) => {
      const head = Buffer.alloc(12);
      head.writeInt32BE(m.docNo, 0);
      head.writeBigInt64BE(BigInt(m.date), 4);
      const codes = [...m.codes].sort((a, b) => a - b);
      const deltas = codes.flatMap((code, i) => varint(code - (i === 0 ? 0 : (codes[i - 1] ?? 0))));
      const score = Buffer.alloc(4);
      score.writeFloatBE(m.score, 0);
      return Buffer.concat([head, Buffer.from([...varint(codes.length), ...deltas]), score]);
    }),
  );
}

// Codes 1–3 kinds, 4–7 places, 8–9 years.
const dictionary: FacetDictionary = facetDictionary([
  { code: 1, facet: 'kind', value: 'blog' },
  { code: 2, facet: 'kind', value: 'publication' },
  { code: 3, facet: 'kind', value: 'best_practice' },
  { code: 4, facet: 'place', value: 'Haarlem' },
  { code: 5, facet: 'place', value: 'IJmuiden' },
  { code: 6, facet: 'place', value: 'Velsen' },
  { code: 7, facet: 'place', value: 'Zwolle' },
  { code: 8, facet: 'year', value: '2024' },
  { code: 9, facet: 'year', value: '2025' },
  { code: 10, facet: 'unheard-of', value: 'x' },
]);
const facetOf = (code: number) => dictionary.byCode.get(code)!.facet;

const options = {
  filters: new Map() as CodeFilters,
  byScore: true,
  limit: 10,
  offset: 0,
  skipFacet: null,
};

describe('facetDictionary', () => {
  it('numbers values per facet and leaves out facets the search does not know', () => {
    expect(codeOf(dictionary, 'place', 'Velsen')).toBe(6);
    expect(codeOf(dictionary, 'kind', 'Velsen')).toBeUndefined();
    expect(dictionary.byCode.has(10)).toBe(false);
    expect(dictionary.maxCode).toBe(9);
  });
});

describe('tallyMatches', () => {
  it('counts every facet value of the matches and ranks by score, then date, then doc_no', () => {
    const tally = tallyMatches(
      pack([
        { docNo: 1, date: 100, codes: [1, 4, 8], score: 0.5 },
        { docNo: 2, date: 300, codes: [1, 4, 5, 9], score: 0.5 },
        { docNo: 3, date: 200, codes: [2, 5, 9], score: 0.9 },
        { docNo: 4, date: 300, codes: [3], score: 0.5 },
      ]),
      dictionary,
      options,
    );
    expect(tally).toEqual({
      total: 4,
      page: [3, 2, 4, 1],
      facets: {
        kind: [
          { value: 'blog', count: 2 },
          { value: 'best_practice', count: 1 },
          { value: 'publication', count: 1 },
        ],
        place: [
          { value: 'Haarlem', count: 2 },
          { value: 'IJmuiden', count: 2 },
        ],
        year: [
          { value: '2025', count: 2 },
          { value: '2024', count: 1 },
        ],
      },
    });
  });

  it('orders by date alone when the page is not by score, and pages with offset and limit', () => {
    const matches = [5, 1, 4, 2, 3].map((docNo) => ({
      docNo,
      date: 1_700_000_000_000_000 + docNo,
      codes: [],
      score: 10 - docNo,
    }));
    const tally = tallyMatches(pack(matches), dictionary, {
      ...options,
      byScore: false,
      limit: 2,
      offset: 1,
    });
    expect(tally).toMatchObject({ total: 5, page: [4, 3] });
  });

  it('asks for the dictionary again when a match has a number it does not know', () => {
    const tally = tallyMatches(
      pack([{ docNo: 1, date: 1, codes: [4, 12], score: 0 }]),
      dictionary,
      options,
    );
    expect(tally).toEqual({ unknownCode: 12 });
  });

  it('refuses packed matches that end inside a match', () => {
    const packed = pack([{ docNo: 1, date: 1, codes: [4, 5], score: 0 }]);
    for (const cut of [2, 5, 7, 12]) {
      expect(() =>
        tallyMatches(packed.subarray(0, packed.length - cut), dictionary, options),
      ).toThrow(/inside a match/);
    }
  });

  it('reads codes of several varint bytes', () => {
    const wide = facetDictionary([
      { code: 5, facet: 'place', value: 'A' },
      { code: 300, facet: 'place', value: 'B' },
      { code: 70_000, facet: 'kind', value: 'blog' },
    ]);
    const tally = tallyMatches(
      pack([{ docNo: 1, date: 1, codes: [70_000, 5, 300], score: 0 }]),
      wide,
      options,
    );
    expect(tally).toMatchObject({
      total: 1,
      facets: {
        place: [
          { value: 'A', count: 1 },
          { value: 'B', count: 1 },
        ],
        kind: [{ value: 'blog', count: 1 }],
      },
    });
  });

  it('lists at most FACET_LIMIT values a facet, most frequent first', () => {
    const many = facetDictionary(
      Array.from({ length: 30 }, (_, i) => ({ code: i + 1, facet: 'place', value: `P${i + 1}` })),
    );
    const matches = Array.from({ length: 30 }, (_, i) => ({
      docNo: i + 1,
      date: 0,
      codes: Array.from({ length: i + 1 }, (_, j) => j + 1),
      score: 0,
    }));
    const tally = tallyMatches(pack(matches), many, options);
    if ('unknownCode' in tally) throw new Error('unexpected');
    expect(tally.facets.place).toHaveLength(FACET_LIMIT);
    expect(tally.facets.place?.[0]).toEqual({ value: 'P1', count: 30 });
    expect(tally.facets.place?.at(-1)).toEqual({
      value: `P${FACET_LIMIT}`,
      count: 30 - FACET_LIMIT + 1,
    });
  });

  it('leaves out the facet whose counts come from elsewhere, and withFacet puts them in', () => {
    const tally = tallyMatches(pack([{ docNo: 1, date: 1, codes: [1, 4], score: 0 }]), dictionary, {
      ...options,
      filters: new Map([['place', [4]]]),
      skipFacet: 'place',
    });
    if ('unknownCode' in tally) throw new Error('unexpected');
    expect(tally.facets.place).toBeUndefined();
    const merged = withFacet(tally.facets, 'place', [
      { value: 'Velsen', count: 1 },
      { value: 'Haarlem', count: 3 },
      { value: 'Zwolle', count: 0 },
    ]);
    expect(merged.place).toEqual([
      { value: 'Haarlem', count: 3 },
      { value: 'Velsen', count: 1 },
    ]);
    expect(merged.kind).toEqual([{ value: 'blog', count: 1 }]);
  });

  // The rules combine (OR within a facet, AND across, each facet ignoring its own filter, the
  // page order), so they are checked against a plain reading of them.
  it('agrees with counting match by match, for any matches and filters', () => {
    const codeArb = fc.integer({ min: 1, max: 9 });
    const matchesArb = fc
      .array(
        fc.record({
          date: fc.integer({ min: 0, max: 5 }),
          codes: fc.uniqueArray(codeArb, { maxLength: 5 }),
          score: fc.constantFrom(0, 0.25, 0.5),
        }),
        { maxLength: 40 },
      )
      .map((list) => list.map((m, i) => ({ ...m, docNo: 100 - i })));
    const filtersArb = fc.record({
      kind: fc.option(fc.uniqueArray(fc.integer({ min: 1, max: 3 }), { maxLength: 2 })),
      place: fc.option(fc.uniqueArray(fc.integer({ min: 4, max: 7 }), { maxLength: 3 })),
      year: fc.option(fc.uniqueArray(fc.integer({ min: 8, max: 9 }), { maxLength: 1 })),
    });
    fc.assert(
      fc.property(
        matchesArb,
        filtersArb,
        fc.boolean(),
        fc.integer({ min: 0, max: 5 }),
        fc.integer({ min: 1, max: 8 }),
        (matches, chosen, byScore, offset, limit) => {
          const filters = new Map<SearchFacetName, number[]>();
          for (const facet of ['kind', 'place', 'year'] as const) {
            const codes = chosen[facet];
            if (codes !== null) filters.set(facet, codes);
          }
          const tally = tallyMatches(pack(matches), dictionary, {
            filters,
            byScore,
            limit,
            offset,
            skipFacet: null,
          });
          if ('unknownCode' in tally) throw new Error('unexpected');

          const passes = (m: Match, except: SearchFacetName | null) =>
            [...filters].every(
              ([facet, codes]) => facet === except || m.codes.some((c) => codes.includes(c)),
            );
          const passing = matches.filter((m) => passes(m, null));
          expect(tally.total).toBe(passing.length);
          const ordered = [...passing].sort(
            (a, b) => (byScore ? b.score - a.score : 0) || b.date - a.date || a.docNo - b.docNo,
          );
          expect(tally.page).toEqual(ordered.slice(offset, offset + limit).map((m) => m.docNo));
          for (let code = 1; code <= 9; code++) {
            const facet = facetOf(code);
            const expected = matches.filter(
              (m) => m.codes.includes(code) && passes(m, facet),
            ).length;
            const listed = tally.facets[facet]?.find(
              (v) => v.value === dictionary.byCode.get(code)!.value,
            );
            expect(listed?.count ?? 0).toBe(expected);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
