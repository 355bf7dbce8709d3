-- The knowledge base search at 100 000 items (docs/search.md, "How it runs").
--
-- 1. Keep the rows of knowledge_items small. A match is read from the table's rows; with the body
--    (jsonb and text) and the full `search` vector compressed inline a row was about 1.7 kB and the
--    heap 168 MB, larger than shared_buffers. Big columns now go out of line (TOAST, EXTERNAL: no
--    compression, so a slice is cheap) as soon as a row passes PostgreSQL's 2 kB threshold, down to
--    128 bytes; the small columns every search reads stay in the row (MAIN). The GIN index answers
--    plain word matches exactly, so `search` itself is only read for phrases.
ALTER TABLE "knowledge_items" SET (toast_tuple_target = 128);
--> statement-breakpoint
ALTER TABLE "knowledge_items"
  ALTER COLUMN "body" SET STORAGE EXTERNAL,
  ALTER COLUMN "body_text" SET STORAGE EXTERNAL,
  ALTER COLUMN "search" SET STORAGE EXTERNAL,
  ALTER COLUMN "title" SET STORAGE MAIN,
  ALTER COLUMN "summary" SET STORAGE MAIN,
  ALTER COLUMN "slug" SET STORAGE MAIN,
  ALTER COLUMN "kind" SET STORAGE MAIN,
  ALTER COLUMN "status" SET STORAGE MAIN,
  ALTER COLUMN "places" SET STORAGE MAIN,
  ALTER COLUMN "region" SET STORAGE MAIN,
  ALTER COLUMN "trends" SET STORAGE MAIN,
  ALTER COLUMN "themes" SET STORAGE MAIN,
  ALTER COLUMN "size_class" SET STORAGE MAIN,
  ALTER COLUMN "licence" SET STORAGE MAIN,
  ALTER COLUMN "attribution" SET STORAGE MAIN,
  ALTER COLUMN "review_note" SET STORAGE MAIN;
--> statement-breakpoint
CREATE TABLE "knowledge_facet_counts" (
	"scope" text NOT NULL,
	"facet" text NOT NULL,
	"value" text NOT NULL,
	"items" integer NOT NULL,
	CONSTRAINT "knowledge_facet_counts_scope_facet_value_pk" PRIMARY KEY("scope","facet","value")
);
--> statement-breakpoint
-- 2. A small vector for ranking (title A, summary B). Adding a stored column rewrites the table,
--    which also moves the existing big values out of line under the settings above.
ALTER TABLE "knowledge_items" ADD COLUMN "search_head" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('stadshart_dutch'::regconfig, coalesce(title, '')), 'A') || setweight(to_tsvector('stadshart_dutch'::regconfig, coalesce(summary, '')), 'B')) STORED;
--> statement-breakpoint
ALTER TABLE "knowledge_items" ALTER COLUMN "search_head" SET STORAGE MAIN;
--> statement-breakpoint
-- 3. Browsing newest first walks this index instead of sorting every readable row.
CREATE INDEX "knowledge_items_recent_idx" ON "knowledge_items" ((coalesce("published_at", "updated_at")) DESC, "id");
--> statement-breakpoint
-- 4. Facet counts per audience, exact at every commit: the facet values of an item as rows
--    (facet '' counts the item itself). Years are years in the Netherlands, as the search says.
CREATE OR REPLACE FUNCTION stadshart_knowledge_facet_rows(
  org_id uuid, status text, members_only boolean, kind text, region text, size_class text,
  published_at timestamptz, trends text[], themes text[], places text[]
) RETURNS TABLE (scope text, facet text, value text)
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$
    SELECT CASE WHEN status = 'published' AND NOT members_only THEN 'public' ELSE org_id::text END,
      f.facet, f.value
    FROM (
      SELECT '' AS facet, '' AS value
      UNION ALL SELECT 'kind', kind
      UNION ALL SELECT 'region', region WHERE region IS NOT NULL
      UNION ALL SELECT 'size', size_class WHERE size_class IS NOT NULL
      UNION ALL SELECT 'year', extract(year FROM published_at AT TIME ZONE 'Europe/Amsterdam')::int::text
        WHERE published_at IS NOT NULL
      UNION ALL SELECT DISTINCT 'trend', t FROM unnest(trends) t
      UNION ALL SELECT DISTINCT 'theme', t FROM unnest(themes) t
      UNION ALL SELECT DISTINCT 'place', t FROM unnest(places) t
    ) f
  $$;
