-- A search of words (with -word and OR) counts its matches in the app without PostgreSQL
-- visiting each of them (ADR 0004, docs/search.md "How it runs"). Visiting a match in
-- knowledge_search costs about 1 µs; a word in most of 100 000 items cost 100 ms and more. Two
-- tables, kept by statement triggers on knowledge_search, carry what such a search needs instead:
--
-- knowledge_search_words: per word (a stem of the `search` vector) and block of 2 048 doc_nos,
-- the items of the block having it, one big-endian int2 each (in no order): (doc_no & 2047) * 4
-- + where the word is, 2 in the title (weight A of the `head` vector), 1 in the summary
-- (elsewhere in `head`), 0 only elsewhere. As bytea, PostgreSQL sends them without converting
-- each number (int2[] as text cost 11 ms for the 100 000 entries of `binnenstad`).
--
-- knowledge_search_blocks: per block, each item's `packed` value followed by one byte (1 when
-- everyone may read it) and its organisation's uuid (16 bytes), in doc_no order; the app keeps
-- a copy of every block and rereads one only when its version (from a sequence) has changed.
CREATE TABLE "knowledge_search_blocks" (
	"block" integer PRIMARY KEY NOT NULL,
	"version" bigint NOT NULL,
	"rows" "bytea" NOT NULL
);
--> statement-breakpoint
-- Uncompressed out of line: the bytes are nearly random, and compressing them only costs time.
ALTER TABLE "knowledge_search_blocks" ALTER COLUMN "rows" SET STORAGE EXTERNAL;
--> statement-breakpoint
CREATE SEQUENCE "knowledge_search_blocks_version_seq";
--> statement-breakpoint
-- Bytewise order, so the words starting with a prefix ("winkel" for winkels*) are one range of
-- the primary key.
CREATE TABLE "knowledge_search_words" (
	"word" text COLLATE "C" NOT NULL,
	"block" integer NOT NULL,
	"docs" "bytea" NOT NULL,
	CONSTRAINT "knowledge_search_words_word_block_pk" PRIMARY KEY("word","block")
);
--> statement-breakpoint
ALTER TABLE "knowledge_search_words" ALTER COLUMN "docs" SET STORAGE EXTERNAL;
--> statement-breakpoint
CREATE INDEX "knowledge_search_words_empty_idx" ON "knowledge_search_words" USING btree ("word","block") WHERE length("knowledge_search_words"."docs") = 0;
--> statement-breakpoint
-- The entries of one item: each word of its `search` vector with its block and entry.
CREATE OR REPLACE FUNCTION stadshart_search_word_entries(doc_no integer, search tsvector, head tsvector)
  RETURNS TABLE (word text, block integer, entry smallint)
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$
    SELECT u.lexeme, doc_no >> 11,
      ((doc_no & 2047) * 4 + CASE
        WHEN 'A' = ANY (h.weights) THEN 2
        WHEN h.lexeme IS NOT NULL THEN 1
        ELSE 0 END)::smallint
    FROM unnest(search) u
    LEFT JOIN unnest(head) h ON h.lexeme = u.lexeme
  $$;
--> statement-breakpoint
-- Rewrites the given blocks from knowledge_search (an emptied block keeps an empty row).
CREATE OR REPLACE FUNCTION stadshart_knowledge_search_blocks_write(blocks integer[])
  RETURNS void
  LANGUAGE sql
  AS $$
    INSERT INTO knowledge_search_blocks AS b (block, version, rows)
    SELECT x.block, nextval('knowledge_search_blocks_version_seq'), coalesce((
      SELECT string_agg(s.packed || CASE WHEN s.open THEN '\x01'::bytea ELSE '\x00'::bytea END
          || uuid_send(s.org_id), ''::bytea ORDER BY s.doc_no)
      FROM knowledge_search s
      WHERE s.doc_no BETWEEN x.block * 2048 AND x.block * 2048 + 2047
    ), ''::bytea)
    FROM (SELECT DISTINCT unnest(blocks) AS block) x
    ORDER BY x.block
    ON CONFLICT (block) DO UPDATE SET version = excluded.version, rows = excluded.rows
  $$;
--> statement-breakpoint
-- Applies the difference between two sets of entries: removed ones first, then added ones.
CREATE OR REPLACE FUNCTION stadshart_knowledge_search_words_apply(gone_words text[],
  gone_blocks integer[], gone_entries smallint[], came_words text[], came_blocks integer[],
  came_entries smallint[])
  RETURNS void
  LANGUAGE sql
  AS $$
    UPDATE knowledge_search_words w
    SET docs = coalesce((
      SELECT string_agg(substr(w.docs, 2 * i + 1, 2), ''::bytea ORDER BY i)
      FROM generate_series(0, length(w.docs) / 2 - 1) i
      WHERE get_byte(w.docs, 2 * i) * 256 + get_byte(w.docs, 2 * i + 1) <> ALL (g.entries)
    ), ''::bytea)
    FROM (
      SELECT t.word, t.block, array_agg(t.entry) AS entries
      FROM unnest(gone_words, gone_blocks, gone_entries) AS t(word, block, entry)
      GROUP BY t.word, t.block
    ) g
    WHERE w.word = g.word AND w.block = g.block;

    DELETE FROM knowledge_search_words WHERE length(docs) = 0;

    INSERT INTO knowledge_search_words AS w (word, block, docs)
    SELECT t.word, t.block, string_agg(int2send(t.entry), ''::bytea ORDER BY t.entry)
    FROM unnest(came_words, came_blocks, came_entries) AS t(word, block, entry)
    GROUP BY t.word, t.block
    ORDER BY t.word, t.block
    ON CONFLICT (word, block) DO UPDATE SET docs = w.docs || excluded.docs;
  $$;
