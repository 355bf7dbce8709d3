import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  blocksToRead,
  collectMatches,
  decodeBlock,
  orgNumbers,
  PLACE_WEIGHTS,
  type BlockView,
  type Literal,
  type PostingRow,
} from './search.blocks.ts';
import type { MatchColumns } from './search.matches.ts';

const ORG_A = '11111111-2222-3333-4444-555555555555';
const ORG_B = 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee';

interface Item {
  docNo: number;
  /** Milliseconds since 1970. */
  date: number;
  codes: number[];
  open: boolean;
  org: string;
}

function varint(value: number): number[] {
  const bytes: number[] = [];
  let rest = value;
  while (rest >= 128) {
    bytes.push((rest % 128) | 128);
    rest = Math.floor(rest / 128);
  }
  bytes.push(rest);
  return bytes;
}

// The packed value of migration 0008 and the trailer of migration 0009, as PostgreSQL writes them.
function packed(item: Item): Buffer {
  const head = Buffer.alloc(12);
  head.writeInt32BE(item.docNo, 0);
  head.writeBigInt64BE(BigInt(item.date) * 1000n, 4);
  const codes = [...item.codes].sort((a, b) => a - b);
  const deltas = codes.flatMap((code, i) => varint(code - (i === 0 ? 0 : codes[i - 1]!)));
  return Buffer.concat([head, Buffer.from([...varint(codes.length), ...deltas])]);
}

function blockRows(items: Item[]): Buffer {
  return Buffer.concat(
    [...items]
      .sort((a, b) => a.docNo - b.docNo)
      .flatMap((item) => [
        packed(item),
        Buffer.from([item.open ? 1 : 0]),
        Buffer.from(item.org.replaceAll('-', ''), 'hex'),
      ]),
  );
}

function posting(term: number, block: number, entries: [docNo: number, place: number][]) {
  const docs = Buffer.alloc(entries.length * 2);
  entries.forEach(([docNo, place], i) => docs.writeInt16BE((docNo & 2047) * 4 + place, i * 2));
  return { term, block, docs } satisfies PostingRow;
}

// The collected matches as doc_no and score, in the order written.
function read(collected: MatchColumns): { docNo: number; score: number }[] {
  return Array.from({ length: collected.count }, (_, i) => ({
    docNo: collected.docNo[i]!,
    score: collected.score[i]!,
  }));
}

function viewsOf(items: Item[], orgs: Map<string, number>): Map<number, BlockView> {
  const byBlock = new Map<number, Item[]>();
  for (const item of items) {
    const list = byBlock.get(item.docNo >> 11) ?? [];
    list.push(item);
    byBlock.set(item.docNo >> 11, list);
  }
  return new Map(
    [...byBlock].map(([block, list]) => [block, decodeBlock(block, '1', blockRows(list), orgs)]),
  );
}

const NOW = Date.UTC(2026, 10, 22);
const DAY = 86_400_000;

describe('decodeBlock', () => {
  it('finds each item, whether everyone may read it, and numbers its organisation', () => {
    const orgs = new Map<string, number>();
    const items: Item[] = [
      { docNo: 4097, date: NOW, codes: [3, 300], open: true, org: ORG_A },
      { docNo: 6000, date: NOW - DAY, codes: [], open: false, org: ORG_B },
    ];
    const view = decodeBlock(2, '7', blockRows(items), orgs);
    expect([view.present[1], view.present[2], view.present[6000 - 4096]]).toEqual([1, 0, 1]);
    expect(view.date[1]).toBe(NOW * 1000);
    const codesAt = (offset: number) => [
      ...view.codes.subarray(view.codeStart[offset], view.codeStart[offset + 1]),
    ];
    expect(codesAt(1)).toEqual([3, 300]);
    expect(codesAt(6000 - 4096)).toEqual([]);
    expect(codesAt(2)).toEqual([]);
    expect([view.open[1], view.open[6000 - 4096]]).toEqual([1, 0]);
    expect([...orgNumbers(orgs, [ORG_B.toUpperCase()])]).toEqual([view.org[6000 - 4096]]);
    expect([...orgNumbers(orgs, ['99999999-2222-3333-4444-555555555555'])]).toEqual([0]);
  });

  it('refuses an item of another block and rows that end inside an item', () => {
    const item: Item = { docNo: 10, date: NOW, codes: [1], open: true, org: ORG_A };
    expect(() => decodeBlock(1, '1', blockRows([item]), new Map())).toThrow(/doc_no 10/);
    const rows = blockRows([item]);
    expect(() => decodeBlock(0, '1', rows.subarray(0, rows.length - 3), new Map())).toThrow(
      /ends inside an item/,
    );
  });
});

