// The knowledge base's only database access: items, their history, their images, whether a live
// document exists, the report versions they are drafted from, and the related-items ranking.
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import {
  collabDocuments,
  knowledgeItemEvents,
  knowledgeItems,
  labReportVersions,
  organisations,
  storedFiles,
  users,
} from '../../db/schema.ts';
import type { KnowledgeViewer } from './knowledge.viewer.ts';

export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type Executor = Db | Tx;

export type KnowledgeItemRow = Omit<typeof knowledgeItems.$inferSelect, 'search' | 'searchHead'>;
export type NewKnowledgeItem = Omit<
  typeof knowledgeItems.$inferInsert,
  'id' | 'search' | 'searchHead' | 'createdAt' | 'updatedAt'
>;
export type KnowledgeItemPatch = Partial<
  Omit<NewKnowledgeItem, 'orgId' | 'slug' | 'createdBy' | 'labId' | 'reportVersion'>
>;
export type KnowledgeEventAction = (typeof knowledgeItemEvents.$inferSelect)['action'];
export type StoredFileRow = typeof storedFiles.$inferSelect;
export type ReportVersionRow = typeof labReportVersions.$inferSelect;

/** An item with the names the presenters need. */
export interface KnowledgeItemDetails {
  item: KnowledgeItemRow;
  orgSlug: string;
  orgName: string;
  createdByName: string | null;
}

export interface KnowledgeEventRow {
  id: string;
  action: KnowledgeEventAction;
  actorName: string | null;
  note: string | null;
  title: string;
  createdAt: Date;
}

export interface RelatedItemRow {
  slug: string;
  title: string;
  kind: KnowledgeItemRow['kind'];
  summary: string;
}

// Every column but the generated tsvector, which nothing outside SQL needs.
const itemColumns = {
  id: knowledgeItems.id,
  orgId: knowledgeItems.orgId,
  slug: knowledgeItems.slug,
  kind: knowledgeItems.kind,
  status: knowledgeItems.status,
  membersOnly: knowledgeItems.membersOnly,
  title: knowledgeItems.title,
  summary: knowledgeItems.summary,
  body: knowledgeItems.body,
  bodyText: knowledgeItems.bodyText,
  places: knowledgeItems.places,
  region: knowledgeItems.region,
  trends: knowledgeItems.trends,
  themes: knowledgeItems.themes,
  sizeClass: knowledgeItems.sizeClass,
  licence: knowledgeItems.licence,
  attribution: knowledgeItems.attribution,
  labId: knowledgeItems.labId,
  reportVersion: knowledgeItems.reportVersion,
  reviewNote: knowledgeItems.reviewNote,
  createdBy: knowledgeItems.createdBy,
  publishedBy: knowledgeItems.publishedBy,
  publishedAt: knowledgeItems.publishedAt,
  firstPublishedAt: knowledgeItems.firstPublishedAt,
  createdAt: knowledgeItems.createdAt,
  updatedAt: knowledgeItems.updatedAt,
};

const detailColumns = {
  item: itemColumns,
  orgSlug: organisations.slug,
  orgName: organisations.name,
  createdByName: users.name,
};

function selectDetails(db: Executor) {
  return db
    .select(detailColumns)
    .from(knowledgeItems)
    .innerJoin(organisations, eq(organisations.id, knowledgeItems.orgId))
    .leftJoin(users, eq(users.id, knowledgeItems.createdBy));
}

/** Inserts an item and its `created` event in one transaction; answers the stored item. */
export async function insertItemWithEvent(
  db: Db,
  values: NewKnowledgeItem,
  event: { actorId: string; note: string | null },
): Promise<KnowledgeItemRow> {
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(knowledgeItems).values(values).returning(itemColumns);
    if (!row) throw new Error('insert into knowledge_items returned no row');
    await tx.insert(knowledgeItemEvents).values({
      itemId: row.id,
      action: 'created',
      actorId: event.actorId,
      note: event.note,
      title: row.title,
    });
    return row;
  });
}

/** The organisation's item with its names, or null when it is not there or of another org. */
export async function findItemDetails(
  db: Executor,
  orgId: string,
  itemId: string,
): Promise<KnowledgeItemDetails | null> {
  const [row] = await selectDetails(db).where(
    and(eq(knowledgeItems.id, itemId), eq(knowledgeItems.orgId, orgId)),
  );
  return row ?? null;
}

/** Any organisation's item by its slug, with its names, or null. */
export async function findItemDetailsBySlug(
  db: Executor,
  slug: string,
): Promise<KnowledgeItemDetails | null> {
  const [row] = await selectDetails(db).where(eq(knowledgeItems.slug, slug));
  return row ?? null;
}

/** The organisation's items, most recently changed first; only one status when given. */
export function listItemRows(
  db: Db,
  orgId: string,
  status: KnowledgeItemRow['status'] | undefined,
): Promise<KnowledgeItemRow[]> {
  return db
    .select(itemColumns)
    .from(knowledgeItems)
    .where(
      and(
        eq(knowledgeItems.orgId, orgId),
        status === undefined ? undefined : eq(knowledgeItems.status, status),
      ),
    )
    .orderBy(desc(knowledgeItems.updatedAt), asc(knowledgeItems.id));
}

