// The database schema (drizzle). Migrations in ./migrations are generated from this file.
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

const bytea = customType<{ data: Buffer; driverData: Buffer }>({
  dataType() {
    return 'bytea';
  },
});

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

export const organisations = pgTable('organisations', {
  id: uuid('id').primaryKey().defaultRandom(),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  primaryColour: text('primary_colour').notNull().default('#1a5a96'),
  logo: bytea('logo'),
  logoMediaType: text('logo_media_type'),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    name: text('name').notNull().default(''),
    function: text('function').notNull().default(''),
    municipality: text('municipality').notNull().default(''),
    locale: text('locale', { enum: ['nl', 'en'] })
      .notNull()
      .default('nl'),
    passwordHash: text('password_hash'),
    emailVerifiedAt: timestamp('email_verified_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('users_email_key').on(sql`lower(${t.email})`)],
);

export const memberships = pgTable(
  'memberships',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ['admin', 'facilitator', 'member'] }).notNull(),
    status: text('status', { enum: ['invited', 'active', 'deactivated'] })
      .notNull()
      .default('invited'),
    invitedBy: uuid('invited_by').references(() => users.id, { onDelete: 'set null' }),
    // When the person first became an active member. A migration trigger sets it on every way
    // into 'active', so a withdrawn invitation (never joined) can be told from a deactivated member.
    joinedAt: timestamp('joined_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.userId] }), index('memberships_user_idx').on(t.userId)],
);

export const sessions = pgTable(
  'sessions',
  {
    // SHA-256 of the cookie value: a database leak does not hand out live sessions.
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    userAgent: text('user_agent').notNull().default(''),
    createdAt: createdAt(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

export const oneTimeTokens = pgTable(
  'one_time_tokens',
  {
    // SHA-256 of the token in the mailed link.
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    purpose: text('purpose', {
      enum: ['sign_in', 'invite', 'verify_email', 'reset_password'],
    }).notNull(),
    orgId: uuid('org_id').references(() => organisations.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [index('one_time_tokens_user_idx').on(t.userId)],
);

export const places = pgTable(
  'places',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    municipality: text('municipality').notNull(),
    cbsCode: text('cbs_code'),
    description: text('description').notNull().default(''),
    dnaTags: text('dna_tags')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('places_org_name_municipality_key').on(
      t.orgId,
      sql`lower(${t.name})`,
      sql`lower(${t.municipality})`,
    ),
  ],
);

export const regions = pgTable(
  'regions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('regions_org_name_key').on(t.orgId, sql`lower(${t.name})`)],
);

export const regionPlaces = pgTable(
  'region_places',
  {
    regionId: uuid('region_id')
      .notNull()
      .references(() => regions.id, { onDelete: 'cascade' }),
    placeId: uuid('place_id')
      .notNull()
      .references(() => places.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.regionId, t.placeId] }),
    index('region_places_place_idx').on(t.placeId),
  ],
);

// Canvas templates of an organisation. Rows with a builtin_key were created from a template the
// platform ships (the default "Canvas Nieuwe Binnensteden", the blank one); admins may still edit them.
export const canvasTemplates = pgTable(
  'canvas_templates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    builtinKey: text('builtin_key'),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    sections: jsonb('sections').notNull(),
    isDefault: boolean('is_default').notNull().default(false),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('canvas_templates_org_builtin_key').on(t.orgId, t.builtinKey)],
);

export const labs = pgTable(
  'labs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    question: text('question').notNull().default(''),
    kind: text('kind', { enum: ['local', 'regional', 'thematic'] }).notNull(),
    status: text('status', { enum: ['draft', 'open', 'live', 'closed'] })
      .notNull()
      .default('draft'),
    regionId: uuid('region_id').references(() => regions.id, { onDelete: 'set null' }),
    startsAt: timestamp('starts_at', { withTimezone: true }),
    venue: text('venue').notNull().default(''),
    anonymous: boolean('anonymous').notNull().default(false),
    // The top themes the room chose (common/labs.ts labTheme[]); later activities start from them.
    themes: jsonb('themes')
      .notNull()
      .default(sql`'[]'::jsonb`),
    // Set while the lab is open or live; unique among those, so a code names one lab at a time.
    joinCode: text('join_code'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    openedAt: timestamp('opened_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('labs_join_code_key').on(t.joinCode), index('labs_org_idx').on(t.orgId)],
);

export const labPlaces = pgTable(
  'lab_places',
  {
    labId: uuid('lab_id')
      .notNull()
      .references(() => labs.id, { onDelete: 'cascade' }),
    placeId: uuid('place_id')
      .notNull()
      .references(() => places.id, { onDelete: 'cascade' }),
    position: integer('position').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.labId, t.placeId] })],
);

export const labFacilitators = pgTable(
  'lab_facilitators',
  {
    labId: uuid('lab_id')
      .notNull()
      .references(() => labs.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.labId, t.userId] })],
);

