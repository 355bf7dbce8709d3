// Labs, their places, facilitators, agenda, participants and collaboration tokens: the only code
// of the labs feature that queries these tables.
import { and, asc, count, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import type { LabStatus } from '../../../common/labs.ts';
import type { Db } from '../../db/client.ts';
import {
  activities,
  collabTokens,
  labFacilitators,
  labParticipants,
  labPlaces,
  labs,
  memberships,
  organisations,
  places,
  regionPlaces,
  regions,
  users,
} from '../../db/schema.ts';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
type Executor = Db | Tx;

export type LabRow = typeof labs.$inferSelect;
export type ActivityRow = typeof activities.$inferSelect;
export type ParticipantRow = typeof labParticipants.$inferSelect;
export type PlaceRef = { id: string; name: string; municipality: string };
export type PersonRef = { id: string; name: string };

/** A lab with everything its page shows. */
export interface LabDetails {
  lab: LabRow;
  orgSlug: string;
  places: PlaceRef[];
  facilitators: PersonRef[];
  activities: ActivityRow[];
  participantCount: number;
}

/** A lab as the organisation's list shows it. */
export interface LabSummaryRow {
  lab: LabRow;
  places: PlaceRef[];
  participantCount: number;
}

/** The values of a new lab's row. */
export type NewLab = Pick<
  LabRow,
  | 'orgId'
  | 'title'
  | 'question'
  | 'kind'
  | 'regionId'
  | 'startsAt'
  | 'venue'
  | 'anonymous'
  | 'createdBy'
>;
export type LabPatch = Partial<
  Pick<LabRow, 'title' | 'question' | 'kind' | 'regionId' | 'startsAt' | 'venue' | 'anonymous'>
>;
export type NewActivity = Pick<ActivityRow, 'kind' | 'title' | 'config'>;

/** Returned when a join code is taken by another lab already. */
export const CODE_TAKEN = 'code_taken';
/** Returned when the lab's status changed meanwhile. */
export const STALE = 'stale';
/** Returned when the lab holds as many people as it may. */
export const LAB_FULL = 'lab_full';
/** Returned when the person was removed from the lab. */
export const REMOVED = 'removed';
/** Returned when the lab is no longer open or live. */
export const NOT_JOINABLE = 'not_joinable';

const UNIQUE_VIOLATION = '23505';
const JOIN_CODE_INDEX = 'labs_join_code_key';

// True when PostgreSQL refused the statement for a duplicate in the named unique index.
function isUniqueViolationOf(error: unknown, constraint: string): boolean {
  for (let current = error; current instanceof Error; current = current.cause) {
    const pgError = current as Error & { code?: unknown; constraint?: unknown };
    if (pgError.code === UNIQUE_VIOLATION && pgError.constraint === constraint) return true;
  }
  return false;
}

const isActive = isNull(labParticipants.removedAt);

/** The organisation's places among `ids`, with name and municipality. */
export function listOwnPlaces(db: Db, orgId: string, ids: string[]): Promise<PlaceRef[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .select({ id: places.id, name: places.name, municipality: places.municipality })
    .from(places)
    .where(and(eq(places.orgId, orgId), inArray(places.id, ids)));
}

/** One region of the organisation with the ids of its places by name; null when not theirs. */
export async function findOwnRegion(
  db: Db,
  orgId: string,
  regionId: string,
): Promise<{ id: string; name: string; placeIds: string[] } | null> {
  const [region] = await db
    .select({ id: regions.id, name: regions.name })
    .from(regions)
    .where(and(eq(regions.orgId, orgId), eq(regions.id, regionId)));
  if (!region) return null;
  const members = await db
    .select({ id: places.id })
    .from(regionPlaces)
    .innerJoin(places, eq(places.id, regionPlaces.placeId))
    .where(eq(regionPlaces.regionId, regionId))
    .orderBy(asc(sql`lower(${places.name})`), asc(places.id));
  return { ...region, placeIds: members.map((m) => m.id) };
}

/** The ids among `userIds` of active facilitators and admins of the organisation. */
export async function listFacilitatorsAmong(
  db: Db,
  orgId: string,
  userIds: string[],
): Promise<Set<string>> {
  if (userIds.length === 0) return new Set();
  const rows = await db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(
      and(
        eq(memberships.orgId, orgId),
        eq(memberships.status, 'active'),
        inArray(memberships.role, ['facilitator', 'admin']),
        inArray(memberships.userId, userIds),
      ),
    );
  return new Set(rows.map((row) => row.userId));
}

async function replacePlaces(db: Executor, labId: string, placeIds: string[]): Promise<void> {
  await db.delete(labPlaces).where(eq(labPlaces.labId, labId));
  if (placeIds.length > 0) {
    await db
      .insert(labPlaces)
      .values(placeIds.map((placeId, position) => ({ labId, placeId, position })));
  }
}

async function replaceFacilitators(db: Executor, labId: string, userIds: string[]): Promise<void> {
  await db.delete(labFacilitators).where(eq(labFacilitators.labId, labId));
  if (userIds.length > 0) {
    await db.insert(labFacilitators).values(userIds.map((userId) => ({ labId, userId })));
  }
}

/** Creates a lab with its places, facilitators and agenda in one transaction; returns its id. */
export function insertLab(
  db: Db,
  lab: NewLab,
  placeIds: string[],
  facilitatorIds: string[],
  agenda: NewActivity[],
): Promise<string> {
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(labs).values(lab).returning({ id: labs.id });
    if (!row) throw new Error('insert into labs returned no row');
    await replacePlaces(tx, row.id, placeIds);
    await replaceFacilitators(tx, row.id, facilitatorIds);
    if (agenda.length > 0) {
      await tx
        .insert(activities)
        .values(agenda.map((activity, position) => ({ ...activity, labId: row.id, position })));
    }
    return row.id;
  });
}

