// The app's copy of knowledge_search_blocks, and the matches of plain words worked out from it
// and knowledge_search_words (ADR 0004, docs/search.md "How it runs"). PostgreSQL sends the
// entries of the query's words (2 bytes per item) and any block whose version changed; this
// module combines them into the packed matches search.matches.ts counts. Nothing here touches
// the database.

/** doc_no bits per block (migration 0009): a block holds doc_nos block * 2048 … block * 2048 + 2047. */
export const BLOCK_BITS = 11;
const BLOCK_SIZE = 1 << BLOCK_BITS;

/** One block as the search reads it: where each item's packed value is, and who may read it. */
export interface BlockView {
  block: number;
  version: string;
  rows: Buffer;
  /** Per offset (doc_no & 2047): where its packed value starts in `rows`, or -1 without an item. */
  start: Int32Array;
  /** Per offset: where its packed value ends. */
  end: Int32Array;
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
/** Bytes of a packed value before its codes: doc_no (int4) and date in microseconds (int8). */
const HEAD_BYTES = 12;

const brokenBlock = (block: number, why: string) =>
  new Error(`knowledge_search_blocks row ${block} is malformed: ${why}`);

/**
 * Reads a block's rows (migration 0009: per item its packed value, an open byte and the
 * organisation's uuid, in doc_no order) into a BlockView, numbering organisations in `orgs`.
 */
export function decodeBlock(
  block: number,
  version: string,
  rows: Buffer,
  orgs: Map<string, number>,
): BlockView {
  const view: BlockView = {
    block,
    version,
    rows,
    start: new Int32Array(BLOCK_SIZE).fill(-1),
    end: new Int32Array(BLOCK_SIZE),
    open: new Uint8Array(BLOCK_SIZE),
    org: new Int32Array(BLOCK_SIZE),
  };
  let at = 0;
  const varint = (): number => {
    let value = 0;
    for (let shift = 0; shift <= 35; shift += 7) {
      if (at >= rows.length) throw brokenBlock(block, 'it ends inside a number');
      const byte = rows[at++] ?? 0;
      value += (byte & 127) * 2 ** shift;
      if (byte < 128) return value;
    }
    throw brokenBlock(block, 'a number is longer than five bytes');
  };
  while (at < rows.length) {
    if (at + HEAD_BYTES > rows.length) throw brokenBlock(block, 'it ends inside an item');
    const docNo = rows.readInt32BE(at);
    if (docNo >> BLOCK_BITS !== block) throw brokenBlock(block, `doc_no ${docNo} is not in it`);
    const offset = docNo & (BLOCK_SIZE - 1);
    const start = at;
    at += HEAD_BYTES;
    const codes = varint();
    for (let i = 0; i < codes; i++) varint();
    if (at + TRAILER_BYTES > rows.length) throw brokenBlock(block, 'it ends inside an item');
    view.start[offset] = start;
    view.end[offset] = at;
    view.open[offset] = rows[at] === 1 ? 1 : 0;
    const uuid = rows.toString('hex', at + 1, at + TRAILER_BYTES);
    let number = orgs.get(uuid);
    if (number === undefined) {
      number = orgs.size + 1;
      orgs.set(uuid, number);
    }
    view.org[offset] = number;
    at += TRAILER_BYTES;
  }
  return view;
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

export interface CollectOptions {
  /** The blocks to read; every block the postings name must be here. */
  blocks: ReadonlyMap<number, BlockView>;
  /** How many query words a match must have; null to take every readable item (browsing). */
  terms: number | null;
  postings: readonly PostingRow[];
  /** The viewer's organisation numbers (orgNumbers): their items are readable too. */
  readers: ReadonlySet<number>;
  /** Whether to score the matches (relevance); otherwise every score is 0. */
  scored: boolean;
  /** The time the recency bonus counts from, in milliseconds. */
  now: number;
}

// One buffer for the collected matches of every search, grown when a search needs more: the
// counting runs synchronously right after collecting, so no two searches use it at once.
let collected = Buffer.alloc(64 * 1024);

/**
 * Returns the readable items having every query word (or, for browsing, every readable item) in
 * the packed form tallyMatches reads: each item's packed value and its score as float4, the sum
 * of its words' PLACE_WEIGHTS times the recency bonus. Valid until the next call.
 */
export function collectMatches(options: CollectOptions): Buffer {
  const { blocks, terms, readers } = options;
  const byBlock = new Map<number, PostingRow[][]>();
  if (terms !== null) {
    for (const row of options.postings) {
      let perTerm = byBlock.get(row.block);
      if (!perTerm) {
        perTerm = Array.from({ length: terms }, () => []);
        byBlock.set(row.block, perTerm);
      }
      perTerm[row.term]?.push(row);
    }
  }
  const order = terms === null ? [...blocks.keys()] : [...byBlock.keys()];
  order.sort((a, b) => a - b);

  const hits = new Uint8Array(BLOCK_SIZE);
  const scores = new Float64Array(BLOCK_SIZE);
  const best = new Int8Array(BLOCK_SIZE);
  const nowSeconds = options.now / 1000;
  let size = 0;
  for (const number of order) {
    const view = blocks.get(number);
    if (!view) throw new Error(`block ${number} was not read`);
    if (terms !== null) {
      const perTerm = byBlock.get(number) ?? [];
      // Only items having every word can match: a block missing one has none.
      if (perTerm.some((rows) => rows.length === 0)) continue;
      hits.fill(0);
      scores.fill(0);
      for (const rows of perTerm) {
        best.fill(-1);
        for (const row of rows) {
          const docs = row.docs;
          for (let i = 0; i + 1 < docs.length; i += 2) {
            const entry = (docs[i] ?? 0) * 256 + (docs[i + 1] ?? 0);
            const offset = entry >> 2;
            const place = entry & 3;
            if (place > (best[offset] ?? -1)) best[offset] = place;
          }
        }
        for (let offset = 0; offset < BLOCK_SIZE; offset++) {
          const place = best[offset] ?? -1;
          if (place < 0) continue;
          hits[offset] = (hits[offset] ?? 0) + 1;
          scores[offset] = (scores[offset] ?? 0) + (PLACE_WEIGHTS[place] ?? 0);
        }
      }
    }
    for (let offset = 0; offset < BLOCK_SIZE; offset++) {
      const start = view.start[offset] ?? -1;
      if (start < 0) continue;
      if (terms !== null && hits[offset] !== terms) continue;
      if (view.open[offset] !== 1 && !readers.has(view.org[offset] ?? 0)) continue;
      const end = view.end[offset] ?? start;
      let score = 0;
      if (options.scored && terms !== null) {
        const date = view.rows.readInt32BE(start + 4) * 2 ** 32 + view.rows.readUInt32BE(start + 8);
        const bonus = 1 + 0.1 / (1 + (nowSeconds - date / 1e6) / BONUS_SECONDS);
        score = (scores[offset] ?? 0) * bonus;
      }
      const needed = size + (end - start) + 4;
      if (collected.length < needed) {
        const grown = Buffer.alloc(Math.max(needed, collected.length * 2));
        collected.copy(grown, 0, 0, size);
        collected = grown;
      }
      size += view.rows.copy(collected, size, start, end);
      size = collected.writeFloatBE(score, size);
    }
  }
  return collected.subarray(0, size);
}