export const activities = pgTable(
  'activities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    labId: uuid('lab_id')
      .notNull()
      .references(() => labs.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    // Validated by the kind's schema in common/activities/ before it is written.
    config: jsonb('config').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('activities_lab_idx').on(t.labId, t.position)],
);

// Everyone in a lab: members (user_id set) and guests (guest_secret_hash set, no account).
export const labParticipants = pgTable(
  'lab_participants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    labId: uuid('lab_id')
      .notNull()
      .references(() => labs.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    kind: text('kind', { enum: ['member', 'guest'] }).notNull(),
    role: text('role', { enum: ['facilitator', 'participant'] })
      .notNull()
      .default('participant'),
    displayName: text('display_name').notNull(),
    // SHA-256 of the guest's lab-scoped secret; null for members.
    guestSecretHash: text('guest_secret_hash').unique(),
    joinedAt: timestamp('joined_at', { withTimezone: true }).notNull().defaultNow(),
    removedAt: timestamp('removed_at', { withTimezone: true }),
  },
  (t) => [
    index('lab_participants_lab_idx').on(t.labId),
    uniqueIndex('lab_participants_lab_user_key').on(t.labId, t.userId),
  ],
);

// Short-lived tokens for the realtime connection; only their SHA-256 is stored.
export const collabTokens = pgTable(
  'collab_tokens',
  {
    id: text('id').primaryKey(),
    participantId: uuid('participant_id')
      .notNull()
      .references(() => labParticipants.id, { onDelete: 'cascade' }),
    labId: uuid('lab_id')
      .notNull()
      .references(() => labs.id, { onDelete: 'cascade' }),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('collab_tokens_participant_idx').on(t.participantId)],
);

// The stored Yjs state of each document; writers merge into it, never overwrite it.
// A document belongs to a lab or to a knowledge item (exactly one), and goes when its owner goes.
export const collabDocuments = pgTable('collab_documents', {
  name: text('name').primaryKey(),
  labId: uuid('lab_id').references(() => labs.id, { onDelete: 'cascade' }),
  knowledgeItemId: uuid('knowledge_item_id').references(() => knowledgeItems.id, {
    onDelete: 'cascade',
  }),
  state: bytea('state').notNull(),
  updatedAt: updatedAt(),
});

// Projections: what the documents hold, as rows for reports, search and analysis.
export const labNotes = pgTable(
  'lab_notes',
  {
    activityId: uuid('activity_id')
      .notNull()
      .references(() => activities.id, { onDelete: 'cascade' }),
    noteId: text('note_id').notNull(),
    labId: uuid('lab_id')
      .notNull()
      .references(() => labs.id, { onDelete: 'cascade' }),
    sectionKey: text('section_key').notNull(),
    clusterName: text('cluster_name'),
    text: text('text').notNull(),
    colour: text('colour').notNull(),
    authorParticipantId: uuid('author_participant_id').references(() => labParticipants.id, {
      onDelete: 'set null',
    }),
    authorName: text('author_name').notNull(),
    position: integer('position').notNull(),
    dots: integer('dots').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.activityId, t.noteId] }),
    index('lab_notes_lab_idx').on(t.labId),
  ],
);

