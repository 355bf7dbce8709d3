// The SQL of the knowledge base search (docs/search.md). Statements of one search share a
// snapshot. Words (with -word and OR) and filtered browsing read their words' entries and any
// changed blocks (search.blocks.ts combines them); other queries read their readable matches
// packed for search.matches.ts to count; then the page of hits with snippets. Plain browsing is
// one statement over the stored counts.
// Statements are built as text plus values so the benchmark can replay exactly the same SQL.
import type pg from 'pg';
import type { KnowledgeKind, KnowledgeStatus, SearchFacetName } from '../../../common/knowledge.ts';
import { FACET_LIMIT } from './search.matches.ts';

/** A statement as node-postgres takes it. */
export interface SearchStatement {
  text: string;
  values: unknown[];
}

/** How the rows are found: all readable, by the words, or by title trigrams (typo fallback). */
export type MatchMode = 'browse' | 'words' | 'fuzzy';

/** The chosen values per facet (OR within a facet, AND across facets); years are numbers. */
export type SearchFilters = Readonly<Record<SearchFacetName, readonly (string | number)[]>>;

export interface SearchStatementInput {
  mode: MatchMode;
  /** The query as typed ('words'), or the words to compare with titles ('fuzzy'). */
  text: string;
  /** For 'words': the query without its last word, and that word, matched as a prefix. */
  withoutLast: string | null;
  prefix: string | null;
  /** For 'fuzzy': the corrected query, whose words are marked in the snippets. */
  highlight: string | null;
  memberOrgIds: readonly string[];
  filters: SearchFilters;
  sort: 'relevance' | 'date';
  limit: number;
  offset: number;
}

/** One hit as the statement returns it (inside its JSON). */
export interface SearchHitRow {
  id: string;
  slug: string;
  kind: KnowledgeKind;
  title: string;
  summary: string;
  orgSlug: string;
  orgName: string;
  places: string[];
  status: KnowledgeStatus;
  membersOnly: boolean;
  publishedAt: string | null;
  /** ts_headline output with \u0001 … \u0002 around hits, or null when nothing was searched. */
  headline: string | null;
  /** The start of summary and body, for browsing. */
  opening: string;
}

/** Facets with at least one value; a facet without values is missing. */
export type FacetRows = Partial<Record<SearchFacetName, { value: string; count: number }[]>>;

export interface SearchRow {
  total: number;
  hits: SearchHitRow[];
  facets: FacetRows;
}

/** Marks around a hit in ts_headline output; control characters are removed from the text first. */
export const HIT_START = '\u0001';
export const HIT_STOP = '\u0002';
const OPENING_CHARS = 240;
const FUZZY_THRESHOLD = 0.45;
const SUGGEST_SIMILARITY_MIN = 0.3;

const CONFIG = `'stadshart_dutch'`;
const HEADLINE_OPTIONS = `StartSel="${HIT_START}", StopSel="${HIT_STOP}", MaxFragments=2, MaxWords=16, MinWords=6, FragmentDelimiter=" … "`;

// The visibility rule of knowledge.viewer.ts mayReadKnowledgeItem, in SQL: an item of one of
// the viewer's organisations, or a published item open to all.
const READABLE = `(k.org_id = any($1::uuid[]) or (k.status = 'published' and not k.members_only))`;
// The same rule over knowledge_search, whose `open` is "published and not members-only".
const READABLE_ROW = `(s.org_id = any($1::uuid[]) or s.open)`;

type Param = (value: unknown, cast: string) => string;

// Words and spaces only: no phrase, no OR, no exclusion.
const PLAIN_WORDS = /^[\p{L}\p{N}\s]*$/u;

// The query as typed, or, for the last word, as a prefix too ("binn" finds binnenstad).
function wordsQuery(input: SearchStatementInput, param: Param): string {
  const words = () => `websearch_to_tsquery(${CONFIG}, ${param(input.text, 'text')})`;
  if (input.prefix === null) return words();
  const before = input.withoutLast ?? '';
  const withPrefix = `(websearch_to_tsquery(${CONFIG}, ${param(before, 'text')}) && to_tsquery(${CONFIG}, ${param(`${input.prefix}:*`, 'text')}))`;
  // Before plain words the prefix variant finds everything the typed words find ('winkel':*
  // includes 'winkel'), so it is the whole query: ranking an OR of both cost a third of a broad
  // search. After an operator ("horeca OR terras") the two differ, and both are asked.
  if (PLAIN_WORDS.test(before) && !/(^|\s)or(\s|$)/iu.test(before)) return withPrefix;
  return `(${words()} || ${withPrefix})`;
}