--> statement-breakpoint
-- Once per statement on knowledge_search. Writers take one advisory lock first: the entries are
-- applied as differences, and two statements changing the same rows in different orders could
-- deadlock; knowledge items are written seldom enough for one at a time. An update that changes
-- neither vector leaves the words alone, and one that changes nothing in `packed`, `open` or the
-- organisation leaves the blocks alone.
CREATE OR REPLACE FUNCTION stadshart_knowledge_search_index() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
  DECLARE
    entries record;
    diff record;
    blocks integer[];
  BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('stadshart_knowledge_search_index'));
    IF TG_OP = 'INSERT' THEN
      SELECT array_agg(e.word) AS words, array_agg(e.block) AS blocks, array_agg(e.entry) AS entries
      INTO entries
      FROM new_rows n CROSS JOIN LATERAL stadshart_search_word_entries(n.doc_no, n.search, n.head) e;
      PERFORM stadshart_knowledge_search_words_apply('{}', '{}', '{}',
        coalesce(entries.words, '{}'), coalesce(entries.blocks, '{}'),
        coalesce(entries.entries, '{}'));
      SELECT array_agg(DISTINCT n.doc_no >> 11) INTO blocks FROM new_rows n;
    ELSIF TG_OP = 'DELETE' THEN
      SELECT array_agg(e.word) AS words, array_agg(e.block) AS blocks, array_agg(e.entry) AS entries
      INTO entries
      FROM old_rows o CROSS JOIN LATERAL stadshart_search_word_entries(o.doc_no, o.search, o.head) e;
      PERFORM stadshart_knowledge_search_words_apply(coalesce(entries.words, '{}'),
        coalesce(entries.blocks, '{}'), coalesce(entries.entries, '{}'), '{}', '{}', '{}');
      SELECT array_agg(DISTINCT o.doc_no >> 11) INTO blocks FROM old_rows o;
    ELSE
      WITH changed AS (
        SELECT o.doc_no, o.search AS old_search, o.head AS old_head, n.search AS new_search,
          n.head AS new_head
        FROM old_rows o JOIN new_rows n ON n.doc_no = o.doc_no
        WHERE (o.search, o.head) IS DISTINCT FROM (n.search, n.head)
      ),
      before AS (
        SELECT e.* FROM changed c
        CROSS JOIN LATERAL stadshart_search_word_entries(c.doc_no, c.old_search, c.old_head) e
      ),
      after AS (
        SELECT e.* FROM changed c
        CROSS JOIN LATERAL stadshart_search_word_entries(c.doc_no, c.new_search, c.new_head) e
      ),
      gone_entries AS (SELECT * FROM before EXCEPT ALL SELECT * FROM after),
      came_entries AS (SELECT * FROM after EXCEPT ALL SELECT * FROM before)
      SELECT
        (SELECT array_agg(word) FROM gone_entries) AS gone_words,
        (SELECT array_agg(block) FROM gone_entries) AS gone_blocks,
        (SELECT array_agg(entry) FROM gone_entries) AS gone_entries,
        (SELECT array_agg(word) FROM came_entries) AS came_words,
        (SELECT array_agg(block) FROM came_entries) AS came_blocks,
        (SELECT array_agg(entry) FROM came_entries) AS came_entries
      INTO diff;
      PERFORM stadshart_knowledge_search_words_apply(coalesce(diff.gone_words, '{}'),
        coalesce(diff.gone_blocks, '{}'), coalesce(diff.gone_entries, '{}'),
        coalesce(diff.came_words, '{}'), coalesce(diff.came_blocks, '{}'),
        coalesce(diff.came_entries, '{}'));
      SELECT array_agg(DISTINCT n.doc_no >> 11) INTO blocks
      FROM old_rows o JOIN new_rows n ON n.doc_no = o.doc_no
      WHERE (o.packed, o.open, o.org_id) IS DISTINCT FROM (n.packed, n.open, n.org_id);
    END IF;
    IF blocks IS NOT NULL THEN
      PERFORM stadshart_knowledge_search_blocks_write(blocks);
    END IF;
    RETURN NULL;
  END
  $$;
--> statement-breakpoint
CREATE TRIGGER knowledge_search_index_insert AFTER INSERT ON knowledge_search
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stadshart_knowledge_search_index();
--> statement-breakpoint
CREATE TRIGGER knowledge_search_index_update AFTER UPDATE ON knowledge_search
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stadshart_knowledge_search_index();
--> statement-breakpoint
CREATE TRIGGER knowledge_search_index_delete AFTER DELETE ON knowledge_search
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stadshart_knowledge_search_index();
--> statement-breakpoint
-- The items already there.
INSERT INTO knowledge_search_words (word, block, docs)
SELECT e.word, e.block, string_agg(int2send(e.entry), ''::bytea ORDER BY e.entry)
FROM knowledge_search s
CROSS JOIN LATERAL stadshart_search_word_entries(s.doc_no, s.search, s.head) e
GROUP BY e.word, e.block;
--> statement-breakpoint
SELECT stadshart_knowledge_search_blocks_write(coalesce(array_agg(DISTINCT s.doc_no >> 11), '{}'))
FROM knowledge_search s;