async function placesOfLabs(db: Db, labIds: string[]): Promise<Map<string, PlaceRef[]>> {
  const byLab = new Map<string, PlaceRef[]>();
  if (labIds.length === 0) return byLab;
  const rows = await db
    .select({
      labId: labPlaces.labId,
      id: places.id,
      name: places.name,
      municipality: places.municipality,
    })
    .from(labPlaces)
    .innerJoin(places, eq(places.id, labPlaces.placeId))
    .where(inArray(labPlaces.labId, labIds))
    .orderBy(asc(labPlaces.position), asc(places.id));
  for (const { labId, ...place } of rows) byLab.set(labId, [...(byLab.get(labId) ?? []), place]);
  return byLab;
}

async function participantCounts(db: Db, labIds: string[]): Promise<Map<string, number>> {
  if (labIds.length === 0) return new Map();
  const rows = await db
    .select({ labId: labParticipants.labId, total: count() })
    .from(labParticipants)
    .where(and(inArray(labParticipants.labId, labIds), isActive))
    .groupBy(labParticipants.labId);
  return new Map(rows.map((row) => [row.labId, row.total]));
}

/** The organisation's labs, soonest first and undated last; drafts only when asked for. */
export async function listLabs(
  db: Db,
  orgId: string,
  options: { includeDrafts: boolean },
): Promise<LabSummaryRow[]> {
  const rows = await db
    .select()
    .from(labs)
    .where(and(eq(labs.orgId, orgId), options.includeDrafts ? undefined : ne(labs.status, 'draft')))
    .orderBy(sql`${labs.startsAt} asc nulls last`, asc(labs.createdAt), asc(labs.id));
  const ids = rows.map((row) => row.id);
  const [placesByLab, counts] = await Promise.all([
    placesOfLabs(db, ids),
    participantCounts(db, ids),
  ]);
  return rows.map((lab) => ({
    lab,
    places: placesByLab.get(lab.id) ?? [],
    participantCount: counts.get(lab.id) ?? 0,
  }));
}

/** The lab's row alone, or null. */
export async function findLabRow(db: Executor, labId: string): Promise<LabRow | null> {
  const [row] = await db.select().from(labs).where(eq(labs.id, labId));
  return row ?? null;
}