--> statement-breakpoint
-- Once per statement with its transition tables, so a bulk insert costs one upsert. Rows are
-- locked in key order, and an update that changes no facet (the live body editor's projections)
-- writes nothing.
CREATE OR REPLACE FUNCTION stadshart_knowledge_facet_counts_sync() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
  BEGIN
    IF TG_OP = 'INSERT' THEN
      INSERT INTO knowledge_facet_counts AS c (scope, facet, value, items)
      SELECT f.scope, f.facet, f.value, count(*)::int
      FROM new_rows n
      CROSS JOIN LATERAL stadshart_knowledge_facet_rows(n.org_id, n.status, n.members_only, n.kind,
        n.region, n.size_class, n.published_at, n.trends, n.themes, n.places) f
      GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
      ON CONFLICT (scope, facet, value) DO UPDATE SET items = c.items + excluded.items;
    ELSIF TG_OP = 'DELETE' THEN
      INSERT INTO knowledge_facet_counts AS c (scope, facet, value, items)
      SELECT f.scope, f.facet, f.value, -count(*)::int
      FROM old_rows o
      CROSS JOIN LATERAL stadshart_knowledge_facet_rows(o.org_id, o.status, o.members_only, o.kind,
        o.region, o.size_class, o.published_at, o.trends, o.themes, o.places) f
      GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
      ON CONFLICT (scope, facet, value) DO UPDATE SET items = c.items + excluded.items;
    ELSE
      INSERT INTO knowledge_facet_counts AS c (scope, facet, value, items)
      SELECT d.scope, d.facet, d.value, sum(d.delta)::int
      FROM (
        SELECT f.*, 1 AS delta FROM new_rows n
        CROSS JOIN LATERAL stadshart_knowledge_facet_rows(n.org_id, n.status, n.members_only,
          n.kind, n.region, n.size_class, n.published_at, n.trends, n.themes, n.places) f
        UNION ALL
        SELECT f.*, -1 AS delta FROM old_rows o
        CROSS JOIN LATERAL stadshart_knowledge_facet_rows(o.org_id, o.status, o.members_only,
          o.kind, o.region, o.size_class, o.published_at, o.trends, o.themes, o.places) f
      ) d
      GROUP BY 1, 2, 3 HAVING sum(d.delta) <> 0 ORDER BY 1, 2, 3
      ON CONFLICT (scope, facet, value) DO UPDATE SET items = c.items + excluded.items;
    END IF;
    RETURN NULL;
  END
  $$;
--> statement-breakpoint
CREATE TRIGGER knowledge_facet_counts_insert AFTER INSERT ON knowledge_items
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stadshart_knowledge_facet_counts_sync();
--> statement-breakpoint
CREATE TRIGGER knowledge_facet_counts_update AFTER UPDATE ON knowledge_items
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stadshart_knowledge_facet_counts_sync();
--> statement-breakpoint
CREATE TRIGGER knowledge_facet_counts_delete AFTER DELETE ON knowledge_items
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stadshart_knowledge_facet_counts_sync();
--> statement-breakpoint
-- Backfill the counts of the items already there.
INSERT INTO knowledge_facet_counts (scope, facet, value, items)
SELECT f.scope, f.facet, f.value, count(*)::int
FROM knowledge_items k
CROSS JOIN LATERAL stadshart_knowledge_facet_rows(k.org_id, k.status, k.members_only, k.kind,
  k.region, k.size_class, k.published_at, k.trends, k.themes, k.places) f
GROUP BY 1, 2, 3;
--> statement-breakpoint
-- TRUNCATE fires no row or delete trigger; it empties the counts with the items.
CREATE OR REPLACE FUNCTION stadshart_knowledge_facet_counts_clear() RETURNS trigger
  LANGUAGE plpgsql
  AS $$ BEGIN DELETE FROM knowledge_facet_counts; RETURN NULL; END $$;
--> statement-breakpoint
CREATE TRIGGER knowledge_facet_counts_truncate AFTER TRUNCATE ON knowledge_items
  FOR EACH STATEMENT EXECUTE FUNCTION stadshart_knowledge_facet_counts_clear();
