// The rules for places, regions and the CSV import of places.
import type {
  ImportResult,
  Place,
  PlaceInput,
  PlaceList,
  Region,
  RegionInput,
  RegionList,
  UpdatePlaceRequest,
  UpdateRegionRequest,
} from '../../../common/places.ts';
import type { FieldProblem } from '../../../common/problem.ts';
import type { OrgActor } from '../../http/auth.ts';
import type { AppContext } from '../../http/context.ts';
import { badInput, conflict, forbidden, HttpProblem, notFound } from '../../http/problem.ts';
import { placeKey, readPlacesCsv } from './places.csv.ts';
import { canEditPlaces, canReadPlaces } from './places.policy.ts';
import {
  presentImportResult,
  presentPlace,
  presentPlaceList,
  presentRegion,
  presentRegionList,
} from './places.presenter.ts';
import {
  deletePlace,
  deleteRegion,
  DUPLICATE,
  findPlace,
  findRegion,
  insertPlace,
  insertPlacesAtomically,
  insertRegion,
  listOwnPlaceIds,
  listPlaceKeysNamed,
  listPlaces,
  listRegions,
  updatePlace,
  updateRegion,
  type PlaceValues,
} from './places.repo.ts';

/** The media type a places import must be sent as. */
export const CSV_MEDIA_TYPE = 'text/csv';

function assertMayRead(actor: OrgActor): void {
  if (!canReadPlaces(actor.role)) throw forbidden();
}

function assertMayEdit(actor: OrgActor): void {
  if (!canEditPlaces(actor.role)) {
    throw forbidden(
      'Only a facilitator or admin of this organisation may change places and regions.',
    );
  }
}

function placeExists(name?: string, municipality?: string): HttpProblem {
  const which =
    name && municipality ? `"${name}" in ${municipality}` : 'with that name and municipality';
  return conflict(`This organisation already has a place ${which}.`);
}

function regionExists(name?: string): HttpProblem {
  return conflict(
    `This organisation already has a region ${name ? `"${name}"` : 'with that name'}.`,
  );
}

function valuesOf(input: PlaceInput): PlaceValues {
  return {
    name: input.name,
    municipality: input.municipality,
    cbsCode: input.cbsCode ?? null,
    description: input.description ?? '',
    dnaTags: input.dnaTags ?? [],
  };
}

function patchOf(input: UpdatePlaceRequest): Partial<PlaceValues> {
  return {
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(input.municipality !== undefined ? { municipality: input.municipality } : {}),
    ...(input.cbsCode !== undefined ? { cbsCode: input.cbsCode } : {}),
    ...(input.description !== undefined ? { description: input.description } : {}),
    ...(input.dnaTags !== undefined ? { dnaTags: input.dnaTags } : {}),
  };
}

async function loadPlace(ctx: AppContext, actor: OrgActor, placeId: string): Promise<Place> {
  const row = await findPlace(ctx.database.db, actor.orgId, placeId);
  if (!row) throw notFound('This place');
  return presentPlace(row);
}

async function loadRegion(ctx: AppContext, actor: OrgActor, regionId: string): Promise<Region> {
  const row = await findRegion(ctx.database.db, actor.orgId, regionId);
  if (!row) throw notFound('This region');
  return presentRegion(row);
}

/** Every place of the organisation with its regions. */
export async function listOrganisationPlaces(ctx: AppContext, actor: OrgActor): Promise<PlaceList> {
  assertMayRead(actor);
  return presentPlaceList(await listPlaces(ctx.database.db, actor.orgId));
}

/** One place of the organisation; 404 for a place of another organisation. */
export function getPlace(ctx: AppContext, actor: OrgActor, placeId: string): Promise<Place> {
  assertMayRead(actor);
  return loadPlace(ctx, actor, placeId);
}

/** Adds a place (facilitators and admins); 409 when one by that name and municipality exists. */
export async function createPlace(
  ctx: AppContext,
  actor: OrgActor,
  input: PlaceInput,
): Promise<Place> {
  assertMayEdit(actor);
  const row = await insertPlace(ctx.database.db, actor.orgId, valuesOf(input));
  if (row === DUPLICATE) throw placeExists(input.name, input.municipality);
  return loadPlace(ctx, actor, row.id);
}

/** Changes the given fields of a place (facilitators and admins); a null cbsCode clears it. */
export async function changePlace(
  ctx: AppContext,
  actor: OrgActor,
  placeId: string,
  input: UpdatePlaceRequest,
): Promise<Place> {
  assertMayEdit(actor);
  const row = await updatePlace(ctx.database.db, actor.orgId, placeId, patchOf(input));
  if (row === DUPLICATE) throw placeExists(input.name, input.municipality);
  if (!row) throw notFound('This place');
  return loadPlace(ctx, actor, placeId);
}

/** Deletes a place and takes it out of every region (facilitators and admins). */
export async function removePlace(
  ctx: AppContext,
  actor: OrgActor,
  placeId: string,
): Promise<void> {
  assertMayEdit(actor);
  if (!(await deletePlace(ctx.database.db, actor.orgId, placeId))) throw notFound('This place');
}

