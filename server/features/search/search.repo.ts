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
    rank = `ts_rank_cd('{0.1, 0.2, 0.5, 1.0}', m.search_head, ${query}, 1)`;
  } else if (input.mode === 'fuzzy') {
    const text = param(input.text, 'text');
    match = `${text} <% k.title`;
    rank = `word_similarity(${text}, m.title)`;
    if (input.highlight !== null) {
      query = `websearch_to_tsquery(${CONFIG}, ${param(input.highlight, 'text')})`;
    }
  }

  const f = input.filters;
  const limit = param(input.limit, 'int');
  const offset = param(input.offset, 'int');

  // Only the filters in use become conditions, so the statement's text depends on which facets
  // are filtered (the planner sees no `cardinality(...) = 0 or …` it cannot use). Each filter is
  // said twice with the same value: over `m` (counting) and over the item (finding the rows).
  const tests = {
    kind: {
      values: f.kinds,
      cast: 'text[]',
      test: (c: string, v: string) => `${c}kind = any(${v})`,
    },
    trend: {
      values: f.trends,
      cast: 'text[]',
      test: (c: string, v: string) => `${c}trends && ${v}`,
    },
    theme: {
      values: f.themes,
      cast: 'text[]',
      test: (c: string, v: string) => `${c}themes && ${v}`,
    },
    region: {
      values: f.regions,
      cast: 'text[]',
      test: (c: string, v: string) => `${c}region = any(${v})`,
    },
    place: {
      values: f.places,
      cast: 'text[]',
      test: (c: string, v: string) => `${c}places && ${v}`,
    },
    size: {
      values: f.sizes,
      cast: 'text[]',
      test: (c: string, v: string) => `${c}size_class = any(${v})`,
    },
    year: {
      values: f.years,
      cast: 'int[]',
      test: (c: string, v: string) => (c === 'm.' ? `m.year = any(${v})` : `(${YEAR}) = any(${v})`),
    },
  } as const;
  type FacetName = keyof typeof tests;
  const allNames = Object.keys(tests) as FacetName[];
  const placeholders = Object.fromEntries(
    allNames.map((name) => [
      name,
      tests[name].values.length === 0 ? null : param(tests[name].values, tests[name].cast),
    ]),
  ) as Record<FacetName, string | null>;
  const conditionOn = (columns: 'm.' | 'k.', name: FacetName) => {
    const placeholder = placeholders[name];
    return placeholder === null ? null : tests[name].test(columns, placeholder);
  };
  const conjunction = (conditions: (string | null)[]) =>
    conditions.filter((c) => c !== null).join(' and ') || 'true';
  const filtered = allNames.filter((name) => placeholders[name] !== null);

  // Browsing with filters finds only the rows a count can need, through the filter indexes
  // (migration 0007): with one filter, the rows passing it, and that facet's own counts (which
  // ignore its filter) come from knowledge_facet_counts like plain browsing; with more, the rows
  // failing at most one filter (a facet's counts apply every other facet's filter).
  const fromTable: FacetName | null =
    input.mode === 'browse' && filtered.length === 1 ? (filtered[0] ?? null) : null;
  let narrowing = 'true';
  if (input.mode === 'browse' && filtered.length === 1) {
    narrowing = conjunction(filtered.map((name) => conditionOn('k.', name)));
  } else if (input.mode === 'browse' && filtered.length > 1) {
    narrowing = filtered
      .map(
        (left) =>
          `(${conjunction(filtered.filter((name) => name !== left).map((name) => conditionOn('k.', name)))})`,
      )
      .join(' or ');
  }
  // Every row of `m` passes the one filter, so no count needs to test it.
  const filters = Object.fromEntries(
    allNames.map((name) => [name, fromTable === null ? conditionOn('m.', name) : null]),
  ) as Record<FacetName, string | null>;
  const names = allNames.filter((name) => name !== fromTable);
  const all = conjunction(names.map((name) => filters[name]));
  const others = (name: FacetName) =>
    conjunction(names.filter((other) => other !== name).map((other) => filters[other]));

  // Facets are counted in one pass over the matches, grouping each tag list whole (an item's
  // places, say, as one array value): a few thousand distinct arrays instead of one row per
  // item and tag, expanded afterwards. A value is blanked (not counted) for a match that fails
  // another facet's filter, so each facet's counts ignore only its own filter.
  const facetColumns: Record<FacetName, string> = {
    kind: 'm.kind',
    trend: 'm.trends',
    theme: 'm.themes',
    region: 'm.region',
    place: 'm.places',
    size: 'm.size_class',
    year: 'm.year',
  };
  const arrayFacets: readonly FacetName[] = ['trend', 'theme', 'place'];
  const facetSelect = names
    .map((name) => {
      const condition = others(name);
      const column = facetColumns[name];
      return `${condition === 'true' ? column : `case when ${condition} then ${column} end`} as ${name}`;
    })
    .join(',\n      ');
  // grouping(...) has a bit set for every column not grouped; the one grouped names the facet.
  const facetOfSet = names
    .map(
      (name, index) =>
        `when ${2 ** names.length - 1 - 2 ** (names.length - 1 - index)} then '${name}'`,
    )
    .join(' ');
  const facetValues = `case f.facet ${arrayFacets
    .filter((name) => names.includes(name))
    .map((name) => `when '${name}' then g.${name}`)
    .join(' ')}
      else array[coalesce(${names
        .filter((name) => !arrayFacets.includes(name))
        .map((name) => `g.${name}::text`)
        .join(', ')})] end`;

  const recency = `coalesce(k.published_at, k.updated_at)`;
  const byRelevance = input.sort === 'relevance' && input.mode !== 'browse';
  const orderBy = (alias: string) =>
    byRelevance
      ? `${alias}.score desc, ${alias}.sort_date desc, ${alias}.id`
      : `${alias}.sort_date desc, ${alias}.id`;
  // Relevance gets a small bonus for recent items (at most a tenth, halving every two years),
  // which decides between items the words rank alike. Only rows that pass every filter are
  // ranked, and only when the words are in title or summary (search_head): the rest rank 0.
  const score = byRelevance
    ? `${rank} * (1 + 0.1 / (1 + extract(epoch from now() - m.sort_date) / (2 * 365.25 * 86400)))`
    : 'null::real';
  const headMatch = input.mode === 'words' ? `m.search_head @@ ${query}` : 'true';

  // With words, the readable rule is wrapped so the planner cannot answer it from the status
  // index and then test the words row by row (reading each `search` vector from TOAST): the GIN
  // index finds the matches, the rule filters them.
  const text = `
with year_starts as (
  select array_agg(make_timestamptz(y, 1, 1, 0, 0, 0, 'Europe/Amsterdam') order by y) as starts
  from generate_series(${YEAR_FIRST}, ${YEAR_LAST + 1}) y
),
m as materialized (
  select k.id, k.kind, k.trends, k.themes, k.region, k.places, k.size_class,
    ${YEAR} as year, ${recency} as sort_date${input.mode === 'words' && byRelevance ? ', k.search_head' : ''}${input.mode === 'fuzzy' ? ', k.title' : ''}
  from knowledge_items k
  where ${input.mode === 'browse' ? READABLE : `coalesce(${READABLE}, false)`} and ${match}
    and (${narrowing})
),
g as (
  select grouping(${names.join(', ')}) as set, ${names.join(', ')},
    count(*)::int as count, count(*) filter (where passes)::int as passing
  from (
    select ${all} as passes,
      ${facetSelect}
    from m
  ) r
  group by grouping sets (${names.map((name) => `(${name})`).join(', ')}, ())
),
page as (
  select m.id, m.sort_date, ${byRelevance ? `case when ${headMatch} then ${score} else 0 end` : 'null::real'} as score
  from m
  where ${all}
  order by ${byRelevance ? 'score desc, ' : ''}m.sort_date desc, m.id
  limit ${limit} offset ${offset}
)
select
  coalesce((select g.passing from g where g.set = ${2 ** names.length - 1}), 0) as total,
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
    select coalesce(json_object_agg(c.facet, c.items), '{}'::json)
    from (
      select n.facet, json_agg(json_build_object('value', n.value, 'count', n.count)
        order by n.count desc, n.value) as items
      from (
        select e.*, row_number() over (partition by e.facet order by e.count desc, e.value) as n
        from (
          select f.facet, v.value, sum(g.count)::int as count
          from g
          cross join lateral (select case g.set ${facetOfSet} end as facet) f
          cross join lateral unnest(${facetValues}) as v(value)
          where f.facet is not null and v.value is not null
          group by f.facet, v.value${
            fromTable === null
              ? ''
              : `
          union all
          select t.facet, t.value, sum(t.items)::int as count
          from knowledge_facet_counts t
          where t.facet = '${fromTable}' and (t.scope = 'public' or t.scope = any($1::uuid[]::text[]))
          group by t.facet, t.value
          having sum(t.items) > 0`
          }
        ) e
      ) n
      where n.n <= ${FACET_LIMIT}
      group by n.facet
    ) c
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

// Items are dated in the Netherlands, whatever the server's time zone. Converting every match's
// date to local time cost about a third of a broad search; finding it among the years' first
// moments (width_bucket, a binary search) gives the same year, and dates outside that range
// still take the conversion.
const YEAR_FIRST = 1900;
const YEAR_LAST = 2199;
const YEAR = `case when k.published_at >= (select starts[1] from year_starts)
      and k.published_at < (select starts[${YEAR_LAST - YEAR_FIRST + 2}] from year_starts)
    then ${YEAR_FIRST - 1} + width_bucket(k.published_at, (select starts from year_starts))
    else extract(year from k.published_at at time zone 'Europe/Amsterdam')::int end`;

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
