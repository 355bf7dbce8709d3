// Who may write what in a trend scan document (docs/COLLAB_SPEC.md, rules T1–T13). Pure: it reads
// the document before the update and the update's changes, and never touches the database.
import type * as Y from 'yjs';
import { countThemeVotesOf, isEmptyScore } from '../../../common/activities/trendscan.doc.ts';
import {
  chosenValue,
  developmentIdOf,
  developmentItemKey,
  developmentValue,
  parsePersonItemKey,
  respondentValue,
  scoreValue,
  themeVoteValue,
  trendscanRoots,
  type DevelopmentValue,
  type TrendscanConfig,
} from '../../../common/activities/trendscan.ts';
import type { MapChange, WriteContext, WriteVerdict } from '../registry.types.ts';
import { checkDotBudget, isOutsideVote, judgeDotChange } from '../shared/dots.ts';
import { ACCEPTED, entriesAfter, hasOnlyKnownKeys, refuse } from '../shared/verdicts.ts';

/** The config's item keys → trend keys, and its trend keys; built once per config object. */
interface ConfigIndex {
  items: Map<string, string>;
  trends: Set<string>;
}
const indexes = new WeakMap<TrendscanConfig, ConfigIndex>();

function indexOf(config: TrendscanConfig): ConfigIndex {
  const known = indexes.get(config);
  if (known) return known;
  const index: ConfigIndex = {
    items: new Map(config.items.map((item) => [item.key, item.trendKey])),
    trends: new Set(config.items.map((item) => item.trendKey)),
  };
  indexes.set(config, index);
  return index;
}

/** Where the items an update names stand once it is applied: their trend, read only when asked. */
interface ItemsAfter {
  /** The trend of an existing item; undefined when the item does not exist after the update. */
  trendOf(itemKey: string): string | undefined;
}

/**
 * The items that exist once `changes` are applied: the config's, plus the proposed developments
 * of the document. Each development is parsed on first use, not all of them per write.
 */
function itemsAfter(doc: Y.Doc, index: ConfigIndex, changes: readonly MapChange[]): ItemsAfter {
  const changed = new Map<string, unknown>();
  for (const change of changes) {
    if (change.root !== trendscanRoots.developments) continue;
    changed.set(change.key, change.op === 'set' ? change.value : undefined);
  }
  const stored = doc.getMap<unknown>(trendscanRoots.developments);
  const known = new Map<string, string | undefined>();
  return {
    trendOf(itemKey) {
      const configured = index.items.get(itemKey);
      if (configured !== undefined) return configured;
      const id = developmentIdOf(itemKey);
      if (id === null) return undefined;
      if (known.has(id)) return known.get(id);
      const raw = changed.has(id) ? changed.get(id) : stored.get(id);
      const parsed = raw === undefined ? null : developmentValue.safeParse(raw);
      const trend =
        parsed?.success && parsed.data.id === id && index.trends.has(parsed.data.trendKey)
          ? parsed.data.trendKey
          : undefined;
      known.set(id, trend);
      return trend;
    },
  };
}

/** T3: everyone writes only their own respondent entry, with a place id or null. */
function checkRespondent(change: MapChange, ctx: WriteContext): WriteVerdict {
  if (change.key !== ctx.participantId) return refuse('respondent entry of someone else');
  if (change.op === 'delete') return ACCEPTED;
  const parsed = respondentValue.safeParse(change.value);
  if (!parsed.success || !hasOnlyKnownKeys(change.value, parsed.data)) {
    return refuse(`respondent ${change.key} is not a place choice`);
  }
  return ACCEPTED;
}

