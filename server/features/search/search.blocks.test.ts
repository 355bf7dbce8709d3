import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  collectMatches,
  decodeBlock,
  orgNumbers,
  PLACE_WEIGHTS,
  type BlockView,
  type PostingRow,
} from './search.blocks.ts';

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
function read(collected: Buffer): { docNo: number; score: number }[] {
  const out: { docNo: number; score: number }[] = [];
  let at = 0;
  const next = () => {
    let value = 0;
    for (let shift = 0; ; shift += 7) {
      const byte = collected[at++]!;
      value += (byte & 127) * 2 ** shift;
      if (byte < 128) return value;
    }
  };
  while (at < collected.length) {
    const docNo = collected.readInt32BE(at);
    at += 12;
    const n = next();
    for (let i = 0; i < n; i++) next();
    out.push({ docNo, score: collected.readFloatBE(at) });
    at += 4;
  }
  return out;
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
    const rows = blockRows(items);
    const view = decodeBlock(2, '7', rows, orgs);
    expect(view.start[1]).toBe(0);
    expect(rows.subarray(view.start[1], view.end[1]).equals(packed(items[0]!))).toBe(true);
    expect(view.start[6000 - 4096]).toBe(packed(items[0]!).length + 17);
    expect(view.start[2]).toBe(-1);
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
          terms: 2,
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
        terms: null,
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

  it('matches what checking each item against each word finds', () => {
    const itemArb = fc.record({
      docNo: fc.integer({ min: 0, max: 4095 }),
      ageDays: fc.integer({ min: -10, max: 4000 }),
      open: fc.boolean(),
      org: fc.constantFrom(ORG_A, ORG_B),
      // Per term: where the word is in the item (-1 absent), possibly listed twice.
      places: fc.array(fc.array(fc.integer({ min: 0, max: 2 }), { maxLength: 2 }), {
        minLength: 3,
        maxLength: 3,
      }),
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(itemArb, { selector: (item) => item.docNo, maxLength: 30 }),
        fc.integer({ min: 1, max: 3 }),
        fc.subarray([ORG_A, ORG_B]),
        fc.boolean(),
        (generated, terms, readers, scored) => {
          const list: Item[] = generated.map((g) => ({
            docNo: g.docNo,
            date: NOW - g.ageDays * DAY,
            codes: [],
            open: g.open,
            org: g.org,
          }));
          const orgs = new Map<string, number>();
          const blocks = viewsOf(list, orgs);
          const postings: PostingRow[] = [];
          for (let term = 0; term < terms; term++) {
            for (const g of generated) {
              for (const place of g.places[term] ?? []) {
                // Each occurrence in its own row, as a prefix spread over several words gives.
                postings.push(posting(term, g.docNo >> 11, [[g.docNo, place]]));
              }
            }
          }
          const got = read(
            collectMatches({
              blocks,
              terms,
              postings,
              readers: orgNumbers(orgs, readers),
              scored,
              now: NOW,
            }),
          );
          const expected = [...generated]
            .sort((a, b) => a.docNo - b.docNo)
            .filter((g) => g.open || readers.includes(g.org))
            .filter((g) => g.places.slice(0, terms).every((places) => places.length > 0))
            .map((g) => {
              const weight = g.places
                .slice(0, terms)
                .reduce((sum, places) => sum + (PLACE_WEIGHTS[Math.max(...places)] ?? 0), 0);
              const bonus = 1 + 0.1 / (1 + (g.ageDays * 86400) / (2 * 365.25 * 86400));
              return { docNo: g.docNo, score: Math.fround(scored ? weight * bonus : 0) };
            });
          expect(got).toEqual(expected);
        },
      ),
      { numRuns: 200 },
    );
  });
});
