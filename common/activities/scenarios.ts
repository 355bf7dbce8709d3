// The scenarios activity: two axes make four scenarios, each with a name, a narrative and notes in
// three lanes; actions proposed in one scenario are tested against the others (docs/COLLAB_SPEC.md,
// "Scenarios").
import { z } from 'zod';
// Types only: common/synthesis.ts and common/labs.ts import the activity registry, which imports
// this file, so a value import here would be a cycle that breaks module start-up.
import type { LabTheme } from '../labs.ts';
import type { Synthesis } from '../synthesis.ts';

export const SCENARIOS_KIND = 'scenarios';
export const AXIS_KEY_MAX = 80;
export const AXIS_LABEL_MAX = 80;
export const AXIS_POLE_MAX = 80;
export const QUADRANT_NAME_MAX = 80;
export const QUADRANT_NARRATIVE_MAX = 1500;
export const ACTION_TITLE_MAX = 200;
/** An action is robust when it holds in at least this many of the four scenarios. */
export const ROBUST_MIN_QUADRANTS = 3;

/**
 * The four scenarios, named by the poles they take: the first letter is axis 1, the second axis 2
 * (`h` high, `l` low). `hl` is "axis 1 high, axis 2 low".
 */
export const quadrantKeys = ['hh', 'hl', 'lh', 'll'] as const;
export const quadrantKey = z.enum(quadrantKeys);
export type QuadrantKey = z.infer<typeof quadrantKey>;

/** The three lanes of notes per scenario. */
export const laneKeys = ['meaning', 'policy', 'regret'] as const;
export const laneKey = z.enum(laneKeys);
export type LaneKey = z.infer<typeof laneKey>;

/** Which pole of each axis a scenario takes. */
export function polesOf(quadrant: QuadrantKey): { first: 'high' | 'low'; second: 'high' | 'low' } {
  return {
    first: quadrant[0] === 'h' ? 'high' : 'low',
    second: quadrant[1] === 'h' ? 'high' : 'low',
  };
}

/** Where an axis came from: an item of a trend scan's copied catalogue, or null when typed. */
export const axisSource = z.object({
  itemKey: z.string().min(1).max(AXIS_KEY_MAX),
  trendKey: z.string().min(1).max(AXIS_KEY_MAX),
});
export type AxisSource = z.infer<typeof axisSource>;

export const scenarioAxis = z.object({
  key: z.string().trim().min(1).max(AXIS_KEY_MAX),
  label: z.string().trim().min(1).max(AXIS_LABEL_MAX),
  low: z.string().trim().min(1).max(AXIS_POLE_MAX),
  high: z.string().trim().min(1).max(AXIS_POLE_MAX),
  source: axisSource.nullable().default(null),
});
export type ScenarioAxis = z.infer<typeof scenarioAxis>;

export const scenariosConfig = z
  .object({
    kind: z.literal(SCENARIOS_KIND),
    axes: z.tuple([scenarioAxis, scenarioAxis]),
  })
  .superRefine((config, ctx) => {
    if (config.axes[0].key === config.axes[1].key) {
      ctx.addIssue({ code: 'custom', path: ['axes', 1, 'key'], message: 'two different axes' });
    }
  });
export type ScenariosConfig = z.infer<typeof scenariosConfig>;

/**
 * Settings of a new scenarios activity: digitalisation and data × circular economy, each from
 * low to high. Stored on the activity as data (like a canvas template), so it is written in Dutch.
 */
export function defaultScenariosConfig(): ScenariosConfig {
  return {
    kind: SCENARIOS_KIND,
    axes: [
      {
        key: 'digitalisering',
        label: 'Digitalisering en data',
        low: 'Weinig digitalisering',
        high: 'Veel digitalisering',
        source: null,
      },
      {
        key: 'circulair',
        label: 'Circulaire economie',
        low: 'Weinig circulair',
        high: 'Sterk circulair',
        source: null,
      },
    ],
  };
}

/** Root maps of a scenarios document. Values are plain JSON (never nested Yjs types). */
export const scenariosRoots = {
  quadrants: 'quadrants',
  notes: 'notes',
  actions: 'actions',
  verdicts: 'verdicts',
} as const;

/** quadrants[quadrantKey]: the scenario's name and narrative, written by the whole room. */
export const quadrantValue = z.object({
  name: z.string().max(QUADRANT_NAME_MAX),
  narrative: z.string().max(QUADRANT_NARRATIVE_MAX),
});
export type QuadrantValue = z.infer<typeof quadrantValue>;

/** notes[noteId]: one note in one lane of one scenario. */
export const scenarioNoteValue = z.object({
  id: z.string().min(1).max(64),
  quadrant: quadrantKey,
  lane: laneKey,
  /** Length is checked by the server against NOTE_MAX_LENGTH; the schema only guards the shape. */
  text: z.string(),
  authorId: z.string(),
  /** '' in an anonymous lab: the name is not stored there at all. */
  authorName: z.string().max(120),
  createdAt: z.number().int(),
});
export type ScenarioNoteValue = z.infer<typeof scenarioNoteValue>;

/** actions[actionId]: an action proposed in one scenario (its origin). */
export const scenarioActionValue = z.object({
  id: z.string().min(1).max(64),
  title: z.string().max(ACTION_TITLE_MAX),
  origin: quadrantKey,
  authorId: z.string(),
  authorName: z.string().max(120),
  createdAt: z.number().int(),
});
export type ScenarioActionValue = z.infer<typeof scenarioActionValue>;

