// Bulk-inserts the benchmark corpus: organisations, then items in batches through one
// json_to_recordset insert each, so the generated tsvector is computed by PostgreSQL as usual.
import type pg from 'pg';
import { buildBenchItem, seededRandom } from './corpus.ts';

const BATCH = 1000;
const ORGANISATIONS = 40;

/** Creates the organisations and `docs` items; answers the organisation ids. */
export async function loadCorpus(
  pool: pg.Pool,
  docs: number,
  log: (line: string) => void,
): Promise<string[]> {
  const orgs = await pool.query<{ id: string }>(
    `insert into organisations (slug, name)
     select 'bench-org-' || n, 'Gemeente ' || n from generate_series(1, $1::int) n
     returning id`,
    [ORGANISATIONS],
  );
  const orgIds = orgs.rows.map((row) => row.id);
  const random = seededRandom(20260205);
  for (let start = 0; start < docs; start += BATCH) {
    const items = Array.from({ length: Math.min(BATCH, docs - start) }, (_, i) =>
      buildBenchItem(random, start + i, orgIds),
    );
    await pool.query(
      `insert into knowledge_items (org_id, slug, kind, status, members_only, title, summary,
         body, body_text, places, region, trends, themes, size_class, published_at,
         first_published_at, updated_at, created_at)
       select org_id, slug, kind, status, members_only, title, summary, body, body_text, places,
         region, trends, themes, size_class, published_at, published_at, updated_at, updated_at
       from json_to_recordset($1::json) as x(org_id uuid, slug text, kind text, status text,
         members_only boolean, title text, summary text, body jsonb, body_text text,
         places text[], region text, trends text[], themes text[], size_class text,
         published_at timestamptz, updated_at timestamptz)`,
      [JSON.stringify(items)],
    );
    if ((start / BATCH) % 10 === 9) log(`inserted ${start + items.length} of ${docs} items`);
  }
  await pool.query('vacuum analyze knowledge_items, knowledge_search, knowledge_facet_values');
  return orgIds;
}
