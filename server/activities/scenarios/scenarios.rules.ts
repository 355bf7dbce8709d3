// Who may write what in a scenarios document (docs/COLLAB_SPEC.md, rules S10–S19). Pure: it reads
// the document before the update and the update's changes, and never touches the database.
import {
  parseVerdictKey,
  quadrantKey,
  quadrantValue,
  scenarioActionValue,
  scenarioNoteValue,
  scenariosRoots,
  verdictValue,
  type ScenarioActionValue,
  type ScenarioNoteValue,
} from '../../../common/activities/scenarios.ts';
import type { MapChange, WriteContext, WriteVerdict } from '../registry.types.ts';
import { ACCEPTED, hasOnlyKnownKeys, refuse } from '../shared/verdicts.ts';

/** The author name a participant must write under: their own, or none in an anonymous lab. */
function expectedAuthorName(ctx: WriteContext): string {
  return ctx.anonymous ? '' : ctx.displayName;
}

/** S12: a scenario's name and narrative; anyone writes them, only facilitators clear them. */
function checkQuadrant(change: MapChange, ctx: WriteContext): WriteVerdict {
  if (!quadrantKey.safeParse(change.key).success) {
    return refuse(`scenario ${change.key} does not exist`);
  }
  if (change.op === 'delete') {
    return ctx.isFacilitator ? ACCEPTED : refuse('only facilitators clear a scenario');
  }
  const parsed = quadrantValue.safeParse(change.value);
  if (!parsed.success || !hasOnlyKnownKeys(change.value, parsed.data)) {
    return refuse(`scenario ${change.key} is not a name and narrative of allowed length`);
  }
  return ACCEPTED;
}

/** S13: a note is well-formed (facilitators included). */
function checkNoteShape(change: MapChange & { op: 'set' }, ctx: WriteContext): WriteVerdict {
  const parsed = scenarioNoteValue.safeParse(change.value);
  if (!parsed.success || !hasOnlyKnownKeys(change.value, parsed.data)) {
    return refuse(`note ${change.key} is not a note of a known scenario and lane`);
  }
  const note = parsed.data;
  if (note.id !== change.key) return refuse(`note ${change.key} carries another id`);
  if (note.text.trim() === '') return refuse(`note ${change.key} is empty`);
  if (note.text.length > ctx.limits.noteMaxLength) {
    return refuse(`note ${change.key} is longer than ${ctx.limits.noteMaxLength}`);
  }
  return ACCEPTED;
}

/** S14: participants write notes only as themselves and change only their own. */
function checkParticipantNote(change: MapChange, ctx: WriteContext): WriteVerdict {
  if (change.previous === undefined) {
    // Deleting what is not there changes nothing.
    if (change.op === 'delete') return ACCEPTED;
    const note = change.value as ScenarioNoteValue;
    if (note.authorId !== ctx.participantId)
      return refuse(`note ${change.key} names another author`);
    if (note.authorName !== expectedAuthorName(ctx)) {
      return refuse(`note ${change.key} carries the wrong author name`);
    }
    return ACCEPTED;
  }
  const previous = scenarioNoteValue.safeParse(change.previous);
  if (!previous.success || previous.data.authorId !== ctx.participantId) {
    return refuse(`note ${change.key} belongs to someone else`);
  }
  if (change.op === 'delete') return ACCEPTED;
  const note = change.value as ScenarioNoteValue;
  if (note.authorId !== previous.data.authorId || note.authorName !== previous.data.authorName) {
    return refuse(`note ${change.key}: the author is fixed`);
  }
  return ACCEPTED;
}

/** S15: an action is well-formed (facilitators included). */
function checkActionShape(change: MapChange & { op: 'set' }): WriteVerdict {
  const parsed = scenarioActionValue.safeParse(change.value);
  if (!parsed.success || !hasOnlyKnownKeys(change.value, parsed.data)) {
    return refuse(`action ${change.key} is not an action proposed in a known scenario`);
  }
  const action = parsed.data;
  if (action.id !== change.key) return refuse(`action ${change.key} carries another id`);
  if (action.title.trim() === '') return refuse(`action ${change.key} has no title`);
  const previous = scenarioActionValue.safeParse(change.previous);
  // S16: verdicts are about "does it hold elsewhere", so the scenario it came from stays put.
  if (previous.success && previous.data.origin !== action.origin) {
    return refuse(`action ${change.key}: the scenario it was proposed in is fixed`);
  }
  return ACCEPTED;
}

