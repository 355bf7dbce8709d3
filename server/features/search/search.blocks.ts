// The app's copy of knowledge_search_blocks, and the matches of words, -word and OR worked out
// from it and knowledge_search_words (ADR 0004, docs/search.md "How it runs"). PostgreSQL sends
// the entries of the query's words (2 bytes per item) and any block whose version changed; this
// module combines them into the match columns search.matches.ts counts. Nothing here touches the
// database.
import {
  MatchColumnsWriter,
  packedValue,
  readPacked,
  type MatchColumns,
} from './search.matches.ts';

/** doc_no bits per block (migration 0009): a block holds doc_nos block * 2048 … block * 2048 + 2047. */
export const BLOCK_BITS = 11;
const BLOCK_SIZE = 1 << BLOCK_BITS;

/** One block as the search reads it: per offset (doc_no & 2047) the item's date, codes and readers. */
export interface BlockView {
  block: number;
  version: string;
  /** Per offset: 1 when the block has an item there. */
  present: Uint8Array;
  /** Per offset: the date in microseconds. */
  date: Float64Array;
  /** Per offset: its codes are codes[codeStart[offset]] up to codes[codeStart[offset + 1]]. */
  codeStart: Int32Array;
  codes: Int32Array;
  /** Per offset: 1 when everyone may read the item. */
  open: Uint8Array;
  /** Per offset: the organisation's number in BlockCache.orgs. */
  org: Int32Array;
}

/** The blocks last read from one database, and a number per organisation uuid seen in them. */
export interface BlockCache {
  blocks: Map<number, BlockView>;
  orgs: Map<string, number>;
}

/** Bytes after each packed value in a block: the open flag and the organisation's uuid. */
const TRAILER_BYTES = 17;

const brokenBlock = (block: number, why: string) =>
  new Error(`knowledge_search_blocks row ${block} is malformed: ${why}`);

/**
 * Reads a block's rows (migration 0009: per item its packed value, an open byte and the
 * organisation's uuid, in doc_no order) into a BlockView, decoding every item's codes once, and
 * numbering organisations in `orgs`.
 */
export function decodeBlock(
  block: number,
  version: string,
  rows: Buffer,
  orgs: Map<string, number>,
): BlockView {
  const present = new Uint8Array(BLOCK_SIZE);
  const date = new Float64Array(BLOCK_SIZE);
  const open = new Uint8Array(BLOCK_SIZE);
  const org = new Int32Array(BLOCK_SIZE);
  const perOffset: Int32Array[] = [];
  const value = packedValue();
  const broken = (why: 'truncated' | 'overlong') =>
    brokenBlock(
      block,
      why === 'truncated' ? 'it ends inside an item' : 'a number is longer than five bytes',
    );
  let at = 0;
  let total = 0;
  while (at < rows.length) {
    readPacked(rows, at, value, broken);
    const docNo = value.docNo;
    if (docNo >> BLOCK_BITS !== block) throw brokenBlock(block, `doc_no ${docNo} is not in it`);
    const offset = docNo & (BLOCK_SIZE - 1);
    date[offset] = value.date;
    perOffset[offset] = value.codes.slice(0, value.count);
    total += value.count;
    at = value.end;
    if (at + TRAILER_BYTES > rows.length) throw brokenBlock(block, 'it ends inside an item');
    present[offset] = 1;
    open[offset] = rows[at] === 1 ? 1 : 0;
    const uuid = rows.toString('hex', at + 1, at + TRAILER_BYTES);
    let number = orgs.get(uuid);
    if (number === undefined) {
      number = orgs.size + 1;
      orgs.set(uuid, number);
    }
    org[offset] = number;
    at += TRAILER_BYTES;
  }
  const codeStart = new Int32Array(BLOCK_SIZE + 1);
  const codes = new Int32Array(total);
  let next = 0;
  for (let offset = 0; offset < BLOCK_SIZE; offset++) {
    codeStart[offset] = next;
    const own = perOffset[offset];
    if (own) {
      codes.set(own, next);
      next += own.length;
    }
  }
  codeStart[BLOCK_SIZE] = next;
  return { block, version, present, date, codeStart, codes, open, org };
}

/** The numbers of the viewer's organisations (0 for one that owns no item in the blocks). */
export function orgNumbers(
  orgs: ReadonlyMap<string, number>,
  orgIds: readonly string[],
): Set<number> {
  return new Set(orgIds.map((id) => orgs.get(id.replaceAll('-', '').toLowerCase()) ?? 0));
}

/** One row of the postings statement: a query word's entries in one block. */
export interface PostingRow {
  /** Which query word (0-based) the entries are for. */
  term: number;
  block: number;
  /** Big-endian int2 entries, (doc_no & 2047) * 4 + where the word is. */
  docs: Buffer;
}

/** What a word scores by where it is (entry & 3): elsewhere, summary, title (the title counts double). */
export const PLACE_WEIGHTS: readonly number[] = [0, 0.5, 1, 0];

