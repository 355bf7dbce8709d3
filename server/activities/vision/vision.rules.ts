// Who may write what in a vision document (docs/COLLAB_SPEC.md, rules V10–V18). Pure: it reads the
// document before the update and the update's changes, and never touches the database.
import { measureVisionText } from '../../../common/activities/vision.doc.ts';
import { closeCodes } from '../../../common/collab.ts';
import {
  mayEditVision,
  suggestionValue,
  VISION_TEXT_MAX,
  visionFreeRoots,
  visionRoots,
  type SuggestionValue,
  type VisionConfig,
} from '../../../common/activities/vision.ts';
import type { DocumentChange, MapChange, WriteContext, WriteVerdict } from '../registry.types.ts';
import { ACCEPTED, hasOnlyKnownKeys, refuse } from '../shared/verdicts.ts';

/** V14: a suggestion is well-formed under its own key. */
function readSuggestion(
  key: string,
  value: unknown,
): { ok: true; suggestion: SuggestionValue } | { ok: false; reason: string } {
  const parsed = suggestionValue.safeParse(value);
  if (!parsed.success || !hasOnlyKnownKeys(value, parsed.data)) {
    return { ok: false, reason: `suggestion ${key} is not a suggestion` };
  }
  if (parsed.data.id !== key) return { ok: false, reason: `suggestion ${key} carries another id` };
  return { ok: true, suggestion: parsed.data };
}

/** V12, V13: who writes the statement, and how far it may grow. */
function checkText(inserted: number, config: VisionConfig, ctx: WriteContext): WriteVerdict {
  if (!mayEditVision(config, ctx)) {
    return { ok: false, reason: 'only facilitators write this text', code: closeCodes.forbidden };
  }
  if (inserted === 0) return ACCEPTED;
  // Judged on the text before the update: what an update moves (a split paragraph) counts as
  // added, so "before + added" would refuse ordinary edits near the limit.
  if (inserted > VISION_TEXT_MAX || measureVisionText(ctx.doc) >= VISION_TEXT_MAX) {
    return refuse(`the text would grow beyond ${VISION_TEXT_MAX}`);
  }
  return ACCEPTED;
}

/** V15–V17: what a person may do to one suggestion. */
function checkSuggestion(change: MapChange, ctx: WriteContext): WriteVerdict {
  const { key } = change;
  if (change.op === 'delete') {
    // V17: facilitators tidy up; V16: authors withdraw their own while it is open.
    if (ctx.isFacilitator) return ACCEPTED;
    const previous = suggestionValue.safeParse(change.previous);
    if (!previous.success || previous.data.authorId !== ctx.participantId) {
      return refuse(`suggestion ${key} belongs to someone else`);
    }
    if (previous.data.status !== 'open') return refuse(`suggestion ${key} is decided already`);
    return ACCEPTED;
  }
  const shape = readSuggestion(key, change.value);
  if (!shape.ok) return shape;
  const suggestion = shape.suggestion;
  if (change.previous === undefined) {
    // V15: everyone, facilitators too, suggests only in their own name.
    const expectedName = ctx.anonymous ? '' : ctx.displayName;
    if (suggestion.authorId !== ctx.participantId) {
      return refuse(`suggestion ${key} names another author`);
    }
    if (suggestion.authorName !== expectedName) {
      return refuse(`suggestion ${key} carries the wrong author name`);
    }
    if (suggestion.status !== 'open') return refuse(`suggestion ${key} must start open`);
    return ACCEPTED;
  }
  // V16, V17: a suggestion stays as written; only facilitators decide on it.
  if (!ctx.isFacilitator) return refuse(`suggestion ${key}: only facilitators decide`);
  const previous = suggestionValue.safeParse(change.previous);
  if (!previous.success) return refuse(`suggestion ${key} cannot be decided on`);
  const fixed = ['id', 'text', 'quote', 'authorId', 'authorName', 'createdAt'] as const;
  if (fixed.some((field) => suggestion[field] !== previous.data[field])) {
    return refuse(`suggestion ${key}: only its status may change`);
  }
  return ACCEPTED;
}

/** Judges one update to a vision document: every change together, per the vision rules. */
export function checkVisionChanges(
  changes: readonly DocumentChange[],
  ctx: WriteContext,
): WriteVerdict {
  const config = ctx.config;
  if (config.kind !== 'vision') return refuse('not a vision activity');
  // V11
  if (!ctx.isFacilitator && ctx.state.locked) return refuse('the activity is locked');
  for (const change of changes) {
    if (change.op === 'free' && change.root === visionFreeRoots.text) {
      const verdict = checkText(change.inserted, config, ctx);
      if (!verdict.ok) return verdict;
    } else if (change.op !== 'free' && change.root === visionRoots.suggestions) {
      const verdict = checkSuggestion(change, ctx);
      if (!verdict.ok) return verdict;
    } else {
      // V10
      return refuse(`root ${change.root} is not part of a vision`);
    }
  }
  return ACCEPTED;
}

/** V18: counts the suggestions an update creates, for the notes-per-minute limit. */
export function countCreatedSuggestions(changes: readonly DocumentChange[]): number {
  return changes.filter(
    (c) => c.op === 'set' && c.root === visionRoots.suggestions && c.previous === undefined,
  ).length;
}
