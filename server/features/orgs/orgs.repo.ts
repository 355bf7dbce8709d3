// Organisations, their logos and memberships: the only code of this feature that queries the database.
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { memberships, oneTimeTokens, organisations, users } from '../../db/schema.ts';

/** A transaction handle; repo functions accept it wherever they accept the pool's handle. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type Executor = Db | Tx;

export type MembershipRow = typeof memberships.$inferSelect;

/** An organisation without its logo bytes, as most answers need it. */
export interface OrganisationSummary {
  id: string;
  slug: string;
  name: string;
  primaryColour: string;
  hasLogo: boolean;
  memberCount: number;
  createdAt: Date;
  updatedAt: Date;
}

/** A membership joined with its person, as the member list shows it. */
export interface MemberRow {
  userId: string;
  email: string;
  name: string;
  function: string;
  role: MembershipRow['role'];
  status: MembershipRow['status'];
  /** Null while the person has never been an active member (an open or withdrawn invitation). */
  joinedAt: Date | null;
  since: Date;
}

// Aliased, because the member list joins memberships too and the two must not be confused.
const activeMemberCount = sql<number>`(
  select count(*)::int from memberships counted
  where counted.org_id = ${organisations.id} and counted.status = 'active'
)`;

const summaryColumns = {
  id: organisations.id,
  slug: organisations.slug,
  name: organisations.name,
  primaryColour: organisations.primaryColour,
  hasLogo: sql<boolean>`${organisations.logo} is not null`,
  memberCount: activeMemberCount,
  createdAt: organisations.createdAt,
  updatedAt: organisations.updatedAt,
};

const memberColumns = {
  userId: users.id,
  email: users.email,
  name: users.name,
  function: users.function,
  role: memberships.role,
  status: memberships.status,
  joinedAt: memberships.joinedAt,
  since: memberships.createdAt,
};

/** Runs `work` in one transaction; a thrown error rolls everything back. */
export function inTransaction<T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(work);
}

/**
 * Locks the organisation's row until the transaction ends, so membership changes of one
 * organisation run one after the other and two admins cannot demote each other at once.
 */
export async function lockOrganisation(tx: Tx, orgId: string): Promise<void> {
  await tx
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.id, orgId))
    .for('update');
}

/** One organisation without logo bytes, or null. */
export async function findOrganisationSummary(
  db: Executor,
  orgId: string,
): Promise<OrganisationSummary | null> {
  const rows = await db
    .select(summaryColumns)
    .from(organisations)
    .where(eq(organisations.id, orgId));
  return rows[0] ?? null;
}

/** The organisations a person is an active member of, with their role, by name. */
export async function listOrganisationsOfUser(
  db: Executor,
  userId: string,
): Promise<(OrganisationSummary & { role: MembershipRow['role'] })[]> {
  return db
    .select({ ...summaryColumns, role: memberships.role })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.orgId))
    .where(and(eq(memberships.userId, userId), eq(memberships.status, 'active')))
    .orderBy(asc(organisations.name), asc(organisations.slug));
}

/** Changes name and/or colour; only the fields given are touched. */
export async function updateOrganisation(
  db: Executor,
  orgId: string,
  patch: { name?: string | undefined; primaryColour?: string | undefined },
): Promise<void> {
  // An empty change must not bump updated_at, which versions the logo URL.
  if (patch.name === undefined && patch.primaryColour === undefined) return;
  await db
    .update(organisations)
    .set({
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.primaryColour !== undefined ? { primaryColour: patch.primaryColour } : {}),
      updatedAt: new Date(),
    })
    .where(eq(organisations.id, orgId));
}

/** Stores (or, with null, removes) the organisation's logo. */
export async function saveLogo(
  db: Executor,
  orgId: string,
  logo: { bytes: Buffer; mediaType: string } | null,
): Promise<void> {
  await db
    .update(organisations)
    .set({
      logo: logo?.bytes ?? null,
      logoMediaType: logo?.mediaType ?? null,
      updatedAt: new Date(),
    })
    .where(eq(organisations.id, orgId));
}

/** The logo's bytes and media type, or null when the organisation has none. */
export async function findLogo(
  db: Executor,
  orgId: string,
): Promise<{ bytes: Buffer; mediaType: string; updatedAt: Date } | null> {
  const rows = await db
    .select({
      bytes: organisations.logo,
      mediaType: organisations.logoMediaType,
      updatedAt: organisations.updatedAt,
    })
    .from(organisations)
    .where(eq(organisations.id, orgId));
  const row = rows[0];
  if (!row?.bytes || !row.mediaType) return null;
  return { bytes: row.bytes, mediaType: row.mediaType, updatedAt: row.updatedAt };
}

/** Every membership of the organisation, whatever its status, with the person, by name. */
export async function listMembers(db: Executor, orgId: string): Promise<MemberRow[]> {
  return db
    .select(memberColumns)
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.orgId, orgId))
    .orderBy(asc(sql`lower(${users.name})`), asc(users.email));
}

/** One membership with its person, or null when the person has none in this organisation. */
export async function findMember(
  db: Executor,
  orgId: string,
  userId: string,
): Promise<MemberRow | null> {
  const rows = await db
    .select(memberColumns)
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)));
  return rows[0] ?? null;
}

/** Role and status of every membership of the organisation, for the last-admin rule. */
export async function listMembershipStates(
  db: Executor,
  orgId: string,
): Promise<Pick<MembershipRow, 'userId' | 'role' | 'status'>[]> {
  return db
    .select({ userId: memberships.userId, role: memberships.role, status: memberships.status })
    .from(memberships)
    .where(eq(memberships.orgId, orgId));
}

/** The id of the person with this address (compared case-insensitively), or null. */
export async function findUserIdByEmail(db: Executor, email: string): Promise<string | null> {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(sql`lower(${users.email})`, email.toLowerCase()));
  return rows[0]?.id ?? null;
}

/**
 * Creates a person who has only an address (and maybe a name) so far; returns their id. Two
 * invitations of the same new address at once end up with the same person.
 */
export async function insertInvitedUser(
  db: Executor,
  person: { email: string; name: string },
): Promise<string> {
  const inserted = await db
    .insert(users)
    .values({ email: person.email, name: person.name })
    .onConflictDoNothing()
    .returning({ id: users.id });
  const id = inserted[0]?.id ?? (await findUserIdByEmail(db, person.email));
  if (!id) throw new Error('the invited person could not be stored');
  return id;
}

/** Stores a new membership. */
export async function insertMembership(
  db: Executor,
  row: Pick<MembershipRow, 'orgId' | 'userId' | 'role' | 'status' | 'invitedBy'>,
): Promise<void> {
  await db.insert(memberships).values(row);
}

/** Changes a membership's role, status or inviter. */
export async function updateMembership(
  db: Executor,
  orgId: string,
  userId: string,
  patch: Partial<Pick<MembershipRow, 'role' | 'status' | 'invitedBy'>>,
): Promise<void> {
  await db
    .update(memberships)
    .set({ ...patch, updatedAt: new Date() })
    .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)));
}

/** Voids a person's unused invitation links to this organisation, so only the newest works. */
export async function voidInviteLinks(db: Executor, userId: string, orgId: string): Promise<void> {
  await db
    .update(oneTimeTokens)
    .set({ usedAt: new Date() })
    .where(
      and(
        eq(oneTimeTokens.userId, userId),
        eq(oneTimeTokens.orgId, orgId),
        eq(oneTimeTokens.purpose, 'invite'),
        isNull(oneTimeTokens.usedAt),
      ),
    );
}