/** T4, T5: own scores of existing items only, well-formed; scores of a vanished item may be cleared. */
function checkScore(change: MapChange, ctx: WriteContext, items: ItemsAfter): WriteVerdict {
  const parsed = parsePersonItemKey(change.key);
  if (!parsed) return refuse(`score key ${change.key} is malformed`);
  const exists = items.trendOf(parsed.itemKey) !== undefined;
  // T5: deleting a development clears everyone's scores on it.
  if (change.op === 'delete' && !exists) return ACCEPTED;
  if (parsed.participantId !== ctx.participantId) return refuse('scores of someone else');
  if (change.op === 'delete') return ACCEPTED;
  if (!exists) return refuse(`score of unknown item ${parsed.itemKey}`);
  const score = scoreValue.safeParse(change.value);
  if (!score.success || !hasOnlyKnownKeys(change.value, score.data)) {
    return refuse(`score ${change.key} is not a score`);
  }
  if (isEmptyScore(score.data)) return refuse(`score ${change.key} is empty`);
  const comment = score.data.comment ?? '';
  if (comment.length > ctx.limits.noteMaxLength) {
    return refuse(`comment of ${change.key} is longer than ${ctx.limits.noteMaxLength}`);
  }
  return ACCEPTED;
}

/** T6–T8: proposing, editing and deleting developments. */
function checkDevelopment(
  change: MapChange,
  ctx: WriteContext,
  config: TrendscanConfig,
  index: ConfigIndex,
  changes: readonly MapChange[],
): WriteVerdict {
  const previousParsed =
    change.previous === undefined ? null : developmentValue.safeParse(change.previous);
  const previous: DevelopmentValue | null = previousParsed?.success ? previousParsed.data : null;
  if (change.op === 'delete') {
    if (change.previous === undefined) return ACCEPTED;
    // T8: facilitators may delete any proposal; others only their own.
    if (ctx.isFacilitator || previous?.authorId === ctx.participantId) return ACCEPTED;
    return refuse(`development ${change.key} belongs to someone else`);
  }
  const parsed = developmentValue.safeParse(change.value);
  if (!parsed.success || !hasOnlyKnownKeys(change.value, parsed.data)) {
    return refuse(`development ${change.key} is not a development`);
  }
  const development = parsed.data;
  if (development.id !== change.key) return refuse(`development ${change.key} carries another id`);
  if (!index.trends.has(development.trendKey)) {
    return refuse(`development ${change.key} is under an unknown trend`);
  }
  if (change.previous === undefined) {
    // T6
    if (!config.allowNewDevelopments) return refuse('new developments are not allowed here');
    const expectedName = ctx.anonymous ? '' : ctx.displayName;
    if (development.authorId !== ctx.participantId) {
      return refuse(`development ${change.key} names another author`);
    }
    if (development.authorName !== expectedName) {
      return refuse(`development ${change.key} carries the wrong author name`);
    }
    return checkNoRevival(change.key, ctx.doc, changes);
  }
  // T7: only the author edits, and the author is fixed.
  if (previous?.authorId !== ctx.participantId) {
    return refuse(`development ${change.key} belongs to someone else`);
  }
  if (
    development.authorId !== previous.authorId ||
    development.authorName !== previous.authorName ||
    development.createdAt !== previous.createdAt
  ) {
    return refuse(`development ${change.key}: author and creation time are fixed`);
  }
  return ACCEPTED;
}

/** T6: scores and votes left behind on a deleted development must not come back with a reused id. */
function checkNoRevival(
  developmentId: string,
  doc: Y.Doc,
  changes: readonly MapChange[],
): WriteVerdict {
  const itemKey = developmentItemKey(developmentId);
  for (const root of [trendscanRoots.scores, trendscanRoots.themeVotes, trendscanRoots.chosen]) {
    const deleted = new Set(
      changes.filter((c) => c.root === root && c.op === 'delete').map((c) => c.key),
    );
    for (const key of doc.getMap<unknown>(root).keys()) {
      const named = root === trendscanRoots.chosen ? key : parsePersonItemKey(key)?.itemKey;
      if (named === itemKey && !deleted.has(key)) {
        return refuse(`development ${developmentId} would revive old entries`);
      }
    }
  }
  return ACCEPTED;
}

