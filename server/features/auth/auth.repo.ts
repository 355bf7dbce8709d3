// User rows as sign-in, links and passwords need them; sessions and tokens have their own repos.
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { MembershipStatus } from '../../../common/roles.ts';
import type { Db } from '../../db/client.ts';
import { memberships, users } from '../../db/schema.ts';
import type { UserRow } from './sessions.repo.ts';

/** The user with this address (compared case-insensitively, as the unique index does), or null. */
export async function findUserByEmail(db: Db, email: string): Promise<UserRow | null> {
  const rows = await db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = lower(${email})`)
    .limit(1);
  return rows[0] ?? null;
}

/** The user with this id, or null. */
export async function findUserById(db: Db, id: string): Promise<UserRow | null> {
  const rows = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return rows[0] ?? null;
}

/** Creates a user and returns the row. */
export async function insertUser(
  db: Db,
  row: { email: string; name?: string; function?: string; municipality?: string },
): Promise<UserRow> {
  const [created] = await db.insert(users).values(row).returning();
  if (!created) throw new Error('insert into users returned no row');
  return created;
}

/** Replaces a person's password hash. */
export async function updatePasswordHash(
  db: Db,
  userId: string,
  passwordHash: string,
  now: Date,
): Promise<void> {
  await db.update(users).set({ passwordHash, updatedAt: now }).where(eq(users.id, userId));
}

/** Replaces a person's display name. */
export async function updateUserName(
  db: Db,
  userId: string,
  name: string,
  now: Date,
): Promise<void> {
  await db.update(users).set({ name, updatedAt: now }).where(eq(users.id, userId));
}

/** Records that the person proved they read mail at their address; an earlier proof is kept. */
export async function markEmailVerified(db: Db, userId: string, now: Date): Promise<void> {
  await db
    .update(users)
    .set({ emailVerifiedAt: now, updatedAt: now })
    .where(and(eq(users.id, userId), isNull(users.emailVerifiedAt)));
}

/** The status of each membership a person holds, in any organisation. */
export async function listMembershipStatuses(db: Db, userId: string): Promise<MembershipStatus[]> {
  const rows = await db
    .select({ status: memberships.status })
    .from(memberships)
    .where(eq(memberships.userId, userId));
  return rows.map((row) => row.status);
}

/**
 * Turns an invited (or already active) membership into an active one; false when the person has
 * no such membership any more, e.g. because an admin deactivated or removed it after inviting.
 */
export async function activateInvitedMembership(
  db: Db,
  userId: string,
  orgId: string,
  now: Date,
): Promise<boolean> {
  const rows = await db
    .update(memberships)
    .set({ status: 'active', updatedAt: now })
    .where(
      and(
        eq(memberships.userId, userId),
        eq(memberships.orgId, orgId),
        inArray(memberships.status, ['invited', 'active']),
      ),
    )
    .returning({ orgId: memberships.orgId });
  return rows.length > 0;
}
