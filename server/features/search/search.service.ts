// Searching the knowledge base (docs/search.md): Dutch words first, title trigrams when the words
// find (almost) nothing, always only what the viewer may read (knowledge.viewer.ts). Words,
// -word, OR and filtered browsing are matched here from word entries and the cached blocks
// (search.blocks.ts, ADR 0004); other queries are matched and ranked by PostgreSQL. Either way
// the facets are counted and the page picked here (search.matches.ts, ADR 0003).
import {
  searchFacetNames,
  type SearchFacetName,
  type SearchQuery,
  type SearchResult,
} from '../../../common/knowledge.ts';
import type { AppContext } from '../../http/context.ts';
import type { KnowledgeViewer } from '../knowledge/knowledge.viewer.ts';
import {
  codeOf,
  facetDictionary,
  matchColumns,
  tallyColumns,
  type MatchColumns,
  withFacet,
  type FacetDictionary,
} from './search.matches.ts';
import {
  blocksToRead,
  collectMatches,
  decodeBlock,
  orgNumbers,
  type BlockCache,
  type BlockView,
  type CollectOptions,
  type Literal,
  type PostingRow,
} from './search.blocks.ts';
import {
  buildBlocksStatement,
  buildBlockVersionsStatement,
  buildBrowseStatement,
  buildDictionaryStatement,
  buildFacetCountsStatement,
  buildLexemesStatement,
  buildMatchStatement,
  buildPageStatement,
  buildPostingsStatement,
  buildQueryNodesStatement,
  buildSuggestionStatement,
  noFilters,
  packedMatches,
  runSearchTransaction,
  type PostingTerm,
  type RunStatement,
  type SearchFilters,
  type SearchHitRow,
  type SearchRow,
  type SearchStatementInput,
} from './search.repo.ts';
import { presentSearchResult } from './search.presenter.ts';
import { applySuggestions, parseQuery, wordAlternatives, type QueryWord } from './search.text.ts';

/** Fewer matches than this and a spelling suggestion is looked for. */
export const FEW_MATCHES = 3;

/** The statement input for a query, as searchKnowledge runs it first. */
export function searchStatementInput(
  viewer: KnowledgeViewer,
  query: SearchQuery,
): SearchStatementInput {
  const parsed = parseQuery(query.q);
  return {
    mode: parsed.text ? 'words' : 'browse',
    text: parsed.text,
    withoutLast: parsed.withoutLast,
    prefix: parsed.prefix,
    highlight: null,
    memberOrgIds: viewer.memberOrgIds,
    filters: {
      kind: query.kind,
      trend: query.trend,
      theme: query.theme,
      region: query.region,
      place: query.place,
      size: query.size,
      year: query.year,
    },
    sort: query.sort,
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  };
}

/** Runs work in one search transaction (search.repo.ts runInSearchTransaction). */
export type SearchTransactions = <T>(
  trigrams: boolean,
  work: (run: RunStatement) => Promise<T>,
) => Promise<T>;

/**
 * What a search keeps between searches, per database: the facet value numbers last read (they
 * only ever grow, migration 0008) and the copy of knowledge_search_blocks (migration 0009).
 */
export interface SearchCache {
  dictionary: FacetDictionary | null;
  blocks: BlockCache;
}

const caches = new WeakMap<object, SearchCache>();

/** The search cache of one database, found by its pool (or any object standing for it). */
export function searchCacheFor(owner: object): SearchCache {
  let cache = caches.get(owner);
  if (!cache) {
    cache = { dictionary: null, blocks: { blocks: new Map(), orgs: new Map() } };
    caches.set(owner, cache);
  }
  return cache;
}

/**
 * Returns one page of the items the viewer may read that match the query and filters, with
 * facet counts over all of them; when the words find fewer than FEW_MATCHES items, also the
 * closest spelling found in titles, and when they find none, the items with similar titles.
 */
export async function searchKnowledge(
  ctx: AppContext,
  viewer: KnowledgeViewer,
  query: SearchQuery,
): Promise<SearchResult> {
  const { pool } = ctx.database;
  return searchThrough(
    (trigrams, work) => runSearchTransaction(pool, trigrams, work),
    searchCacheFor(pool),
    viewer,
    query,
  );
}

/** How searchThrough may find matches; the tests compare the two paths. */
export interface SearchPaths {
  /** Whether words, "-word", OR and filtered browsing use the blocks (ADR 0004); otherwise SQL. */
  blocks: boolean;
}

