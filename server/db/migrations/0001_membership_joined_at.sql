ALTER TABLE "memberships" ADD COLUMN "joined_at" timestamp with time zone;
--> statement-breakpoint
-- Memberships that are or were active before this column existed count as joined.
UPDATE "memberships" SET "joined_at" = "created_at" WHERE "status" IN ('active', 'deactivated');
--> statement-breakpoint
CREATE FUNCTION "memberships_set_joined_at"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."status" = 'active' AND NEW."joined_at" IS NULL THEN
    NEW."joined_at" := now();
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "memberships_joined_at" BEFORE INSERT OR UPDATE OF "status" ON "memberships"
  FOR EACH ROW EXECUTE FUNCTION "memberships_set_joined_at"();