export const labVotes = pgTable(
  'lab_votes',
  {
    activityId: uuid('activity_id')
      .notNull()
      .references(() => activities.id, { onDelete: 'cascade' }),
    participantId: uuid('participant_id')
      .notNull()
      .references(() => labParticipants.id, { onDelete: 'cascade' }),
    noteId: text('note_id').notNull(),
    dots: integer('dots').notNull(),
  },
  (t) => [primaryKey({ columns: [t.activityId, t.participantId, t.noteId] })],
);

export const labPollAnswers = pgTable(
  'lab_poll_answers',
  {
    activityId: uuid('activity_id')
      .notNull()
      .references(() => activities.id, { onDelete: 'cascade' }),
    participantId: uuid('participant_id')
      .notNull()
      .references(() => labParticipants.id, { onDelete: 'cascade' }),
    choices: text('choices').array(),
    value: integer('value'),
    text: text('text'),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.activityId, t.participantId] })],
);

// The organisation's trend catalogue (DESIGN.md): trends, each with developments. Labs copy what
// they use into an activity's settings, so editing the catalogue later rewrites no old result.
export const trends = pgTable(
  'trends',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    position: integer('position').notNull(),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('trends_org_key').on(t.orgId, t.key)],
);

export const developments = pgTable(
  'developments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    trendId: uuid('trend_id')
      .notNull()
      .references(() => trends.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    position: integer('position').notNull(),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('developments_org_key').on(t.orgId, t.key),
    index('developments_trend_idx').on(t.trendId, t.position),
  ],
);

// Projection of a trend scan: one row per person and scored item.
export const labTrendScores = pgTable(
  'lab_trend_scores',
  {
    activityId: uuid('activity_id')
      .notNull()
      .references(() => activities.id, { onDelete: 'cascade' }),
    labId: uuid('lab_id')
      .notNull()
      .references(() => labs.id, { onDelete: 'cascade' }),
    participantId: uuid('participant_id')
      .notNull()
      .references(() => labParticipants.id, { onDelete: 'cascade' }),
    itemKey: text('item_key').notNull(),
    placeId: uuid('place_id').references(() => places.id, { onDelete: 'set null' }),
    relevance: integer('relevance'),
    impact: integer('impact'),
    uncertainty: integer('uncertainty'),
    comment: text('comment'),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.activityId, t.participantId, t.itemKey] }),
    index('lab_trend_scores_lab_idx').on(t.labId),
  ],
);

// Actions agreed in a lab. The live document owns what was said in the room; the follow-up
// columns (status after the lab, progress) are owned by this table and its history.
export const labActions = pgTable(
  'lab_actions',
  {
    activityId: uuid('activity_id')
      .notNull()
      .references(() => activities.id, { onDelete: 'cascade' }),
    actionId: text('action_id').notNull(),
    labId: uuid('lab_id')
      .notNull()
      .references(() => labs.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    ownerName: text('owner_name').notNull().default(''),
    ownerUserId: uuid('owner_user_id').references(() => users.id, { onDelete: 'set null' }),
    horizon: text('horizon').notNull(),
    startsOn: date('starts_on', { mode: 'string' }),
    endsOn: date('ends_on', { mode: 'string' }),
    links: jsonb('links')
      .notNull()
      .default(sql`'[]'::jsonb`),
    status: text('status').notNull(),
    progress: integer('progress').notNull().default(0),
    dots: integer('dots').notNull().default(0),
    proposedByParticipantId: uuid('proposed_by_participant_id').references(
      () => labParticipants.id,
      { onDelete: 'set null' },
    ),
    proposedByName: text('proposed_by_name').notNull().default(''),
    position: integer('position').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.activityId, t.actionId] }),
    index('lab_actions_lab_idx').on(t.labId),
    index('lab_actions_owner_idx').on(t.ownerUserId),
  ],
);