/** Seconds over which the recency bonus halves (as the SQL ranking, search.repo.ts BONUS). */
const BONUS_SECONDS = 2 * 365.25 * 86400;

/** A word of a query alternative: its term (as numbered in the postings) and whether it is excluded. */
export interface Literal {
  term: number;
  negated: boolean;
}

export interface CollectOptions {
  /** The blocks that can hold a match (blocksToRead), all of them when browsing. */
  blocks: ReadonlyMap<number, BlockView>;
  /**
   * The query as websearch_to_tsquery reads it: alternatives (OR), each of words that must all
   * hold (AND), a negated one by being absent. Null to take every readable item (browsing).
   */
  alternatives: readonly (readonly Literal[])[] | null;
  postings: readonly PostingRow[];
  /** The viewer's organisation numbers (orgNumbers): their items are readable too. */
  readers: ReadonlySet<number>;
  /** Whether to score the matches (relevance); otherwise every score is 0. */
  scored: boolean;
  /** The time the recency bonus counts from, in milliseconds. */
  now: number;
}

/**
 * Which blocks can hold a match of the alternatives: every block when an alternative has no
 * word that must be present; otherwise those where, for some alternative, each such word has
 * entries (`termsIn` lists the terms having entries in a block).
 */
export function blocksToRead(
  alternatives: readonly (readonly Literal[])[],
  termsIn: ReadonlyMap<number, ReadonlySet<number>>,
): ((block: number) => boolean) | null {
  const required = alternatives.map((literals) =>
    literals.filter((literal) => !literal.negated).map((literal) => literal.term),
  );
  if (required.some((terms) => terms.length === 0)) return null;
  return (block) => {
    const present = termsIn.get(block);
    return present !== undefined && required.some((terms) => terms.every((t) => present.has(t)));
  };
}

// One set of columns for the collected matches of every search: the counting runs synchronously
// right after collecting, so no two searches use them at once.
const collected = new MatchColumnsWriter();

/**
 * Returns the readable items matching one of the alternatives (or, for browsing, every readable
 * item) as columns for tallyColumns, scored by the best alternative's sum of its present words'
 * PLACE_WEIGHTS times the recency bonus. Valid until the next call.
 */
export function collectMatches(options: CollectOptions): MatchColumns {
  const { blocks, alternatives, readers } = options;
  let termCount = 0;
  for (const literals of alternatives ?? []) {
    for (const { term } of literals) termCount = Math.max(termCount, term + 1);
  }
  const rowsByBlock = new Map<number, PostingRow[]>();
  for (const row of options.postings) {
    const rows = rowsByBlock.get(row.block) ?? [];
    rows.push(row);
    rowsByBlock.set(row.block, rows);
  }
  const order = [...blocks.keys()].sort((a, b) => a - b);
  // Per term, the best place of the word per offset in the current block (-1: absent).
  const places = Array.from({ length: termCount }, () => new Int8Array(BLOCK_SIZE));
  const nowSeconds = options.now / 1000;
  const columns = collected.reset();
  for (const number of order) {
    const view = blocks.get(number);
    if (!view) continue;
    if (alternatives !== null) {
      for (const place of places) place.fill(-1);
      for (const row of rowsByBlock.get(number) ?? []) {
        const best = places[row.term];
        if (!best) continue;
        const docs = row.docs;
        for (let i = 0; i + 1 < docs.length; i += 2) {
          const entry = (docs[i] ?? 0) * 256 + (docs[i + 1] ?? 0);
          const offset = entry >> 2;
          const place = entry & 3;
          if (place > (best[offset] ?? -1)) best[offset] = place;
        }
      }
    }
    const base = number * BLOCK_SIZE;
    for (let offset = 0; offset < BLOCK_SIZE; offset++) {
      if (view.present[offset] !== 1) continue;
      if (view.open[offset] !== 1 && !readers.has(view.org[offset] ?? 0)) continue;
      let weight = 0;
      if (alternatives !== null) {
        weight = -1;
        for (const literals of alternatives) {
          let sum = 0;
          let holds = literals.length > 0;
          for (const { term, negated } of literals) {
            const place = places[term]?.[offset] ?? -1;
            if (negated ? place >= 0 : place < 0) {
              holds = false;
              break;
            }
            if (!negated) sum += PLACE_WEIGHTS[place] ?? 0;
          }
          if (holds && sum > weight) weight = sum;
        }
        if (weight < 0) continue;
      }
      const date = view.date[offset] ?? 0;
      let score = 0;
      if (options.scored && alternatives !== null) {
        score = weight * (1 + 0.1 / (1 + (nowSeconds - date / 1e6) / BONUS_SECONDS));
      }
      collected.push(
        base + offset,
        date,
        score,
        view.codes,
        view.codeStart[offset] ?? 0,
        view.codeStart[offset + 1] ?? 0,
      );
    }
  }
  return columns;
}
