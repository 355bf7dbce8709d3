// The follow-up's SQL: a lab's projected actions with their owners and history, and the one
// write the follow-up makes (a new history row plus the action's new status and progress).
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { activities, labActions, labActionUpdates, memberships, users } from '../../db/schema.ts';

export type ActionRow = typeof labActions.$inferSelect;
export type ActionUpdateRow = typeof labActionUpdates.$inferSelect;

/** An action row with the name of the member who owns it (when one was named). */
export interface ActionWithOwner {
  action: ActionRow;
  ownerName: string | null;
}

function ownedActions(db: Db) {
  return db
    .select({ action: labActions, ownerName: users.name, activityPosition: activities.position })
    .from(labActions)
    .innerJoin(activities, eq(activities.id, labActions.activityId))
    .leftJoin(users, eq(users.id, labActions.ownerUserId));
}

/** Every action of the lab, in agenda order and then in the room's order. */
export async function listLabActions(db: Db, labId: string): Promise<ActionWithOwner[]> {
  const rows = await ownedActions(db)
    .where(eq(labActions.labId, labId))
    .orderBy(
      asc(activities.position),
      asc(activities.createdAt),
      asc(labActions.position),
      asc(labActions.createdAt),
      asc(labActions.actionId),
    );
  return rows.map(({ action, ownerName }) => ({ action, ownerName }));
}

/** One action of the lab, or null. */
export async function findLabAction(
  db: Db,
  labId: string,
  activityId: string,
  actionId: string,
): Promise<ActionWithOwner | null> {
  const [row] = await ownedActions(db).where(
    and(
      eq(labActions.labId, labId),
      eq(labActions.activityId, activityId),
      eq(labActions.actionId, actionId),
    ),
  );
  return row ? { action: row.action, ownerName: row.ownerName } : null;
}

/** The follow-up history of the lab's actions (or of one action), oldest first. */
export function listActionUpdates(
  db: Db,
  labId: string,
  only?: { activityId: string; actionId: string },
): Promise<ActionUpdateRow[]> {
  return db
    .select()
    .from(labActionUpdates)
    .where(
      only
        ? and(
            eq(labActionUpdates.labId, labId),
            eq(labActionUpdates.activityId, only.activityId),
            eq(labActionUpdates.actionId, only.actionId),
          )
        : eq(labActionUpdates.labId, labId),
    )
    .orderBy(asc(labActionUpdates.createdAt), asc(labActionUpdates.id));
}

/** The organisation's active members by name, to choose an action's owner from. */
export function listActiveMembers(db: Db, orgId: string): Promise<{ id: string; name: string }[]> {
  return db
    .select({ id: users.id, name: users.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.orgId, orgId), eq(memberships.status, 'active')))
    .orderBy(asc(users.name), asc(users.id));
}

/** True when the user is an active member of the organisation. */
export async function isActiveMember(db: Db, orgId: string, userId: string): Promise<boolean> {
  const rows = await db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(
      and(
        eq(memberships.orgId, orgId),
        eq(memberships.userId, userId),
        eq(memberships.status, 'active'),
      ),
    );
  return rows.length > 0;
}

export interface ActionChange {
  status?: string;
  progress?: number;
  note: string;
  /** undefined: keep the owner; null: no owner. */
  ownerUserId?: string | null;
  author: { userId: string; name: string };
}

/**
 * Applies one follow-up change in a transaction: the row is locked (so the room's projection
 * waits, and then sees this change), a history row with the resulting status and progress is
 * appended, and the action takes them over. Null when the action is gone.
 */
export async function applyActionChange(
  db: Db,
  key: { labId: string; activityId: string; actionId: string },
  change: ActionChange,
): Promise<ActionRow | null> {
  return db.transaction(async (tx) => {
    const where = and(
      eq(labActions.labId, key.labId),
      eq(labActions.activityId, key.activityId),
      eq(labActions.actionId, key.actionId),
    );
    const [current] = await tx.select().from(labActions).where(where).for('update');
    if (!current) return null;
    const status = change.status ?? current.status;
    const progress = change.progress ?? current.progress;
    await tx.insert(labActionUpdates).values({
      activityId: key.activityId,
      actionId: key.actionId,
      labId: key.labId,
      userId: change.author.userId,
      authorName: change.author.name,
      status,
      progress,
      note: change.note,
    });
    const [updated] = await tx
      .update(labActions)
      .set({
        status,
        progress,
        ...(change.ownerUserId === undefined ? {} : { ownerUserId: change.ownerUserId }),
        // The transaction's own clock, the same as the history row's: microseconds, so two
        // quick updates keep their order.
        updatedAt: sql`now()`,
      })
      .where(where)
      .returning();
    return updated ?? null;
  });
}
