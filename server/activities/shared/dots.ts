// The dot-vote rules that the kinds with a dot vote share: canvas notes (W10–W13), proposed
// actions (X8–X11) and trend-scan themes (T9, T10). A dot's key names its owner; what a dot is on
// (a note, an action, an item) is the kind's business. Pure: no database, no clock.
import type { VoteState } from '../../../common/activities/control.ts';
import type { MapChange, WriteContext, WriteVerdict } from '../registry.types.ts';
import { ACCEPTED, entriesAfter, refuse } from './verdicts.ts';

/** What a kind knows about one dot change before the shared rules judge it. */
export interface DotChange {
  /** The participant the dot's key names. */
  ownerId: string;
  /** True when what the dot is on still exists once the update is applied. */
  hasTarget: boolean;
  /** True when the writer may clear anyone's dots (a facilitator starting a fresh vote). */
  mayClearAny: boolean;
}

/**
 * Judges what every dot change shares: dots on something gone (or, for those who may, anyone's)
 * may always be cleared; otherwise a person writes only their own dots, only while the vote is
 * open. Returns null for a set that the kind must still judge against what the dot is on.
 */
export function judgeDotChange(
  change: MapChange,
  ctx: WriteContext,
  dot: DotChange,
  noun: string,
): WriteVerdict | null {
  if (change.op === 'delete' && (!dot.hasTarget || dot.mayClearAny)) return ACCEPTED;
  if (dot.ownerId !== ctx.participantId) return refuse(`${noun} of someone else`);
  if (!ctx.state.vote?.open) return refuse('the vote is not open');
  if (change.op === 'delete') return ACCEPTED;
  return null;
}

/** True when a vote is limited to one section and `section` is another one. */
export function isOutsideVote(vote: VoteState | null, section: string): boolean {
  return vote != null && vote.sectionKey !== null && section !== vote.sectionKey;
}

/** Counts one person's dots among a root's entries, on targets that exist at that moment. */
export type CountDots = (
  participantId: string,
  entries: Iterable<[string, unknown]>,
  existing: { has(targetId: string): boolean },
) => number;

/** How a kind's dots are stored and counted, for judging a person's budget. */
export interface DotBudget {
  /** The root map that holds the dots. */
  root: string;
  count: CountDots;
  /** What exists before the update, and once it is applied. */
  existingBefore: { has(targetId: string): boolean };
  existingAfter: { has(targetId: string): boolean };
  /** The root's entries after the update, when the kind has already worked them out. */
  after?: ReadonlyMap<string, unknown>;
  /** How the kind names its dots in a refusal ("dots", "theme votes"). */
  noun: string;
}

/**
 * Refuses an update that leaves the writer with more dots than the vote allows and more than they
 * had. Judged on the whole update, so moving a dot in one update is fine; after a lowered limit
 * nobody is trapped, since taking dots back never makes the total grow.
 */
export function checkDotBudget(
  changes: readonly MapChange[],
  ctx: WriteContext,
  budget: DotBudget,
): WriteVerdict {
  const vote = ctx.state.vote;
  if (!vote) return ACCEPTED;
  const stored = ctx.doc.getMap<unknown>(budget.root).entries();
  const before = budget.count(ctx.participantId, stored, budget.existingBefore);
  const after = budget.count(
    ctx.participantId,
    budget.after ?? entriesAfter(ctx.doc, budget.root, changes),
    budget.existingAfter,
  );
  if (after > vote.dotsPerPerson && after > before) {
    return refuse(`more than ${vote.dotsPerPerson} ${budget.noun}`);
  }
  return ACCEPTED;
}
