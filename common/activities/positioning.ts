// The regional positioning activity: the places of a region side by side, the role each aims for
// per programme, where those roles overlap (possible competition) and what the room agreed
// (docs/COLLAB_SPEC.md, rules O1–O9). Overlap detection is in positioning.overlap.ts.
import { z } from 'zod';
import { uuid } from '../fields.ts';

export const POSITIONING_KIND = 'positioning';
export const PROGRAMMES_MIN = 1;
export const PROGRAMMES_MAX = 8;
export const PROGRAMME_LABEL_MAX = 80;
export const POSITIONING_PLACES_MIN = 2;
export const POSITIONING_PLACES_MAX = 12;
export const ROLE_LABEL_MAX = 80;
export const VERDICT_NOTE_MAX = 300;
export const AGREEMENT_TEXT_MAX = 500;
/** Longest author name a role or agreement may carry (the display name's own limit). */
export const POSITIONING_AUTHOR_MAX = 120;

export const programmeKey = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[a-z0-9-]+$/, 'lower-case letters, digits and hyphens');

export const positioningProgramme = z.object({
  /** Stable within the activity; roles and verdicts refer to it. */
  key: programmeKey,
  label: z.string().trim().min(1).max(PROGRAMME_LABEL_MAX),
});
export type PositioningProgramme = z.infer<typeof positioningProgramme>;

/**
 * The four programmes of the canvas "Nieuwe binnensteden"; their keys are the canvas's section
 * keys, so a place's canvas notes in those sections show up as its ambitions.
 */
export const defaultProgrammes: readonly PositioningProgramme[] = [
  { key: 'winkelen', label: 'Winkelen' },
  { key: 'wonen', label: 'Wonen' },
  { key: 'werken', label: 'Werken' },
  { key: 'verblijven', label: 'Verblijven en ontmoeten' },
];

export const positioningConfig = z.object({
  kind: z.literal(POSITIONING_KIND),
  programmes: z
    .array(positioningProgramme)
    .min(PROGRAMMES_MIN)
    .max(PROGRAMMES_MAX)
    .refine((programmes) => new Set(programmes.map((p) => p.key)).size === programmes.length, {
      message: 'every programme needs its own key',
    })
    .default(() => defaultProgrammes.map((p) => ({ ...p }))),
  /** The lab's places compared side by side, in the order they are shown. */
  placeIds: z
    .array(uuid)
    .min(POSITIONING_PLACES_MIN)
    .max(POSITIONING_PLACES_MAX)
    .refine((ids) => new Set(ids).size === ids.length, { message: 'name every place once' }),
});
export type PositioningConfig = z.infer<typeof positioningConfig>;

/** Root maps of a positioning document. Values are plain JSON (never nested Yjs types). */
export const positioningRoots = {
  roles: 'roles',
  verdicts: 'verdicts',
  agreements: 'agreements',
} as const;

/** roles[roleId]: the role one person marks for a place within a programme. */
export const roleValue = z.object({
  id: z.string().min(1).max(64),
  placeId: z.string().max(64),
  programme: z.string().max(40),
  /** Length and content are checked by the server (O3); the schema guards the shape only. */
  label: z.string(),
  authorId: z.string(),
  authorName: z.string().max(POSITIONING_AUTHOR_MAX),
  createdAt: z.number().int(),
});
export type RoleValue = z.infer<typeof roleValue>;

export const overlapVerdicts = ['competition', 'complementary', 'no-overlap'] as const;
export const overlapVerdict = z.enum(overlapVerdicts);
export type OverlapVerdict = z.infer<typeof overlapVerdict>;

/** verdicts[overlapKey]: what the room made of one overlap, recorded by a facilitator. */
export const verdictValue = z.object({
  verdict: overlapVerdict,
  note: z.string().max(VERDICT_NOTE_MAX),
});
export type VerdictValue = z.infer<typeof verdictValue>;

/** agreements[agreementId]: an agreement between places, recorded by a facilitator. */
export const agreementValue = z.object({
  id: z.string().min(1).max(64),
  /** Length is checked by the server (O7); the schema guards the shape only. */
  text: z.string(),
  /** The places it binds; empty means the region as a whole. */
  placeIds: z.array(z.string().max(64)).max(POSITIONING_PLACES_MAX),
  /** The programme it is about, or null when it spans programmes. */
  programme: z.string().max(40).nullable(),
  authorId: z.string(),
  authorName: z.string().max(POSITIONING_AUTHOR_MAX),
  createdAt: z.number().int(),
});
export type AgreementValue = z.infer<typeof agreementValue>;

/** The sections of a place's canvas read as its ambitions, one per default programme. */
export const ambitionSectionKeys = defaultProgrammes.map((p) => p.key);
/** The canvas section whose notes add to a place's DNA. */
export const DNA_SECTION_KEY = 'dna';

export const positioningContextPlace = z.object({
  placeId: uuid,
  name: z.string(),
  municipality: z.string(),
  /** The identity tags of the place's profile. */
  dnaTags: z.array(z.string()),
  /** Notes in the "DNA" section of the place's canvases, in canvas order. */
  dnaNotes: z.array(z.string()),
  /** Per canvas programme section, the notes of the place's canvases, in canvas order. */
  ambitions: z.array(z.object({ programme: z.string(), notes: z.array(z.string()) })),
});
export type PositioningContextPlace = z.infer<typeof positioningContextPlace>;

/** GET /api/v1/labs/:labId/positioning-context: what the room knows of each of the lab's places. */
export const positioningContext = z.object({ places: z.array(positioningContextPlace) });
export type PositioningContext = z.infer<typeof positioningContext>;
