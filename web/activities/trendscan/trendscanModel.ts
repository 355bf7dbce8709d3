// The trend scan's view logic without React: grouping, progress, the catalogue selection of the
// settings form, and the geometry of the charts. Pure, so it is tested on its own.
import {
  scoreCriteria,
  TREND_ITEM_DESCRIPTION_MAX,
  TREND_ITEM_KEY_MAX,
  TREND_ITEM_TITLE_MAX,
  type ScanItem,
  type ScanTrend,
  type ScoreValue,
  type TrendItem,
} from '../../../common/activities/trendscan.ts';
import type { TrendItemResult } from '../../../common/synthesis.ts';

/** The items of each trend, trends in the scan's order; trends without items are left out. */
export function groupByTrend(
  items: readonly ScanItem[],
  trends: readonly ScanTrend[],
): { trend: ScanTrend; items: ScanItem[] }[] {
  return trends
    .map((trend) => ({ trend, items: items.filter((item) => item.trendKey === trend.key) }))
    .filter((group) => group.items.length > 0);
}

/** True when a person gave an item all three scores. */
export function isFullyScored(score: ScoreValue | undefined): boolean {
  return score !== undefined && scoreCriteria.every((criterion) => score[criterion] !== undefined);
}

/** How many of `items` a person scored on all three criteria. */
export function countScored(
  items: readonly { itemKey: string }[],
  scoreOf: (itemKey: string) => ScoreValue | undefined,
): number {
  return items.filter((item) => isFullyScored(scoreOf(item.itemKey))).length;
}

/** A catalogue as the settings form reads it (the API's, or the built-in one as a fallback). */
export interface CatalogueTrend {
  key: string;
  title: string;
  description: string;
  developments: readonly { key: string; title: string; description: string }[];
}

function fit(text: string, max: number): string {
  return text.trim().slice(0, max).trim();
}

/**
 * Every item the catalogue offers, in its order: each trend, then its developments. A
 * development whose key another item already has gets a numbered key, so keys stay unique.
 */
export function catalogueItems(catalogue: readonly CatalogueTrend[]): TrendItem[] {
  const items: TrendItem[] = [];
  const taken = new Set(catalogue.map((trend) => trend.key));
  const seenTrends = new Set<string>();
  for (const trend of catalogue) {
    if (seenTrends.has(trend.key)) continue;
    seenTrends.add(trend.key);
    const title = fit(trend.title, TREND_ITEM_TITLE_MAX) || trend.key;
    items.push({
      key: trend.key,
      trendKey: trend.key,
      kind: 'trend',
      title,
      description: fit(trend.description, TREND_ITEM_DESCRIPTION_MAX),
    });
    for (const development of trend.developments) {
      let key = development.key;
      for (let n = 2; taken.has(key); n += 1) {
        key = `${development.key.slice(0, TREND_ITEM_KEY_MAX - 4)}-${n}`;
      }
      taken.add(key);
      items.push({
        key,
        trendKey: trend.key,
        kind: 'development',
        title: fit(development.title, TREND_ITEM_TITLE_MAX) || key,
        description: fit(development.description, TREND_ITEM_DESCRIPTION_MAX),
        trendTitle: title,
      });
    }
  }
  return items;
}

/**
 * The items of a scan after the facilitator ticked `selected`: the catalogue's items in its
 * order, then ticked items that the catalogue no longer has. An item that was already chosen
 * keeps its stored copy, so a catalogue edit since then changes nothing.
 */
export function selectItems(
  current: readonly TrendItem[],
  available: readonly TrendItem[],
  selected: ReadonlySet<string>,
): TrendItem[] {
  const stored = new Map(current.map((item) => [item.key, item]));
  const offered = new Set(available.map((item) => item.key));
  return [
    ...available
      .filter((item) => selected.has(item.key))
      .map((item) => stored.get(item.key) ?? item),
    ...current.filter((item) => !offered.has(item.key) && selected.has(item.key)),
  ];
}

