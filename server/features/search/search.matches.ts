// Counting the matches of a search (docs/search.md, "How it runs"). The readable matches come as
// columns with their scores, read from PostgreSQL's packed strings (matchColumns) or collected by
// search.blocks.ts, and this module counts the facets and picks the page from them. Grouping text
// values per facet in SQL cost about 1 µs per match and facet; here a match costs a few array
// reads, so the 27 000 matches of a word in a quarter of 100 000 items are counted in a few
// milliseconds. Nothing here touches the database.
import { searchFacetNames, type SearchFacetName } from '../../../common/knowledge.ts';

/** Most values a facet lists, most frequent first. */
export const FACET_LIMIT = 20;

/** What a facet value number (knowledge_facet_values.code) stands for. */
export interface FacetValue {
  facet: SearchFacetName;
  value: string;
}

/** The numbers of the facet values, as the search reads them from knowledge_facet_values. */
export interface FacetDictionary {
  byCode: ReadonlyMap<number, FacetValue>;
  byValue: ReadonlyMap<string, number>;
  /** The highest number in the dictionary. */
  maxCode: number;
}

// A facet's index here is its bit in the masks of tallyColumns.
const FACETS: readonly SearchFacetName[] = searchFacetNames;

const valueKey = (facet: SearchFacetName, value: string) => `${facet}\u0000${value}`;

/** Builds the dictionary from its rows; a facet name the search does not know is left out. */
export function facetDictionary(
  rows: readonly { code: number; facet: string; value: string }[],
): FacetDictionary {
  const byCode = new Map<number, FacetValue>();
  const byValue = new Map<string, number>();
  let maxCode = 0;
  for (const row of rows) {
    const facet = FACETS.find((name) => name === row.facet);
    if (facet === undefined) continue;
    byCode.set(row.code, { facet, value: row.value });
    byValue.set(valueKey(facet, row.value), row.code);
    maxCode = Math.max(maxCode, row.code);
  }
  return { byCode, byValue, maxCode };
}

/** The number of a facet value, or undefined when no item ever had it. */
export function codeOf(
  dictionary: FacetDictionary,
  facet: SearchFacetName,
  value: string,
): number | undefined {
  return dictionary.byValue.get(valueKey(facet, value));
}

/** The filters of a search as facet value numbers: values within a facet OR, facets AND. */
export type CodeFilters = ReadonlyMap<SearchFacetName, readonly number[]>;

/** Facets with at least one value; a facet without values is missing. */
export type FacetCounts = Partial<Record<SearchFacetName, { value: string; count: number }[]>>;

export interface TallyOptions {
  filters: CodeFilters;
  /** Whether the page is ordered by the score before the date. */
  byScore: boolean;
  limit: number;
  offset: number;
  /** A facet whose counts come from elsewhere (browsing with one filter): not counted here. */
  skipFacet: SearchFacetName | null;
}

export type Tally =
  | {
      /** Matches passing every filter. */
      total: number;
      /** doc_no of the page's matches, in page order. */
      page: number[];
      facets: FacetCounts;
    }
  | {
      /** A number the dictionary does not know yet: reload it and tally again. */
      unknownCode: number;
    };

/** Bytes of a packed value before its codes: doc_no (int4) and date in microseconds (int8). */
const HEAD_BYTES = 12;
const SCORE_BYTES = 4;

const truncated = () => new Error('the packed matches end inside a match');

/** One packed value (knowledge_search.packed, migration 0008) as readPacked reads it. */
export interface PackedValue {
  docNo: number;
  /** Microseconds since 1970. */
  date: number;
  /** How many codes; they are codes[0] up to codes[count], ascending. */
  count: number;
  codes: Int32Array;
  /** Where the bytes after the value start. */
  end: number;
}

/** A fresh PackedValue for readPacked to fill. */
export function packedValue(): PackedValue {
  return { docNo: 0, date: 0, count: 0, codes: new Int32Array(64), end: 0 };
}

