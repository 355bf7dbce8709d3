// What a note's buttons can ask the canvas to do; the canvas view turns each into a document write.
import type { NoteColour } from '../../../common/activities/canvas.ts';

export interface NoteActions {
  edit(noteId: string, text: string, colour: NoteColour): void;
  moveToSection(noteId: string, sectionKey: string): void;
  step(noteId: string, direction: 'up' | 'down'): void;
  remove(noteId: string): void;
  placeDot(noteId: string): void;
  takeBackDot(noteId: string): void;
  assignCluster(noteId: string, clusterId: string | null): void;
  /** Shows the note on every screen, or clears the spotlight with null; absent for participants. */
  spotlight: ((noteId: string | null) => void) | null;
}