/** The statement that says whether the words of a 'words' input leave anything to search for. */
export function buildQueryNodesStatement(input: SearchStatementInput): SearchStatement {
  const values: unknown[] = [];
  const param: Param = (value, cast) => {
    values.push(value);
    return `$${values.length}::${cast}`;
  };
  // Stop words only ("de het") parse to an empty query, which would match nothing.
  return { text: `select numnode(${wordsQuery(input, param)})::int as nodes`, values };
}

/** Whether a search has no facet filter at all. */
export const noFilters = (f: SearchFilters): boolean =>
  Object.values(f).every((values: readonly unknown[]) => values.length === 0);

// A small bonus for recent items (at most a tenth, halving every two years) decides between
// items the words rank alike. In float8: in numeric (extract's type) it cost 10 ms a search for a
// word in a quarter of the items.
const BONUS = `(1 + 0.1 / (1 + date_part('epoch', now() - s.sort_date) / ${2 * 365.25 * 86400}))`;

/** doc_no bits per chunk of matches: at most 2 048 items, under 100 kB of base64. */
const CHUNK_BITS = 11;

/**
 * The statement that finds the readable matches of a search and returns them packed as base64
 * strings (per match: knowledge_search.packed, then the score as float4), one row per chunk of
 * 2 048 doc_nos, for search.matches.ts to count and page. `anyOf`, when given, keeps only matches
 * having at least one of these facet values (through the GIN index on codes): with two filters or
 * more, a match having none of the filtered values fails them all and counts for nothing.
 * `filters` (each filtered facet's values) spares ranking the matches that fail one.
 */
export function buildMatchStatement(
  input: SearchStatementInput,
  anyOf: readonly number[] | null,
  filters: readonly (readonly number[])[] = [],
): SearchStatement {
  const values: unknown[] = [input.memberOrgIds];
  const param: Param = (value, cast) => {
    values.push(value);
    return `$${values.length}::${cast}`;
  };
  const byRelevance = input.sort === 'relevance' && input.mode !== 'browse';
  let from = 'knowledge_search s';
  let match = 'true';
  let rank = '0';
  if (input.mode === 'words') {
    const query = wordsQuery(input, param);
    match = `s.search @@ ${query}`;
    // Only title (A, 1.0) and summary (B, 0.5) are ranked, from the small head vector; a match
    // only in body or tags ranks 0, below every title or summary match.
    rank = `case when s.head @@ ${query} then ts_rank('{0.1, 0.2, 0.5, 1.0}', s.head, ${query}, 1) * ${BONUS} else 0 end`;
  } else if (input.mode === 'fuzzy') {
    const text = param(input.text, 'text');
    from = 'knowledge_items k join knowledge_search s on s.item_id = k.id';
    match = `${text} <% k.title`;
    rank = `word_similarity(${text}, k.title) * ${BONUS}`;
  }
  // Only a match passing every filter can be on the page, so only those are ranked (`filters`
  // holds each filtered facet's values).
  const passes = byRelevance
    ? filters.map((codes) => `s.codes && ${param(codes, 'int[]')}`).join(' and ')
    : '';
  const score = !byRelevance
    ? '0'
    : passes === ''
      ? rank
      : `case when ${passes} then ${rank} else 0 end`;
  const narrowing = anyOf === null ? '' : ` and s.codes && ${param(anyOf, 'int[]')}`;
  // Chunks keep every string small: one string of a megabyte per search went to V8's large
  // object space and set off a full garbage collection every few searches (10–20 ms each).
  // The readable rule is wrapped so the planner cannot take it for an index condition and then
  // test the words row by row: the GIN index finds the matches, the rule filters them.
  const text = `
select encode(string_agg(s.packed || float4send((${score})::real), ''::bytea), 'base64') as packed
from ${from}
where coalesce(${READABLE_ROW}, false) and ${match}${narrowing}
group by s.doc_no >> ${CHUNK_BITS}`;
  return { text, values };
}

// One buffer for the decoded matches of every search, grown when a search needs more: the
// counting runs synchronously right after decoding, so no two searches use it at once.
let decoded = Buffer.alloc(64 * 1024);

/**
 * Decodes the chunks of buildMatchStatement into one buffer, valid until the next call (count
 * them before awaiting anything).
 */
export function packedMatches(rows: readonly unknown[]): Buffer {
  let size = 0;
  const chunks: string[] = [];
  for (const row of rows) {
    const packed = (row as { packed?: unknown } | undefined)?.packed;
    if (typeof packed !== 'string')
      throw new Error('the match statement returned no packed matches');
    chunks.push(packed);
    size += Buffer.byteLength(packed, 'base64');
  }
  if (decoded.length < size) decoded = Buffer.alloc(Math.ceil(size * 1.5));
  let at = 0;
  for (const chunk of chunks) at += decoded.write(chunk, at, 'base64');
  return decoded.subarray(0, at);
}

