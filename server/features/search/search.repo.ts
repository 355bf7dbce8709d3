// The SQL of the knowledge base search (docs/search.md). One statement answers a search: the
// matches, their total, the facet counts and the page of hits with snippets. The statement is
// built as text plus values so the benchmark can run exactly the same SQL without the app.
import type pg from 'pg';
import type { KnowledgeKind, KnowledgeStatus, SearchFacetName } from '../../../common/knowledge.ts';

/** A statement as node-postgres takes it. */
export interface SearchStatement {
  text: string;
  values: unknown[];
}

/** How the rows are found: all readable, by the words, or by title trigrams (typo fallback). */
export type MatchMode = 'browse' | 'words' | 'fuzzy';

export interface SearchFilters {
  kinds: readonly string[];
  trends: readonly string[];
  themes: readonly string[];
  regions: readonly string[];
  places: readonly string[];
  sizes: readonly string[];
  years: readonly number[];
}

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
const FACET_LIMIT = 20;
const OPENING_CHARS = 240;
const FUZZY_THRESHOLD = 0.45;
const SUGGEST_SIMILARITY_MIN = 0.3;
const SUGGEST_CANDIDATE_TITLES = 200;

const CONFIG = `'stadshart_dutch'`;
const HEADLINE_OPTIONS = `StartSel="${HIT_START}", StopSel="${HIT_STOP}", MaxFragments=2, MaxWords=16, MinWords=6, FragmentDelimiter=" … "`;

// The visibility rule of knowledge.viewer.ts mayReadKnowledgeItem, in SQL: an item of one of
// the viewer's organisations, or a published item open to all.
const READABLE = `(k.org_id = any($1::uuid[]) or (k.status = 'published' and not k.members_only))`;

type Param = (value: unknown, cast: string) => string;

