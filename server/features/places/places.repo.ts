// Places, regions and which places a region holds: the only code of this feature that queries the database.
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { places, regionPlaces, regions } from '../../db/schema.ts';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
type Executor = Db | Tx;

export type PlaceRow = typeof places.$inferSelect;
export type RegionRow = typeof regions.$inferSelect;
export type PlaceValues = Pick<
  PlaceRow,
  'name' | 'municipality' | 'cbsCode' | 'description' | 'dnaTags'
>;
export type RegionValues = Pick<RegionRow, 'name' | 'description'>;

/** A place with the regions it belongs to. */
export type PlaceWithRegions = PlaceRow & { regions: { id: string; name: string }[] };
/** A region with the places it holds. */
export type RegionWithPlaces = RegionRow & {
  places: { id: string; name: string; municipality: string }[];
};

/** Returned instead of a row when the organisation already has one by that name. */
export const DUPLICATE = 'duplicate';
export type Duplicate = typeof DUPLICATE;

// Import inserts go in slices so no statement nears PostgreSQL's limit of 65535 parameters.
const INSERT_CHUNK_ROWS = 250;

const UNIQUE_VIOLATION = '23505';

/** True for PostgreSQL's unique violation, whether drizzle wrapped it or not. */
function isUniqueViolation(error: unknown): boolean {
  for (let current = error; current instanceof Error; current = current.cause) {
    if ((current as Error & { code?: unknown }).code === UNIQUE_VIOLATION) return true;
  }
  return false;
}

async function orDuplicate<T>(work: () => Promise<T>): Promise<T | Duplicate> {
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolation(error)) return DUPLICATE;
    throw error;
  }
}

async function regionsOfPlaces(
  db: Executor,
  placeIds: string[],
): Promise<Map<string, { id: string; name: string }[]>> {
  const byPlace = new Map<string, { id: string; name: string }[]>();
  if (placeIds.length === 0) return byPlace;
  const rows = await db
    .select({ placeId: regionPlaces.placeId, id: regions.id, name: regions.name })
    .from(regionPlaces)
    .innerJoin(regions, eq(regions.id, regionPlaces.regionId))
    .where(inArray(regionPlaces.placeId, placeIds))
    .orderBy(asc(sql`lower(${regions.name})`), asc(regions.id));
  for (const { placeId, ...region } of rows) {
    byPlace.set(placeId, [...(byPlace.get(placeId) ?? []), region]);
  }
  return byPlace;
}

async function withRegions(db: Executor, rows: PlaceRow[]): Promise<PlaceWithRegions[]> {
  const byPlace = await regionsOfPlaces(
    db,
    rows.map((row) => row.id),
  );
  return rows.map((row) => ({ ...row, regions: byPlace.get(row.id) ?? [] }));
}

async function withPlaces(db: Executor, rows: RegionRow[]): Promise<RegionWithPlaces[]> {
  if (rows.length === 0) return [];
  const members = await db
    .select({
      regionId: regionPlaces.regionId,
      id: places.id,
      name: places.name,
      municipality: places.municipality,
    })
    .from(regionPlaces)
    .innerJoin(places, eq(places.id, regionPlaces.placeId))
    .where(
      inArray(
        regionPlaces.regionId,
        rows.map((row) => row.id),
      ),
    )
    .orderBy(asc(sql`lower(${places.name})`), asc(places.id));
  const byRegion = new Map<string, RegionWithPlaces['places']>();
  for (const { regionId, ...place } of members) {
    byRegion.set(regionId, [...(byRegion.get(regionId) ?? []), place]);
  }
  return rows.map((row) => ({ ...row, places: byRegion.get(row.id) ?? [] }));
}

/** Every place of the organisation with its regions, by name. */
export async function listPlaces(db: Db, orgId: string): Promise<PlaceWithRegions[]> {
  const rows = await db
    .select()
    .from(places)
    .where(eq(places.orgId, orgId))
    .orderBy(asc(sql`lower(${places.name})`), asc(sql`lower(${places.municipality})`));
  return withRegions(db, rows);
}

/** One place of the organisation with its regions; null when it is not there or not theirs. */
export async function findPlace(
  db: Db,
  orgId: string,
  placeId: string,
): Promise<PlaceWithRegions | null> {
  const rows = await db
    .select()
    .from(places)
    .where(and(eq(places.orgId, orgId), eq(places.id, placeId)));
  return (await withRegions(db, rows))[0] ?? null;
}

/** Stores a place; `duplicate` when the organisation has one by that name in that municipality. */
export async function insertPlace(
  db: Db,
  orgId: string,
  values: PlaceValues,
): Promise<PlaceRow | Duplicate> {
  return orDuplicate(async () => {
    const [row] = await db
      .insert(places)
      .values({ orgId, ...values })
      .returning();
    if (!row) throw new Error('the place was not stored');
    return row;
  });
}

/** Changes the given fields; null when the place is not the organisation's, `duplicate` on a clash. */
export async function updatePlace(
  db: Db,
  orgId: string,
  placeId: string,
  patch: Partial<PlaceValues>,
): Promise<PlaceRow | null | Duplicate> {
  return orDuplicate(async () => {
    const [row] = await db
      .update(places)
      .set({ ...patch, updatedAt: new Date() })
      .where(and(eq(places.orgId, orgId), eq(places.id, placeId)))
      .returning();
    return row ?? null;
  });
}