/**
 * The statement that returns the page's hits (SearchHitRow), in the order of `docNos`, with
 * snippets of the words (or of `highlight` for the typo fallback) marked by HIT_START/HIT_STOP.
 */
export function buildPageStatement(
  input: SearchStatementInput,
  docNos: readonly number[],
): SearchStatement {
  const values: unknown[] = [docNos];
  const param: Param = (value, cast) => {
    values.push(value);
    return `$${values.length}::${cast}`;
  };
  let query: string | null = null;
  if (input.mode === 'words') query = wordsQuery(input, param);
  else if (input.mode === 'fuzzy' && input.highlight !== null)
    query = `websearch_to_tsquery(${CONFIG}, ${param(input.highlight, 'text')})`;
  const headline =
    query === null
      ? 'null'
      : `ts_headline(${CONFIG}, translate(k.summary || E'\\n' || k.body_text, E'\\u0001\\u0002', ''), ${query}, '${HEADLINE_OPTIONS}')`;
  const text = `
select coalesce(json_agg(json_build_object(
    'id', k.id, 'slug', k.slug, 'kind', k.kind, 'title', k.title, 'summary', k.summary,
    'orgSlug', o.slug, 'orgName', o.name, 'places', k.places, 'status', k.status,
    'membersOnly', k.members_only, 'publishedAt', k.published_at,
    'headline', ${headline},
    'opening', left(translate(k.summary || E'\\n' || left(k.body_text, ${OPENING_CHARS}), E'\\u0001\\u0002', ''), ${OPENING_CHARS})
  ) order by p.ord), '[]'::json) as hits
from unnest($1::int[]) with ordinality as p(doc_no, ord)
join knowledge_search s on s.doc_no = p.doc_no
join knowledge_items k on k.id = s.item_id
join organisations o on o.id = k.org_id`;
  return { text, values };
}

/** A query word as the postings statement looks it up: its stem, whole or as a prefix. */
export interface PostingTerm {
  lexeme: string;
  prefix: boolean;
}

/** The statement that gives each word's stems, in order (`term`, from 0), as the index has them. */
export function buildLexemesStatement(words: readonly string[]): SearchStatement {
  return {
    text: `
select t.ord::int - 1 as term, tsvector_to_array(to_tsvector(${CONFIG}, t.word)) as lexemes
from unnest($1::text[]) with ordinality as t(word, ord)
order by t.ord`,
    values: [words],
  };
}

/**
 * The statement that reads the entries of each term (knowledge_search_words, migration 0009) as
 * base64, one row per term, word and block; a prefix term reads every word starting with it.
 */
export function buildPostingsStatement(terms: readonly PostingTerm[]): SearchStatement {
  // One branch per term, each with its word as a value: only a known prefix lets PostgreSQL turn
  // ^@ into a range of the primary key.
  const branches = terms.map(
    (term, index) => `
select ${String(index)} as term, w.block, encode(w.docs, 'base64') as docs
from knowledge_search_words w
where w.word ${term.prefix ? '^@' : '='} $${String(index + 1)}::text`,
  );
  return { text: branches.join('\nunion all'), values: terms.map((term) => term.lexeme) };
}

/** The statement that lists every block of knowledge_search_blocks with its version. */
export function buildBlockVersionsStatement(): SearchStatement {
  return {
    text: 'select block, version::text as version from knowledge_search_blocks',
    values: [],
  };
}

/** The statement that reads the given blocks, their rows as base64. */
export function buildBlocksStatement(blocks: readonly number[]): SearchStatement {
  return {
    text: `
select block, version::text as version, encode(rows, 'base64') as rows
from knowledge_search_blocks
where block = any($1::int[])`,
    values: [blocks],
  };
}

/** The statement that reads every facet value number (knowledge_facet_values). */
export function buildDictionaryStatement(): SearchStatement {
  return { text: 'select code, facet, value from knowledge_facet_values', values: [] };
}

/** The statement that sums one facet's counts over the viewer's audiences (knowledge_facet_counts). */
export function buildFacetCountsStatement(
  facet: SearchFacetName,
  memberOrgIds: readonly string[],
): SearchStatement {
  return {
    text: `
select t.value, sum(t.items)::int as count
from knowledge_facet_counts t
where t.facet = $2::text and (t.scope = 'public' or t.scope = any($1::uuid[]::text[]))
group by t.value
having sum(t.items) > 0`,
    values: [memberOrgIds, facet],
  };
}

/**
 * The statement that browses everything the viewer may read, without filters: the most common
 * request and the one with the most matches. The counts come from knowledge_facet_counts (exact,
 * kept by a trigger), the page from the index on the item's date; no row is counted here.
 */