// Every follow-up change to an action after the lab, oldest first; never rewritten.
export const labActionUpdates = pgTable(
  'lab_action_updates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    activityId: uuid('activity_id')
      .notNull()
      .references(() => activities.id, { onDelete: 'cascade' }),
    actionId: text('action_id').notNull(),
    labId: uuid('lab_id')
      .notNull()
      .references(() => labs.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    authorName: text('author_name').notNull(),
    status: text('status').notNull(),
    progress: integer('progress').notNull(),
    note: text('note').notNull().default(''),
    createdAt: createdAt(),
  },
  (t) => [index('lab_action_updates_action_idx').on(t.activityId, t.actionId, t.createdAt)],
);

// The facilitator's corrections to the automatic grouping of a lab's synthesis.
export const labSyntheses = pgTable('lab_syntheses', {
  labId: uuid('lab_id')
    .primaryKey()
    .references(() => labs.id, { onDelete: 'cascade' }),
  overrides: jsonb('overrides')
    .notNull()
    .default(sql`'{}'::jsonb`),
  updatedAt: updatedAt(),
});

// The working report of a lab: the last generation (filled by the report job), the job's progress
// and the facilitator's edits. Finalising copies the composed document into a version.
export const labReports = pgTable('lab_reports', {
  labId: uuid('lab_id')
    .primaryKey()
    .references(() => labs.id, { onDelete: 'cascade' }),
  orgId: uuid('org_id')
    .notNull()
    .references(() => organisations.id, { onDelete: 'cascade' }),
  jobStatus: text('job_status', { enum: ['idle', 'queued', 'running', 'ready', 'failed'] })
    .notNull()
    .default('idle'),
  jobId: text('job_id'),
  progress: integer('progress').notNull().default(0),
  step: text('step'),
  error: text('error'),
  requestedBy: uuid('requested_by').references(() => users.id, { onDelete: 'set null' }),
  requestedAt: timestamp('requested_at', { withTimezone: true }),
  finishedAt: timestamp('finished_at', { withTimezone: true }),
  // The generated content (server/features/reports: cover, sections, quotable notes, raw data).
  generated: jsonb('generated'),
  generatedAt: timestamp('generated_at', { withTimezone: true }),
  // common/reports.ts reportEditorial.
  editorial: jsonb('editorial')
    .notNull()
    .default(sql`'{}'::jsonb`),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

// Finalised reports; never changed once written, so every export of a version agrees.
export const labReportVersions = pgTable(
  'lab_report_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    labId: uuid('lab_id')
      .notNull()
      .references(() => labs.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    // common/reports.ts reportDocument and reportRawData.
    document: jsonb('document').notNull(),
    raw: jsonb('raw').notNull(),
    licence: text('licence').notNull(),
    finalisedBy: uuid('finalised_by').references(() => users.id, { onDelete: 'set null' }),
    finalisedAt: timestamp('finalised_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('lab_report_versions_lab_version_key').on(t.labId, t.version)],
);

const tsvector = customType<{ data: string }>({
  dataType() {
    return 'tsvector';
  },
});

// Knowledge base items. `search` is computed by PostgreSQL from title (weight A), summary (B),
// tags (B) and body text (C) with the stadshart_dutch configuration (Dutch stemming after
// unaccent; migration 0004), so every write keeps it true without application code.
export const knowledgeItems = pgTable(
  'knowledge_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    slug: text('slug').notNull().unique(),
    kind: text('kind', {
      enum: ['best_practice', 'publication', 'blog', 'event_report'],
    }).notNull(),
    status: text('status', { enum: ['draft', 'in_review', 'published', 'unpublished'] })
      .notNull()
      .default('draft'),
    membersOnly: boolean('members_only').notNull().default(false),
    title: text('title').notNull(),
    summary: text('summary').notNull().default(''),
    // common/richtext.ts richDoc; projected from the collaborative document when edited live.
    body: jsonb('body')
      .notNull()
      .default(sql`'{"type":"doc","content":[]}'::jsonb`),
    bodyText: text('body_text').notNull().default(''),
    places: text('places')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    region: text('region'),
    trends: text('trends')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    themes: text('themes')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    sizeClass: text('size_class'),
    licence: text('licence').notNull().default('CC-BY-SA-4.0'),
    attribution: text('attribution').notNull().default(''),
    labId: uuid('lab_id').references(() => labs.id, { onDelete: 'set null' }),
    reportVersion: integer('report_version'),
    reviewNote: text('review_note'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    publishedBy: uuid('published_by').references(() => users.id, { onDelete: 'set null' }),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    firstPublishedAt: timestamp('first_published_at', { withTimezone: true }),
    search: tsvector('search').generatedAlwaysAs(
      sql`setweight(to_tsvector('stadshart_dutch'::regconfig, coalesce(title, '')), 'A') || setweight(to_tsvector('stadshart_dutch'::regconfig, coalesce(summary, '')), 'B') || setweight(to_tsvector('stadshart_dutch'::regconfig, stadshart_immutable_array_to_string(places || trends || coalesce(region, ''))), 'B') || setweight(to_tsvector('stadshart_dutch'::regconfig, coalesce(body_text, '')), 'C')`,
    ),
    // Title (A) and summary (B) only: small enough to stay in the row, so ranking never reads the
    // whole `search` vector (docs/search.md; migration 0006 moves body and `search` out of line).
    searchHead: tsvector('search_head').generatedAlwaysAs(
      sql`setweight(to_tsvector('stadshart_dutch'::regconfig, coalesce(title, '')), 'A') || setweight(to_tsvector('stadshart_dutch'::regconfig, coalesce(summary, '')), 'B')`,
    ),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('knowledge_items_org_idx').on(t.orgId, t.status),
    index('knowledge_items_title_trgm_idx').using('gin', sql`${t.title} gin_trgm_ops`),
    index('knowledge_items_published_idx').on(t.status, t.publishedAt),
  ],
);

// Every facet value ever given to a knowledge item, numbered once and never renumbered or
// removed, so a number read from knowledge_search always means the same value (migration 0008).
export const knowledgeFacetValues = pgTable(
  'knowledge_facet_values',
  {
    code: integer('code').primaryKey().generatedAlwaysAsIdentity(),
    facet: text('facet').notNull(),
    value: text('value').notNull(),
  },
  (t) => [unique('knowledge_facet_values_facet_value_unique').on(t.facet, t.value)],
);

// The search's own narrow copy of each knowledge item: who may read it, its date, its facet
// values as numbers, and its vectors. Written only by triggers on knowledge_items (migration
// 0008), so it is true at every commit; a search reads nothing else until it has its page
// (docs/search.md, "How it runs"). Fixed-width columns come first: they are read for every match.
export const knowledgeSearch = pgTable(
  'knowledge_search',
  {
    docNo: integer('doc_no').notNull().unique().generatedAlwaysAsIdentity(),
    open: boolean('open').notNull(),
    sortDate: timestamp('sort_date', { withTimezone: true }).notNull(),
    orgId: uuid('org_id').notNull(),
    itemId: uuid('item_id')
      .primaryKey()
      .references(() => knowledgeItems.id, { onDelete: 'cascade' }),
    codes: integer('codes').array().notNull(),
    // doc_no (int4), the date (microseconds, int8) and the codes (a count, int2, then int4 each),
    // as the search reads them in one string per search (server/features/search/search.matches.ts).
    packed: bytea('packed').notNull(),
    head: tsvector('head').notNull(),
    search: tsvector('search').notNull(),
  },
  (t) => [
    index('knowledge_search_search_idx').using('gin', t.search),
    index('knowledge_search_codes_idx').using('gin', t.codes),
  ],
);

// Which items have a word (a stem of their `search` vector), per block of 2 048 doc_nos: per
// item one big-endian int2, (doc_no & 2047) * 4 + where the word is (2 title, 1 summary, 0
// elsewhere). With knowledge_search_blocks it lets a search of words count its matches without
// visiting each of them in PostgreSQL (ADR 0004). Kept by statement triggers on knowledge_search
// (migration 0009); `word` sorts bytewise (COLLATE "C") so a prefix is an index range.
export const knowledgeSearchWords = pgTable(
  'knowledge_search_words',
  {
    word: text('word').notNull(),
    block: integer('block').notNull(),
    docs: bytea('docs').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.word, t.block] }),
    index('knowledge_search_words_empty_idx')
      .on(t.word, t.block)
      .where(sql`length(${t.docs}) = 0`),
  ],
);

// Per block of 2 048 doc_nos, the `packed` value of each of its items in doc_no order, each
// followed by whether everyone may read it (one byte) and its organisation (16 bytes): what the
// search keeps in memory and counts from (server/features/search/search.blocks.ts). `version`
// comes from a sequence and changes with every rewrite, so a copy with the same version is the
// same bytes. Kept by the statement triggers on knowledge_search (migration 0009).
export const knowledgeSearchBlocks = pgTable('knowledge_search_blocks', {
  block: integer('block').primaryKey(),
  version: bigint('version', { mode: 'number' }).notNull(),
  rows: bytea('rows').notNull(),
});

// How many knowledge items each facet value has, per audience: `scope` is 'public' for items
// everyone may read and the organisation id for the others. Kept exact by a trigger on
// knowledge_items (migration 0006), so browsing never counts 100 000 rows (docs/search.md). The
// facet '' with value '' counts the items themselves.
export const knowledgeFacetCounts = pgTable(
  'knowledge_facet_counts',
  {
    scope: text('scope').notNull(),
    facet: text('facet').notNull(),
    value: text('value').notNull(),
    items: integer('items').notNull(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.facet, t.value] })],
);

