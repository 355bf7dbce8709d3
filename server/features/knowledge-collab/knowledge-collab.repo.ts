// The only database access of the live knowledge body: the item and its author's membership, and
// the projection of the document into knowledge_items.body and body_text.
import { and, eq, or, sql } from 'drizzle-orm';
import type { KnowledgeStatus } from '../../../common/knowledge.ts';
import type { RichDoc } from '../../../common/richtext.ts';
import type { OrgRole } from '../../../common/roles.ts';
import type { Db } from '../../db/client.ts';
import { knowledgeItems, memberships } from '../../db/schema.ts';

/** An item as the body's access checks need it. */
export interface BodyItemRecord {
  id: string;
  orgId: string;
  status: KnowledgeStatus;
}

/** The item `itemId` if it belongs to organisation `orgId`; null otherwise. */
export async function findOrgItem(
  db: Db,
  orgId: string,
  itemId: string,
): Promise<BodyItemRecord | null> {
  const [row] = await db
    .select({ id: knowledgeItems.id, orgId: knowledgeItems.orgId, status: knowledgeItems.status })
    .from(knowledgeItems)
    .where(and(eq(knowledgeItems.id, itemId), eq(knowledgeItems.orgId, orgId)));
  return row ?? null;
}

/**
 * The item `itemId` with the role `userId` holds in its organisation (null when they are not an
 * active member there); null when there is no such item.
 */
export async function findItemWithRole(
  db: Db,
  itemId: string,
  userId: string,
): Promise<(BodyItemRecord & { role: OrgRole | null }) | null> {
  const [row] = await db
    .select({
      id: knowledgeItems.id,
      orgId: knowledgeItems.orgId,
      status: knowledgeItems.status,
      role: memberships.role,
    })
    .from(knowledgeItems)
    .leftJoin(
      memberships,
      and(
        eq(memberships.orgId, knowledgeItems.orgId),
        eq(memberships.userId, userId),
        eq(memberships.status, 'active'),
      ),
    )
    .where(eq(knowledgeItems.id, itemId));
  return row ?? null;
}

/** The stored body of an item (raw JSON, checked by the caller), or undefined when there is no item. */
export async function readItemBody(db: Db, itemId: string): Promise<unknown> {
  const [row] = await db
    .select({ body: knowledgeItems.body })
    .from(knowledgeItems)
    .where(eq(knowledgeItems.id, itemId));
  return row?.body;
}

/** Writes the body and its plain text; true when the row changed (an unchanged body is not rewritten). */
export async function writeItemBody(
  db: Db,
  itemId: string,
  body: RichDoc,
  bodyText: string,
): Promise<boolean> {
  const json = JSON.stringify(body);
  const rows = await db
    .update(knowledgeItems)
    .set({ body, bodyText, updatedAt: new Date() })
    .where(
      and(
        eq(knowledgeItems.id, itemId),
        // jsonb compares by value, so key order does not make a change.
        or(
          sql`${knowledgeItems.body} is distinct from ${json}::jsonb`,
          sql`${knowledgeItems.bodyText} is distinct from ${bodyText}`,
        ),
      ),
    )
    .returning({ id: knowledgeItems.id });
  return rows.length > 0;
}
