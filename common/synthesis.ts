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

/** The key of the group of notes that share no word stem with another note ("Overig"). */
export const OTHER_GROUP_KEY = 'other';
/** The label of that group for tools; the web app shows its own translation of it. */
export const OTHER_GROUP_LABEL = 'Overig';
export const SYNTHESIS_GROUP_LABEL_MAX = 80;
/** How many notes with the most dots a canvas part lists. */
export const TOP_NOTES_MAX = 10;

/** A theme group of notes: found automatically (by shared word stems) or made by the facilitator. */
export const synthesisGroup = z.object({
  /**
   * Stable while the notes last: "stem:<stem>" for automatic groups, "custom:<id>" for made ones,
   * OTHER_GROUP_KEY for the notes that share no stem with another note.
   */
  key: z.string(),
  label: z.string(),
  /** The word stems the notes share (empty for a group the facilitator made). */
  basis: z.array(z.string()),
  /** The words in the notes that gave those stems, most frequent first (e.g. winkels, winkelen). */
  words: z.array(z.string()),
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
  /** True when the activity is in private mode and the notes were left out for this reader. */
  notesHidden: z.boolean(),
  /** True when the dot tally is not revealed yet and dots and topNotes were left out. */
  tallyHidden: z.boolean(),
});

export const pollSynthesis = z.object({
  kind: z.literal('poll'),
  activityId: uuid,
  title: z.string(),
  question: z.string(),
  type: z.enum(['single', 'multiple', 'scale', 'open']),
  /** For a scale poll: its range and what the ends mean; null otherwise. */
  scale: z
    .object({
      min: z.number().int(),
      max: z.number().int(),
      minLabel: z.string(),
      maxLabel: z.string(),
    })
    .nullable(),
  respondents: z.number().int(),
  /**
   * Option labels or open answers with their counts, most first (ties in option order or
   * alphabetically); for a scale, every value from min to max in order.
   */
  counts: z.array(z.object({ label: z.string(), count: z.number().int() })),
  mean: z.number().nullable(),
  /** True when the results are not revealed yet and counts and mean were left out for this reader. */
  resultsHidden: z.boolean(),
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
  perPlace: z.array(
    z.object({
      placeId: uuid.nullable(),
      respondents: z.number().int().default(0),
      ranking: z.array(trendItemResult),
    }),
  ),
  chosenThemes: z.array(labTheme),
  /** The scan's trends in order: the radar has one axis per trend (trendItemResult.trendKey). */
  trends: z.array(z.object({ key: z.string(), title: z.string() })).default([]),
  /** True for a participant while the facilitator has not shown the results: no scores then. */
  resultsHidden: z.boolean().default(false),
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
      /** The programme's key; programmeLabel is how the activity names it. */
      programme: z.string(),
      programmeLabel: z.string().optional(),
      role: z.string(),
      placeIds: z.array(uuid),
      /** What the room decided: open until confirmed or corrected. */
      verdict: z.enum(['open', 'competition', 'complementary', 'no-overlap']),
      /** The facilitator's note with the verdict ('' when none). */
      note: z.string().optional(),
    }),
  ),
  /** One generated sentence per programme saying where places overlap or complement. */
  summary: z.array(z.string()),
  agreements: z.array(
    z.object({
      id: z.string(),
      text: z.string(),
      placeIds: z.array(uuid),
      /** The programme key it is about, or null when it spans programmes. */
      programme: z.string().nullable().optional(),
    }),
  ),
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
  /** The lab's places, so placeId and placeIds in the parts can be named. */
  places: z.array(z.object({ id: uuid, name: z.string(), municipality: z.string() })),
  activities: z.array(activitySynthesis),
  /**
   * Activities whose results could not be read from their document (a defect to report); the
   * rest of the synthesis is complete without them.
   */
  unavailable: z.array(z.object({ activityId: uuid, title: z.string() })).default([]),
});
export type Synthesis = z.infer<typeof synthesis>;
export type CanvasSynthesis = z.infer<typeof canvasSynthesis>;
export type PollSynthesis = z.infer<typeof pollSynthesis>;

const groupLabel = z.string().trim().min(1).max(SYNTHESIS_GROUP_LABEL_MAX);

/**
 * The facilitator's corrections of one canvas section's grouping (docs/synthesis.md). They are
 * applied after the automatic grouping, in this order: merges, moves, labels; a key they name
 * that no longer exists is ignored.
 */
export const sectionOverrides = z.object({
  /** Group key → the group its notes join, now and when new notes arrive. */
  merges: z.record(z.string(), z.string()).default({}),
  /** Groups the facilitator made by splitting notes off. */
  custom: z.array(z.object({ key: z.string(), label: z.string() })).default([]),
  /** Note id → the group the facilitator put it in. */
  moves: z.record(z.string(), z.string()).default({}),
  /** Group key → the label the facilitator gave it. */
  labels: z.record(z.string(), z.string()).default({}),
});
export type SectionOverrides = z.infer<typeof sectionOverrides>;

/** lab_syntheses.overrides: activity id → section key → that section's corrections. */
export const synthesisOverrides = z.record(z.string(), z.record(z.string(), sectionOverrides));
export type SynthesisOverrides = z.infer<typeof synthesisOverrides>;

const groupTarget = z.object({ activityId: uuid, sectionKey: z.string().min(1).max(40) });

/** POST /labs/:labId/synthesis/groups: one correction of a canvas section's grouping. */
export const synthesisGroupRequest = z.discriminatedUnion('op', [
  /** Gives a group a new label. */
  groupTarget.extend({ op: z.literal('rename'), groupKey: z.string().min(1), label: groupLabel }),
  /** Puts the notes of the other groups into the first; new notes of those groups follow. */
  groupTarget.extend({
    op: z.literal('merge'),
    groupKeys: z.array(z.string().min(1)).min(2).max(50),
    label: groupLabel.optional(),
  }),
  /** Moves the chosen notes into a new group with this label. */
  groupTarget.extend({
    op: z.literal('split'),
    noteIds: z.array(z.string().min(1)).min(1).max(500),
    label: groupLabel,
  }),
  /** Moves one note into another existing group. */
  groupTarget.extend({
    op: z.literal('move'),
    noteId: z.string().min(1),
    groupKey: z.string().min(1),
  }),
  /** Forgets every correction of the section: the automatic grouping again. */
  groupTarget.extend({ op: z.literal('reset') }),
]);
export type SynthesisGroupRequest = z.infer<typeof synthesisGroupRequest>;
