// Reads a canvas document into plain values for the views, again after every change.
import { useMemo } from 'react';
import type * as Y from 'yjs';
import type { ClusterValue, NoteValue } from '../../../common/activities/canvas.ts';
import {
  dotsLeft,
  readClusters,
  readDots,
  readNotes,
} from '../../../common/activities/canvas.doc.ts';
import type { VoteState } from '../../../common/activities/control.ts';
import { useDocVersion } from '../../collab/useDocVersion.ts';

export interface CanvasData {
  notes: NoteValue[];
  clusters: ClusterValue[];
  /** Dots per note id, counted over everyone (only notes that exist). */
  tally: Map<string, number>;
  /** The viewer's own dots per note id. */
  myDots: Map<string, number>;
  /** How many dots the viewer may still place (0 when no vote is open). */
  dotsLeft: number;
}

/** Returns the canvas as the viewer's screens need it; recomputed whenever the document changes. */
export function useCanvasData(
  doc: Y.Doc,
  participantId: string,
  vote: VoteState | null,
): CanvasData {
  const version = useDocVersion(doc);
  return useMemo(() => {
    const notes = readNotes(doc);
    const noteIds = new Set(notes.map((n) => n.id));
    const tally = new Map<string, number>();
    const myDots = new Map<string, number>();
    for (const dot of readDots(doc)) {
      if (!noteIds.has(dot.noteId)) continue;
      tally.set(dot.noteId, (tally.get(dot.noteId) ?? 0) + dot.count);
      if (dot.participantId === participantId) myDots.set(dot.noteId, dot.count);
    }
    return {
      notes,
      clusters: readClusters(doc),
      tally,
      myDots,
      dotsLeft: dotsLeft(doc, participantId, vote),
    };
    // `version` stands for the document's content, which the memo cannot see by itself.
  }, [doc, version, participantId, vote]);
}
