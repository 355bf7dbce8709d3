// The synthesis of a lab: what the room said, grouped and ranked, live while the lab runs.
// Served as JSON at GET /api/v1/labs/:labId/synthesis (docs/synthesis.md) for the web app, the
// report and other tools. Each activity kind contributes one part; kinds are listed in
// common/activities/registry.ts.
import { z } from 'zod';
import { labTheme } from './labs.ts';
import { isoDateTime, uuid } from './fields.ts';

/** One note as the synthesis shows it; authorName is null in an anonymous lab. */
export const synthesisNote = z.object({
  id: z.string(),
  activityId: uuid,
  sectionKey: z.string(),
  text: z.string(),
  authorName: z.string().nullable(),
  dots: z.number().int(),
});
export type SynthesisNote = z.infer<typeof synthesisNote>;

/** A theme group of notes: found automatically (by shared word stems) or made by the facilitator. */
export const synthesisGroup = z.object({
  /** Stable while the notes last: "stem:<stem>" for automatic groups, "custom:<id>" for made ones. */
  key: z.string(),
  label: z.string(),
  /** The word stems the notes share (empty for a group the facilitator made). */
  basis: z.array(z.string()),
  automatic: z.boolean(),
  noteIds: z.array(z.string()),
});
export type SynthesisGroup = z.infer<typeof synthesisGroup>;

export const canvasSynthesis = z.object({
  kind: z.literal('canvas'),
  activityId: uuid,
  title: z.string(),
  placeId: uuid.nullable(),
  sections: z.array(
    z.object({
      key: z.string(),
      title: z.string(),
      notes: z.array(synthesisNote),
      groups: z.array(synthesisGroup),
    }),
  ),
  /** Notes with the most dots, most first (only once the tally is revealed). */
  topNotes: z.array(synthesisNote),
});

export const pollSynthesis = z.object({
  kind: z.literal('poll'),
  activityId: uuid,
  title: z.string(),
  question: z.string(),
  respondents: z.number().int(),
  /** Option labels, scale values or words with their counts, most first. */
  counts: z.array(z.object({ label: z.string(), count: z.number().int() })),
  mean: z.number().nullable(),
});

/** Mean and spread of one criterion's scores (1–5); null values when nobody scored it. */
export const scoreStats = z.object({
  n: z.number().int(),
  mean: z.number().nullable(),
  sd: z.number().nullable(),
  q1: z.number().nullable(),
  median: z.number().nullable(),
  q3: z.number().nullable(),
});
export type ScoreStats = z.infer<typeof scoreStats>;

/**
 * Where an item falls in the impact × uncertainty matrix: act-now (high impact, low uncertainty),
 * scenario-axis (high impact, high uncertainty), watch (low impact, high uncertainty),
 * background (low, low); unscored when either mean is missing.
 */
export const matrixQuadrants = [
  'act-now',
  'scenario-axis',
  'watch',
  'background',
  'unscored',
] as const;
export const matrixQuadrant = z.enum(matrixQuadrants);
export type MatrixQuadrant = z.infer<typeof matrixQuadrant>;

export const trendItemResult = z.object({
  itemKey: z.string(),
  trendKey: z.string(),
  title: z.string(),
  /** 1 = most relevant; items with equal mean relevance share a rank (1, 2, 2, 4). */
  rank: z.number().int().nullable(),
  relevance: scoreStats,
  impact: scoreStats,
  uncertainty: scoreStats,
  quadrant: matrixQuadrant,
});
export type TrendItemResult = z.infer<typeof trendItemResult>;

export const trendscanSynthesis = z.object({
  kind: z.literal('trendscan'),
  activityId: uuid,
  title: z.string(),
  respondents: z.number().int(),
  ranking: z.array(trendItemResult),
  /** The same ranking per place (regional labs); placeId null = people who chose no place. */
  perPlace: z.array(z.object({ placeId: uuid.nullable(), ranking: z.array(trendItemResult) })),
  chosenThemes: z.array(labTheme),
});

export const scenariosSynthesis = z.object({
  kind: z.literal('scenarios'),
  activityId: uuid,
  title: z.string(),
  axes: z.array(z.object({ label: z.string(), low: z.string(), high: z.string() })),
  quadrants: z.array(
    z.object({
      key: z.string(),
      name: z.string(),
      narrative: z.string(),
      lanes: z.array(z.object({ key: z.string(), notes: z.array(z.string()) })),
    }),
  ),
  actions: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      origin: z.string(),
      /** Quadrant keys in which the action holds (its origin always does). */
      holdsIn: z.array(z.string()),
      robust: z.boolean(),
    }),
  ),
});

export const visionSynthesis = z.object({
  kind: z.literal('vision'),
  activityId: uuid,
  title: z.string(),
  targetYear: z.number().int(),
  placeIds: z.array(uuid),
  /** The statement as plain text, paragraphs separated by blank lines. */
  text: z.string(),
  openSuggestions: z.number().int(),
});

export const positioningSynthesis = z.object({
  kind: z.literal('positioning'),
  activityId: uuid,
  title: z.string(),
  overlaps: z.array(
    z.object({
      programme: z.string(),
      role: z.string(),
      placeIds: z.array(uuid),
      /** What the room decided: open until confirmed or corrected. */
      verdict: z.enum(['open', 'competition', 'complementary', 'no-overlap']),
    }),
  ),
  /** One generated sentence per programme saying where places overlap or complement. */
  summary: z.array(z.string()),
  agreements: z.array(z.object({ id: z.string(), text: z.string(), placeIds: z.array(uuid) })),
});

export const actionsSynthesis = z.object({
  kind: z.literal('actions'),
  activityId: uuid,
  title: z.string(),
  actions: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      owner: z.string(),
      horizon: z.string(),
      status: z.string(),
      dots: z.number().int(),
      progress: z.number().int(),
    }),
  ),
});

export const activitySynthesis = z.discriminatedUnion('kind', [
  canvasSynthesis,
  pollSynthesis,
  trendscanSynthesis,
  scenariosSynthesis,
  visionSynthesis,
  positioningSynthesis,
  actionsSynthesis,
]);
export type ActivitySynthesis = z.infer<typeof activitySynthesis>;

export const synthesis = z.object({
  labId: uuid,
  title: z.string(),
  generatedAt: isoDateTime,
  /** Says in plain words what the automatic grouping is based on. */
  grouping: z.object({ method: z.string(), language: z.literal('dutch') }),
  themes: z.array(labTheme),
  activities: z.array(activitySynthesis),
});
export type Synthesis = z.infer<typeof synthesis>;
