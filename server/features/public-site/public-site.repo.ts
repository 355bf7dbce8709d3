// The only code of the public pages that queries the database: an item's state by slug (for the
// visibility check, caching headers and the edit link) and the items of the Atom feed.
import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { knowledgeItems, organisations } from '../../db/schema.ts';

export interface ItemStateRow {
  id: string;
  orgId: string;
  orgSlug: string;
  status: 'draft' | 'in_review' | 'published' | 'unpublished';
  membersOnly: boolean;
  updatedAt: Date;
  publishedAt: Date | null;
}

/** The state of the item with this slug, or null when there is none. */
export async function findItemState(db: Db, slug: string): Promise<ItemStateRow | null> {
  const [row] = await db
    .select({
      id: knowledgeItems.id,
      orgId: knowledgeItems.orgId,
      orgSlug: organisations.slug,
      status: knowledgeItems.status,
      membersOnly: knowledgeItems.membersOnly,
      updatedAt: knowledgeItems.updatedAt,
      publishedAt: knowledgeItems.publishedAt,
    })
    .from(knowledgeItems)
    .innerJoin(organisations, eq(organisations.id, knowledgeItems.orgId))
    .where(eq(knowledgeItems.slug, slug))
    .limit(1);
  return row ?? null;
}

export interface FeedItemRow {
  id: string;
  slug: string;
  kind: 'best_practice' | 'publication' | 'blog' | 'event_report';
  title: string;
  summary: string;
  orgName: string;
  licence: string;
  attribution: string;
  publishedAt: Date | null;
  firstPublishedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

/**
 * The newest items everyone may read (published and not members-only; the SQL twin of
 * mayReadKnowledgeItem for a visitor), newest publication first.
 */
export async function listPublicFeedItems(db: Db, limit: number): Promise<FeedItemRow[]> {
  return db
    .select({
      id: knowledgeItems.id,
      slug: knowledgeItems.slug,
      kind: knowledgeItems.kind,
      title: knowledgeItems.title,
      summary: knowledgeItems.summary,
      orgName: organisations.name,
      licence: knowledgeItems.licence,
      attribution: knowledgeItems.attribution,
      publishedAt: knowledgeItems.publishedAt,
      firstPublishedAt: knowledgeItems.firstPublishedAt,
      createdAt: knowledgeItems.createdAt,
      updatedAt: knowledgeItems.updatedAt,
    })
    .from(knowledgeItems)
    .innerJoin(organisations, eq(organisations.id, knowledgeItems.orgId))
    .where(and(eq(knowledgeItems.status, 'published'), eq(knowledgeItems.membersOnly, false)))
    .orderBy(desc(knowledgeItems.publishedAt), desc(knowledgeItems.id))
    .limit(limit);
}
