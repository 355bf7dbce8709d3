// Who may write what in a canvas document (docs/COLLAB_SPEC.md, rules W1–W14). Pure: it reads the
// document before the update and the update's changes, and never touches the database.
import type * as Y from 'yjs';
import {
  canvasRoots,
  clusterValue,
  dotValue,
  noteValue,
  parseDotKey,
  type CanvasConfig,
  type NoteValue,
} from '../../../common/activities/canvas.ts';
import { countDotsOf } from '../../../common/activities/canvas.doc.ts';
import type { MapChange, WriteContext, WriteVerdict } from '../registry.types.ts';
import { checkDotBudget, isOutsideVote, judgeDotChange } from '../shared/dots.ts';
import { ACCEPTED, entriesAfter, hasOnlyKnownKeys, refuse } from '../shared/verdicts.ts';

/** A stored note, or null when the stored value is not a note. */
function readStoredNote(previous: unknown): NoteValue | null {
  const parsed = noteValue.safeParse(previous);
  return parsed.success ? parsed.data : null;
}

/** W3: a note is well-formed for this canvas (facilitators included). */
function checkNoteShape(
  key: string,
  value: unknown,
  config: CanvasConfig,
  ctx: WriteContext,
): { ok: true; note: NoteValue } | { ok: false; reason: string } {
  const parsed = noteValue.safeParse(value);
  if (!parsed.success) return { ok: false, reason: `note ${key} is not a note` };
  const note = parsed.data;
  if (!hasOnlyKnownKeys(value, note))
    return { ok: false, reason: `note ${key} has unknown fields` };
  if (note.id !== key) return { ok: false, reason: `note ${key} carries another id` };
  if (!config.sections.some((s) => s.key === note.section)) {
    return { ok: false, reason: `note ${key} is in an unknown section` };
  }
  if (note.text.trim() === '') return { ok: false, reason: `note ${key} is empty` };
  if (note.text.length > ctx.limits.noteMaxLength) {
    return { ok: false, reason: `note ${key} is longer than ${ctx.limits.noteMaxLength}` };
  }
  return { ok: true, note };
}

/** W7–W9: what a participant may do to notes. */
function checkParticipantNote(
  change: MapChange,
  ctx: WriteContext,
  dotsAfter: Map<string, unknown>,
): WriteVerdict {
  const { participantId } = ctx;
  const dotsBefore = ctx.doc.getMap<unknown>(canvasRoots.dots);
  if (change.previous === undefined) {
    // Deleting what is not there changes nothing.
    if (change.op === 'delete') return ACCEPTED;
    const note = change.value as NoteValue;
    const expectedName = ctx.anonymous ? '' : ctx.displayName;
    if (note.authorId !== participantId) return refuse(`note ${change.key} names another author`);
    if (note.authorName !== expectedName) {
      return refuse(`note ${change.key} carries the wrong author name`);
    }
    if (note.clusterId !== null) return refuse(`note ${change.key}: only facilitators cluster`);
    // Dots left behind on a deleted note must not come back to life with a note of the same id.
    for (const key of dotsBefore.keys()) {
      if (parseDotKey(key)?.noteId === change.key && dotsAfter.has(key)) {
        return refuse(`note ${change.key} would revive old dots`);
      }
    }
    return ACCEPTED;
  }
  const previous = readStoredNote(change.previous);
  if (previous?.authorId !== participantId) {
    return refuse(`note ${change.key} belongs to someone else`);
  }
  if (change.op === 'delete') return ACCEPTED;
  const note = change.value as NoteValue;
  if (note.authorId !== previous.authorId) return refuse(`note ${change.key}: author is fixed`);
  if (note.authorName !== previous.authorName) {
    return refuse(`note ${change.key}: author name is fixed`);
  }
  // W9: leaving the section leaves the cluster too (a cluster lives in one section).
  const isLeavingCluster = note.clusterId === null && note.section !== previous.section;
  if (note.clusterId !== previous.clusterId && !isLeavingCluster) {
    return refuse(`note ${change.key}: only facilitators cluster`);
  }
  return ACCEPTED;
}

/** Where the notes an update's dots point at stand: their section, read only when asked. */
interface NoteSections {
  get(noteId: string): string | undefined;
  has(noteId: string): boolean;
}

/**
 * The section of each note that exists once `changes` are applied. A dot write asks about a few
 * notes, so each is parsed on first use instead of parsing every note of the canvas per write.
 */