/** S16: participants propose actions only as themselves and change only their own. */
function checkParticipantAction(change: MapChange, ctx: WriteContext): WriteVerdict {
  if (change.previous === undefined) {
    if (change.op === 'delete') return ACCEPTED;
    const action = change.value as ScenarioActionValue;
    if (action.authorId !== ctx.participantId) {
      return refuse(`action ${change.key} names another author`);
    }
    if (action.authorName !== expectedAuthorName(ctx)) {
      return refuse(`action ${change.key} carries the wrong author name`);
    }
    return ACCEPTED;
  }
  const previous = scenarioActionValue.safeParse(change.previous);
  if (!previous.success || previous.data.authorId !== ctx.participantId) {
    return refuse(`action ${change.key} belongs to someone else`);
  }
  if (change.op === 'delete') return ACCEPTED;
  const action = change.value as ScenarioActionValue;
  if (
    action.authorId !== previous.data.authorId ||
    action.authorName !== previous.data.authorName
  ) {
    return refuse(`action ${change.key}: the author is fixed`);
  }
  return ACCEPTED;
}

/** The origin of each action that exists once the update is applied, parsed on first use. */
function originsAfter(
  ctx: WriteContext,
  changes: readonly MapChange[],
): (actionId: string) => string | undefined {
  const changed = new Map<string, unknown>();
  for (const change of changes) {
    if (change.root !== scenariosRoots.actions) continue;
    changed.set(change.key, change.op === 'set' ? change.value : undefined);
  }
  const actions = ctx.doc.getMap<unknown>(scenariosRoots.actions);
  return (actionId) => {
    const raw = changed.has(actionId) ? changed.get(actionId) : actions.get(actionId);
    const parsed = scenarioActionValue.safeParse(raw);
    return parsed.success ? parsed.data.origin : undefined;
  };
}

/** S17, S18: facilitators record verdicts; anyone may clear those of an action that is gone. */
function checkVerdict(
  change: MapChange,
  ctx: WriteContext,
  originOf: (actionId: string) => string | undefined,
): WriteVerdict {
  const parsed = parseVerdictKey(change.key);
  if (!parsed) return refuse(`verdict key ${change.key} is malformed`);
  const origin = originOf(parsed.actionId);
  // S18: withdrawing one's action takes the room's verdicts on it along.
  if (change.op === 'delete' && origin === undefined) return ACCEPTED;
  if (!ctx.isFacilitator) return refuse('only facilitators record verdicts');
  if (change.op === 'delete') return ACCEPTED;
  const verdict = verdictValue.safeParse(change.value);
  if (!verdict.success || !hasOnlyKnownKeys(change.value, verdict.data)) {
    return refuse(`verdict ${change.key} is not { holds: boolean }`);
  }
  if (origin === undefined) return refuse(`verdict on missing action ${parsed.actionId}`);
  if (origin === parsed.quadrant) {
    return refuse(`verdict ${change.key}: an action always holds where it was proposed`);
  }
  return ACCEPTED;
}

/** Judges one update to a scenarios document: every change together, per the scenario rules. */
export function checkScenariosChanges(
  changes: readonly MapChange[],
  ctx: WriteContext,
): WriteVerdict {
  if (ctx.config.kind !== 'scenarios') return refuse('not a scenarios activity');
  // S11
  if (!ctx.isFacilitator && ctx.state.locked) return refuse('the activity is locked');
  let originOf: ((actionId: string) => string | undefined) | null = null;

  for (const change of changes) {
    let verdict: WriteVerdict;
    if (change.root === scenariosRoots.quadrants) {
      verdict = checkQuadrant(change, ctx);
    } else if (change.root === scenariosRoots.notes) {
      verdict = change.op === 'set' ? checkNoteShape(change, ctx) : ACCEPTED;
      if (verdict.ok && !ctx.isFacilitator) verdict = checkParticipantNote(change, ctx);
    } else if (change.root === scenariosRoots.actions) {
      verdict = change.op === 'set' ? checkActionShape(change) : ACCEPTED;
      if (verdict.ok && !ctx.isFacilitator) verdict = checkParticipantAction(change, ctx);
    } else if (change.root === scenariosRoots.verdicts) {
      originOf ??= originsAfter(ctx, changes);
      verdict = checkVerdict(change, ctx, originOf);
    } else {
      // S10
      verdict = refuse(`root ${change.root} is not part of a scenarios activity`);
    }
    if (!verdict.ok) return verdict;
  }
  return ACCEPTED;
}

/** S19: counts the notes and actions an update creates, for the notes-per-minute limit. */
export function countCreatedScenarioItems(changes: readonly MapChange[]): number {
  return changes.filter(
    (c) =>
      (c.root === scenariosRoots.notes || c.root === scenariosRoots.actions) &&
      c.op === 'set' &&
      c.previous === undefined,
  ).length;
}