/** A point in an SVG's user space. */
export interface Point {
  x: number;
  y: number;
}

/** The plotting area of the matrix: scores 1–5 on both axes. */
export interface MatrixFrame {
  left: number;
  top: number;
  size: number;
}

/** Where a score pair lands: uncertainty to the right, impact upwards. */
export function matrixPoint(impact: number, uncertainty: number, frame: MatrixFrame): Point {
  const along = (value: number) => (Math.min(5, Math.max(1, value)) - 1) / 4;
  return {
    x: frame.left + along(uncertainty) * frame.size,
    y: frame.top + (1 - along(impact)) * frame.size,
  };
}

/**
 * Moves points that would cover each other (closer than `gap`) apart on a small circle around
 * where they belong, so every marker stays readable; returns them in the given order.
 */
export function spreadPoints(points: readonly Point[], gap: number): Point[] {
  const groups: { centre: Point; members: number[] }[] = [];
  points.forEach((point, index) => {
    const group = groups.find(
      (candidate) => Math.hypot(candidate.centre.x - point.x, candidate.centre.y - point.y) < gap,
    );
    if (group) group.members.push(index);
    else groups.push({ centre: point, members: [index] });
  });
  const spread: Point[] = points.map((p) => ({ ...p }));
  for (const group of groups) {
    if (group.members.length < 2) continue;
    const radius = gap / (2 * Math.sin(Math.PI / group.members.length));
    group.members.forEach((index, position) => {
      const angle = -Math.PI / 2 + (2 * Math.PI * position) / group.members.length;
      spread[index] = {
        x: group.centre.x + radius * Math.cos(angle),
        y: group.centre.y + radius * Math.sin(angle),
      };
    });
  }
  return spread;
}

/** The radar's point for axis `index` of `count` at `value` (0 … max); the first axis points up. */
export function radarPoint(
  index: number,
  count: number,
  value: number,
  radius: number,
  centre: Point,
  max = 5,
): Point {
  const angle = -Math.PI / 2 + (2 * Math.PI * index) / Math.max(1, count);
  const r = (Math.min(max, Math.max(0, value)) / max) * radius;
  return { x: centre.x + r * Math.cos(angle), y: centre.y + r * Math.sin(angle) };
}

/** Items in the matrix: those with both an impact and an uncertainty mean. */
export function plottedItems(
  results: readonly TrendItemResult[],
): (TrendItemResult & { impactMean: number; uncertaintyMean: number })[] {
  return results.flatMap((result) =>
    result.impact.mean !== null && result.uncertainty.mean !== null
      ? [{ ...result, impactMean: result.impact.mean, uncertaintyMean: result.uncertainty.mean }]
      : [],
  );
}

/** One place's share of the results, named for display. */
export interface NamedPlaceResults<R> {
  placeId: string | null;
  name: string;
  respondents: number;
  ranking: R;
}

/**
 * Names the per-place results and orders them as the lab lists its places; people without a
 * place come after those, and places the lab no longer has come last.
 */
export function namePlaces<R>(
  labPlaces: readonly { id: string; name: string }[],
  perPlace: readonly { placeId: string | null; respondents: number; ranking: R }[],
  labels: { noPlace: string; unknownPlace: string },
): NamedPlaceResults<R>[] {
  const order = new Map(labPlaces.map((place, index) => [place.id, index]));
  const rankOf = (placeId: string | null) =>
    placeId === null ? labPlaces.length : (order.get(placeId) ?? labPlaces.length + 1);
  return [...perPlace]
    .sort((a, b) => rankOf(a.placeId) - rankOf(b.placeId))
    .map((entry) => ({
      ...entry,
      name:
        entry.placeId === null
          ? labels.noPlace
          : (labPlaces.find((place) => place.id === entry.placeId)?.name ?? labels.unknownPlace),
    }));
}
