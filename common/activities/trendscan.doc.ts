// Reading and writing a trend scan document (ADR 0002): the web app edits through these, the
// server judges, projects and summarises with them, so both read the document the same way.
import type * as Y from 'yjs';
import type { VoteState } from './control.ts';
import {
  CHOSEN_LABEL_MAX,
  chosenValue,
  developmentItemKey,
  developmentValue,
  itemsOf,
  parsePersonItemKey,
  personItemKey,
  respondentValue,
  scoreCriteria,
  scoreValue,
  themeVoteValue,
  trendsOf,
  trendscanRoots,
  type ChosenValue,
  type DevelopmentValue,
  type RespondentValue,
  type ScanItem,
  type ScanTrend,
  type ScoreValue,
  type TrendscanConfig,
} from './trendscan.ts';
import { summariseItems, type ScoreSample } from './trendscan.stats.ts';
import type { TrendItemResult } from '../synthesis.ts';

function rootOf(doc: Y.Doc, root: string): Y.Map<unknown> {
  return doc.getMap<unknown>(root);
}

/** Returns every valid respondent entry by participant id; invalid entries are skipped. */
export function readRespondents(doc: Y.Doc): Map<string, RespondentValue> {
  const respondents = new Map<string, RespondentValue>();
  for (const [participantId, value] of rootOf(doc, trendscanRoots.respondents).entries()) {
    const parsed = respondentValue.safeParse(value);
    if (parsed.success) respondents.set(participantId, parsed.data);
  }
  return respondents;
}

/** Records the place a person scores for (null: none). */
export function setRespondentPlace(
  doc: Y.Doc,
  participantId: string,
  placeId: string | null,
): void {
  doc.transact(() => {
    rootOf(doc, trendscanRoots.respondents).set(participantId, { placeId });
  });
}

/** One person's scores of one item, read from the document. */
export interface ScoreEntry extends ScoreValue {
  participantId: string;
  itemKey: string;
}

/** Returns every valid score entry (one per person and item); invalid entries are skipped. */
export function readScores(doc: Y.Doc): ScoreEntry[] {
  const scores: ScoreEntry[] = [];
  for (const [key, value] of rootOf(doc, trendscanRoots.scores).entries()) {
    const parsed = parsePersonItemKey(key);
    const score = scoreValue.safeParse(value);
    if (parsed && score.success) scores.push({ ...score.data, ...parsed });
  }
  return scores;
}

/** Returns one person's scores of one item; an empty value when they have none. */
export function readScore(doc: Y.Doc, participantId: string, itemKey: string): ScoreValue {
  const parsed = scoreValue.safeParse(
    rootOf(doc, trendscanRoots.scores).get(personItemKey(participantId, itemKey)),
  );
  return parsed.success ? parsed.data : {};
}

/** A change to one person's scores of one item; null clears that field. */
export type ScorePatch = {
  [K in keyof ScoreValue]?: ScoreValue[K] | null;
};

/** True when a score value holds nothing worth keeping. */
export function isEmptyScore(value: ScoreValue): boolean {
  return (
    value.relevance === undefined &&
    value.impact === undefined &&
    value.uncertainty === undefined &&
    (value.comment === undefined || value.comment.trim() === '')
  );
}

/**
 * Changes a person's scores of one item and returns what is stored now; a score left with no
 * field is deleted, and an empty comment is not stored.
 */
export function setScore(
  doc: Y.Doc,
  participantId: string,
  itemKey: string,
  patch: ScorePatch,
): ScoreValue {
  let next: ScoreValue = {};
  doc.transact(() => {
    const current = readScore(doc, participantId, itemKey);
    // Absent fields are left out, not stored as undefined: the value stays plain JSON.
    const merged: ScoreValue = {};
    for (const criterion of scoreCriteria) {
      const value = patch[criterion] === undefined ? current[criterion] : patch[criterion];
      if (value !== null && value !== undefined) merged[criterion] = value;
    }
    const comment = patch.comment === undefined ? current.comment : patch.comment;
    if (comment !== null && comment !== undefined && comment.trim() !== '')
      merged.comment = comment;
    next = merged;
    const key = personItemKey(participantId, itemKey);
    if (isEmptyScore(next)) rootOf(doc, trendscanRoots.scores).delete(key);
    else rootOf(doc, trendscanRoots.scores).set(key, next);
  });
  return next;
}