/** Deletes a place, which also takes it out of its regions; false when it was not there. */
export async function deletePlace(db: Db, orgId: string, placeId: string): Promise<boolean> {
  const rows = await db
    .delete(places)
    .where(and(eq(places.orgId, orgId), eq(places.id, placeId)))
    .returning({ id: places.id });
  return rows.length > 0;
}

/**
 * The name-and-municipality pairs (lower-cased) among `names` that the organisation already
 * has; the caller matches municipalities.
 */
export async function listPlaceKeysNamed(
  db: Db,
  orgId: string,
  names: string[],
): Promise<{ name: string; municipality: string }[]> {
  if (names.length === 0) return [];
  return db
    .select({
      name: sql<string>`lower(${places.name})`,
      municipality: sql<string>`lower(${places.municipality})`,
    })
    .from(places)
    .where(
      and(
        eq(places.orgId, orgId),
        inArray(
          sql`lower(${places.name})`,
          names.map((name) => name.toLowerCase()),
        ),
      ),
    );
}

/**
 * Stores all places in one transaction, in slices: either every place is stored or, when any
 * statement fails, none is. `duplicate` when one clashes with a place stored meanwhile.
 */
export async function insertPlacesAtomically(
  db: Db,
  orgId: string,
  rows: PlaceValues[],
  options: { chunkRows?: number } = {},
): Promise<PlaceRow[] | Duplicate> {
  const chunkRows = options.chunkRows ?? INSERT_CHUNK_ROWS;
  return orDuplicate(() =>
    db.transaction(async (tx) => {
      const stored: PlaceRow[] = [];
      for (let start = 0; start < rows.length; start += chunkRows) {
        const chunk = rows.slice(start, start + chunkRows).map((values) => ({ orgId, ...values }));
        stored.push(...(await tx.insert(places).values(chunk).returning()));
      }
      return stored;
    }),
  );
}

/** Which of these ids are places of the organisation. */
export async function listOwnPlaceIds(db: Db, orgId: string, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .select({ id: places.id })
    .from(places)
    .where(and(eq(places.orgId, orgId), inArray(places.id, ids)));
  return new Set(rows.map((row) => row.id));
}

/** Every region of the organisation with its places, by name. */
export async function listRegions(db: Db, orgId: string): Promise<RegionWithPlaces[]> {
  const rows = await db
    .select()
    .from(regions)
    .where(eq(regions.orgId, orgId))
    .orderBy(asc(sql`lower(${regions.name})`));
  return withPlaces(db, rows);
}

/** One region of the organisation with its places; null when it is not there or not theirs. */
export async function findRegion(
  db: Db,
  orgId: string,
  regionId: string,
): Promise<RegionWithPlaces | null> {
  const rows = await db
    .select()
    .from(regions)
    .where(and(eq(regions.orgId, orgId), eq(regions.id, regionId)));
  return (await withPlaces(db, rows))[0] ?? null;
}

async function replaceRegionPlaces(tx: Tx, regionId: string, placeIds: string[]): Promise<void> {
  await tx.delete(regionPlaces).where(eq(regionPlaces.regionId, regionId));
  if (placeIds.length > 0) {
    await tx.insert(regionPlaces).values(placeIds.map((placeId) => ({ regionId, placeId })));
  }
}

/** Stores a region and its places together; `duplicate` when the name is taken. */
export async function insertRegion(
  db: Db,
  orgId: string,
  values: RegionValues,
  placeIds: string[],
): Promise<RegionRow | Duplicate> {
  return orDuplicate(() =>
    db.transaction(async (tx) => {
      const [row] = await tx
        .insert(regions)
        .values({ orgId, ...values })
        .returning();
      if (!row) throw new Error('the region was not stored');
      await replaceRegionPlaces(tx, row.id, placeIds);
      return row;
    }),
  );
}

/**
 * Changes the given fields and, when `placeIds` is given, replaces the region's places; null
 * when the region is not the organisation's, `duplicate` when the new name is taken.
 */
export async function updateRegion(
  db: Db,
  orgId: string,
  regionId: string,
  patch: Partial<RegionValues>,
  placeIds: string[] | undefined,
): Promise<RegionRow | null | Duplicate> {
  return orDuplicate(() =>
    db.transaction(async (tx) => {
      const [row] = await tx
        .update(regions)
        .set({ ...patch, updatedAt: new Date() })
        .where(and(eq(regions.orgId, orgId), eq(regions.id, regionId)))
        .returning();
      if (!row) return null;
      if (placeIds) await replaceRegionPlaces(tx, row.id, placeIds);
      return row;
    }),
  );
}

/** Deletes a region (its places stay); false when it was not there. */
export async function deleteRegion(db: Db, orgId: string, regionId: string): Promise<boolean> {
  const rows = await db
    .delete(regions)
    .where(and(eq(regions.orgId, orgId), eq(regions.id, regionId)))
    .returning({ id: regions.id });
  return rows.length > 0;
}