/** searchKnowledge over the given transactions (the benchmark records their statements). */
export async function searchThrough(
  transact: SearchTransactions,
  cache: SearchCache,
  viewer: KnowledgeViewer,
  query: SearchQuery,
  paths: SearchPaths = { blocks: true },
): Promise<SearchResult> {
  const { input, row } = await transact(false, async (run) => {
    let ran = searchStatementInput(viewer, query);
    if (ran.mode === 'words') {
      const [nodes] = (await run(buildQueryNodesStatement(ran))) as { nodes: number }[];
      // Stop words only ("de het") parse to an empty query: browse instead of finding nothing.
      if (nodes?.nodes === 0) ran = { ...ran, mode: 'browse' };
    }
    return { input: ran, row: await runSearch(run, cache, ran, paths) };
  });
  const { words } = parseQuery(query.q);
  if (input.mode === 'browse' || row.total >= FEW_MATCHES || words.length === 0) {
    return presentSearchResult(query, row, null);
  }
  return transact(true, async (run) => {
    const found = (await run(buildSuggestionStatement(words, viewer.memberOrgIds))) as {
      typed: string;
      suggestion: string;
    }[];
    const replacements = new Map(
      found.filter((r) => fold(r.suggestion) !== fold(r.typed)).map((r) => [r.typed, r.suggestion]),
    );
    const suggestion = replacements.size > 0 ? applySuggestions(input.text, replacements) : null;
    if (row.total > 0) return presentSearchResult(query, row, suggestion);
    // The suggested words are searched like typed ones (through the GIN index, ranked), which
    // costs far less than comparing the typed words with every title; only when there is no
    // suggestion, or it finds nothing either, are similar titles looked for.
    if (suggestion !== null) {
      const suggested = await runSearch(run, cache, suggestedInput(input, suggestion), paths);
      if (suggested.total > 0) return presentSearchResult(query, suggested, suggestion);
    }
    const fuzzy = await runSearch(
      run,
      cache,
      { ...input, mode: 'fuzzy', text: words.join(' '), highlight: suggestion ?? input.text },
      paths,
    );
    return presentSearchResult(query, fuzzy, suggestion);
  });
}

async function loadDictionary(run: RunStatement, cache: SearchCache): Promise<FacetDictionary> {
  const rows = (await run(buildDictionaryStatement())) as {
    code: number;
    facet: string;
    value: string;
  }[];
  cache.dictionary = facetDictionary(rows);
  return cache.dictionary;
}

// The filters as facet value numbers; `missing` says a filtered value has no number (yet).
function codeFilters(
  filters: SearchFilters,
  dictionary: FacetDictionary,
): { codes: Map<SearchFacetName, number[]>; missing: boolean } {
  const codes = new Map<SearchFacetName, number[]>();
  let missing = false;
  for (const facet of searchFacetNames) {
    const values = filters[facet];
    if (values.length === 0) continue;
    const found: number[] = [];
    for (const value of values) {
      const code = codeOf(dictionary, facet, String(value));
      if (code === undefined) missing = true;
      else found.push(code);
    }
    codes.set(facet, found);
  }
  return { codes, missing };
}

// What collectMatches needs besides the viewer's clock: read in the search's transaction.
type BlockInputs = Omit<CollectOptions, 'scored' | 'now'>;

/**
 * Reads what a search of words, "-word" and OR, or browsing with filters, needs to find its
 * matches in the app (ADR 0004): each word's entries and the blocks the cache lacks. Null for
 * any other search (phrases, the typo fallback), or a word the parser splits in several, which
 * the SQL path matches instead.
 */
async function readFromBlocks(
  run: RunStatement,
  cache: BlockCache,
  input: SearchStatementInput,
): Promise<BlockInputs | null> {
  let alternatives: Literal[][] | null = null;
  const terms: PostingTerm[] = [];
  if (input.mode === 'words') {
    const words = wordAlternatives(input);
    if (words === null) return null;
    const flat = words.flat();
    const rows = (await run(buildLexemesStatement(flat.map(({ word }) => word)))) as {
      term: number;
      lexemes: string[];
    }[];
    const termOf = new Map<QueryWord, number>();
    for (const { term, lexemes } of rows) {
      const word = flat[term];
      if (!word || lexemes.length > 1) return null;
      const lexeme = lexemes[0];
      // A stop word has no stem and, as in websearch_to_tsquery, asks for nothing.
      if (lexeme === undefined) continue;
      termOf.set(word, terms.length);
      terms.push({ lexeme, prefix: word.prefix });
    }
    alternatives = words
      .map((literals) =>
        literals.flatMap((word) => {
          const term = termOf.get(word);
          return term === undefined ? [] : [{ term, negated: word.negated }];
        }),
      )
      .filter((literals) => literals.length > 0);
    if (alternatives.length === 0) return null;
  } else if (input.mode !== 'browse') {
    return null;
  }
  const postings: PostingRow[] = [];
  let needed: ((block: number) => boolean) | null = null;
  if (alternatives !== null) {
    const rows = (await run(buildPostingsStatement(terms))) as {
      term: number;
      block: number;
      docs: string;
    }[];
    const termsIn = new Map<number, Set<number>>();
    for (const row of rows) {
      postings.push({ term: row.term, block: row.block, docs: Buffer.from(row.docs, 'base64') });
      const present = termsIn.get(row.block) ?? new Set<number>();
      present.add(row.term);
      termsIn.set(row.block, present);
    }
    needed = blocksToRead(alternatives, termsIn);
  }
  const versions = (await run(buildBlockVersionsStatement())) as {
    block: number;
    version: string;
  }[];
  const wanted = versions.filter(({ block }) => needed === null || needed(block));
  const stale = wanted.filter(({ block, version }) => cache.blocks.get(block)?.version !== version);
  // The views this search reads, all of its snapshot, even if another search with another
  // snapshot replaces the cached ones meanwhile.
  const views = new Map<number, BlockView>();
  for (const { block } of wanted) {
    const view = cache.blocks.get(block);
    if (view) views.set(block, view);
  }
  if (stale.length > 0) {
    const rows = (await run(buildBlocksStatement(stale.map(({ block }) => block)))) as {
      block: number;
      version: string;
      rows: string;
    }[];
    for (const row of rows) {
      const view = decodeBlock(row.block, row.version, Buffer.from(row.rows, 'base64'), cache.orgs);
      cache.blocks.set(row.block, view);
      views.set(row.block, view);
    }
  }
  return {
    blocks: views,
    alternatives,
    postings,
    readers: orgNumbers(cache.orgs, input.memberOrgIds),
  };
}

