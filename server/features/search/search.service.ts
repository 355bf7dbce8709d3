// Searching the knowledge base (docs/search.md): Dutch words first, title trigrams when the words
// find (almost) nothing, always only what the viewer may read (knowledge.viewer.ts).
import type { SearchQuery, SearchResult } from '../../../common/knowledge.ts';
import type { AppContext } from '../../http/context.ts';
import type { KnowledgeViewer } from '../knowledge/knowledge.viewer.ts';
import { presentSearchResult } from './search.presenter.ts';
import {
  buildSearchStatement,
  buildSuggestionStatement,
  runSearchStatement,
  runWithTrigramThreshold,
  type SearchRow,
  type SearchStatementInput,
} from './search.repo.ts';
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
      kinds: query.kind,
      trends: query.trend,
      themes: query.theme,
      regions: query.region,
      places: query.place,
      sizes: query.size,
      years: query.year,
    },
    sort: query.sort,
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  };
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
  const { input, row } = await runSearchStatement(pool, searchStatementInput(viewer, query));
  const { words } = parseQuery(query.q);
  if (input.mode === 'browse' || row.total >= FEW_MATCHES || words.length === 0) {
    return presentSearchResult(query, row, null);
  }
  return runWithTrigramThreshold(pool, async (run) => {
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
      const [suggested] = (await run(
        buildSearchStatement(suggestedInput(input, suggestion)),
      )) as SearchRow[];
      if (suggested && suggested.total > 0)
        return presentSearchResult(query, suggested, suggestion);
    }
    const [fuzzy] = (await run(
      buildSearchStatement({
        ...input,
        mode: 'fuzzy',
        text: words.join(' '),
        highlight: suggestion ?? input.text,
      }),
    )) as SearchRow[];
    return presentSearchResult(query, fuzzy ?? row, suggestion);
  });
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