/** A lab with its places, facilitators, agenda (by position) and active participant count. */
export async function findLabDetails(db: Db, labId: string): Promise<LabDetails | null> {
  const [found] = await db
    .select({ lab: labs, orgSlug: organisations.slug })
    .from(labs)
    .innerJoin(organisations, eq(organisations.id, labs.orgId))
    .where(eq(labs.id, labId));
  if (!found) return null;
  const [placesByLab, counts, facilitators, agenda] = await Promise.all([
    placesOfLabs(db, [labId]),
    participantCounts(db, [labId]),
    db
      .select({ id: users.id, name: users.name })
      .from(labFacilitators)
      .innerJoin(users, eq(users.id, labFacilitators.userId))
      .where(eq(labFacilitators.labId, labId))
      .orderBy(asc(sql`lower(${users.name})`), asc(users.id)),
    db
      .select()
      .from(activities)
      .where(eq(activities.labId, labId))
      .orderBy(asc(activities.position), asc(activities.createdAt), asc(activities.id)),
  ]);
  return {
    lab: found.lab,
    orgSlug: found.orgSlug,
    places: placesByLab.get(labId) ?? [],
    facilitators,
    activities: agenda,
    participantCount: counts.get(labId) ?? 0,
  };
}

/** True when the person is one of the lab's facilitators. */
export async function isLabFacilitator(db: Db, labId: string, userId: string): Promise<boolean> {
  const rows = await db
    .select({ userId: labFacilitators.userId })
    .from(labFacilitators)
    .where(and(eq(labFacilitators.labId, labId), eq(labFacilitators.userId, userId)));
  return rows.length > 0;
}

/** True when the person may steer the lab: a lab facilitator or an active admin of its organisation. */
export async function mayUserFacilitate(db: Db, lab: LabRow, userId: string): Promise<boolean> {
  if (await isLabFacilitator(db, lab.id, userId)) return true;
  const rows = await db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(
      and(
        eq(memberships.orgId, lab.orgId),
        eq(memberships.userId, userId),
        eq(memberships.status, 'active'),
        eq(memberships.role, 'admin'),
      ),
    );
  return rows.length > 0;
}

/**
 * Changes a lab that is not closed; `placeIds` and `facilitatorIds`, when given, replace its
 * places and facilitators. Null when the lab is gone or closed.
 */
export function updateLab(
  db: Db,
  labId: string,
  patch: LabPatch,
  placeIds: string[] | undefined,
  facilitatorIds: string[] | undefined,
): Promise<LabRow | null> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(labs)
      .set({ ...patch, updatedAt: new Date() })
      .where(and(eq(labs.id, labId), ne(labs.status, 'closed')))
      .returning();
    if (!row) return null;
    if (placeIds) await replacePlaces(tx, labId, placeIds);
    if (facilitatorIds) await replaceFacilitators(tx, labId, facilitatorIds);
    return row;
  });
}

/** Deletes a lab that is still a draft; false when it is gone or no longer a draft. */
export async function deleteDraftLab(db: Db, labId: string): Promise<boolean> {
  const rows = await db
    .delete(labs)
    .where(and(eq(labs.id, labId), eq(labs.status, 'draft')))
    .returning({ id: labs.id });
  return rows.length > 0;
}

/**
 * Moves a lab from `from` to `to` with the given join code and times, only if it is still in
 * `from` (two facilitators clicking at once cannot both move it).
 */
export async function moveLabStatus(
  db: Db,
  labId: string,
  from: LabStatus,
  change: {
    status: LabStatus;
    joinCode: string | null;
    openedAt?: Date;
    closedAt?: Date;
  },
): Promise<LabRow | typeof STALE | typeof CODE_TAKEN> {
  try {
    const [row] = await db
      .update(labs)
      .set({ ...change, updatedAt: new Date() })
      .where(and(eq(labs.id, labId), eq(labs.status, from)))
      .returning();
    return row ?? STALE;
  } catch (error) {
    if (isUniqueViolationOf(error, JOIN_CODE_INDEX)) return CODE_TAKEN;
    throw error;
  }
}

/** The open or live lab with this join code, with its organisation's name and slug; or null. */
export async function findLabByJoinCode(
  db: Db,
  code: string,
): Promise<{ lab: LabRow; orgName: string; orgSlug: string } | null> {
  const [row] = await db
    .select({ lab: labs, orgName: organisations.name, orgSlug: organisations.slug })
    .from(labs)
    .innerJoin(organisations, eq(organisations.id, labs.orgId))
    .where(and(eq(labs.joinCode, code), inArray(labs.status, ['open', 'live'])));
  return row ?? null;
}

/** How many people are in the lab now (removed participants do not count). */
export async function countActiveParticipants(db: Executor, labId: string): Promise<number> {
  const [row] = await db
    .select({ total: count() })
    .from(labParticipants)
    .where(and(eq(labParticipants.labId, labId), isActive));
  return row?.total ?? 0;
}

