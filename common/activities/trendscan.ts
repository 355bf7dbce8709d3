// The trend scan activity: participants score trends and developments on relevance for their
// place, impact and uncertainty; the room picks its top themes (docs/COLLAB_SPEC.md, T rules).
import { z } from 'zod';

export const TRENDSCAN_KIND = 'trendscan';
export const TREND_ITEMS_MAX = 60;
export const TREND_ITEM_KEY_MAX = 80;
export const TREND_ITEM_TITLE_MAX = 160;
export const TREND_ITEM_DESCRIPTION_MAX = 2000;
export const THEME_COUNT_MIN = 1;
export const THEME_COUNT_MAX = 8;
export const DEFAULT_THEME_COUNT = 4;
export const DEVELOPMENT_TITLE_MAX = 120;
export const DEVELOPMENT_DESCRIPTION_MAX = 600;
/**
 * The same as LAB_THEME_LABEL_MAX (common/labs.ts), which a chosen theme becomes; not imported,
 * because common/labs.ts imports the activity registry, which imports this file.
 */
export const CHOSEN_LABEL_MAX = 120;

/** Every criterion is scored on the same scale; its midpoint splits "high" from "low". */
export const SCORE_MIN = 1;
export const SCORE_MAX = 5;
export const SCALE_MIDPOINT = 3;

export const scoreCriteria = ['relevance', 'impact', 'uncertainty'] as const;
export type ScoreCriterion = (typeof scoreCriteria)[number];

/** Item keys of the copied catalogue: lower-case words with hyphens, so they never contain `|` or `:`. */
export const trendItemKey = z
  .string()
  .trim()
  .min(1)
  .max(TREND_ITEM_KEY_MAX)
  .regex(/^[a-z0-9-]+$/, 'lower-case letters, digits and hyphens');

export const trendItemKinds = ['trend', 'development'] as const;

/**
 * One thing to score, copied from the organisation's catalogue. A trend item has trendKey = its
 * own key; a development item names the trend it belongs to.
 */
export const trendItem = z.object({
  key: trendItemKey,
  trendKey: trendItemKey,
  kind: z.enum(trendItemKinds),
  title: z.string().trim().min(1).max(TREND_ITEM_TITLE_MAX),
  description: z.string().trim().max(TREND_ITEM_DESCRIPTION_MAX).default(''),
  /**
   * For development items: the title of their trend, so results can be grouped under it even
   * when the trend itself is not among the items. Optional; the trend item's title wins.
   */
  trendTitle: z.string().trim().max(TREND_ITEM_TITLE_MAX).optional(),
});
export type TrendItem = z.infer<typeof trendItem>;

/** Stored on the activity: a copy of what the facilitator picked, so a later catalogue edit rewrites no result. */
export const trendscanConfig = z
  .object({
    kind: z.literal(TRENDSCAN_KIND),
    items: z.array(trendItem).min(1).max(TREND_ITEMS_MAX),
    /** Participants may propose new developments (under one of the scan's trends). */
    allowNewDevelopments: z.boolean().default(true),
    /** How many top themes the room picks. */
    themeCount: z
      .number()
      .int()
      .min(THEME_COUNT_MIN)
      .max(THEME_COUNT_MAX)
      .default(DEFAULT_THEME_COUNT),
  })
  .superRefine((config, ctx) => {
    const keys = new Set<string>();
    config.items.forEach((item, index) => {
      if (keys.has(item.key)) {
        ctx.addIssue({
          code: 'custom',
          path: ['items', index, 'key'],
          message: 'every item needs its own key',
        });
      }
      keys.add(item.key);
      if (item.kind === 'trend' && item.trendKey !== item.key) {
        ctx.addIssue({
          code: 'custom',
          path: ['items', index, 'trendKey'],
          message: 'a trend is its own trend',
        });
      }
      if (item.kind === 'development' && item.trendKey === item.key) {
        ctx.addIssue({
          code: 'custom',
          path: ['items', index, 'trendKey'],
          message: 'a development belongs to a trend',
        });
      }
    });
  });
export type TrendscanConfig = z.infer<typeof trendscanConfig>;

/** Root maps of a trend scan document. Values are plain JSON (never nested Yjs types). */
export const trendscanRoots = {
  respondents: 'respondents',
  scores: 'scores',
  developments: 'developments',
  themeVotes: 'themeVotes',
  chosen: 'chosen',
} as const;

/** respondents[participantId]: the place this person scores for (null: none chosen, or a local lab). */
export const respondentValue = z.object({ placeId: z.uuid().nullable() });
export type RespondentValue = z.infer<typeof respondentValue>;

