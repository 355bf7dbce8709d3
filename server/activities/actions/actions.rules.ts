// Who may write what in an actions document (docs/COLLAB_SPEC.md, rules X1–X12). Pure: it reads
// the document before the update and the update's changes, and never touches the database.
import type * as Y from 'yjs';
import {
  actionDotValue,
  actionsRoots,
  actionValue,
  parseActionDotKey,
  type ActionValue,
} from '../../../common/activities/actions.ts';
import { countActionDotsOf } from '../../../common/activities/actions.doc.ts';
import type { MapChange, WriteContext, WriteVerdict } from '../registry.types.ts';
import { checkDotBudget, judgeDotChange } from '../shared/dots.ts';
import { ACCEPTED, entriesAfter, hasOnlyKnownKeys, refuse } from '../shared/verdicts.ts';

/** The fields a participant may change in their own proposal; the rest is fixed once proposed. */
const FIXED_FIELDS = ['id', 'status', 'authorId', 'authorName', 'createdAt', 'position'] as const;

function readStoredAction(value: unknown): ActionValue | null {
  const parsed = actionValue.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** X3: an action is well-formed (facilitators included). */
function checkActionShape(key: string, value: unknown): WriteVerdict {
  const parsed = actionValue.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` (${issue.path.join('.')})` : '';
    return refuse(`action ${key} is not an action${where}`);
  }
  if (!hasOnlyKnownKeys(value, parsed.data)) return refuse(`action ${key} has unknown fields`);
  if (parsed.data.id !== key) return refuse(`action ${key} carries another id`);
  return ACCEPTED;
}

/** X4, X5: what a participant may do to actions. */
function checkParticipantAction(
  change: MapChange,
  ctx: WriteContext,
  dotsAfter: Map<string, unknown>,
): WriteVerdict {
  if (change.previous === undefined) {
    // Deleting what is not there changes nothing.
    if (change.op === 'delete') return ACCEPTED;
    const action = change.value as ActionValue;
    if (action.authorId !== ctx.participantId) {
      return refuse(`action ${change.key} names another author`);
    }
    if (action.authorName !== (ctx.anonymous ? '' : ctx.displayName)) {
      return refuse(`action ${change.key} carries the wrong author name`);
    }
    if (action.status !== 'proposed') {
      return refuse(`action ${change.key}: participants only propose`);
    }
    // Dots left behind on a withdrawn action must not come back with an action of the same id.
    for (const key of ctx.doc.getMap<unknown>(actionsRoots.dots).keys()) {
      if (parseActionDotKey(key)?.actionId === change.key && dotsAfter.has(key)) {
        return refuse(`action ${change.key} would revive old dots`);
      }
    }
    return ACCEPTED;
  }
  const previous = readStoredAction(change.previous);
  if (previous?.authorId !== ctx.participantId) {
    return refuse(`action ${change.key} belongs to someone else`);
  }
  if (previous.status !== 'proposed') {
    return refuse(`action ${change.key} is no longer a proposal`);
  }
  if (change.op === 'delete') return ACCEPTED;
  const action = change.value as ActionValue;
  for (const field of FIXED_FIELDS) {
    if (action[field] !== previous[field]) {
      return refuse(`action ${change.key}: only facilitators change ${field}`);
    }
  }
  return ACCEPTED;
}

/** Whether an action exists once the update is applied, and its status; parsed only when asked. */
interface ActionsAfter {
  statusOf(actionId: string): string | undefined;
  has(actionId: string): boolean;
}

function actionsAfter(doc: Y.Doc, changes: readonly MapChange[]): ActionsAfter {
  const changed = new Map<string, unknown>();
  for (const change of changes) {
    if (change.root !== actionsRoots.actions) continue;
    changed.set(change.key, change.op === 'set' ? change.value : undefined);
  }
  const stored = doc.getMap<unknown>(actionsRoots.actions);
  const known = new Map<string, string | undefined>();
  const statusOf = (actionId: string): string | undefined => {
    if (known.has(actionId)) return known.get(actionId);
    const raw = changed.has(actionId) ? changed.get(actionId) : stored.get(actionId);
    const status = raw === undefined ? undefined : readStoredAction(raw)?.status;
    known.set(actionId, status);
    return status;
  };
  return { statusOf, has: (actionId) => statusOf(actionId) !== undefined };
}

/** X8, X9, X11: what anyone may do to dots, judged with the actions after the update. */
function checkDot(change: MapChange, ctx: WriteContext, after: ActionsAfter): WriteVerdict {
  const parsed = parseActionDotKey(change.key) as { participantId: string; actionId: string };
  // X11: the dots of an action that is gone may always be cleared (withdrawAction does it);
  // X8: facilitators may clear anyone's dots for a fresh vote.
  const shared = judgeDotChange(
    change,
    ctx,
    {
      ownerId: parsed.participantId,
      hasTarget: after.has(parsed.actionId),
      mayClearAny: ctx.isFacilitator,
    },
    'dots',
  );
  if (shared) return shared;
  const status = after.statusOf(parsed.actionId);
  if (status === undefined) return refuse(`dot on missing action ${parsed.actionId}`);
  const before = actionDotValue.safeParse(change.previous);
  // Only sets get this far (judgeDotChange settles every delete).
  const isMore =
    change.op === 'set' && (change.value as number) > (before.success ? before.data : 0);
  if (status === 'rejected' && isMore) {
    return refuse(`action ${parsed.actionId} was rejected`);
  }
  return ACCEPTED;
}

/** Judges one update to an actions document: every change together, per the X rules. */
export function checkActionsChanges(
  changes: readonly MapChange[],
  ctx: WriteContext,
): WriteVerdict {
  if (ctx.config.kind !== 'actions') return refuse('not an actions activity');
  // X2
  if (!ctx.isFacilitator && ctx.state.locked) return refuse('the activity is locked');
  const dotsAfter = entriesAfter(ctx.doc, actionsRoots.dots, changes);

  for (const change of changes) {
    if (change.root === actionsRoots.actions) {
      if (change.op === 'set') {
        const shape = checkActionShape(change.key, change.value);
        if (!shape.ok) return shape;
      }
      // X6: facilitators may change any action; participants only their own proposals.
      if (!ctx.isFacilitator) {
        const verdict = checkParticipantAction(change, ctx, dotsAfter);
        if (!verdict.ok) return verdict;
      }
    } else if (change.root === actionsRoots.dots) {
      // X7
      if (!parseActionDotKey(change.key)) return refuse(`dot key ${change.key} is malformed`);
      if (change.op === 'set' && !actionDotValue.safeParse(change.value).success) {
        return refuse(`dot ${change.key} is not a positive whole number`);
      }
    } else {
      // X1
      return refuse(`root ${change.root} is not part of an actions activity`);
    }
  }

  const dotChanges = changes.filter((c) => c.root === actionsRoots.dots);
  if (dotChanges.length === 0) return ACCEPTED;
  const after = actionsAfter(ctx.doc, changes);
  for (const change of dotChanges) {
    const verdict = checkDot(change, ctx, after);
    if (!verdict.ok) return verdict;
  }
  // X10
  return checkDotBudget(changes, ctx, {
    root: actionsRoots.dots,
    count: countActionDotsOf,
    existingBefore: actionsAfter(ctx.doc, []),
    existingAfter: after,
    after: dotsAfter,
    noun: 'dots',
  });
}

/** X12: counts the actions an update proposes, for the notes-per-minute limit. */
export function countCreatedActions(changes: readonly MapChange[]): number {
  return changes.filter(
    (c) => c.root === actionsRoots.actions && c.op === 'set' && c.previous === undefined,
  ).length;
}
