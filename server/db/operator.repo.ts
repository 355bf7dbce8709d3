// Queries of the operators' tools (command line, demo seed): they run outside any request, so
// they act on organisations and memberships directly instead of through an admin's permissions.
import { and, count, eq, sql } from 'drizzle-orm';
import type { OrgRole } from '../../common/roles.ts';
import type { Db } from './client.ts';
import { memberships, organisations, places, regionPlaces, regions } from './schema.ts';

export type OrganisationRow = typeof organisations.$inferSelect;

// Any fixed number works; it only has to differ from other advisory locks of this database.
const SEED_LOCK_KEY = 0x5eed_0001;

/** Holds a database-wide lock until the transaction ends, so two starting nodes never both seed. */
export async function lockSeeding(db: Db): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(${SEED_LOCK_KEY})`);
}

/** How many organisations exist. */
export async function countOrganisations(db: Db): Promise<number> {
  const [row] = await db.select({ total: count() }).from(organisations);
  return row?.total ?? 0;
}

/** Every organisation with its number of active members, ordered by slug. */
export function listOrganisationsWithMemberCounts(db: Db) {
  return db
    .select({
      id: organisations.id,
      slug: organisations.slug,
      name: organisations.name,
      activeMembers: sql<number>`count(${memberships.userId})::int`,
    })
    .from(organisations)
    .leftJoin(
      memberships,
      and(eq(memberships.orgId, organisations.id), eq(memberships.status, 'active')),
    )
    .groupBy(organisations.id)
    .orderBy(organisations.slug);
}

/** Creates an organisation; null when the slug is taken. */
export async function insertOrganisation(
  db: Db,
  row: { slug: string; name: string },
): Promise<OrganisationRow | null> {
  const created = await db
    .insert(organisations)
    .values(row)
    .onConflictDoNothing({ target: organisations.slug })
    .returning();
  return created[0] ?? null;
}

/** Gives a person an active membership with this role, whatever membership they had before. */
export async function grantActiveMembership(
  db: Db,
  grant: { orgId: string; userId: string; role: OrgRole },
  now: Date,
): Promise<void> {
  await db
    .insert(memberships)
    .values({ ...grant, status: 'active', createdAt: now, updatedAt: now })
    .onConflictDoUpdate({
      target: [memberships.orgId, memberships.userId],
      set: { role: grant.role, status: 'active', updatedAt: now },
    });
}

/** Creates a place and returns its id. */
export async function insertPlace(db: Db, row: typeof places.$inferInsert): Promise<string> {
  const [created] = await db.insert(places).values(row).returning({ id: places.id });
  if (!created) throw new Error('insert into places returned no row');
  return created.id;
}

/** Creates a region holding the given places and returns its id. */
export async function insertRegion(
  db: Db,
  row: typeof regions.$inferInsert,
  placeIds: string[],
): Promise<string> {
  const [created] = await db.insert(regions).values(row).returning({ id: regions.id });
  if (!created) throw new Error('insert into regions returned no row');
  if (placeIds.length > 0) {
    await db
      .insert(regionPlaces)
      .values(placeIds.map((placeId) => ({ regionId: created.id, placeId })));
  }
  return created.id;
}
