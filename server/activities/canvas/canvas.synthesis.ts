// The canvas kind's part of the lab's synthesis: its notes per section with their dots, and the
// notes with the most dots. Grouping into themes needs the database and is the synthesis
// service's work (server/features/synthesis/).
import type * as Y from 'yjs';
import { notesBySection, readDots } from '../../../common/activities/canvas.doc.ts';
import type { NoteValue } from '../../../common/activities/canvas.ts';
import {
  TOP_NOTES_MAX,
  type ActivitySynthesis,
  type SynthesisNote,
} from '../../../common/synthesis.ts';
import type { SynthesisTarget } from '../registry.types.ts';

/** Adds up the dots per note; dots on a note that no longer exists count for nothing. */
function dotsPerNote(doc: Y.Doc): Map<string, number> {
  const tally = new Map<string, number>();
  for (const dot of readDots(doc)) {
    tally.set(dot.noteId, (tally.get(dot.noteId) ?? 0) + dot.count);
  }
  return tally;
}

/**
 * The canvas part of the synthesis, read from the document as it is now: every section of the
 * configuration in its order with its notes in display order (notes in a section the
 * configuration no longer has are left out), and up to TOP_NOTES_MAX notes with dots, most dots
 * first. Author names are null in an anonymous lab; groups are left empty for the service.
 */
export function synthesiseCanvas(doc: Y.Doc, target: SynthesisTarget): ActivitySynthesis {
  if (target.config.kind !== 'canvas') {
    throw new Error(`activity ${target.activityId} is not a canvas`);
  }
  const bySection = notesBySection(doc);
  const dots = dotsPerNote(doc);
  const toNote = (note: NoteValue): SynthesisNote => ({
    id: note.id,
    activityId: target.activityId,
    sectionKey: note.section,
    text: note.text,
    authorName: target.anonymous ? null : note.authorName,
    dots: dots.get(note.id) ?? 0,
  });
  const sections = target.config.sections.map((section) => ({
    key: section.key,
    title: section.title,
    notes: (bySection.get(section.key) ?? []).map(toNote),
    groups: [],
  }));
  // Sections and notes are already in display order; a stable sort keeps it among equal dots.
  const topNotes = sections
    .flatMap((section) => section.notes)
    .filter((note) => note.dots > 0)
    .sort((a, b) => b.dots - a.dots)
    .slice(0, TOP_NOTES_MAX);
  return {
    kind: 'canvas',
    activityId: target.activityId,
    title: target.title,
    placeId: target.config.placeId,
    sections,
    topNotes,
    notesHidden: false,
    tallyHidden: false,
  };
}