function sectionsAfter(doc: Y.Doc, changes: readonly MapChange[]): NoteSections {
  const changed = new Map<string, unknown>();
  for (const change of changes) {
    if (change.root !== canvasRoots.notes) continue;
    changed.set(change.key, change.op === 'set' ? change.value : undefined);
  }
  const notes = doc.getMap<unknown>(canvasRoots.notes);
  const known = new Map<string, string | undefined>();
  const get = (noteId: string): string | undefined => {
    if (known.has(noteId)) return known.get(noteId);
    const raw = changed.has(noteId) ? changed.get(noteId) : notes.get(noteId);
    const parsed = raw === undefined ? null : noteValue.safeParse(raw);
    const section = parsed?.success ? parsed.data.section : undefined;
    known.set(noteId, section);
    return section;
  };
  return { get, has: (noteId) => get(noteId) !== undefined };
}

/** W10, W11, W13: what a participant may do to dots, judged with the note map after the update. */
function checkParticipantDot(
  change: MapChange,
  ctx: WriteContext,
  notesAfter: NoteSections,
): WriteVerdict {
  const parsed = parseDotKey(change.key);
  if (!parsed) return refuse(`dot key ${change.key} is malformed`);
  // W13: cleaning up the dots of a note that is gone is always allowed (deleteNote does it).
  const shared = judgeDotChange(
    change,
    ctx,
    { ownerId: parsed.participantId, hasTarget: notesAfter.has(parsed.noteId), mayClearAny: false },
    'dots',
  );
  if (shared) return shared;
  const section = notesAfter.get(parsed.noteId);
  if (section === undefined) return refuse(`dot on missing note ${parsed.noteId}`);
  if (isOutsideVote(ctx.state.vote, section)) {
    return refuse(`note ${parsed.noteId} is outside the vote`);
  }
  return ACCEPTED;
}

/** Judges one update to a canvas document: every change together, per the canvas rules. */
export function checkCanvasChanges(changes: readonly MapChange[], ctx: WriteContext): WriteVerdict {
  const config = ctx.config;
  if (config.kind !== 'canvas') return refuse('not a canvas activity');
  // W2
  if (!ctx.isFacilitator && ctx.state.locked) return refuse('the activity is locked');
  const dotsAfter = entriesAfter(ctx.doc, canvasRoots.dots, changes);

  for (const change of changes) {
    if (change.root === canvasRoots.notes) {
      if (change.op === 'set') {
        const shape = checkNoteShape(change.key, change.value, config, ctx);
        if (!shape.ok) return shape;
      }
      if (!ctx.isFacilitator) {
        const verdict = checkParticipantNote(change, ctx, dotsAfter);
        if (!verdict.ok) return verdict;
      }
    } else if (change.root === canvasRoots.clusters) {
      // W4 (and W6: facilitators only)
      if (!ctx.isFacilitator) return refuse('only facilitators cluster');
      if (change.op === 'set') {
        const parsed = clusterValue.safeParse(change.value);
        if (!parsed.success || !hasOnlyKnownKeys(change.value, parsed.data)) {
          return refuse(`cluster ${change.key} is not a cluster`);
        }
        if (parsed.data.id !== change.key)
          return refuse(`cluster ${change.key} carries another id`);
        if (!config.sections.some((s) => s.key === parsed.data.section)) {
          return refuse(`cluster ${change.key} is in an unknown section`);
        }
      }
    } else if (change.root === canvasRoots.dots) {
      // W5
      if (!parseDotKey(change.key)) return refuse(`dot key ${change.key} is malformed`);
      if (change.op === 'set' && !dotValue.safeParse(change.value).success) {
        return refuse(`dot ${change.key} is not a positive whole number`);
      }
    } else {
      // W1
      return refuse(`root ${change.root} is not part of a canvas`);
    }
  }

  // W6
  if (ctx.isFacilitator) return ACCEPTED;

  const dotChanges = changes.filter((c) => c.root === canvasRoots.dots);
  if (dotChanges.length === 0) return ACCEPTED;
  const notesAfter = sectionsAfter(ctx.doc, changes);
  for (const change of dotChanges) {
    const verdict = checkParticipantDot(change, ctx, notesAfter);
    if (!verdict.ok) return verdict;
  }
  // W12
  return checkDotBudget(changes, ctx, {
    root: canvasRoots.dots,
    count: countDotsOf,
    existingBefore: sectionsAfter(ctx.doc, []),
    existingAfter: notesAfter,
    after: dotsAfter,
    noun: 'dots',
  });
}

/** W14: counts the notes an update creates, for the notes-per-minute limit. */
export function countCreatedNotes(changes: readonly MapChange[]): number {
  return changes.filter(
    (c) => c.root === canvasRoots.notes && c.op === 'set' && c.previous === undefined,
  ).length;
}