export function buildBrowseStatement(input: SearchStatementInput): SearchStatement {
  const values: unknown[] = [input.memberOrgIds, input.limit, input.offset];
  const text = `
with c as (
  select f.facet, f.value, sum(f.items)::int as count
  from knowledge_facet_counts f
  where f.scope = 'public' or f.scope = any($1::uuid[]::text[])
  group by f.facet, f.value
  having sum(f.items) > 0
),
page as (
  select k.id, coalesce(k.published_at, k.updated_at) as sort_date
  from knowledge_items k
  where ${READABLE}
  order by coalesce(k.published_at, k.updated_at) desc, k.id
  limit $2::int offset $3::int
)
select
  coalesce((select c.count from c where c.facet = ''), 0) as total,
  (
    select coalesce(json_agg(json_build_object(
      'id', k.id, 'slug', k.slug, 'kind', k.kind, 'title', k.title, 'summary', k.summary,
      'orgSlug', o.slug, 'orgName', o.name, 'places', k.places, 'status', k.status,
      'membersOnly', k.members_only, 'publishedAt', k.published_at, 'headline', null,
      'opening', left(translate(k.summary || E'\\n' || left(k.body_text, ${OPENING_CHARS}), E'\\u0001\\u0002', ''), ${OPENING_CHARS})
    ) order by page.sort_date desc, page.id), '[]'::json)
    from page
    join knowledge_items k on k.id = page.id
    join organisations o on o.id = k.org_id
  ) as hits,
  (
    select coalesce(json_object_agg(r.facet, r.items), '{}'::json)
    from (
      select n.facet, json_agg(json_build_object('value', n.value, 'count', n.count)
        order by n.count desc, n.value) as items
      from (
        select c.*, row_number() over (partition by c.facet order by c.count desc, c.value) as n
        from c where c.facet <> ''
      ) n
      where n.n <= ${FACET_LIMIT}
      group by n.facet
    ) r
  ) as facets`;
  return { text, values };
}

// Per search transaction: one snapshot for all its statements (the matches, the facet value
// numbers and the page agree), no JIT (compiling costs more than these statements run), enough
// memory for an exact bitmap of every match (so the GIN answer needs no recheck against the
// out-of-line `search` vector), and never a sequential scan, which would read every row's
// `search` vector from TOAST.
const SEARCH_SETTINGS = `set local jit = off; set local work_mem = '64MB'; set local enable_seqscan = off`;

/** What runs a statement inside a search transaction. */
export type RunStatement = (statement: SearchStatement) => Promise<unknown[]>;

/**
 * Runs work in one read-only REPEATABLE READ transaction with the search settings (and, for the
 * typo path, pg_trgm's word-similarity threshold lowered from 0.6 to FUZZY_THRESHOLD: two swapped
 * letters in a six-letter word score 0.57); SET LOCAL keeps them inside it.
 */
export async function runInSearchTransaction<T>(
  client: pg.ClientBase,
  trigrams: boolean,
  work: (run: RunStatement) => Promise<T>,
): Promise<T> {
  await client.query(
    `begin isolation level repeatable read read only; ${SEARCH_SETTINGS}${trigrams ? `; set local pg_trgm.word_similarity_threshold = ${String(FUZZY_THRESHOLD)}` : ''}`,
  );
  try {
    const answer = await work(async (statement) => {
      const result = await client.query(statement.text, statement.values);
      return result.rows as unknown[];
    });
    await client.query('commit');
    return answer;
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  }
}

/** Runs work in a search transaction on a connection of the pool. */
export async function runSearchTransaction<T>(
  pool: pg.Pool,
  trigrams: boolean,
  work: (run: RunStatement) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  try {
    return await runInSearchTransaction(client, trigrams, work);
  } finally {
    client.release();
  }
}

/**
 * The statement that finds, per typed word, the closest word of the titles and summaries the
 * viewer may read (knowledge_words, pg_trgm similarity of at least SUGGEST_SIMILARITY_MIN; on a
 * tie, the word more items have).
 */
export function buildSuggestionStatement(
  words: readonly string[],
  memberOrgIds: readonly string[],
): SearchStatement {
  return {
    text: `
select w.word as typed, best.word as suggestion
from unnest($2::text[]) as w(word)
cross join lateral (
  select v.word
  from knowledge_words v
  where (v.scope = 'public' or v.scope = any($1::uuid[]::text[]))
    and v.word % lower(w.word)
    and similarity(v.word, lower(w.word)) >= ${SUGGEST_SIMILARITY_MIN}
  group by v.word
  order by max(similarity(v.word, lower(w.word))) desc, sum(v.items) desc, v.word
  limit 1
) best`,
    values: [memberOrgIds, words],
  };
}