describe('collectMatches', () => {
  const items: Item[] = [
    { docNo: 1, date: NOW - 10 * DAY, codes: [1], open: true, org: ORG_A },
    { docNo: 2, date: NOW - 20 * DAY, codes: [2], open: true, org: ORG_A },
    { docNo: 3, date: NOW - 30 * DAY, codes: [1, 2], open: false, org: ORG_B },
    { docNo: 2050, date: NOW - 5 * DAY, codes: [], open: true, org: ORG_B },
  ];

  it('keeps items having every word, readable by the viewer, scored by where the words are', () => {
    const orgs = new Map<string, number>();
    const blocks = viewsOf(items, orgs);
    const postings = [
      posting(0, 0, [
        [1, 2],
        [2, 0],
        [3, 1],
      ]),
      posting(0, 0, [[2, 1]]),
      posting(1, 0, [
        [1, 0],
        [2, 0],
        [3, 0],
      ]),
      posting(0, 1, [[2050, 2]]),
    ];
    const collect = (readers: string[]) =>
      read(
        collectMatches({
          blocks,
          alternatives: [
            [
              { term: 0, negated: false },
              { term: 1, negated: false },
            ],
          ],
          postings,
          readers: orgNumbers(orgs, readers),
          scored: true,
          now: NOW,
        }),
      );
    const visitor = collect([]);
    // 2050 lacks the second word; 3 belongs to an organisation the visitor is not in.
    expect(visitor.map(({ docNo }) => docNo)).toEqual([1, 2]);
    // The title (1) beats the summary (0.5, the best of item 2's two rows); a little for recency.
    expect(visitor[0]!.score).toBeGreaterThan(1);
    expect(visitor[0]!.score).toBeLessThan(1.1);
    expect(visitor[1]!.score).toBeGreaterThan(0.5);
    expect(visitor[1]!.score).toBeLessThan(0.55);
    expect(collect([ORG_B]).map(({ docNo }) => docNo)).toEqual([1, 2, 3]);
  });

  it('takes every readable item, unscored, when browsing', () => {
    const orgs = new Map<string, number>();
    const blocks = viewsOf(items, orgs);
    const all = read(
      collectMatches({
        blocks,
        alternatives: null,
        postings: [],
        readers: new Set(),
        scored: true,
        now: NOW,
      }),
    );
    expect(all).toEqual([
      { docNo: 1, score: 0 },
      { docNo: 2, score: 0 },
      { docNo: 2050, score: 0 },
    ]);
  });

  it('excludes items having a negated word, and takes the best of the alternatives', () => {
    const orgs = new Map<string, number>();
    const blocks = viewsOf(items, orgs);
    // (word 0 and not word 1) or word 2
    const alternatives: Literal[][] = [
      [
        { term: 0, negated: false },
        { term: 1, negated: true },
      ],
      [{ term: 2, negated: false }],
    ];
    const postings = [
      posting(0, 0, [
        [1, 1],
        [2, 2],
      ]),
      posting(1, 0, [[2, 0]]),
      posting(2, 0, [[2, 2]]),
      posting(2, 1, [[2050, 1]]),
    ];
    const got = read(
      collectMatches({
        blocks,
        alternatives,
        postings,
        readers: new Set(),
        scored: true,
        now: NOW,
      }),
    );
    expect(got.map(({ docNo }) => docNo)).toEqual([1, 2, 2050]);
    // Item 2 fails the first alternative (it has word 1) and scores by the second: its title.
    expect(got[1]!.score).toBeGreaterThan(1);
    expect(got[0]!.score).toBeLessThan(0.55);
  });

  it('reads only blocks where some alternative has every word it needs', () => {
    const termsIn = new Map([
      [0, new Set([0, 1])],
      [1, new Set([0])],
      [2, new Set([2])],
    ]);
    const both = blocksToRead(
      [
        [
          { term: 0, negated: false },
          { term: 1, negated: false },
        ],
        [{ term: 2, negated: false }],
      ],
      termsIn,
    );
    expect([0, 1, 2, 3].filter((block) => both?.(block))).toEqual([0, 2]);
    // An alternative of negated words alone can match in any block.
    expect(blocksToRead([[{ term: 1, negated: true }]], termsIn)).toBeNull();
  });

  it('matches what checking each item against each alternative finds', () => {
    const itemArb = fc.record({
      docNo: fc.integer({ min: 0, max: 4095 }),
      ageDays: fc.integer({ min: -10, max: 4000 }),
      open: fc.boolean(),
      org: fc.constantFrom(ORG_A, ORG_B),
      // Per term: where the word is in the item (absent when empty), possibly listed twice.
      places: fc.array(fc.array(fc.integer({ min: 0, max: 2 }), { maxLength: 2 }), {
        minLength: 3,
        maxLength: 3,
      }),
    });
    const literalArb = fc.record({ term: fc.integer({ min: 0, max: 2 }), negated: fc.boolean() });
    fc.assert(
      fc.property(
        fc.uniqueArray(itemArb, { selector: (item) => item.docNo, maxLength: 30 }),
        fc.array(fc.array(literalArb, { minLength: 1, maxLength: 3 }), {
          minLength: 1,
          maxLength: 3,
        }),
        fc.subarray([ORG_A, ORG_B]),
        fc.boolean(),
        (generated, alternatives, readers, scored) => {
          const list: Item[] = generated.map((g) => ({
            docNo: g.docNo,
            date: NOW - g.ageDays * DAY,
            codes: [],
            open: g.open,
            org: g.org,
          }));
          const orgs = new Map<string, number>();
          const all = viewsOf(list, orgs);
          const postings: PostingRow[] = [];
          for (let term = 0; term < 3; term++) {
            for (const g of generated) {
              for (const place of g.places[term] ?? []) {
                // Each occurrence in its own row, as a prefix spread over several words gives.
                postings.push(posting(term, g.docNo >> 11, [[g.docNo, place]]));
              }
            }
          }
          const termsIn = new Map<number, Set<number>>();
          for (const row of postings) {
            termsIn.set(row.block, (termsIn.get(row.block) ?? new Set()).add(row.term));
          }
          const needed = blocksToRead(alternatives, termsIn);
          const blocks = new Map([...all].filter(([block]) => needed === null || needed(block)));
          const got = read(
            collectMatches({
              blocks,
              alternatives,
              postings,
              readers: orgNumbers(orgs, readers),
              scored,
              now: NOW,
            }),
          );
          const expected = [...generated]
            .sort((a, b) => a.docNo - b.docNo)
            .filter((g) => g.open || readers.includes(g.org))
            .flatMap((g) => {
              const best = (term: number) => Math.max(-1, ...(g.places[term] ?? []));
              const weights = alternatives
                .filter((literals) =>
                  literals.every(({ term, negated }) => best(term) >= 0 !== negated),
                )
                .map((literals) =>
                  literals
                    .filter(({ negated }) => !negated)
                    .reduce((sum, { term }) => sum + (PLACE_WEIGHTS[best(term)] ?? 0), 0),
                );
              if (weights.length === 0) return [];
              const bonus = 1 + 0.1 / (1 + (g.ageDays * 86400) / (2 * 365.25 * 86400));
              const score = scored ? Math.max(...weights) * bonus : 0;
              return [{ docNo: g.docNo, score: Math.fround(score) }];
            });
          expect(got).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });
});