/**
 * Reads the packed value starting at `at` into `into` (growing its codes): doc_no (int4), date
 * in microseconds (int8), the number of codes and each code's difference from the previous one
 * (LEB128 varints, codes ascending); numbers big-endian. `broken` makes the error for bytes that
 * end inside the value or a number longer than five bytes. The one reader of the format, for the
 * SQL path's matches and the cached blocks alike.
 */
export function readPacked(
  bytes: Buffer,
  at: number,
  into: PackedValue,
  broken: (why: 'truncated' | 'overlong') => Error,
): void {
  const length = bytes.length;
  if (at + HEAD_BYTES > length) throw broken('truncated');
  into.docNo = bytes.readInt32BE(at);
  into.date = bytes.readInt32BE(at + 4) * 2 ** 32 + bytes.readUInt32BE(at + 8);
  let next = at + HEAD_BYTES;
  const varint = (): number => {
    let value = 0;
    for (let shift = 0; shift <= 35; shift += 7) {
      if (next >= length) throw broken('truncated');
      const byte = bytes[next++] ?? 0;
      value += (byte & 127) * 2 ** shift;
      if (byte < 128) return value;
    }
    throw broken('overlong');
  };
  const count = varint();
  if (count > into.codes.length) into.codes = new Int32Array(count);
  let code = 0;
  for (let i = 0; i < count; i++) {
    code += varint();
    into.codes[i] = code;
  }
  into.count = count;
  into.end = next;
}

/**
 * Matches as columns, the form tallyColumns counts: per match its doc_no, date in
 * microseconds, score, and its codes (ascending) at codes[codeStart[i]] up to codes[codeStart[i + 1]].
 */
export interface MatchColumns {
  count: number;
  docNo: Int32Array;
  date: Float64Array;
  score: Float32Array;
  /** count + 1 entries. */
  codeStart: Int32Array;
  codes: Int32Array;
}

/** Columns that grow as matches are appended; one search at a time fills them. */
export class MatchColumnsWriter {
  // One object whose arrays are replaced as they grow, so what reset() returned stays valid.
  private readonly columns: MatchColumns = {
    count: 0,
    docNo: new Int32Array(1024),
    date: new Float64Array(1024),
    score: new Float32Array(1024),
    codeStart: new Int32Array(1025),
    codes: new Int32Array(8192),
  };

  /** Empties the columns for a new search and returns them. */
  reset(): MatchColumns {
    this.columns.count = 0;
    this.columns.codeStart[0] = 0;
    return this.columns;
  }

  /** Appends a match whose codes are `codes[from]` up to `codes[to]`. */
  push(
    docNo: number,
    date: number,
    score: number,
    codes: Int32Array,
    from: number,
    to: number,
  ): void {
    const c = this.columns;
    this.grow(to - from);
    const i = c.count;
    c.docNo[i] = docNo;
    c.date[i] = date;
    c.score[i] = score;
    const at = c.codeStart[i] ?? 0;
    for (let k = from; k < to; k++) c.codes[at + k - from] = codes[k] ?? 0;
    c.codeStart[i + 1] = at + (to - from);
    c.count = i + 1;
  }

  // Makes room for one more match with `codes` codes, keeping what is there.
  private grow(codes: number): void {
    const c = this.columns;
    if (c.count + 1 >= c.docNo.length) {
      const size = c.docNo.length * 2;
      const docNo = new Int32Array(size);
      docNo.set(c.docNo);
      c.docNo = docNo;
      const date = new Float64Array(size);
      date.set(c.date);
      c.date = date;
      const score = new Float32Array(size);
      score.set(c.score);
      c.score = score;
      const codeStart = new Int32Array(size + 1);
      codeStart.set(c.codeStart);
      c.codeStart = codeStart;
    }
    const needed = (c.codeStart[c.count] ?? 0) + codes;
    if (needed > c.codes.length) {
      const grown = new Int32Array(Math.max(needed, c.codes.length * 2));
      grown.set(c.codes);
      c.codes = grown;
    }
  }
}

