CREATE TABLE "activities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"lab_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"config" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "canvas_templates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"builtin_key" text,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"sections" jsonb NOT NULL,
	"is_default" boolean DEFAULT false NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "collab_documents" (
	"name" text PRIMARY KEY NOT NULL,
	"lab_id" uuid NOT NULL,
	"state" "bytea" NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "collab_tokens" (
	"id" text PRIMARY KEY NOT NULL,
	"participant_id" uuid NOT NULL,
	"lab_id" uuid NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "lab_facilitators" (
	"lab_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	CONSTRAINT "lab_facilitators_lab_id_user_id_pk" PRIMARY KEY("lab_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "lab_notes" (
	"activity_id" uuid NOT NULL,
	"note_id" text NOT NULL,
	"lab_id" uuid NOT NULL,
	"section_key" text NOT NULL,
	"cluster_name" text,
	"text" text NOT NULL,
	"colour" text NOT NULL,
	"author_participant_id" uuid,
	"author_name" text NOT NULL,
	"position" integer NOT NULL,
	"dots" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "lab_notes_activity_id_note_id_pk" PRIMARY KEY("activity_id","note_id")
);
--> statement-breakpoint
CREATE TABLE "lab_participants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"lab_id" uuid NOT NULL,
	"user_id" uuid,
	"kind" text NOT NULL,
	"role" text DEFAULT 'participant' NOT NULL,
	"display_name" text NOT NULL,
	"guest_secret_hash" text,
	"joined_at" timestamp with time zone DEFAULT now() NOT NULL,
	"removed_at" timestamp with time zone,
	CONSTRAINT "lab_participants_guest_secret_hash_unique" UNIQUE("guest_secret_hash")
);
--> statement-breakpoint
CREATE TABLE "lab_places" (
	"lab_id" uuid NOT NULL,
	"place_id" uuid NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "lab_places_lab_id_place_id_pk" PRIMARY KEY("lab_id","place_id")
);
--> statement-breakpoint
CREATE TABLE "lab_poll_answers" (
	"activity_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"choices" text[],
	"value" integer,
	"text" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "lab_poll_answers_activity_id_participant_id_pk" PRIMARY KEY("activity_id","participant_id")
);
--> statement-breakpoint
CREATE TABLE "lab_votes" (
	"activity_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"note_id" text NOT NULL,
	"dots" integer NOT NULL,
	CONSTRAINT "lab_votes_activity_id_participant_id_note_id_pk" PRIMARY KEY("activity_id","participant_id","note_id")
);
--> statement-breakpoint
CREATE TABLE "labs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"title" text NOT NULL,
	"question" text DEFAULT '' NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"region_id" uuid,
	"starts_at" timestamp with time zone,
	"venue" text DEFAULT '' NOT NULL,
	"anonymous" boolean DEFAULT false NOT NULL,
	"join_code" text,
	"created_by" uuid,
	"opened_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_lab_id_labs_id_fk" FOREIGN KEY ("lab_id") REFERENCES "public"."labs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "canvas_templates" ADD CONSTRAINT "canvas_templates_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collab_documents" ADD CONSTRAINT "collab_documents_lab_id_labs_id_fk" FOREIGN KEY ("lab_id") REFERENCES "public"."labs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collab_tokens" ADD CONSTRAINT "collab_tokens_participant_id_lab_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."lab_participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collab_tokens" ADD CONSTRAINT "collab_tokens_lab_id_labs_id_fk" FOREIGN KEY ("lab_id") REFERENCES "public"."labs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lab_facilitators" ADD CONSTRAINT "lab_facilitators_lab_id_labs_id_fk" FOREIGN KEY ("lab_id") REFERENCES "public"."labs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lab_facilitators" ADD CONSTRAINT "lab_facilitators_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lab_notes" ADD CONSTRAINT "lab_notes_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lab_notes" ADD CONSTRAINT "lab_notes_lab_id_labs_id_fk" FOREIGN KEY ("lab_id") REFERENCES "public"."labs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lab_notes" ADD CONSTRAINT "lab_notes_author_participant_id_lab_participants_id_fk" FOREIGN KEY ("author_participant_id") REFERENCES "public"."lab_participants"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lab_participants" ADD CONSTRAINT "lab_participants_lab_id_labs_id_fk" FOREIGN KEY ("lab_id") REFERENCES "public"."labs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lab_participants" ADD CONSTRAINT "lab_participants_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lab_places" ADD CONSTRAINT "lab_places_lab_id_labs_id_fk" FOREIGN KEY ("lab_id") REFERENCES "public"."labs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lab_places" ADD CONSTRAINT "lab_places_place_id_places_id_fk" FOREIGN KEY ("place_id") REFERENCES "public"."places"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lab_poll_answers" ADD CONSTRAINT "lab_poll_answers_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lab_poll_answers" ADD CONSTRAINT "lab_poll_answers_participant_id_lab_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."lab_participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lab_votes" ADD CONSTRAINT "lab_votes_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lab_votes" ADD CONSTRAINT "lab_votes_participant_id_lab_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."lab_participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "labs" ADD CONSTRAINT "labs_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "labs" ADD CONSTRAINT "labs_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "labs" ADD CONSTRAINT "labs_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "activities_lab_idx" ON "activities" USING btree ("lab_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "canvas_templates_org_builtin_key" ON "canvas_templates" USING btree ("org_id","builtin_key");--> statement-breakpoint
CREATE INDEX "collab_tokens_participant_idx" ON "collab_tokens" USING btree ("participant_id");--> statement-breakpoint
CREATE INDEX "lab_notes_lab_idx" ON "lab_notes" USING btree ("lab_id");--> statement-breakpoint
CREATE INDEX "lab_participants_lab_idx" ON "lab_participants" USING btree ("lab_id");--> statement-breakpoint
CREATE UNIQUE INDEX "lab_participants_lab_user_key" ON "lab_participants" USING btree ("lab_id","user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "labs_join_code_key" ON "labs" USING btree ("join_code");--> statement-breakpoint
CREATE INDEX "labs_org_idx" ON "labs" USING btree ("org_id");