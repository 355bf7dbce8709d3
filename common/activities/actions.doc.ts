// Reading and writing an actions document (ADR 0002): the web app edits through these, the
// server projects and judges with them, so both read the document the same way.
import type * as Y from 'yjs';
import {
  actionDotKey,
  actionDotValue,
  actionsRoots,
  actionValue,
  parseActionDotKey,
  type ActionHorizon,
  type ActionLink,
  type ActionStatus,
  type ActionValue,
} from './actions.ts';
import type { VoteState } from './control.ts';

/** The gap between neighbouring actions' positions when one is put at either end. */
const POSITION_STEP = 1;

function actionsOf(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(actionsRoots.actions);
}

function dotsOf(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(actionsRoots.dots);
}

/** Sorts actions in the facilitator's order, then by when they were proposed, then by id. */
export function compareActions(a: ActionValue, b: ActionValue): number {
  return (
    a.position - b.position || a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/** Returns one stored action, or null when it is absent or not a valid action. */
export function readAction(doc: Y.Doc, actionId: string): ActionValue | null {
  const parsed = actionValue.safeParse(actionsOf(doc).get(actionId));
  return parsed.success && parsed.data.id === actionId ? parsed.data : null;
}

/** Returns every valid action in the facilitator's order; invalid entries are skipped. */
export function readActions(doc: Y.Doc): ActionValue[] {
  const actions: ActionValue[] = [];
  for (const [key, value] of actionsOf(doc).entries()) {
    const parsed = actionValue.safeParse(value);
    if (parsed.success && parsed.data.id === key) actions.push(parsed.data);
  }
  return actions.sort(compareActions);
}

/** What a person fills in when proposing or editing an action. */
export interface ActionDraft {
  title: string;
  description: string;
  ownerName: string;
  horizon: ActionHorizon;
  startsOn: string | null;
  endsOn: string | null;
  links: ActionLink[];
}

/**
 * Adds a proposed action at the end of the list and returns it. `authorName` is '' in an
 * anonymous lab: the name is not stored there at all.
 */
export function proposeAction(
  doc: Y.Doc,
  draft: ActionDraft,
  author: { authorId: string; authorName: string },
): ActionValue {
  let action: ActionValue | undefined;
  doc.transact(() => {
    const last = readActions(doc).at(-1);
    action = {
      id: globalThis.crypto.randomUUID(),
      ...draft,
      status: 'proposed',
      authorId: author.authorId,
      authorName: author.authorName,
      createdAt: Date.now(),
      position: last ? last.position + POSITION_STEP : 0,
    };
    actionsOf(doc).set(action.id, action);
  });
  return action as ActionValue;
}

/** Replaces what people fill in of an action, keeping its author, status and place; false when it is missing. */
export function editAction(doc: Y.Doc, actionId: string, draft: ActionDraft): boolean {
  let isDone = false;
  doc.transact(() => {
    const action = readAction(doc, actionId);
    if (!action) return;
    actionsOf(doc).set(actionId, { ...action, ...draft });
    isDone = true;
  });
  return isDone;
}

/** Sets an action's status (facilitators decide); false when it is missing. */
export function setActionStatus(doc: Y.Doc, actionId: string, status: ActionStatus): boolean {
  let isDone = false;
  doc.transact(() => {
    const action = readAction(doc, actionId);
    if (!action) return;
    actionsOf(doc).set(actionId, { ...action, status });
    isDone = true;
  });
  return isDone;
}

/**
 * Moves an action one place up (-1) or down (+1) in the facilitator's order by giving it a
 * position between its new neighbours; false when it cannot move that way.
 */
export function moveAction(doc: Y.Doc, actionId: string, direction: -1 | 1): boolean {
  let isDone = false;
  doc.transact(() => {
    const actions = readActions(doc);
    const index = actions.findIndex((a) => a.id === actionId);
    const action = actions[index];
    const target = index + direction;
    if (!action || target < 0 || target >= actions.length) return;
    const rest = actions.filter((a) => a.id !== actionId);
    const before = rest[target - 1] ?? null;
    const after = rest[target] ?? null;
    const position =
      before === null
        ? (after as ActionValue).position - POSITION_STEP
        : after === null
          ? before.position + POSITION_STEP
          : before.position + (after.position - before.position) / 2;
    actionsOf(doc).set(actionId, { ...action, position });
    isDone = true;
  });
  return isDone;
}

/** Withdraws (deletes) an action and every dot on it; false when it did not exist. */
export function withdrawAction(doc: Y.Doc, actionId: string): boolean {
  let isDone = false;
  doc.transact(() => {
    if (!actionsOf(doc).has(actionId)) return;
    actionsOf(doc).delete(actionId);
    const dots = dotsOf(doc);
    for (const key of [...dots.keys()]) {
      if (parseActionDotKey(key)?.actionId === actionId) dots.delete(key);
    }
    isDone = true;
  });
  return isDone;
}

export interface ActionDotEntry {
  participantId: string;
  actionId: string;
  count: number;
}

/** Returns every valid dot entry (one per person and action); invalid entries are skipped. */
export function readActionDots(doc: Y.Doc): ActionDotEntry[] {
  const dots: ActionDotEntry[] = [];
  for (const [key, value] of dotsOf(doc).entries()) {
    const parsed = parseActionDotKey(key);
    const count = actionDotValue.safeParse(value);
    if (parsed && count.success) dots.push({ ...parsed, count: count.data });
  }
  return dots;
}

/** Adds up dots per action, counting only actions that exist; actions without dots are absent. */
export function tallyActionDots(doc: Y.Doc): Map<string, number> {
  const existing = new Set(readActions(doc).map((a) => a.id));
  const tally = new Map<string, number>();
  for (const dot of readActionDots(doc)) {
    if (!existing.has(dot.actionId)) continue;
    tally.set(dot.actionId, (tally.get(dot.actionId) ?? 0) + dot.count);
  }
  return tally;
}

/**
 * Counts one person's dots on actions that exist. Dots left on an action withdrawn at the same
 * moment do not count, so nobody loses a dot to a race; the server judges the limit with this.
 */
export function countActionDotsOf(
  participantId: string,
  dots: Iterable<[string, unknown]>,
  existingActions: { has(actionId: string): boolean },
): number {
  let total = 0;
  for (const [key, count] of dots) {
    const parsed = parseActionDotKey(key);
    if (!parsed || parsed.participantId !== participantId) continue;
    if (!existingActions.has(parsed.actionId)) continue;
    if (actionDotValue.safeParse(count).success) total += count as number;
  }
  return total;
}

/** How many dots one person put on one action. */
export function myActionDots(doc: Y.Doc, participantId: string, actionId: string): number {
  const count = actionDotValue.safeParse(dotsOf(doc).get(actionDotKey(participantId, actionId)));
  return count.success ? count.data : 0;
}

/** How many dots a person may still place; 0 when no vote is open. */
export function actionDotsLeft(doc: Y.Doc, participantId: string, vote: VoteState | null): number {
  if (!vote?.open) return 0;
  const existing = new Set(readActions(doc).map((a) => a.id));
  const used = countActionDotsOf(participantId, dotsOf(doc).entries(), existing);
  return Math.max(0, vote.dotsPerPerson - used);
}

/**
 * Places one dot of a person on an action. False, changing nothing, when no vote is open, the
 * action is missing or rejected, or the person has no dot left.
 */
export function placeActionDot(
  doc: Y.Doc,
  participantId: string,
  actionId: string,
  vote: VoteState | null,
): boolean {
  let isDone = false;
  doc.transact(() => {
    if (!vote?.open) return;
    const action = readAction(doc, actionId);
    if (!action || action.status === 'rejected') return;
    if (actionDotsLeft(doc, participantId, vote) < 1) return;
    const key = actionDotKey(participantId, actionId);
    dotsOf(doc).set(key, myActionDots(doc, participantId, actionId) + 1);
    isDone = true;
  });
  return isDone;
}

/** Takes one of a person's dots back from an action; false when no vote is open or they had none there. */
export function takeBackActionDot(
  doc: Y.Doc,
  participantId: string,
  actionId: string,
  vote: VoteState | null,
): boolean {
  let isDone = false;
  doc.transact(() => {
    if (!vote?.open) return;
    const current = myActionDots(doc, participantId, actionId);
    if (current < 1) return;
    const key = actionDotKey(participantId, actionId);
    if (current > 1) dotsOf(doc).set(key, current - 1);
    else dotsOf(doc).delete(key);
    isDone = true;
  });
  return isDone;
}

/** Removes every dot (a facilitator starting a fresh vote). */
export function clearActionDots(doc: Y.Doc): void {
  doc.transact(() => {
    const dots = dotsOf(doc);
    for (const key of [...dots.keys()]) dots.delete(key);
  });
}