/** verdicts[`${actionId}|${quadrant}`]: what the room concluded; absent = not yet discussed. */
export const verdictValue = z.object({ holds: z.boolean() });
export type VerdictValue = z.infer<typeof verdictValue>;

/** The key of the room's verdict on one action in one scenario. */
export function verdictKey(actionId: string, quadrant: QuadrantKey): string {
  return `${actionId}|${quadrant}`;
}

/** Splits a verdict key; null when it is not `<actionId>|<quadrant key>`. */
export function parseVerdictKey(key: string): { actionId: string; quadrant: QuadrantKey } | null {
  const at = key.lastIndexOf('|');
  if (at <= 0) return null;
  const quadrant = quadrantKey.safeParse(key.slice(at + 1));
  return quadrant.success ? { actionId: key.slice(0, at), quadrant: quadrant.data } : null;
}

export interface Robustness {
  /** The scenarios in which the action holds, in the order of quadrantKeys; always has the origin. */
  holdsIn: QuadrantKey[];
  robust: boolean;
}

/**
 * The robust-action rule: an action holds in its origin and in every scenario the room said it
 * holds in; it is robust when that is at least three of the four. A verdict on the origin itself
 * changes nothing (the origin always holds).
 */
export function judgeRobustness(
  origin: QuadrantKey,
  verdicts: Iterable<readonly [QuadrantKey, boolean]>,
): Robustness {
  const holding = new Set<QuadrantKey>([origin]);
  for (const [quadrant, holds] of verdicts) {
    if (holds) holding.add(quadrant);
  }
  const holdsIn = quadrantKeys.filter((key) => holding.has(key));
  return { holdsIn, robust: holdsIn.length >= ROBUST_MIN_QUADRANTS };
}

/** One way to phrase an axis's poles from its label, e.g. "Weinig …" and "Veel …". */
export type PolePhrasing = (label: string) => { low: string; high: string };

interface AxisCandidate {
  key: string;
  label: string;
  source: AxisSource | null;
  /** Mean impact plus mean uncertainty; themes without scores rank after every scored item. */
  score: number;
  n: number;
}

function compareCandidates(a: AxisCandidate, b: AxisCandidate): number {
  return (
    b.score - a.score ||
    b.n - a.n ||
    a.label.localeCompare(b.label, 'nl') ||
    (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)
  );
}

/**
 * Picks two axes for a scenario round from a lab's synthesis: the two trend-scan items in the
 * "scenario-axis" quadrant (high impact, high uncertainty) with the highest mean impact plus mean
 * uncertainty, topped up from the lab's chosen themes when fewer than two qualify. Returns null
 * when there are not two different candidates. Labels and poles are cut to the allowed lengths.
 */
export function pickScenarioAxes(
  synthesis: Pick<Synthesis, 'activities'>,
  themes: readonly LabTheme[],
  phrasePoles: PolePhrasing,
): [ScenarioAxis, ScenarioAxis] | null {
  const best = new Map<string, AxisCandidate>();
  for (const part of synthesis.activities) {
    if (part.kind !== 'trendscan') continue;
    for (const item of part.ranking) {
      const impact = item.impact.mean;
      const uncertainty = item.uncertainty.mean;
      if (item.quadrant !== 'scenario-axis' || impact === null || uncertainty === null) continue;
      if (item.title.trim() === '' || item.itemKey.trim() === '') continue;
      const candidate: AxisCandidate = {
        key: item.itemKey,
        label: item.title,
        source: { itemKey: item.itemKey, trendKey: item.trendKey },
        score: impact + uncertainty,
        n: Math.min(item.impact.n, item.uncertainty.n),
      };
      // The same item scored in two trend scans counts once, with its better result.
      const known = best.get(item.itemKey);
      if (!known || compareCandidates(candidate, known) < 0) best.set(item.itemKey, candidate);
    }
  }
  const chosen = [...best.values()].sort(compareCandidates).slice(0, 2);
  for (const theme of themes) {
    if (chosen.length >= 2) break;
    if (chosen.some((c) => c.key === theme.key)) continue;
    chosen.push({
      key: theme.key,
      label: theme.label,
      source: theme.trendKey ? { itemKey: theme.key, trendKey: theme.trendKey } : null,
      score: Number.NEGATIVE_INFINITY,
      n: 0,
    });
  }
  const [first, second] = chosen;
  if (!first || !second) return null;
  return [toAxis(first, phrasePoles), toAxis(second, phrasePoles)];
}

function cut(text: string, max: number): string {
  const trimmed = text.trim().replace(/\s+/g, ' ');
  return trimmed.length <= max ? trimmed : trimmed.slice(0, max).trimEnd();
}

function toAxis(candidate: AxisCandidate, phrasePoles: PolePhrasing): ScenarioAxis {
  const label = cut(candidate.label, AXIS_LABEL_MAX);
  const poles = phrasePoles(label);
  return {
    key: cut(candidate.key, AXIS_KEY_MAX),
    label,
    low: cut(poles.low, AXIS_POLE_MAX),
    high: cut(poles.high, AXIS_POLE_MAX),
    source:
      candidate.source &&
      candidate.source.itemKey.length <= AXIS_KEY_MAX &&
      candidate.source.trendKey.length <= AXIS_KEY_MAX
        ? candidate.source
        : null,
  };
}
