-- Search over the knowledge base (docs/knowledge.md): Dutch stemming after removing accents, so
-- "cafe" finds "café" and "winkel" finds "winkels" and "winkelen"; trigrams for typos.
-- Both extensions are "trusted": a database owner without superuser rights may create them.
CREATE EXTENSION IF NOT EXISTS unaccent;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'stadshart_dutch') THEN
    CREATE TEXT SEARCH CONFIGURATION stadshart_dutch (COPY = pg_catalog.dutch);
    ALTER TEXT SEARCH CONFIGURATION stadshart_dutch
      ALTER MAPPING FOR hword, hword_part, word WITH unaccent, dutch_stem;
  END IF;
END
$$;
--> statement-breakpoint
-- array_to_string is only "stable" in PostgreSQL; for text[] it cannot change its answer, and a
-- generated column needs an immutable function.
CREATE OR REPLACE FUNCTION stadshart_immutable_array_to_string(text[]) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT array_to_string($1, ' ') $$;