/** Refuses an import sent as anything but text/csv; checked before the body is read. */
export function checkCsvMediaType(mediaType: string): void {
  if (mediaType !== CSV_MEDIA_TYPE) {
    throw new HttpProblem(
      415,
      'unsupported_media_type',
      `${mediaType || 'A body without a Content-Type'} is not accepted; send the file as ${CSV_MEDIA_TYPE} (UTF-8).`,
    );
  }
}

// "rows.12.name" sorts by its row number; header and file-wide problems come first.
function rowNumberOf(error: FieldProblem): number {
  const match = /^rows\.(\d+)/.exec(error.field);
  return match ? Number(match[1]) : 0;
}

/**
 * Imports places from CSV text (facilitators and admins): every row goes in, in one
 * transaction, or none does and the 400 names every wrong cell, duplicates within the file
 * and clashes with places the organisation already has.
 */
export async function importPlaces(
  ctx: AppContext,
  actor: OrgActor,
  csv: string,
): Promise<ImportResult> {
  assertMayEdit(actor);
  const { db } = ctx.database;
  const { places, errors } = readPlacesCsv(csv);
  const stored = await listPlaceKeysNamed(
    db,
    actor.orgId,
    places.map(({ place }) => place.name),
  );
  const storedKeys = new Set(stored.map(placeKey));
  for (const { row, place } of places) {
    if (storedKeys.has(placeKey(place))) {
      errors.push({
        field: `rows.${row}.name`,
        code: 'exists',
        message: `This organisation already has "${place.name}" in ${place.municipality}.`,
      });
    }
  }
  if (errors.length > 0) {
    const sorted = errors
      .map((error, index) => ({ error, index }))
      .sort((a, b) => rowNumberOf(a.error) - rowNumberOf(b.error) || a.index - b.index)
      .map(({ error }) => error);
    throw new HttpProblem(
      400,
      'import_failed',
      `Nothing was imported: the file has ${errors.length} problem${errors.length === 1 ? '' : 's'}.`,
      { errors: sorted },
    );
  }
  const rows = await insertPlacesAtomically(
    db,
    actor.orgId,
    places.map(({ place }) => valuesOf(place)),
  );
  if (rows === DUPLICATE) {
    throw conflict('A place in the file was added meanwhile; nothing was imported. Try again.');
  }
  return presentImportResult(rows.map((row) => ({ ...row, regions: [] })));
}

async function checkRegionPlaces(
  ctx: AppContext,
  actor: OrgActor,
  placeIds: string[] | undefined,
): Promise<string[] | undefined> {
  if (placeIds === undefined) return undefined;
  const unique = [...new Set(placeIds)];
  const own = await listOwnPlaceIds(ctx.database.db, actor.orgId, unique);
  const foreign = unique.filter((id) => !own.has(id));
  if (foreign.length > 0) {
    throw badInput(
      'placeIds',
      `${foreign.join(', ')} ${foreign.length === 1 ? 'is not a place' : 'are not places'} of this organisation.`,
      'unknown_place',
    );
  }
  return unique;
}

/** Every region of the organisation with its places. */
export async function listOrganisationRegions(
  ctx: AppContext,
  actor: OrgActor,
): Promise<RegionList> {
  assertMayRead(actor);
  return presentRegionList(await listRegions(ctx.database.db, actor.orgId));
}

/** One region of the organisation; 404 for a region of another organisation. */
export function getRegion(ctx: AppContext, actor: OrgActor, regionId: string): Promise<Region> {
  assertMayRead(actor);
  return loadRegion(ctx, actor, regionId);
}

/** Adds a region of the organisation's own places (facilitators and admins). */
export async function createRegion(
  ctx: AppContext,
  actor: OrgActor,
  input: RegionInput,
): Promise<Region> {
  assertMayEdit(actor);
  const placeIds = (await checkRegionPlaces(ctx, actor, input.placeIds)) ?? [];
  const row = await insertRegion(
    ctx.database.db,
    actor.orgId,
    { name: input.name, description: input.description ?? '' },
    placeIds,
  );
  if (row === DUPLICATE) throw regionExists(input.name);
  return loadRegion(ctx, actor, row.id);
}

/** Changes the given fields of a region; `placeIds`, when given, replaces its places. */
export async function changeRegion(
  ctx: AppContext,
  actor: OrgActor,
  regionId: string,
  input: UpdateRegionRequest,
): Promise<Region> {
  assertMayEdit(actor);
  const placeIds = await checkRegionPlaces(ctx, actor, input.placeIds);
  const row = await updateRegion(
    ctx.database.db,
    actor.orgId,
    regionId,
    {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.description !== undefined ? { description: input.description } : {}),
    },
    placeIds,
  );
  if (row === DUPLICATE) throw regionExists(input.name);
  if (!row) throw notFound('This region');
  return loadRegion(ctx, actor, regionId);
}

/** Deletes a region; its places stay (facilitators and admins). */
export async function removeRegion(
  ctx: AppContext,
  actor: OrgActor,
  regionId: string,
): Promise<void> {
  assertMayEdit(actor);
  if (!(await deleteRegion(ctx.database.db, actor.orgId, regionId))) throw notFound('This region');
}