// One set of columns for every search: the counting runs synchronously right after they are
// filled, so no two searches use them at once.
const packedColumns = new MatchColumnsWriter();

/**
 * Reads packed matches into columns (valid until the next call): per match its packed value
 * (readPacked), then its score (float4, big-endian).
 */
export function matchColumns(packed: Buffer): MatchColumns {
  const columns = packedColumns.reset();
  const value = packedValue();
  const broken = (why: 'truncated' | 'overlong') =>
    why === 'truncated' ? truncated() : new Error('a packed number is longer than five bytes');
  let at = 0;
  while (at < packed.length) {
    readPacked(packed, at, value, broken);
    at = value.end;
    if (at + SCORE_BYTES > packed.length) throw truncated();
    const score = packed.readFloatBE(at);
    at += SCORE_BYTES;
    packedColumns.push(value.docNo, value.date, score, value.codes, 0, value.count);
  }
  return columns;
}

/** Counts packed matches (matchColumns, then tallyColumns). */
export function tallyMatches(
  packed: Buffer,
  dictionary: FacetDictionary,
  options: TallyOptions,
): Tally {
  return tallyColumns(matchColumns(packed), dictionary, options);
}

/**
 * Counts the facets of the matches and returns the total and page of the matches passing every
 * filter. A facet's counts apply every other facet's filter but not its own, so they say what
 * choosing a value would add. Ties in score go to the newer match, then the lower doc_no.
 */
export function tallyColumns(
  matches: MatchColumns,
  dictionary: FacetDictionary,
  options: TallyOptions,
): Tally {
  const size = dictionary.maxCode + 1;
  // Per code: which facet it belongs to (bit index), whether it is known, whether a filter
  // selects it.
  const facetBit = new Uint8Array(size);
  const known = new Uint8Array(size);
  for (const [code, { facet }] of dictionary.byCode) {
    facetBit[code] = FACETS.indexOf(facet);
    known[code] = 1;
  }
  const selected = new Uint8Array(size);
  let filterMask = 0;
  for (const [facet, codes] of options.filters) {
    filterMask |= 1 << FACETS.indexOf(facet);
    for (const code of codes) if (code > 0 && code < size) selected[code] = 1;
  }
  const skipBit = options.skipFacet === null ? -1 : FACETS.indexOf(options.skipFacet);

  const counts = new Int32Array(size);
  const page = new TopMatches(options.offset + options.limit, options.byScore);
  let total = 0;
  const { codeStart, codes } = matches;
  for (let m = 0; m < matches.count; m++) {
    const from = codeStart[m] ?? 0;
    const to = codeStart[m + 1] ?? from;
    let passMask = 0;
    for (let i = from; i < to; i++) {
      const code = codes[i] ?? 0;
      if (known[code] !== 1) return { unknownCode: code };
      if (selected[code] === 1) passMask |= 1 << (facetBit[code] ?? 0);
    }
    const failMask = filterMask & ~passMask;
    if (failMask === 0) {
      total += 1;
      page.offer(matches.docNo[m] ?? 0, matches.score[m] ?? 0, matches.date[m] ?? 0);
      for (let i = from; i < to; i++) {
        const c = codes[i] ?? 0;
        if (facetBit[c] !== skipBit) counts[c] = (counts[c] ?? 0) + 1;
      }
    } else if ((failMask & (failMask - 1)) === 0) {
      // Failing exactly one filter: the match counts for that facet's other values only.
      for (let i = from; i < to; i++) {
        const c = codes[i] ?? 0;
        const bit = facetBit[c] ?? 0;
        if (1 << bit === failMask && bit !== skipBit) counts[c] = (counts[c] ?? 0) + 1;
      }
    }
  }
  return {
    total,
    page: page.inOrder().slice(options.offset),
    facets: facetsOf(counts, dictionary),
  };
}