/** Returns every valid proposed development, oldest first; invalid entries are skipped. */
export function readDevelopments(doc: Y.Doc): DevelopmentValue[] {
  const developments: DevelopmentValue[] = [];
  for (const [key, value] of rootOf(doc, trendscanRoots.developments).entries()) {
    const parsed = developmentValue.safeParse(value);
    if (parsed.success && parsed.data.id === key) developments.push(parsed.data);
  }
  return developments.sort(
    (a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

export interface NewDevelopment {
  trendKey: string;
  title: string;
  description: string;
  authorId: string;
  /** '' in an anonymous lab: the name is not stored there at all. */
  authorName: string;
}

/** Proposes a new development and returns it (scorable as `new:<id>`). */
export function addDevelopment(doc: Y.Doc, input: NewDevelopment): DevelopmentValue {
  const development: DevelopmentValue = {
    id: globalThis.crypto.randomUUID(),
    trendKey: input.trendKey,
    title: input.title.trim(),
    description: input.description.trim(),
    authorId: input.authorId,
    authorName: input.authorName,
    createdAt: Date.now(),
  };
  doc.transact(() => {
    rootOf(doc, trendscanRoots.developments).set(development.id, development);
  });
  return development;
}

/** Deletes a proposed development with every score and theme vote on it; false when it did not exist. */
export function deleteDevelopment(doc: Y.Doc, developmentId: string): boolean {
  let isDone = false;
  doc.transact(() => {
    const developments = rootOf(doc, trendscanRoots.developments);
    if (!developments.has(developmentId)) return;
    developments.delete(developmentId);
    const itemKey = developmentItemKey(developmentId);
    for (const root of [trendscanRoots.scores, trendscanRoots.themeVotes]) {
      const map = rootOf(doc, root);
      for (const key of [...map.keys()]) {
        if (parsePersonItemKey(key)?.itemKey === itemKey) map.delete(key);
      }
    }
    isDone = true;
  });
  return isDone;
}

/** The scan's scorable items as the document stands: the config's, then the proposed developments. */
export function readItems(doc: Y.Doc, config: TrendscanConfig): ScanItem[] {
  return itemsOf(config, readDevelopments(doc));
}

/** One theme vote: a person gave an item one vote. */
export interface ThemeVoteEntry {
  participantId: string;
  itemKey: string;
}

/** Returns every valid theme vote; invalid entries are skipped. */
export function readThemeVotes(doc: Y.Doc): ThemeVoteEntry[] {
  const votes: ThemeVoteEntry[] = [];
  for (const [key, value] of rootOf(doc, trendscanRoots.themeVotes).entries()) {
    const parsed = parsePersonItemKey(key);
    if (parsed && themeVoteValue.safeParse(value).success) votes.push(parsed);
  }
  return votes;
}

/**
 * Counts one person's theme votes on items that exist. Votes on an item deleted at the same
 * moment do not count, so nobody loses a vote to a race; the server judges the limit with this.
 */
export function countThemeVotesOf(
  participantId: string,
  votes: Iterable<[string, unknown]>,
  existingItems: { has(itemKey: string): boolean },
): number {
  let total = 0;
  for (const [key, value] of votes) {
    const parsed = parsePersonItemKey(key);
    if (!parsed || parsed.participantId !== participantId) continue;
    if (!existingItems.has(parsed.itemKey)) continue;
    if (themeVoteValue.safeParse(value).success) total += 1;
  }
  return total;
}

/** Adds up theme votes per item key, for items in `existingItems` only. */
export function tallyThemeVotes(
  votes: readonly ThemeVoteEntry[],
  existingItems: { has(itemKey: string): boolean },
): Map<string, number> {
  const tally = new Map<string, number>();
  for (const vote of votes) {
    if (!existingItems.has(vote.itemKey)) continue;
    tally.set(vote.itemKey, (tally.get(vote.itemKey) ?? 0) + 1);
  }
  return tally;
}

function itemKeysOf(doc: Y.Doc, config: TrendscanConfig): Set<string> {
  return new Set(readItems(doc, config).map((item) => item.itemKey));
}

/** How many theme votes a person may still give; 0 when no vote is open. */
export function themeVotesLeft(
  doc: Y.Doc,
  config: TrendscanConfig,
  participantId: string,
  vote: VoteState | null,
): number {
  if (!vote?.open) return 0;
  const used = countThemeVotesOf(
    participantId,
    rootOf(doc, trendscanRoots.themeVotes).entries(),
    itemKeysOf(doc, config),
  );
  return Math.max(0, vote.dotsPerPerson - used);
}

/** True when the open vote allows votes on this item (a vote may be limited to one trend). */
export function isInThemeVote(vote: VoteState | null, item: { trendKey: string }): boolean {
  return Boolean(vote?.open) && (vote?.sectionKey == null || vote.sectionKey === item.trendKey);
}

/**
 * Gives an item one of a person's theme votes (at most one per item). False, changing nothing,
 * when no vote is open, the item is missing or outside the vote, it has their vote already, or
 * they have no vote left.
 */
export function castThemeVote(
  doc: Y.Doc,
  config: TrendscanConfig,
  participantId: string,
  itemKey: string,
  vote: VoteState | null,
): boolean {
  let isDone = false;
  doc.transact(() => {
    const item = readItems(doc, config).find((candidate) => candidate.itemKey === itemKey);
    if (!item || !isInThemeVote(vote, item)) return;
    const key = personItemKey(participantId, itemKey);
    const votes = rootOf(doc, trendscanRoots.themeVotes);
    if (votes.has(key)) return;
    if (themeVotesLeft(doc, config, participantId, vote) < 1) return;
    votes.set(key, true);
    isDone = true;
  });
  return isDone;
}

/** Takes a person's theme vote back from an item; false when no vote is open or they had none there. */
export function withdrawThemeVote(
  doc: Y.Doc,
  participantId: string,
  itemKey: string,
  vote: VoteState | null,
): boolean {
  let isDone = false;
  doc.transact(() => {
    if (!vote?.open) return;
    const key = personItemKey(participantId, itemKey);
    const votes = rootOf(doc, trendscanRoots.themeVotes);
    if (!votes.has(key)) return;
    votes.delete(key);
    isDone = true;
  });
  return isDone;
}

/** Removes every theme vote (a facilitator starting a fresh vote). */
export function clearThemeVotes(doc: Y.Doc): void {
  doc.transact(() => {
    const votes = rootOf(doc, trendscanRoots.themeVotes);
    for (const key of [...votes.keys()]) votes.delete(key);
  });
}

/** A chosen theme with the item it stands for. */
export interface ChosenTheme extends ChosenValue {
  itemKey: string;
}

/** Returns the chosen themes in their order (position, then item key); invalid entries are skipped. */
export function readChosen(doc: Y.Doc): ChosenTheme[] {
  const chosen: ChosenTheme[] = [];
  for (const [itemKey, value] of rootOf(doc, trendscanRoots.chosen).entries()) {
    const parsed = chosenValue.safeParse(value);
    if (parsed.success) chosen.push({ ...parsed.data, itemKey });
  }
  return chosen.sort(
    (a, b) =>
      a.position - b.position || (a.itemKey < b.itemKey ? -1 : a.itemKey > b.itemKey ? 1 : 0),
  );
}

/**
 * Chooses an item as a theme, at the end of the list (facilitators only; the server refuses
 * anyone else). False, changing nothing, when it is chosen already or the list is full.
 */
export function chooseTheme(
  doc: Y.Doc,
  config: TrendscanConfig,
  item: { itemKey: string; trendKey: string; title: string },
): boolean {
  let isDone = false;
  doc.transact(() => {
    const chosen = readChosen(doc);
    if (chosen.length >= config.themeCount) return;
    const map = rootOf(doc, trendscanRoots.chosen);
    if (map.has(item.itemKey)) return;
    const last = chosen.at(-1);
    const value: ChosenValue = {
      label: item.title.trim().slice(0, CHOSEN_LABEL_MAX).trim(),
      trendKey: item.trendKey,
      position: last ? Math.floor(last.position) + 1 : 0,
    };
    map.set(item.itemKey, value);
    isDone = true;
  });
  return isDone;
}

/** Takes an item off the chosen themes; false when it was not chosen. */
export function unchooseTheme(doc: Y.Doc, itemKey: string): boolean {
  let isDone = false;
  doc.transact(() => {
    const map = rootOf(doc, trendscanRoots.chosen);
    if (!map.has(itemKey)) return;
    map.delete(itemKey);
    isDone = true;
  });
  return isDone;
}

/**
 * Moves a chosen theme one place up or down, renumbering the list 0, 1, 2, … so positions stay
 * whole numbers; false when it is not chosen or already at that end.
 */
export function moveChosenTheme(doc: Y.Doc, itemKey: string, direction: 'up' | 'down'): boolean {
  let isDone = false;
  doc.transact(() => {
    const chosen = readChosen(doc);
    const index = chosen.findIndex((theme) => theme.itemKey === itemKey);
    const target = direction === 'up' ? index - 1 : index + 1;
    if (index < 0 || target < 0 || target >= chosen.length) return;
    const reordered = [...chosen];
    const [moving] = reordered.splice(index, 1);
    if (!moving) return;
    reordered.splice(target, 0, moving);
    const map = rootOf(doc, trendscanRoots.chosen);
    reordered.forEach((theme, position) => {
      if (theme.position === position) return;
      map.set(theme.itemKey, { label: theme.label, trendKey: theme.trendKey, position });
    });
    isDone = true;
  });
  return isDone;
}

/** The results of a scan as the document stands: overall and per place. */
export interface TrendscanResults {
  items: ScanItem[];
  trends: ScanTrend[];
  /** People with at least one valid score of an existing item. */
  respondents: number;
  ranking: TrendItemResult[];
  /** Per place people chose (null: no place), ordered by place id with "no place" last. */
  perPlace: { placeId: string | null; respondents: number; ranking: TrendItemResult[] }[];
}

function sampleOf(entry: ScoreEntry): ScoreSample {
  return {
    itemKey: entry.itemKey,
    relevance: entry.relevance,
    impact: entry.impact,
    uncertainty: entry.uncertainty,
  };
}

/** Summarises the whole scan: every existing item's statistics, overall and per chosen place. */
export function summariseTrendscan(doc: Y.Doc, config: TrendscanConfig): TrendscanResults {
  const items = readItems(doc, config);
  const existing = new Set(items.map((item) => item.itemKey));
  const respondents = readRespondents(doc);
  const scores = readScores(doc).filter((entry) => existing.has(entry.itemKey));
  const scoring = (entries: readonly ScoreEntry[]) =>
    new Set(
      entries
        .filter(
          (e) => e.relevance !== undefined || e.impact !== undefined || e.uncertainty !== undefined,
        )
        .map((e) => e.participantId),
    ).size;

  const byPlace = new Map<string | null, ScoreEntry[]>();
  for (const entry of scores) {
    const placeId = respondents.get(entry.participantId)?.placeId ?? null;
    const group = byPlace.get(placeId);
    if (group) group.push(entry);
    else byPlace.set(placeId, [entry]);
  }
  // Places in a stable order whatever the order of the document: by id, people without a place last.
  const placeIds = [...byPlace.keys()].sort((a, b) =>
    a === null ? 1 : b === null ? -1 : a < b ? -1 : a > b ? 1 : 0,
  );
  return {
    items,
    trends: trendsOf(config),
    respondents: scoring(scores),
    ranking: summariseItems(items, scores.map(sampleOf)),
    perPlace: placeIds.map((placeId) => {
      const entries = byPlace.get(placeId) ?? [];
      return {
        placeId,
        respondents: scoring(entries),
        ranking: summariseItems(items, entries.map(sampleOf)),
      };
    }),
  };
}