/**
 * Runs one search (no typo handling) inside a transaction: plain browsing from the stored
 * counts; words (with "-word" and OR) and browsing with filters from the blocks
 * (readFromBlocks); anything else as its packed matches from SQL. The matches are counted and
 * paged here, then the page's hits are read.
 */
async function runSearch(
  run: RunStatement,
  cache: SearchCache,
  input: SearchStatementInput,
  paths: SearchPaths,
): Promise<SearchRow> {
  if (input.mode === 'browse' && noFilters(input.filters)) {
    const [row] = (await run(buildBrowseStatement(input))) as SearchRow[];
    if (!row) throw new Error('the browse statement returned no row');
    return row;
  }
  const fromBlocks = paths.blocks ? await readFromBlocks(run, cache.blocks, input) : null;
  const byScore = input.sort === 'relevance' && input.mode !== 'browse';
  // Whether the dictionary in hand was read in this transaction, so it knows every number here.
  let reloaded = cache.dictionary === null;
  let dictionary = cache.dictionary ?? (await loadDictionary(run, cache));
  for (;;) {
    const { codes, missing } = codeFilters(input.filters, dictionary);
    if (missing && !reloaded) {
      // A value nobody had when the numbers were last read may have come since.
      dictionary = await loadDictionary(run, cache);
      reloaded = true;
      continue;
    }
    let matches: MatchColumns;
    let skipFacet: SearchFacetName | null = null;
    if (fromBlocks !== null) {
      matches = collectMatches({ ...fromBlocks, scored: byScore, now: Date.now() });
    } else {
      // Browsing with one filter reads only the rows passing it; that facet's own counts, which
      // ignore its filter, come from the stored counts. With two filters or more, a row without
      // any filtered value fails them all and counts nowhere.
      const single = codes.size === 1 ? [...codes][0] : undefined;
      skipFacet = input.mode === 'browse' && single ? single[0] : null;
      const anyOf =
        skipFacet !== null && single
          ? single[1]
          : codes.size >= 2
            ? [...new Set([...codes.values()].flat())]
            : null;
      const rows = await run(buildMatchStatement(input, anyOf, [...codes.values()]));
      matches = matchColumns(packedMatches(rows));
    }
    const tally = tallyColumns(matches, dictionary, {
      filters: codes,
      byScore,
      limit: input.limit,
      offset: input.offset,
      skipFacet,
    });
    if ('unknownCode' in tally) {
      // Numbers only grow, and this transaction's snapshot holds every number its rows use.
      if (reloaded)
        throw new Error(`facet value ${tally.unknownCode} is not in knowledge_facet_values`);
      dictionary = await loadDictionary(run, cache);
      reloaded = true;
      continue;
    }
    let facets = tally.facets;
    if (skipFacet !== null) {
      const own = (await run(buildFacetCountsStatement(skipFacet, input.memberOrgIds))) as {
        value: string;
        count: number;
      }[];
      facets = withFacet(facets, skipFacet, own);
    }
    let hits: SearchHitRow[] = [];
    if (tally.page.length > 0) {
      const [pageRow] = (await run(buildPageStatement(input, tally.page))) as {
        hits: SearchHitRow[];
      }[];
      hits = pageRow?.hits ?? [];
    }
    return { total: tally.total, hits, facets };
  }
}

/** The statement input that searches the suggested words instead of the typed ones. */
export function suggestedInput(
  input: SearchStatementInput,
  suggestion: string,
): SearchStatementInput {
  const parsed = parseQuery(suggestion);
  return { ...input, text: parsed.text, withoutLast: parsed.withoutLast, prefix: parsed.prefix };
}

// "Café" and "cafe" are the same word to the search, so one is no suggestion for the other.
function fold(word: string): string {
  return word
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}
