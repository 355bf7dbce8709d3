// What a search answers: rows of the statement turned into common/knowledge.ts searchResult,
// with snippets as plain text parts so no client ever renders markup from the database.
import type { SearchHit, SearchResult, SearchQuery } from '../../../common/knowledge.ts';
import { HIT_START, HIT_STOP, type SearchHitRow, type SearchRow } from './search.repo.ts';

const OPENING_MAX = 200;

/** Splits ts_headline output at its hit markers into parts; empty parts are left out. */
export function splitHeadline(headline: string): { text: string; hit: boolean }[] {
  const parts: { text: string; hit: boolean }[] = [];
  let hit = false;
  let text = '';
  const flush = () => {
    if (text) parts.push({ text, hit });
    text = '';
  };
  for (const char of headline) {
    if (char === HIT_START || char === HIT_STOP) {
      flush();
      hit = char === HIT_START;
    } else {
      text += char;
    }
  }
  flush();
  return parts;
}

// The start of an item when nothing was searched: whole words, with an ellipsis when cut.
function openingOf(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= OPENING_MAX) return flat;
  const cut = flat.slice(0, OPENING_MAX);
  const space = cut.lastIndexOf(' ');
  return `${(space > OPENING_MAX / 2 ? cut.slice(0, space) : cut).trimEnd()} …`;
}

function presentHit(row: SearchHitRow): SearchHit {
  const snippet = row.headline
    ? splitHeadline(row.headline.replace(/\s+/g, ' ').trim())
    : [{ text: openingOf(row.opening), hit: false }].filter((part) => part.text);
  return {
    slug: row.slug,
    kind: row.kind,
    title: row.title,
    summary: row.summary,
    snippet,
    orgName: row.orgName,
    places: row.places,
    status: row.status,
    membersOnly: row.membersOnly,
    publishedAt: row.publishedAt === null ? null : new Date(row.publishedAt).toISOString(),
    // Only members of the item's organisation are shown an unpublished item, so only they get here.
    editPath: row.status === 'published' ? null : `/o/${row.orgSlug}/kennisbank/${row.id}`,
  };
}

/** Builds the API answer from the statement's row. */
export function presentSearchResult(
  query: SearchQuery,
  row: SearchRow,
  suggestion: string | null,
): SearchResult {
  return {
    query: query.q,
    total: row.total,
    page: query.page,
    pageSize: query.pageSize,
    hits: row.hits.map(presentHit),
    facets: {
      kind: row.facets.kind ?? [],
      trend: row.facets.trend ?? [],
      theme: row.facets.theme ?? [],
      region: row.facets.region ?? [],
      place: row.facets.place ?? [],
      size: row.facets.size ?? [],
      year: row.facets.year ?? [],
    },
    suggestion,
  };
}
