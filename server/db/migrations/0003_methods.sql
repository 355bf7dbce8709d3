CREATE TABLE "developments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"trend_id" uuid NOT NULL,
	"key" text NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"position" integer NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "lab_action_updates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"activity_id" uuid NOT NULL,
	"action_id" text NOT NULL,
	"lab_id" uuid NOT NULL,
	"user_id" uuid,
	"author_name" text NOT NULL,
	"status" text NOT NULL,
	"progress" integer NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "lab_actions" (
	"activity_id" uuid NOT NULL,
	"action_id" text NOT NULL,
	"lab_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"owner_name" text DEFAULT '' NOT NULL,
	"owner_user_id" uuid,
	"horizon" text NOT NULL,
	"starts_on" date,
	"ends_on" date,
	"links" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text NOT NULL,
	"progress" integer DEFAULT 0 NOT NULL,
	"dots" integer DEFAULT 0 NOT NULL,
	"proposed_by_participant_id" uuid,
	"proposed_by_name" text DEFAULT '' NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "lab_actions_activity_id_action_id_pk" PRIMARY KEY("activity_id","action_id")
);
--> statement-breakpoint
CREATE TABLE "lab_syntheses" (
	"lab_id" uuid PRIMARY KEY NOT NULL,
	"overrides" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "lab_trend_scores" (
	"activity_id" uuid NOT NULL,
	"lab_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"item_key" text NOT NULL,
	"place_id" uuid,
	"relevance" integer,
	"impact" integer,
	"uncertainty" integer,
	"comment" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "lab_trend_scores_activity_id_participant_id_item_key_pk" PRIMARY KEY("activity_id","participant_id","item_key")
);
--> statement-breakpoint
CREATE TABLE "trends" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"key" text NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"position" integer NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "labs" ADD COLUMN "themes" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "developments" ADD CONSTRAINT "developments_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "developments" ADD CONSTRAINT "developments_trend_id_trends_id_fk" FOREIGN KEY ("trend_id") REFERENCES "public"."trends"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lab_action_updates" ADD CONSTRAINT "lab_action_updates_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lab_action_updates" ADD CONSTRAINT "lab_action_updates_lab_id_labs_id_fk" FOREIGN KEY ("lab_id") REFERENCES "public"."labs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lab_action_updates" ADD CONSTRAINT "lab_action_updates_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lab_actions" ADD CONSTRAINT "lab_actions_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lab_actions" ADD CONSTRAINT "lab_actions_lab_id_labs_id_fk" FOREIGN KEY ("lab_id") REFERENCES "public"."labs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lab_actions" ADD CONSTRAINT "lab_actions_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lab_actions" ADD CONSTRAINT "lab_actions_proposed_by_participant_id_lab_participants_id_fk" FOREIGN KEY ("proposed_by_participant_id") REFERENCES "public"."lab_participants"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lab_syntheses" ADD CONSTRAINT "lab_syntheses_lab_id_labs_id_fk" FOREIGN KEY ("lab_id") REFERENCES "public"."labs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lab_trend_scores" ADD CONSTRAINT "lab_trend_scores_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lab_trend_scores" ADD CONSTRAINT "lab_trend_scores_lab_id_labs_id_fk" FOREIGN KEY ("lab_id") REFERENCES "public"."labs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lab_trend_scores" ADD CONSTRAINT "lab_trend_scores_participant_id_lab_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."lab_participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lab_trend_scores" ADD CONSTRAINT "lab_trend_scores_place_id_places_id_fk" FOREIGN KEY ("place_id") REFERENCES "public"."places"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trends" ADD CONSTRAINT "trends_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "developments_org_key" ON "developments" USING btree ("org_id","key");--> statement-breakpoint
CREATE INDEX "developments_trend_idx" ON "developments" USING btree ("trend_id","position");--> statement-breakpoint
CREATE INDEX "lab_action_updates_action_idx" ON "lab_action_updates" USING btree ("activity_id","action_id","created_at");--> statement-breakpoint
CREATE INDEX "lab_actions_lab_idx" ON "lab_actions" USING btree ("lab_id");--> statement-breakpoint
CREATE INDEX "lab_actions_owner_idx" ON "lab_actions" USING btree ("owner_user_id");--> statement-breakpoint
CREATE INDEX "lab_trend_scores_lab_idx" ON "lab_trend_scores" USING btree ("lab_id");--> statement-breakpoint
CREATE UNIQUE INDEX "trends_org_key" ON "trends" USING btree ("org_id","key");