// The query as typed, or, for the last word, as a prefix too ("binn" finds binnenstad).
function wordsQuery(input: SearchStatementInput, param: Param): string {
  const words = `websearch_to_tsquery(${CONFIG}, ${param(input.text, 'text')})`;
  return input.prefix === null
    ? words
    : `(${words} || (websearch_to_tsquery(${CONFIG}, ${param(input.withoutLast ?? '', 'text')}) && to_tsquery(${CONFIG}, ${param(`${input.prefix}:*`, 'text')})))`;
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

const noFilters = (f: SearchFilters): boolean =>
  Object.values(f).every((values: readonly unknown[]) => values.length === 0);

/** Builds the one statement of a search; $1 is always the viewer's organisation ids. */
export function buildSearchStatement(input: SearchStatementInput): SearchStatement {
  if (input.mode === 'browse' && noFilters(input.filters)) return buildBrowseStatement(input);
  const values: unknown[] = [input.memberOrgIds];
  const param: Param = (value, cast) => {
    values.push(value);
    return `$${values.length}::${cast}`;
  };

  let match = 'true';
  let rank = 'null::real';
  let query = 'null::tsquery';
  if (input.mode === 'words') {
    query = wordsQuery(input, param);
    match = `k.search @@ ${query}`;
    // Only title (A, 1.0) and summary (B, 0.5) are ranked, from the small search_head vector:
    // reading the whole `search` vector of every match cost more than the rest of the search.
    // An item that matches only in its body or tags ranks 0, below every title or summary match.
    rank = `ts_rank_cd('{0.1, 0.2, 0.5, 1.0}', k.search_head, ${query}, 1)`;
  } else if (input.mode === 'fuzzy') {
    const text = param(input.text, 'text');
    match = `${text} <% k.title`;
    rank = `word_similarity(${text}, k.title)`;
    if (input.highlight !== null) {
      query = `websearch_to_tsquery(${CONFIG}, ${param(input.highlight, 'text')})`;
    }
  }

  const f = input.filters;
  const kinds = param(f.kinds, 'text[]');
  const trends = param(f.trends, 'text[]');
  const themes = param(f.themes, 'text[]');
  const regions = param(f.regions, 'text[]');
  const places = param(f.places, 'text[]');
  const sizes = param(f.sizes, 'text[]');
  const years = param(f.years, 'int[]');
  const limit = param(input.limit, 'int');
  const offset = param(input.offset, 'int');

  // Each filter as a column, so a facet can count with every filter but its own.
  const filterColumns = {
    kind: `(cardinality(${kinds}) = 0 or k.kind = any(${kinds}))`,
    trend: `(cardinality(${trends}) = 0 or k.trends && ${trends})`,
    theme: `(cardinality(${themes}) = 0 or k.themes && ${themes})`,
    region: `(cardinality(${regions}) = 0 or k.region = any(${regions}))`,
    place: `(cardinality(${places}) = 0 or k.places && ${places})`,
    size: `(cardinality(${sizes}) = 0 or k.size_class = any(${sizes}))`,
    year: `(cardinality(${years}) = 0 or ${YEAR} = any(${years}))`,
  } as const;
  type FacetName = keyof typeof filterColumns;
  const names = Object.keys(filterColumns) as FacetName[];
  const all = names.map((name) => `m.f_${name}`).join(' and ');
  const others = (name: FacetName) =>
    names
      .filter((other) => other !== name)
      .map((other) => `m.f_${other}`)
      .join(' and ');

  // One pass for all facets: each match becomes as many rows as its longest tag list (zipped by
  // unnest, with a one-element array so an item without tags still counts), single values ride
  // on its first row, and a value is blanked when the match fails another facet's filter.
  const facetValues: Record<FacetName, string> = {
    kind: 'case when x.first is not null then m.kind end',
    trend: 'x.trend',
    theme: 'x.theme',
    region: 'case when x.first is not null then m.region end',
    place: 'x.place',
    size: 'case when x.first is not null then m.size_class end',
    year: 'case when x.first is not null then m.year::text end',
  };
  const facetColumns = names
    .map((name) => `case when ${others(name)} then ${facetValues[name]} end as ${name}`)
    .join(',\n      ');
  // grouping(...) has a bit set for every column not grouped; the one grouped names the facet.
  const facetOfSet = names
    .map(
      (name, index) =>
        `when ${2 ** names.length - 1 - 2 ** (names.length - 1 - index)} then '${name}'`,
    )
    .join(' ');

  const recency = `coalesce(k.published_at, k.updated_at)`;
  const byRelevance = input.sort === 'relevance' && input.mode !== 'browse';
  const orderBy = (alias: string) =>
    byRelevance
      ? `${alias}.score desc, ${alias}.sort_date desc, ${alias}.id`
      : `${alias}.sort_date desc, ${alias}.id`;
  // Relevance gets a small bonus for recent items (at most a tenth, halving every two years),
  // which decides between items the words rank alike. Only rows that pass every filter are
  // ranked: ranking reads each row's whole tsvector.
  const score = byRelevance
    ? `case when ${names.map((name) => filterColumns[name]).join(' and ')} then ${rank} * (1 + 0.1 / (1 + extract(epoch from now() - ${recency}) / (2 * 365.25 * 86400))) end`
    : 'null::real';

  // With words, the readable rule is wrapped so the planner cannot answer it from the status
  // index and then test the words row by row (reading each `search` vector from TOAST): the GIN
  // index finds the matches, the rule filters them.
  const text = `
with m as materialized (
  select k.id, k.kind, k.trends, k.themes, k.region, k.places, k.size_class,
    ${YEAR} as year, ${recency} as sort_date, ${score} as score,
    ${names.map((name) => `${filterColumns[name]} as f_${name}`).join(',\n    ')}
  from knowledge_items k
  where ${input.mode === 'browse' ? READABLE : `coalesce(${READABLE}, false)`} and ${match}
),
page as (
  select m.id, m.score, m.sort_date from m
  where ${all}
  order by ${orderBy('m')}
  limit ${limit} offset ${offset}
)
select
  (select count(*)::int from m where ${all}) as total,
  (
    select coalesce(json_agg(json_build_object(
      'id', k.id, 'slug', k.slug, 'kind', k.kind, 'title', k.title, 'summary', k.summary,
      'orgSlug', o.slug, 'orgName', o.name, 'places', k.places, 'status', k.status,
      'membersOnly', k.members_only, 'publishedAt', k.published_at,
      'headline', case when ${query} is null then null else ts_headline(${CONFIG},
        translate(k.summary || E'\\n' || k.body_text, E'\\u0001\\u0002', ''),
        ${query}, '${HEADLINE_OPTIONS}') end,
      'opening', left(translate(k.summary || E'\\n' || left(k.body_text, ${OPENING_CHARS}), E'\\u0001\\u0002', ''), ${OPENING_CHARS})
    ) order by ${orderBy('page')}), '[]'::json)
    from page
    join knowledge_items k on k.id = page.id
    join organisations o on o.id = k.org_id
  ) as hits,
  (
    select coalesce(json_object_agg(f.facet, f.items), '{}'::json)
    from (
      select c.facet, json_agg(json_build_object('value', c.value, 'count', c.count)
        order by c.count desc, c.value) as items
      from (
        select g.*, row_number() over (partition by g.facet order by g.count desc, g.value) as n
        from (
          select case grouping(${names.join(', ')}) ${facetOfSet} end as facet,
            coalesce(${names.join(', ')}) as value, count(*)::int as count
          from (
            select
      ${facetColumns}
            from m cross join lateral unnest(m.trends, m.themes, m.places, array[1])
              as x(trend, theme, place, first)
          ) r
          group by grouping sets (${names.map((name) => `(${name})`).join(', ')})
        ) g
        where g.value is not null
      ) c
      where c.n <= ${FACET_LIMIT}
      group by c.facet
    ) f
  ) as facets`;
  return { text, values };
}

// Browsing everything the viewer may read, without filters: the most common request and the one
// with the most matches. The counts come from knowledge_facet_counts (exact, kept by a trigger),
// the page from the index on the item's date; no row is counted here.
function buildBrowseStatement(input: SearchStatementInput): SearchStatement {
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

// Items are dated in the Netherlands, whatever the server's time zone.
const YEAR = `extract(year from k.published_at at time zone 'Europe/Amsterdam')::int`;

// Per search transaction: no JIT (compiling costs more than these statements run), enough
// memory for an exact bitmap of every match (so the GIN answer needs no recheck against the
// out-of-line `search` vector) and for the matches kept for the facets; and, when words are
// matched, never a sequential scan, which would read every row's `search` vector from TOAST.
function searchSettings(mode: MatchMode): string {
  return `set local jit = off; set local work_mem = '64MB'${mode === 'browse' ? '' : '; set local enable_seqscan = off'}`;
}

/** What runs a statement inside a search transaction. */
export type RunStatement = (statement: SearchStatement) => Promise<unknown[]>;

/**
 * Runs work in one transaction with the search settings (and, for the typo path, pg_trgm's
 * word-similarity threshold lowered from 0.6 to FUZZY_THRESHOLD: two swapped letters in a
 * six-letter word score 0.57); SET LOCAL keeps them inside it.
 */
export async function runInSearchTransaction<T>(
  client: pg.ClientBase,
  mode: MatchMode,
  trigrams: boolean,
  work: (run: RunStatement) => Promise<T>,
): Promise<T> {
  await client.query(
    `begin; ${searchSettings(mode)}${trigrams ? `; set local pg_trgm.word_similarity_threshold = ${String(FUZZY_THRESHOLD)}` : ''}`,
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

/**
 * Runs the first statement of a search and returns its row; a query of stop words only is run
 * as browsing. Answers the input that was run.
 */
export async function runSearchOn(
  client: pg.ClientBase,
  input: SearchStatementInput,
): Promise<{ input: SearchStatementInput; row: SearchRow }> {
  return runInSearchTransaction(client, input.mode, false, async (run) => {
    let ran = input;
    if (input.mode === 'words') {
      const [nodes] = (await run(buildQueryNodesStatement(input))) as { nodes: number }[];
      if (nodes?.nodes === 0) ran = { ...input, mode: 'browse' };
    }
    const [row] = (await run(buildSearchStatement(ran))) as SearchRow[];
    if (!row) throw new Error('the search statement returned no row');
    return { input: ran, row };
  });
}

/** Runs the first statement of a search on a connection of the pool. */
export async function runSearchStatement(
  pool: pg.Pool,
  input: SearchStatementInput,
): Promise<{ input: SearchStatementInput; row: SearchRow }> {
  const client = await pool.connect();
  try {
    return await runSearchOn(client, input);
  } finally {
    client.release();
  }
}

/** The statement that finds, per word, the closest word in readable titles (pg_trgm). */
export function buildSuggestionStatement(
  words: readonly string[],
  memberOrgIds: readonly string[],
): SearchStatement {
  return {
    text: `
select w.word as typed, best.word as suggestion
from unnest($2::text[]) as w(word)
cross join lateral (
  select t.word
  from (
    select k.title from knowledge_items k
    where ${READABLE} and w.word <% k.title
    limit ${SUGGEST_CANDIDATE_TITLES}
  ) c
  cross join lateral regexp_split_to_table(lower(c.title), '[^[:alnum:]]+') as t(word)
  where length(t.word) >= 3 and similarity(t.word, lower(w.word)) >= ${SUGGEST_SIMILARITY_MIN}
  group by t.word
  order by max(similarity(t.word, lower(w.word))) desc, count(*) desc, t.word
  limit 1
) best`,
    values: [memberOrgIds, words],
  };
}

/** Runs statements that use title trigrams, in a search transaction on a pooled connection. */
export async function runWithTrigramThreshold<T>(
  pool: pg.Pool,
  work: (run: RunStatement) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  try {
    return await runInSearchTransaction(client, 'fuzzy', true, work);
  } finally {
    client.release();
  }
}