/**
 * Runs `work` in a transaction holding the item's row lock, so two status changes or edits of one
 * item are decided one after the other. `work` gets null when the item is not the org's.
 */
export function withLockedItem<T>(
  db: Db,
  orgId: string,
  itemId: string,
  work: (tx: Tx, item: KnowledgeItemRow | null) => Promise<T>,
): Promise<T> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select(itemColumns)
      .from(knowledgeItems)
      .where(and(eq(knowledgeItems.id, itemId), eq(knowledgeItems.orgId, orgId)))
      .for('update');
    return work(tx, row ?? null);
  });
}

/** Changes the given columns of an item and stamps updated_at. */
export async function updateItemRow(
  tx: Executor,
  itemId: string,
  patch: KnowledgeItemPatch,
): Promise<void> {
  await tx
    .update(knowledgeItems)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(knowledgeItems.id, itemId));
}

/** Appends one event to an item's history. */
export async function insertEvent(
  tx: Executor,
  event: {
    itemId: string;
    action: KnowledgeEventAction;
    actorId: string;
    note: string | null;
    title: string;
    snapshot: unknown;
  },
): Promise<void> {
  await tx.insert(knowledgeItemEvents).values(event);
}

/** An item's history, oldest first, with the names of who did what. */
export function listEventRows(db: Db, itemId: string): Promise<KnowledgeEventRow[]> {
  return db
    .select({
      id: knowledgeItemEvents.id,
      action: knowledgeItemEvents.action,
      actorName: users.name,
      note: knowledgeItemEvents.note,
      title: knowledgeItemEvents.title,
      createdAt: knowledgeItemEvents.createdAt,
    })
    .from(knowledgeItemEvents)
    .leftJoin(users, eq(users.id, knowledgeItemEvents.actorId))
    .where(eq(knowledgeItemEvents.itemId, itemId))
    .orderBy(asc(knowledgeItemEvents.createdAt), asc(knowledgeItemEvents.id));
}

/** True when the item's body has a live (collaborative) document. */
export async function hasLiveDocument(db: Executor, itemId: string): Promise<boolean> {
  const rows = await db
    .select({ name: collabDocuments.name })
    .from(collabDocuments)
    .where(eq(collabDocuments.knowledgeItemId, itemId))
    .limit(1);
  return rows.length > 0;
}

/** The item's uploaded images, oldest first. */
export function listImageRows(db: Executor, itemId: string): Promise<StoredFileRow[]> {
  return db
    .select()
    .from(storedFiles)
    .where(eq(storedFiles.knowledgeItemId, itemId))
    .orderBy(asc(storedFiles.createdAt), asc(storedFiles.id));
}

/** A finalised version of the lab's report, or null. */
export async function findReportVersionRow(
  db: Db,
  labId: string,
  version: number,
): Promise<ReportVersionRow | null> {
  const [row] = await db
    .select()
    .from(labReportVersions)
    .where(and(eq(labReportVersions.labId, labId), eq(labReportVersions.version, version)));
  return row ?? null;
}

/**
 * Up to `limit` other published items the viewer may read, ranked by shared trends, themes and
 * places (case-insensitive), the same region, and how well their text matches the item's title
 * and summary (any word, Dutch stemming). Items that share nothing are left out. The visibility
 * filter is mayReadKnowledgeItem for published items, in SQL.
 */
export async function listRelatedRows(
  db: Db,
  viewer: KnowledgeViewer,
  itemId: string,
  limit: number,
): Promise<RelatedItemRow[]> {
  const memberOrgIds = sql`${`{${viewer.memberOrgIds.join(',')}}`}::uuid[]`;
  const result = await db.execute<{
    slug: string;
    title: string;
    kind: RelatedItemRow['kind'];
    summary: string;
  }>(sql`
    with source as (
      select
        s.id,
        array(select lower(x) from unnest(s.trends) x) as trends,
        array(select lower(x) from unnest(s.themes) x) as themes,
        array(select lower(x) from unnest(s.places) x) as places,
        lower(s.region) as region,
        -- Any of the words rather than all of them: a related item shares a topic, not a title.
        nullif(
          replace(
            plainto_tsquery('stadshart_dutch', s.title || ' ' || s.summary)::text, '&', '|'
          ),
          ''
        )::tsquery as words
      from knowledge_items s
      where s.id = ${itemId}
    ),
    scored as (
      select
        k.slug, k.title, k.kind, k.summary, k.published_at, k.id,
        3 * (select count(*) from unnest(k.trends) x where lower(x) = any(source.trends))
        + 3 * (select count(*) from unnest(k.themes) x where lower(x) = any(source.themes))
        + 2 * (select count(*) from unnest(k.places) x where lower(x) = any(source.places))
        + case when lower(k.region) = source.region then 2 else 0 end
        + case
            when source.words is not null then 10 * ts_rank(k.search, source.words)
            else 0
          end as score
      from knowledge_items k, source
      where k.id <> source.id
        and k.status = 'published'
        and (not k.members_only or k.org_id = any(${memberOrgIds}))
    )
    select slug, title, kind, summary
    from scored
    where score > 0
    order by score desc, published_at desc nulls last, id
    limit ${limit}
  `);
  return result.rows.map((row) => ({
    slug: row.slug,
    title: row.title,
    kind: row.kind,
    summary: row.summary,
  }));
}