const score = z.number().int().min(SCORE_MIN).max(SCORE_MAX);

/**
 * scores[`${participantId}|${itemKey}`]: one person's scores of one item; each criterion may be
 * missing (not scored yet). The comment's length is checked by the server against
 * NOTE_MAX_LENGTH; the schema only guards the shape.
 */
export const scoreValue = z.object({
  relevance: score.optional(),
  impact: score.optional(),
  uncertainty: score.optional(),
  comment: z.string().optional(),
});
export type ScoreValue = z.infer<typeof scoreValue>;

/** developments[id]: a development a participant proposed during the lab; scored as `new:<id>`. */
export const developmentValue = z.object({
  id: z.uuid(),
  trendKey: trendItemKey,
  title: z.string().trim().min(1).max(DEVELOPMENT_TITLE_MAX),
  description: z.string().trim().max(DEVELOPMENT_DESCRIPTION_MAX),
  authorId: z.string(),
  authorName: z.string().max(120),
  createdAt: z.number().int(),
});
export type DevelopmentValue = z.infer<typeof developmentValue>;

/** themeVotes[`${participantId}|${itemKey}`]: that person gave the item one of their theme votes. */
export const themeVoteValue = z.literal(true);

/** chosen[itemKey]: a theme the facilitator chose; listed by position, lowest first. */
export const chosenValue = z.object({
  label: z.string().trim().min(1).max(CHOSEN_LABEL_MAX),
  trendKey: trendItemKey,
  position: z.number().finite(),
});
export type ChosenValue = z.infer<typeof chosenValue>;

const NEW_PREFIX = 'new:';

/** The item key under which a proposed development is scored, voted and chosen. */
export function developmentItemKey(developmentId: string): string {
  return `${NEW_PREFIX}${developmentId}`;
}

/** The development id inside a `new:<id>` item key; null for a key of the copied catalogue. */
export function developmentIdOf(itemKey: string): string | null {
  return itemKey.startsWith(NEW_PREFIX) ? itemKey.slice(NEW_PREFIX.length) : null;
}

/** The key of one person's entry about one item (scores and theme votes). */
export function personItemKey(participantId: string, itemKey: string): string {
  return `${participantId}|${itemKey}`;
}

/** Splits a person-item key; null when it is not `<participantId>|<itemKey>`. */
export function parsePersonItemKey(key: string): { participantId: string; itemKey: string } | null {
  const at = key.indexOf('|');
  if (at <= 0 || at === key.length - 1) return null;
  return { participantId: key.slice(0, at), itemKey: key.slice(at + 1) };
}

/** Something people can score: an item of the config or a proposed development. */
export interface ScanItem {
  itemKey: string;
  trendKey: string;
  kind: 'trend' | 'development';
  title: string;
  description: string;
  /** True for a development proposed during the lab. */
  isProposed: boolean;
}

/** A trend of the scan, with the title results are grouped under. */
export interface ScanTrend {
  key: string;
  title: string;
}

/**
 * The scan's trends in the order they first appear among the items; a trend's title comes from
 * its own item, else from a development's trendTitle, else it is the key itself.
 */
export function trendsOf(config: TrendscanConfig): ScanTrend[] {
  const titles = new Map<string, string>();
  for (const item of config.items) {
    if (item.kind === 'trend') titles.set(item.key, item.title);
  }
  const trends: ScanTrend[] = [];
  const seen = new Set<string>();
  for (const item of config.items) {
    if (seen.has(item.trendKey)) continue;
    seen.add(item.trendKey);
    const title = titles.get(item.trendKey) ?? (item.trendTitle || item.trendKey);
    trends.push({ key: item.trendKey, title });
  }
  return trends;
}

/** Every scorable item: the config's items in their order, then the proposed developments in `developments`' order. */
export function itemsOf(
  config: TrendscanConfig,
  developments: readonly DevelopmentValue[],
): ScanItem[] {
  const trendKeys = new Set(config.items.map((item) => item.trendKey));
  return [
    ...config.items.map((item) => ({
      itemKey: item.key,
      trendKey: item.trendKey,
      kind: item.kind,
      title: item.title,
      description: item.description,
      isProposed: false,
    })),
    ...developments
      .filter((d) => trendKeys.has(d.trendKey))
      .map((d) => ({
        itemKey: developmentItemKey(d.id),
        trendKey: d.trendKey,
        kind: 'development' as const,
        title: d.title,
        description: d.description,
        isProposed: true,
      })),
  ];
}
