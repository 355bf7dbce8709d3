// The organisation's trend catalogue: trends, each with developments, editable by admins. Labs copy
// what they use, so a later edit here rewrites no result of an earlier lab.
import { z } from 'zod';
import { uuid } from './fields.ts';
import { orgParams } from './orgs.ts';

export const TREND_KEY_MAX = 80;
export const TREND_TITLE_MAX = 120;
export const TREND_DESCRIPTION_MAX = 600;
/** More than anyone reads in one list; keeps a reorder request and the page small. */
export const TRENDS_MAX = 60;
export const DEVELOPMENTS_PER_TREND_MAX = 40;

/** A stable name for a trend or development, unique per organisation, e.g. "anders-werken". */
export const trendKey = z
  .string()
  .trim()
  .min(1)
  .max(TREND_KEY_MAX)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'lower-case letters, digits and single hyphens');

export const development = z.object({
  id: uuid,
  key: trendKey,
  title: z.string(),
  description: z.string(),
  /** Order within its trend, from 0. */
  position: z.number().int(),
  archived: z.boolean(),
});
export type Development = z.infer<typeof development>;

export const trend = z.object({
  id: uuid,
  key: trendKey,
  title: z.string(),
  description: z.string(),
  /** Order within the catalogue, from 0. */
  position: z.number().int(),
  archived: z.boolean(),
  developments: z.array(development),
});
export type Trend = z.infer<typeof trend>;

export const trendCatalogue = z.object({ trends: z.array(trend) });
export type TrendCatalogue = z.infer<typeof trendCatalogue>;

const title = z.string().trim().min(1).max(TREND_TITLE_MAX);
const description = z.string().trim().max(TREND_DESCRIPTION_MAX);

/** A new trend; without a key, one is made from the title (and made unique with a suffix). */
export const trendInput = z.object({
  title,
  description: description.default(''),
  key: trendKey.optional(),
});
export type TrendInput = z.infer<typeof trendInput>;

/** Only the given fields change; `archived` archives (true) or restores (false). */
export const updateTrendRequest = z.object({
  title: title.optional(),
  description: description.optional(),
  key: trendKey.optional(),
  archived: z.boolean().optional(),
});
export type UpdateTrendRequest = z.infer<typeof updateTrendRequest>;

/** A new development under a trend; without a key, one is made from the title. */
export const developmentInput = z.object({
  title,
  description: description.default(''),
  key: trendKey.optional(),
});
export type DevelopmentInput = z.infer<typeof developmentInput>;

/** Only the given fields change; `trendId` moves the development to the end of another trend. */
export const updateDevelopmentRequest = z.object({
  title: title.optional(),
  description: description.optional(),
  key: trendKey.optional(),
  archived: z.boolean().optional(),
  trendId: uuid.optional(),
});
export type UpdateDevelopmentRequest = z.infer<typeof updateDevelopmentRequest>;

/** Every trend id of the organisation (archived ones included), each once, in the new order. */
export const reorderTrendsRequest = z.object({
  trendIds: z
    .array(uuid)
    .min(1)
    .max(TRENDS_MAX * 4),
});
export type ReorderTrendsRequest = z.infer<typeof reorderTrendsRequest>;

/** Every development id of the trend (archived ones included), each once, in the new order. */
export const reorderDevelopmentsRequest = z.object({
  developmentIds: z
    .array(uuid)
    .min(1)
    .max(DEVELOPMENTS_PER_TREND_MAX * 4),
});
export type ReorderDevelopmentsRequest = z.infer<typeof reorderDevelopmentsRequest>;

/** `archived=include` also lists archived trends and developments (admins only). */
export const trendCatalogueQuery = z.object({
  archived: z.enum(['include']).optional(),
});
export type TrendCatalogueQuery = z.infer<typeof trendCatalogueQuery>;

export const trendParams = orgParams.extend({ trendId: uuid });
export type TrendParams = z.infer<typeof trendParams>;

export const developmentParams = orgParams.extend({ developmentId: uuid });
export type DevelopmentParams = z.infer<typeof developmentParams>;

/**
 * Turns a title into a key: lower case, accents dropped, everything else a single hyphen, e.g.
 * "Café & cultuur" → "cafe-cultuur"; `fallback` when nothing usable is left.
 */
export function keyFromTitle(text: string, fallback: string): string {
  const key = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    // Leaves room for a "-99" suffix when the key is taken.
    .slice(0, TREND_KEY_MAX - 8)
    .replace(/-+$/g, '');
  return key === '' ? fallback : key;
}
