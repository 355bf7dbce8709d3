// Places (city centres) and regions (named sets of places) of an organisation.
import { z } from 'zod';
import { isoDateTime, slug, uuid } from './fields.ts';

export const PLACE_NAME_MAX = 120;
export const DESCRIPTION_MAX = 2000;
export const DNA_TAG_MAX = 40;
export const DNA_TAGS_MAX = 20;
/** Rows accepted in one CSV import. */
export const IMPORT_ROWS_MAX = 1000;
/** Bytes accepted in one CSV import. */
export const IMPORT_BYTES_MAX = 512 * 1024;

/** A CBS municipality code such as GM0453 (Velsen). */
export const cbsCode = z
  .string()
  .trim()
  .regex(/^GM\d{4}$/, 'a CBS municipality code such as GM0453');

export const dnaTags = z
  .array(z.string().trim().min(1).max(DNA_TAG_MAX))
  .max(DNA_TAGS_MAX)
  .transform((tags) => [...new Set(tags)]);

export const placeInput = z.object({
  name: z.string().trim().min(1).max(PLACE_NAME_MAX),
  municipality: z.string().trim().min(1).max(PLACE_NAME_MAX),
  cbsCode: cbsCode.nullable().optional(),
  description: z.string().trim().max(DESCRIPTION_MAX).optional(),
  dnaTags: dnaTags.optional(),
});
export type PlaceInput = z.infer<typeof placeInput>;

export const updatePlaceRequest = placeInput.partial();
export type UpdatePlaceRequest = z.infer<typeof updatePlaceRequest>;

export const regionRef = z.object({ id: uuid, name: z.string() });

export const place = z.object({
  id: uuid,
  name: z.string(),
  municipality: z.string(),
  cbsCode: z.string().nullable(),
  description: z.string(),
  dnaTags: z.array(z.string()),
  regions: z.array(regionRef),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type Place = z.infer<typeof place>;

export const placeList = z.object({ places: z.array(place) });
export type PlaceList = z.infer<typeof placeList>;

export const placeParams = z.object({ orgSlug: slug, placeId: uuid });
export type PlaceParams = z.infer<typeof placeParams>;

export const regionInput = z.object({
  name: z.string().trim().min(1).max(PLACE_NAME_MAX),
  description: z.string().trim().max(DESCRIPTION_MAX).optional(),
  placeIds: z.array(uuid).max(200).optional(),
});
export type RegionInput = z.infer<typeof regionInput>;

export const updateRegionRequest = regionInput.partial();
export type UpdateRegionRequest = z.infer<typeof updateRegionRequest>;

export const placeRef = z.object({ id: uuid, name: z.string(), municipality: z.string() });

export const region = z.object({
  id: uuid,
  name: z.string(),
  description: z.string(),
  places: z.array(placeRef),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type Region = z.infer<typeof region>;

export const regionList = z.object({ regions: z.array(region) });
export type RegionList = z.infer<typeof regionList>;

export const regionParams = z.object({ orgSlug: slug, regionId: uuid });
export type RegionParams = z.infer<typeof regionParams>;

/** Columns of a places CSV; name and municipality are required, the rest may be left empty. */
export const placeCsvColumns = [
  'name',
  'municipality',
  'cbs_code',
  'description',
  'dna_tags',
] as const;

/**
 * The outcome of a CSV import in which every row went in. When any row is wrong nothing is
 * imported and the answer is a 400 problem whose `errors` name each cell as `rows.<row>.<column>`,
 * rows numbered as a spreadsheet shows them (the header is row 1).
 */
export const importResult = z.object({
  imported: z.number().int(),
  places: z.array(place),
});
export type ImportResult = z.infer<typeof importResult>;
