// Pure rules of the canvas screens: which notes someone sees, in which order, and what they may do.
import type { CanvasSection, NoteValue } from '../../../common/activities/canvas.ts';
import type { ActivityState, VoteState } from '../../../common/activities/control.ts';

/** Who is looking at the canvas. */
export interface CanvasViewer {
  participantId: string;
  isFacilitator: boolean;
}

/** Sorts notes the way a section shows them: by sort key, then by age, then by id (stable everywhere). */
export function sortNotes(notes: readonly NoteValue[]): NoteValue[] {
  return [...notes].sort(
    (a, b) => a.order - b.order || a.createdAt - b.createdAt || a.id.localeCompare(b.id),
  );
}

/**
 * Puts each note under its section, in display order. Notes whose section is no longer on the
 * canvas (the settings changed after they were written) come back as `orphans`, so nothing is
 * silently hidden.
 */
export function groupNotesBySection(
  notes: readonly NoteValue[],
  sections: readonly Pick<CanvasSection, 'key'>[],
): { bySection: Map<string, NoteValue[]>; orphans: NoteValue[] } {
  const bySection = new Map<string, NoteValue[]>(sections.map((s) => [s.key, []]));
  const orphans: NoteValue[] = [];
  for (const note of sortNotes(notes)) {
    const list = bySection.get(note.section);
    if (list) list.push(note);
    else orphans.push(note);
  }
  return { bySection, orphans };
}

/** True when the viewer may see this note: everyone, except others' notes while the canvas is private. */
export function isNoteVisible(note: NoteValue, viewer: CanvasViewer, isPrivate: boolean): boolean {
  return !isPrivate || viewer.isFacilitator || note.authorId === viewer.participantId;
}

/** True when the viewer may edit, move or delete the note (the server checks the same rule). */
export function mayChangeNote(note: NoteValue, viewer: CanvasViewer): boolean {
  return viewer.isFacilitator || note.authorId === viewer.participantId;
}

/** True when the dot tally may be shown: facilitators always, others once the vote is revealed. */
export function isTallyVisible(state: ActivityState, isFacilitator: boolean): boolean {
  return isFacilitator || state.vote?.revealed === true;
}

/** True when dots may be put on this note now: the vote is open and covers the note's section. */
export function isNoteVotable(note: NoteValue, vote: VoteState | null): boolean {
  return (
    vote !== null && vote.open && (vote.sectionKey === null || vote.sectionKey === note.section)
  );
}

/**
 * The sort keys a note must land between to move one place up or down in `sorted` (its section,
 * in display order); null when it is already first or last. `null` inside the pair means "no
 * neighbour on that side".
 */
export function neighboursForStep(
  sorted: readonly NoteValue[],
  noteId: string,
  direction: 'up' | 'down',
): { before: number | null; after: number | null } | null {
  const index = sorted.findIndex((n) => n.id === noteId);
  if (index < 0) return null;
  if (direction === 'up') {
    if (index === 0) return null;
    return { before: sorted[index - 2]?.order ?? null, after: sorted[index - 1]?.order ?? null };
  }
  if (index === sorted.length - 1) return null;
  return { before: sorted[index + 1]?.order ?? null, after: sorted[index + 2]?.order ?? null };
}

/** The sort key after the last note of a section, so a moved or new note lands at the end. */
export function lastOrder(sorted: readonly NoteValue[]): number | null {
  return sorted.at(-1)?.order ?? null;
}

/**
 * Where focus goes in a list of `length` items when `key` is pressed on item `current` (arrow
 * keys step and stop at the ends, Home and End jump); null for keys the list does not handle.
 */
export function nextFocusIndex(current: number, key: string, length: number): number | null {
  if (length === 0) return null;
  switch (key) {
    case 'ArrowDown':
    case 'ArrowRight':
      return Math.min(current + 1, length - 1);
    case 'ArrowUp':
    case 'ArrowLeft':
      return Math.max(current - 1, 0);
    case 'Home':
      return 0;
    case 'End':
      return length - 1;
    default:
      return null;
  }
}

/**
 * The sort keys a dragged note must land between when dropped on `targetId` (before it, or after
 * it with `placeAfter`), or at the end of the section when `targetId` is null. `sorted` is the
 * target section in display order; the dragged note itself is left out of the count, so dropping
 * a note next to itself changes nothing. Null when nothing should change.
 */
export function neighboursForDrop(
  sorted: readonly NoteValue[],
  draggedId: string,
  targetId: string | null,
  placeAfter: boolean,
): { before: number | null; after: number | null } | null {
  if (targetId === draggedId) return null;
  const others = sorted.filter((n) => n.id !== draggedId);
  let index = others.length;
  if (targetId !== null) {
    const at = others.findIndex((n) => n.id === targetId);
    if (at < 0) return null;
    index = placeAfter ? at + 1 : at;
  }
  const currentIndex = sorted.findIndex((n) => n.id === draggedId);
  if (currentIndex >= 0 && currentIndex === index) return null;
  return { before: others[index - 1]?.order ?? null, after: others[index]?.order ?? null };
}