/** T5, T9: theme votes: own, on existing items, only while the vote is open; facilitators may clear. */
function checkThemeVote(change: MapChange, ctx: WriteContext, items: ItemsAfter): WriteVerdict {
  const parsed = parsePersonItemKey(change.key);
  if (!parsed) return refuse(`theme vote key ${change.key} is malformed`);
  if (change.op === 'set' && !themeVoteValue.safeParse(change.value).success) {
    return refuse(`theme vote ${change.key} is not true`);
  }
  const trend = items.trendOf(parsed.itemKey);
  // Clearing votes on a vanished item, or a facilitator starting a fresh vote.
  const shared = judgeDotChange(
    change,
    ctx,
    {
      ownerId: parsed.participantId,
      hasTarget: trend !== undefined,
      mayClearAny: ctx.isFacilitator,
    },
    'theme votes',
  );
  if (shared) return shared;
  if (trend === undefined) return refuse(`theme vote on unknown item ${parsed.itemKey}`);
  if (isOutsideVote(ctx.state.vote, trend)) {
    return refuse(`item ${parsed.itemKey} is outside the vote`);
  }
  return ACCEPTED;
}

/** T11: chosen themes: well-formed, of an existing item, under its own trend. */
function checkChosen(change: MapChange, items: ItemsAfter): WriteVerdict {
  if (change.op === 'delete') return ACCEPTED;
  const trend = items.trendOf(change.key);
  if (trend === undefined) return refuse(`chosen theme ${change.key} is not an item`);
  const parsed = chosenValue.safeParse(change.value);
  if (!parsed.success || !hasOnlyKnownKeys(change.value, parsed.data)) {
    return refuse(`chosen theme ${change.key} is not a theme`);
  }
  if (parsed.data.trendKey !== trend) return refuse(`chosen theme ${change.key}: wrong trend`);
  return ACCEPTED;
}

/** Judges one update to a trend scan document: every change together, per the T rules. */
export function checkTrendscanChanges(
  changes: readonly MapChange[],
  ctx: WriteContext,
): WriteVerdict {
  const config = ctx.config;
  if (config.kind !== 'trendscan') return refuse('not a trend scan activity');
  // T2
  if (!ctx.isFacilitator && ctx.state.locked) return refuse('the activity is locked');
  const index = indexOf(config);
  const items = itemsAfter(ctx.doc, index, changes);
  let hasVotes = false;
  let hasChosen = false;

  for (const change of changes) {
    let verdict: WriteVerdict;
    switch (change.root) {
      case trendscanRoots.respondents:
        verdict = checkRespondent(change, ctx);
        break;
      case trendscanRoots.scores:
        verdict = checkScore(change, ctx, items);
        break;
      case trendscanRoots.developments:
        verdict = checkDevelopment(change, ctx, config, index, changes);
        break;
      case trendscanRoots.themeVotes:
        hasVotes = true;
        verdict = checkThemeVote(change, ctx, items);
        break;
      case trendscanRoots.chosen:
        hasChosen = true;
        verdict = ctx.isFacilitator
          ? checkChosen(change, items)
          : refuse('only facilitators choose themes');
        break;
      default:
        // T1
        verdict = refuse(`root ${change.root} is not part of a trend scan`);
    }
    if (!verdict.ok) return verdict;
  }

  // T10
  if (hasVotes) {
    const verdict = checkDotBudget(changes, ctx, {
      root: trendscanRoots.themeVotes,
      count: countThemeVotesOf,
      existingBefore: existing(itemsAfter(ctx.doc, index, [])),
      existingAfter: existing(items),
      noun: 'theme votes',
    });
    if (!verdict.ok) return verdict;
  }

  // T12: at most themeCount chosen themes; a lowered count still lets facilitators remove some.
  if (hasChosen) {
    const before = ctx.doc.getMap<unknown>(trendscanRoots.chosen).size;
    const after = entriesAfter(ctx.doc, trendscanRoots.chosen, changes).size;
    if (after > config.themeCount && after > before) {
      return refuse(`more than ${config.themeCount} chosen themes`);
    }
  }
  return ACCEPTED;
}

function existing(items: ItemsAfter): { has(itemKey: string): boolean } {
  return { has: (itemKey) => items.trendOf(itemKey) !== undefined };
}

/** T13: counts the developments an update proposes, for the notes-per-minute limit. */
export function countCreatedDevelopments(changes: readonly MapChange[]): number {
  return changes.filter(
    (c) => c.root === trendscanRoots.developments && c.op === 'set' && c.previous === undefined,
  ).length;
}
