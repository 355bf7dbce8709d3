// Session rows: the only code that reads or writes the sessions table.
import { and, eq, gt, lt, or } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { memberships, organisations, sessions, users } from '../../db/schema.ts';

export type SessionRow = typeof sessions.$inferSelect;
export type UserRow = typeof users.$inferSelect;

/** Stores a new session. */
export async function insertSession(db: Db, row: typeof sessions.$inferInsert): Promise<void> {
  await db.insert(sessions).values(row);
}

/** The live session with this id and its user, or null when it is unknown or expired. */
export async function findLiveSession(
  db: Db,
  id: string,
  idleCutoff: Date,
  now: Date,
): Promise<{ session: SessionRow; user: UserRow } | null> {
  const rows = await db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(eq(sessions.id, id), gt(sessions.expiresAt, now), gt(sessions.lastSeenAt, idleCutoff)),
    )
    .limit(1);
  return rows[0] ?? null;
}

/** Marks a session as used now, which pushes its idle timeout forward. */
export async function touchSession(db: Db, id: string, now: Date): Promise<void> {
  await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, id));
}

/** Ends one session. */
export async function deleteSession(db: Db, id: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, id));
}

/** Ends every session of one person. */
export async function deleteSessionsOfUser(db: Db, userId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

/** Removes sessions past either timeout. */
export async function deleteExpiredSessions(db: Db, idleCutoff: Date, now: Date): Promise<void> {
  await db
    .delete(sessions)
    .where(or(lt(sessions.expiresAt, now), lt(sessions.lastSeenAt, idleCutoff)));
}

/** The active memberships of a person with their organisations' names. */
export async function listActiveMemberships(db: Db, userId: string) {
  return db
    .select({
      orgId: organisations.id,
      orgSlug: organisations.slug,
      orgName: organisations.name,
      role: memberships.role,
    })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.orgId))
    .where(and(eq(memberships.userId, userId), eq(memberships.status, 'active')))
    .orderBy(organisations.name);
}