// Serialises joins of one lab, so the participant limit holds when hundreds join at once; true
// when the lab can still be joined.
async function lockJoinableLab(tx: Tx, labId: string): Promise<boolean> {
  const [row] = await tx
    .select({ status: labs.status })
    .from(labs)
    .where(eq(labs.id, labId))
    .for('update');
  return row?.status === 'open' || row?.status === 'live';
}

/**
 * Returns the person's participant row in the lab, creating it (kind member) when there is
 * room; their name and role are brought up to date. A removed person stays removed.
 */
export function joinAsMember(
  db: Db,
  values: { labId: string; userId: string; displayName: string; role: ParticipantRow['role'] },
  maxParticipants: number,
): Promise<ParticipantRow | typeof LAB_FULL | typeof REMOVED | typeof NOT_JOINABLE> {
  return db.transaction(async (tx) => {
    if (!(await lockJoinableLab(tx, values.labId))) return NOT_JOINABLE;
    const [existing] = await tx
      .select()
      .from(labParticipants)
      .where(
        and(eq(labParticipants.labId, values.labId), eq(labParticipants.userId, values.userId)),
      );
    if (existing?.removedAt) return REMOVED;
    if (existing) {
      const [updated] = await tx
        .update(labParticipants)
        .set({ displayName: values.displayName, role: values.role })
        .where(eq(labParticipants.id, existing.id))
        .returning();
      return updated ?? existing;
    }
    if ((await countActiveParticipants(tx, values.labId)) >= maxParticipants) return LAB_FULL;
    const [created] = await tx
      .insert(labParticipants)
      .values({ ...values, kind: 'member' })
      .returning();
    if (!created) throw new Error('insert into lab_participants returned no row');
    return created;
  });
}

/** Adds a guest to the lab when there is room. */
export function joinAsGuest(
  db: Db,
  values: { labId: string; displayName: string; guestSecretHash: string },
  maxParticipants: number,
): Promise<ParticipantRow | typeof LAB_FULL | typeof NOT_JOINABLE> {
  return db.transaction(async (tx) => {
    if (!(await lockJoinableLab(tx, values.labId))) return NOT_JOINABLE;
    if ((await countActiveParticipants(tx, values.labId)) >= maxParticipants) return LAB_FULL;
    const [created] = await tx
      .insert(labParticipants)
      .values({ ...values, kind: 'guest', role: 'participant' })
      .returning();
    if (!created) throw new Error('insert into lab_participants returned no row');
    return created;
  });
}

/**
 * The facilitator's participant row in the lab, created or brought up to date (role
 * facilitator, not removed): someone who may steer a lab is never locked out of it.
 */
export async function upsertFacilitatorParticipant(
  db: Db,
  values: { labId: string; userId: string; displayName: string },
): Promise<ParticipantRow> {
  const [row] = await db
    .insert(labParticipants)
    .values({ ...values, kind: 'member', role: 'facilitator' })
    .onConflictDoUpdate({
      target: [labParticipants.labId, labParticipants.userId],
      set: { role: 'facilitator', displayName: values.displayName, removedAt: null },
    })
    .returning();
  if (!row) throw new Error('upsert into lab_participants returned no row');
  return row;
}

/** Everyone who ever joined the lab, removed ones included, in the order they joined. */
export function listParticipants(db: Db, labId: string): Promise<ParticipantRow[]> {
  return db
    .select()
    .from(labParticipants)
    .where(eq(labParticipants.labId, labId))
    .orderBy(asc(labParticipants.joinedAt), asc(labParticipants.id));
}

/** One participant of the lab, or null. */
export async function findParticipant(
  db: Db,
  labId: string,
  participantId: string,
): Promise<ParticipantRow | null> {
  const [row] = await db
    .select()
    .from(labParticipants)
    .where(and(eq(labParticipants.labId, labId), eq(labParticipants.id, participantId)));
  return row ?? null;
}

/** The member participant row of this person in the lab, or null. */
export async function findMemberParticipant(
  db: Db,
  labId: string,
  userId: string,
): Promise<ParticipantRow | null> {
  const [row] = await db
    .select()
    .from(labParticipants)
    .where(and(eq(labParticipants.labId, labId), eq(labParticipants.userId, userId)));
  return row ?? null;
}