function facetsOf(counts: Int32Array, dictionary: FacetDictionary): FacetCounts {
  const lists = new Map<SearchFacetName, { value: string; count: number }[]>();
  for (const [code, { facet, value }] of dictionary.byCode) {
    const count = counts[code] ?? 0;
    if (count === 0) continue;
    const list = lists.get(facet) ?? [];
    list.push({ value, count });
    lists.set(facet, list);
  }
  const facets: FacetCounts = {};
  for (const [facet, list] of lists) {
    // Values in code point order on equal counts, as PostgreSQL's C collation sorts them.
    list.sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
    facets[facet] = list.slice(0, FACET_LIMIT);
  }
  return facets;
}

/** Merges counts from elsewhere (the counts table) into a facet, replacing what was there. */
export function withFacet(
  facets: FacetCounts,
  facet: SearchFacetName,
  rows: readonly { value: string; count: number }[],
): FacetCounts {
  const list = rows
    .filter((row) => row.count > 0)
    .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0))
    .slice(0, FACET_LIMIT);
  const next: FacetCounts = { ...facets };
  if (list.length > 0) next[facet] = list;
  else delete next[facet];
  return next;
}

// The best `size` matches seen so far, as a heap whose root is the worst of them, so each further
// match costs one comparison unless it belongs on the page.
class TopMatches {
  private readonly docNos: number[] = [];
  private readonly scores: number[] = [];
  private readonly dates: number[] = [];
  private readonly size: number;
  private readonly byScore: boolean;

  constructor(size: number, byScore: boolean) {
    this.size = size;
    this.byScore = byScore;
  }

  // Whether a match (score, date, doc_no) ranks before the kept match at i on the page.
  private ranksBefore(score: number, date: number, docNo: number, i: number): boolean {
    if (this.byScore) {
      const other = this.scores[i] ?? 0;
      if (score !== other) return score > other;
    }
    const otherDate = this.dates[i] ?? 0;
    if (date !== otherDate) return date > otherDate;
    return docNo < (this.docNos[i] ?? 0);
  }

  // Whether kept match a ranks before kept match b.
  private before(a: number, b: number): boolean {
    return this.ranksBefore(this.scores[a] ?? 0, this.dates[a] ?? 0, this.docNos[a] ?? 0, b);
  }

  private swap(a: number, b: number): void {
    const { docNos, scores, dates } = this;
    [docNos[a], docNos[b]] = [docNos[b] ?? 0, docNos[a] ?? 0];
    [scores[a], scores[b]] = [scores[b] ?? 0, scores[a] ?? 0];
    [dates[a], dates[b]] = [dates[b] ?? 0, dates[a] ?? 0];
  }

  offer(docNo: number, score: number, date: number): void {
    if (this.size <= 0) return;
    const n = this.docNos.length;
    if (n < this.size) {
      this.docNos.push(docNo);
      this.scores.push(score);
      this.dates.push(date);
      let i = n;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!this.before(parent, i)) break;
        this.swap(parent, i);
        i = parent;
      }
      return;
    }
    // Only a match ranking before the worst kept one (the root) replaces it.
    if (!this.ranksBefore(score, date, docNo, 0)) return;
    this.docNos[0] = docNo;
    this.scores[0] = score;
    this.dates[0] = date;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let worst = i;
      if (left < n && this.before(worst, left)) worst = left;
      if (right < n && this.before(worst, right)) worst = right;
      if (worst === i) break;
      this.swap(i, worst);
      i = worst;
    }
  }

  inOrder(): number[] {
    const indexes = this.docNos.map((_, i) => i);
    indexes.sort((a, b) => (this.before(a, b) ? -1 : this.before(b, a) ? 1 : 0));
    return indexes.map((i) => this.docNos[i] ?? 0);
  }
}
