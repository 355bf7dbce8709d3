// A person's own account: profile changes, what the export reads, and deleting the account.
import { and, count, eq, inArray, ne } from 'drizzle-orm';
import type { UpdateProfileRequest } from '../../../common/account.ts';
import type { Db } from '../../db/client.ts';
import { memberships, organisations, sessions, users } from '../../db/schema.ts';

export type UserRow = typeof users.$inferSelect;

/** Applies the given profile fields and returns the updated row; null when the user is gone. */
export async function updateProfile(
  db: Db,
  userId: string,
  changes: UpdateProfileRequest,
  now: Date,
): Promise<UserRow | null> {
  const rows = await db
    .update(users)
    .set({ ...changes, updatedAt: now })
    .where(eq(users.id, userId))
    .returning();
  return rows[0] ?? null;
}

/** Every membership of one person, in any status, with the organisation's name. */
export function listMembershipsOfUser(db: Db, userId: string) {
  return db
    .select({
      orgId: memberships.orgId,
      organisation: organisations.name,
      role: memberships.role,
      status: memberships.status,
      createdAt: memberships.createdAt,
    })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.orgId))
    .where(eq(memberships.userId, userId))
    .orderBy(organisations.name);
}

/** The sessions of one person as the export shows them (no ids, no tokens). */
export function listSessionsOfUser(db: Db, userId: string) {
  return db
    .select({
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      userAgent: sessions.userAgent,
    })
    .from(sessions)
    .where(eq(sessions.userId, userId))
    .orderBy(sessions.createdAt);
}

/**
 * Locks the active admin memberships of the given organisations until the transaction ends and
 * counts them per organisation, leaving out `exceptUserId`. The lock makes two admins who leave
 * at the same moment wait for each other, so they cannot both pass the last-admin check.
 */
export async function countOtherActiveAdmins(
  db: Db,
  orgIds: string[],
  exceptUserId: string,
): Promise<Map<string, number>> {
  const counts = new Map<string, number>(orgIds.map((id) => [id, 0]));
  if (orgIds.length === 0) return counts;
  const activeAdmins = and(
    inArray(memberships.orgId, orgIds),
    eq(memberships.role, 'admin'),
    eq(memberships.status, 'active'),
  );
  await db.select({ orgId: memberships.orgId }).from(memberships).where(activeAdmins).for('update');
  const rows = await db
    .select({ orgId: memberships.orgId, admins: count() })
    .from(memberships)
    .where(and(activeAdmins, ne(memberships.userId, exceptUserId)))
    .groupBy(memberships.orgId);
  for (const row of rows) counts.set(row.orgId, row.admins);
  return counts;
}

/** Deletes a user; memberships, sessions and one-time tokens go with it (foreign-key cascades). */
export async function deleteUser(db: Db, userId: string): Promise<void> {
  await db.delete(users).where(eq(users.id, userId));
}