// Every word (three letters or more) of the knowledge items' titles and summaries, per audience
// like knowledge_facet_counts, with how many items have it: what a misspelt word is compared with
// (pg_trgm). Kept exact by triggers on knowledge_items (migration 0008, docs/search.md).
export const knowledgeWords = pgTable(
  'knowledge_words',
  {
    scope: text('scope').notNull(),
    word: text('word').notNull(),
    items: integer('items').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.scope, t.word] }),
    index('knowledge_words_word_trgm_idx').using('gin', sql`${t.word} gin_trgm_ops`),
    index('knowledge_words_unused_idx')
      .on(t.scope, t.word)
      .where(sql`${t.items} <= 0`),
  ],
);

// What happened to an item, oldest first; published/unpublished events keep a full snapshot.
export const knowledgeItemEvents = pgTable(
  'knowledge_item_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    itemId: uuid('item_id')
      .notNull()
      .references(() => knowledgeItems.id, { onDelete: 'cascade' }),
    action: text('action', {
      enum: ['created', 'submitted', 'returned', 'published', 'unpublished'],
    }).notNull(),
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    note: text('note'),
    title: text('title').notNull(),
    snapshot: jsonb('snapshot'),
    createdAt: createdAt(),
  },
  (t) => [index('knowledge_item_events_item_idx').on(t.itemId, t.createdAt)],
);

// Uploaded files (images of knowledge items). The bytes live in DATA_DIR/files/<id>; the type is
// what the first bytes say, never what the upload claimed.
export const storedFiles = pgTable(
  'stored_files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    knowledgeItemId: uuid('knowledge_item_id').references(() => knowledgeItems.id, {
      onDelete: 'cascade',
    }),
    mediaType: text('media_type').notNull(),
    byteSize: integer('byte_size').notNull(),
    sha256: text('sha256').notNull(),
    fileName: text('file_name').notNull(),
    alt: text('alt').notNull().default(''),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [index('stored_files_item_idx').on(t.knowledgeItemId)],
);
