-- The knowledge base search reads its own narrow tables (docs/search.md, "How it runs").
--
-- 1. The matches.
-- A search with words reads every readable match: to count the facets exactly, and to rank the
-- matches. Reading them from knowledge_items meant walking a 70 MB heap for a word in a quarter
-- of 100 000 items, and grouping text values per facet in SQL. knowledge_search holds per item
-- only what that needs, about 350 bytes a row: who may read it, its date, its facet values as
-- numbers (int4[] for the filter index, and packed with the date in one bytea the search reads
-- as it is), the title-and-summary vector for ranking, and the full vector out of line.
CREATE TABLE "knowledge_facet_values" (
	"code" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "knowledge_facet_values_code_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"facet" text NOT NULL,
	"value" text NOT NULL,
	CONSTRAINT "knowledge_facet_values_facet_value_unique" UNIQUE("facet","value")
);
--> statement-breakpoint
CREATE TABLE "knowledge_search" (
	"doc_no" integer GENERATED ALWAYS AS IDENTITY (sequence name "knowledge_search_doc_no_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"open" boolean NOT NULL,
	"sort_date" timestamp with time zone NOT NULL,
	"org_id" uuid NOT NULL,
	"item_id" uuid PRIMARY KEY NOT NULL,
	"codes" integer[] NOT NULL,
	"packed" "bytea" NOT NULL,
	"head" "tsvector" NOT NULL,
	"search" "tsvector" NOT NULL,
	CONSTRAINT "knowledge_search_doc_no_unique" UNIQUE("doc_no")
);
--> statement-breakpoint
-- The full vector (about 1 kB) goes out of line as soon as a row passes 128 bytes, uncompressed
-- (the GIN index answers plain words without reading it); the rest stays in the row.
ALTER TABLE "knowledge_search" SET (toast_tuple_target = 128);
--> statement-breakpoint
ALTER TABLE "knowledge_search"
  ALTER COLUMN "search" SET STORAGE EXTERNAL,
  ALTER COLUMN "codes" SET STORAGE MAIN,
  ALTER COLUMN "packed" SET STORAGE MAIN,
  ALTER COLUMN "head" SET STORAGE MAIN;
--> statement-breakpoint
-- The search no longer reads knowledge_items to match or filter (related items score every
-- published item without an index).
DROP INDEX "knowledge_items_search_idx";--> statement-breakpoint
DROP INDEX "knowledge_items_kind_idx";--> statement-breakpoint
DROP INDEX "knowledge_items_region_idx";--> statement-breakpoint
DROP INDEX "knowledge_items_size_class_idx";--> statement-breakpoint
DROP INDEX "knowledge_items_places_idx";--> statement-breakpoint
DROP INDEX "knowledge_items_trends_idx";--> statement-breakpoint
DROP INDEX "knowledge_items_themes_idx";--> statement-breakpoint
ALTER TABLE "knowledge_search" ADD CONSTRAINT "knowledge_search_item_id_knowledge_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."knowledge_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- An item's facet values as the numbers of knowledge_facet_values, ascending (the same facet
-- rows as the counts table of migration 0006, without the item's own row).
CREATE OR REPLACE FUNCTION stadshart_knowledge_facet_codes(
  org_id uuid, status text, members_only boolean, kind text, region text, size_class text,
  published_at timestamptz, trends text[], themes text[], places text[]
) RETURNS integer[]
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$
    SELECT coalesce(array_agg(v.code ORDER BY v.code), '{}')
    FROM stadshart_knowledge_facet_rows(org_id, status, members_only, kind, region, size_class,
      published_at, trends, themes, places) f
    JOIN knowledge_facet_values v ON v.facet = f.facet AND v.value = f.value
  $$;
--> statement-breakpoint
-- An unsigned number as LEB128: seven bits a byte, low bits first, the high bit set on every
-- byte but the last.
CREATE OR REPLACE FUNCTION stadshart_varint(n bigint) RETURNS bytea
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $$
    SELECT string_agg(set_byte('\x00'::bytea, 0,
        (((n >> (7 * i)) & 127) | CASE WHEN (n >> (7 * (i + 1))) > 0 THEN 128 ELSE 0 END)::int),
      ''::bytea ORDER BY i)
    FROM generate_series(0, 9) AS i
    WHERE i = 0 OR (n >> (7 * i)) > 0
  $$;
--> statement-breakpoint
-- What the search reads of a row: doc_no (int4) and the date in microseconds (int8), big-endian;
-- then the number of codes and each code's difference from the one before (codes ascend), as
-- varints: about 25 bytes a row instead of 45 with plain int4 codes, which a broad search sends
-- 27 000 times. Kept in the row by the trigger below, so a search concatenates nothing per match
-- but its score.
CREATE OR REPLACE FUNCTION stadshart_knowledge_search_packed(doc_no integer, sort_date timestamptz, codes integer[])
  RETURNS bytea
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$
    SELECT int4send(doc_no)
      || int8send((extract(epoch FROM sort_date) * 1000000)::int8)
      || stadshart_varint(cardinality(codes))
      || coalesce((
        SELECT string_agg(stadshart_varint(d.c - d.previous), ''::bytea ORDER BY d.c)
        FROM (SELECT c, coalesce(lag(c) OVER (ORDER BY c), 0) AS previous FROM unnest(codes) AS u(c)) d
      ), ''::bytea)
  $$;
--> statement-breakpoint
-- doc_no is only known once the row is being written (identity), hence a row trigger.
CREATE OR REPLACE FUNCTION stadshart_knowledge_search_pack() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
  BEGIN
    NEW.packed := stadshart_knowledge_search_packed(NEW.doc_no, NEW.sort_date, NEW.codes);
    RETURN NEW;
  END
  $$;
--> statement-breakpoint
CREATE TRIGGER knowledge_search_pack BEFORE INSERT OR UPDATE ON knowledge_search
  FOR EACH ROW EXECUTE FUNCTION stadshart_knowledge_search_pack();
--> statement-breakpoint
-- Once per statement with its transition table, so a bulk insert costs two statements (and the
-- row trigger above, which packs). New facet values are numbered first (in key order, so two
-- writers cannot deadlock); an update that changes nothing the search reads (a review note)
-- writes no row. A deleted item's row goes with it (ON DELETE CASCADE).
CREATE OR REPLACE FUNCTION stadshart_knowledge_search_sync() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
  BEGIN
    INSERT INTO knowledge_facet_values (facet, value)
    SELECT DISTINCT f.facet, f.value
    FROM new_rows n
    CROSS JOIN LATERAL stadshart_knowledge_facet_rows(n.org_id, n.status, n.members_only, n.kind,
      n.region, n.size_class, n.published_at, n.trends, n.themes, n.places) f
    WHERE f.facet <> ''
    ORDER BY 1, 2
    ON CONFLICT (facet, value) DO NOTHING;

    INSERT INTO knowledge_search AS s (open, sort_date, org_id, item_id, codes, packed, head, search)
    SELECT r.open, r.sort_date, r.org_id, r.id, r.codes, ''::bytea, r.search_head, r.search
    FROM (
      SELECT n.status = 'published' AND NOT n.members_only AS open,
        coalesce(n.published_at, n.updated_at) AS sort_date, n.org_id, n.id, n.search_head, n.search,
        stadshart_knowledge_facet_codes(n.org_id, n.status, n.members_only, n.kind, n.region,
          n.size_class, n.published_at, n.trends, n.themes, n.places) AS codes
      FROM new_rows n
    ) r
    ORDER BY r.id
    ON CONFLICT (item_id) DO UPDATE SET
      open = excluded.open, sort_date = excluded.sort_date, org_id = excluded.org_id,
      codes = excluded.codes, head = excluded.head,
      search = excluded.search
    WHERE (s.open, s.sort_date, s.org_id, s.codes, s.head, s.search)
      IS DISTINCT FROM (excluded.open, excluded.sort_date, excluded.org_id, excluded.codes,
        excluded.head, excluded.search);
    RETURN NULL;
  END
  $$;
--> statement-breakpoint
CREATE TRIGGER knowledge_search_insert AFTER INSERT ON knowledge_items
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stadshart_knowledge_search_sync();
--> statement-breakpoint
CREATE TRIGGER knowledge_search_update AFTER UPDATE ON knowledge_items
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stadshart_knowledge_search_sync();
--> statement-breakpoint
-- The items already there.
INSERT INTO knowledge_facet_values (facet, value)
SELECT DISTINCT f.facet, f.value
FROM knowledge_items k
CROSS JOIN LATERAL stadshart_knowledge_facet_rows(k.org_id, k.status, k.members_only, k.kind,
  k.region, k.size_class, k.published_at, k.trends, k.themes, k.places) f
WHERE f.facet <> ''
ORDER BY 1, 2;
--> statement-breakpoint
INSERT INTO knowledge_search (open, sort_date, org_id, item_id, codes, packed, head, search)
SELECT r.open, r.sort_date, r.org_id, r.id, r.codes, ''::bytea, r.search_head, r.search
FROM (
  SELECT k.status = 'published' AND NOT k.members_only AS open,
    coalesce(k.published_at, k.updated_at) AS sort_date, k.org_id, k.id, k.search_head, k.search,
    stadshart_knowledge_facet_codes(k.org_id, k.status, k.members_only, k.kind, k.region,
      k.size_class, k.published_at, k.trends, k.themes, k.places) AS codes
  FROM knowledge_items k
) r
ORDER BY r.id;
--> statement-breakpoint
CREATE INDEX "knowledge_search_search_idx" ON "knowledge_search" USING gin ("search");--> statement-breakpoint
CREATE INDEX "knowledge_search_codes_idx" ON "knowledge_search" USING gin ("codes");
--> statement-breakpoint
-- 2. The words a misspelt word is compared with: every word of three letters or more in the
--    titles and summaries, per audience as in knowledge_facet_counts (`public`, or the
--    organisation for items only its members may read), so a suggestion never comes from an
--    item the reader may not see. A trigram index finds the closest in about a millisecond;
--    comparing with the titles themselves read thousands of them for a popular word.
CREATE TABLE "knowledge_words" (
	"scope" text NOT NULL,
	"word" text NOT NULL,
	"items" integer NOT NULL,
	CONSTRAINT "knowledge_words_scope_word_pk" PRIMARY KEY("scope","word")
);
--> statement-breakpoint
CREATE INDEX "knowledge_words_word_trgm_idx" ON "knowledge_words" USING gin ("word" gin_trgm_ops);
--> statement-breakpoint
-- Rows counted down to nothing are removed right away; this index keeps finding them cheap.
CREATE INDEX "knowledge_words_unused_idx" ON "knowledge_words" ("scope", "word") WHERE "items" <= 0;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION stadshart_knowledge_word_rows(
  org_id uuid, status text, members_only boolean, title text, summary text
) RETURNS TABLE (scope text, word text)
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$
    SELECT DISTINCT CASE WHEN status = 'published' AND NOT members_only THEN 'public' ELSE org_id::text END, w
    FROM regexp_split_to_table(lower(coalesce(title, '') || ' ' || coalesce(summary, '')), '[^[:alnum:]]+') AS w
    WHERE length(w) >= 3
  $$;
--> statement-breakpoint
-- Once per statement with its transition tables, like the facet counts of migration 0006: words
-- are counted up for new rows and down for old ones, in key order; a word no item has any more
-- goes.
CREATE OR REPLACE FUNCTION stadshart_knowledge_words_sync() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
  BEGIN
    IF TG_OP = 'INSERT' THEN
      INSERT INTO knowledge_words AS c (scope, word, items)
      SELECT f.scope, f.word, count(*)::int
      FROM new_rows n
      CROSS JOIN LATERAL stadshart_knowledge_word_rows(n.org_id, n.status, n.members_only, n.title, n.summary) f
      GROUP BY 1, 2 ORDER BY 1, 2
      ON CONFLICT (scope, word) DO UPDATE SET items = c.items + excluded.items;
      RETURN NULL;
    ELSIF TG_OP = 'DELETE' THEN
      INSERT INTO knowledge_words AS c (scope, word, items)
      SELECT f.scope, f.word, -count(*)::int
      FROM old_rows o
      CROSS JOIN LATERAL stadshart_knowledge_word_rows(o.org_id, o.status, o.members_only, o.title, o.summary) f
      GROUP BY 1, 2 ORDER BY 1, 2
      ON CONFLICT (scope, word) DO UPDATE SET items = c.items + excluded.items;
    ELSE
      INSERT INTO knowledge_words AS c (scope, word, items)
      SELECT d.scope, d.word, sum(d.delta)::int
      FROM (
        SELECT f.scope, f.word, 1 AS delta FROM new_rows n
        CROSS JOIN LATERAL stadshart_knowledge_word_rows(n.org_id, n.status, n.members_only, n.title, n.summary) f
        UNION ALL
        SELECT f.scope, f.word, -1 AS delta FROM old_rows o
        CROSS JOIN LATERAL stadshart_knowledge_word_rows(o.org_id, o.status, o.members_only, o.title, o.summary) f
      ) d
      GROUP BY 1, 2 HAVING sum(d.delta) <> 0 ORDER BY 1, 2
      ON CONFLICT (scope, word) DO UPDATE SET items = c.items + excluded.items;
    END IF;
    DELETE FROM knowledge_words WHERE items <= 0;
    RETURN NULL;
  END
  $$;
--> statement-breakpoint
CREATE TRIGGER knowledge_words_insert AFTER INSERT ON knowledge_items
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stadshart_knowledge_words_sync();
--> statement-breakpoint
CREATE TRIGGER knowledge_words_update AFTER UPDATE ON knowledge_items
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stadshart_knowledge_words_sync();
--> statement-breakpoint
CREATE TRIGGER knowledge_words_delete AFTER DELETE ON knowledge_items
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stadshart_knowledge_words_sync();
--> statement-breakpoint
INSERT INTO knowledge_words (scope, word, items)
SELECT f.scope, f.word, count(*)::int
FROM knowledge_items k
CROSS JOIN LATERAL stadshart_knowledge_word_rows(k.org_id, k.status, k.members_only, k.title, k.summary) f
GROUP BY 1, 2;