/** The guest whose secret has this hash, in whatever lab; or null. */
export async function findGuestBySecretHash(
  db: Db,
  guestSecretHash: string,
): Promise<ParticipantRow | null> {
  const [row] = await db
    .select()
    .from(labParticipants)
    .where(eq(labParticipants.guestSecretHash, guestSecretHash));
  return row ?? null;
}

/**
 * Marks the participant removed (keeping the first removal time) and deletes their collaboration
 * tokens, in one transaction; null when there is no such participant in the lab.
 */
export function removeParticipant(
  db: Db,
  labId: string,
  participantId: string,
  now: Date,
): Promise<ParticipantRow | null> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(labParticipants)
      .set({
        removedAt: sql`coalesce(${labParticipants.removedAt}, ${now.toISOString()}::timestamptz)`,
      })
      .where(and(eq(labParticipants.labId, labId), eq(labParticipants.id, participantId)))
      .returning();
    if (!row) return null;
    await tx.delete(collabTokens).where(eq(collabTokens.participantId, participantId));
    return row;
  });
}

/** Stores a collaboration token by its hash. */
export async function insertCollabToken(
  db: Db,
  token: { id: string; participantId: string; labId: string; expiresAt: Date },
): Promise<void> {
  await db.insert(collabTokens).values(token);
}

/** How many activities the lab's agenda holds. */
export async function countActivities(db: Db, labId: string): Promise<number> {
  const [row] = await db
    .select({ total: count() })
    .from(activities)
    .where(eq(activities.labId, labId));
  return row?.total ?? 0;
}

/** Appends an activity at the end of the lab's agenda. */
export async function appendActivity(
  db: Db,
  labId: string,
  activity: NewActivity,
): Promise<ActivityRow> {
  const [row] = await db
    .insert(activities)
    .values({
      ...activity,
      labId,
      position: sql`(select coalesce(max(${activities.position}) + 1, 0) from ${activities} where ${activities.labId} = ${labId})`,
    })
    .returning();
  if (!row) throw new Error('insert into activities returned no row');
  return row;
}

/** One activity of the lab, or null. */
export async function findActivity(
  db: Db,
  labId: string,
  activityId: string,
): Promise<ActivityRow | null> {
  const [row] = await db
    .select()
    .from(activities)
    .where(and(eq(activities.labId, labId), eq(activities.id, activityId)));
  return row ?? null;
}

/** Changes an activity's title and/or settings; null when it is not in the lab. */
export async function updateActivity(
  db: Db,
  labId: string,
  activityId: string,
  patch: Partial<Pick<ActivityRow, 'title' | 'config'>>,
): Promise<ActivityRow | null> {
  const [row] = await db
    .update(activities)
    .set({ ...patch, updatedAt: new Date() })
    .where(and(eq(activities.labId, labId), eq(activities.id, activityId)))
    .returning();
  return row ?? null;
}

/** Deletes an activity of the lab; false when it is not there. */
export async function deleteActivity(db: Db, labId: string, activityId: string): Promise<boolean> {
  const rows = await db
    .delete(activities)
    .where(and(eq(activities.labId, labId), eq(activities.id, activityId)))
    .returning({ id: activities.id });
  return rows.length > 0;
}

/** Gives the lab's activities the positions of their place in `activityIds`, in one transaction. */
export async function reorderActivities(
  db: Db,
  labId: string,
  activityIds: string[],
): Promise<void> {
  await db.transaction(async (tx) => {
    for (const [position, id] of activityIds.entries()) {
      await tx
        .update(activities)
        .set({ position })
        .where(and(eq(activities.labId, labId), eq(activities.id, id)));
    }
  });
}

/** Marks the lab changed now (its agenda changed). */
export async function touchLab(db: Db, labId: string): Promise<void> {
  await db.update(labs).set({ updatedAt: new Date() }).where(eq(labs.id, labId));
}

/** Sets a participant's role (a facilitator taken off the lab becomes a participant again). */
export async function setParticipantRole(
  db: Db,
  participantId: string,
  role: ParticipantRow['role'],
): Promise<ParticipantRow | null> {
  const [row] = await db
    .update(labParticipants)
    .set({ role })
    .where(eq(labParticipants.id, participantId))
    .returning();
  return row ?? null;
}
