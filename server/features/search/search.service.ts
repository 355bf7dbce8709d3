// Searching the knowledge base (docs/search.md): Dutch words first, title trigrams when the words
// find (almost) nothing, always only what the viewer may read (knowledge.viewer.ts). PostgreSQL
// finds and ranks the matches; their facets are counted here (search.matches.ts, ADR 0003).
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
  tallyMatches,
  withFacet,
  type FacetDictionary,
} from './search.matches.ts';
import {
  buildBrowseStatement,
  buildDictionaryStatement,
  buildFacetCountsStatement,
  buildMatchStatement,
  buildPageStatement,
  buildQueryNodesStatement,
  buildSuggestionStatement,
  noFilters,
  packedMatches,
  runSearchTransaction,
  type RunStatement,
  type SearchFilters,
  type SearchHitRow,
  type SearchRow,
  type SearchStatementInput,
} from './search.repo.ts';
import { presentSearchResult } from './search.presenter.ts';
import { applySuggestions, parseQuery } from './search.text.ts';

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

/** The facet value numbers last read, per database; they only ever grow (migration 0008). */
export interface DictionaryCache {
  current: FacetDictionary | null;
}

const dictionaries = new WeakMap<object, DictionaryCache>();

/** The dictionary cache of one database, found by its pool (or any object standing for it). */
export function dictionaryCacheFor(owner: object): DictionaryCache {
  let cache = dictionaries.get(owner);
  if (!cache) {
    cache = { current: null };
    dictionaries.set(owner, cache);
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
    dictionaryCacheFor(pool),
    viewer,
    query,
  );
}

/** searchKnowledge over the given transactions (the benchmark records their statements). */
export async function searchThrough(
  transact: SearchTransactions,
  cache: DictionaryCache,
  viewer: KnowledgeViewer,
  query: SearchQuery,
): Promise<SearchResult> {
  const { input, row } = await transact(false, async (run) => {
    let ran = searchStatementInput(viewer, query);
    if (ran.mode === 'words') {
      const [nodes] = (await run(buildQueryNodesStatement(ran))) as { nodes: number }[];
      // Stop words only ("de het") parse to an empty query: browse instead of finding nothing.
      if (nodes?.nodes === 0) ran = { ...ran, mode: 'browse' };
    }
    return { input: ran, row: await runSearch(run, cache, ran) };
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
      const suggested = await runSearch(run, cache, suggestedInput(input, suggestion));
      if (suggested.total > 0) return presentSearchResult(query, suggested, suggestion);
    }
    const fuzzy = await runSearch(run, cache, {
      ...input,
      mode: 'fuzzy',
      text: words.join(' '),
      highlight: suggestion ?? input.text,
    });
    return presentSearchResult(query, fuzzy, suggestion);
  });
}

async function loadDictionary(run: RunStatement, cache: DictionaryCache): Promise<FacetDictionary> {
  const rows = (await run(buildDictionaryStatement())) as {
    code: number;
    facet: string;
    value: string;
  }[];
  cache.current = facetDictionary(rows);
  return cache.current;
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

/**
 * Runs one search (no typo handling) inside a transaction: plain browsing from the stored
 * counts; anything else as its packed matches, counted and paged here, then the page's hits.
 */
async function runSearch(
  run: RunStatement,
  cache: DictionaryCache,
  input: SearchStatementInput,
): Promise<SearchRow> {
  if (input.mode === 'browse' && noFilters(input.filters)) {
    const [row] = (await run(buildBrowseStatement(input))) as SearchRow[];
    if (!row) throw new Error('the browse statement returned no row');
    return row;
  }
  // Whether the dictionary in hand was read in this transaction, so it knows every number here.
  let reloaded = cache.current === null;
  let dictionary = cache.current ?? (await loadDictionary(run, cache));
  for (;;) {
    const { codes, missing } = codeFilters(input.filters, dictionary);
    if (missing && !reloaded) {
      // A value nobody had when the numbers were last read may have come since.
      dictionary = await loadDictionary(run, cache);
      reloaded = true;
      continue;
    }
    // Browsing with one filter reads only the rows passing it; that facet's own counts, which
    // ignore its filter, come from the stored counts. With two filters or more, a row without
    // any filtered value fails them all and counts nowhere.
    const single = codes.size === 1 ? [...codes][0] : undefined;
    const skipFacet = input.mode === 'browse' && single ? single[0] : null;
    const anyOf =
      skipFacet !== null && single
        ? single[1]
        : codes.size >= 2
          ? [...new Set([...codes.values()].flat())]
          : null;
    const matchRows = await run(buildMatchStatement(input, anyOf, [...codes.values()]));
    const tally = tallyMatches(packedMatches(matchRows), dictionary, {
      filters: codes,
      byScore: input.sort === 'relevance' && input.mode !== 'browse',
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
