// Reads a scenarios document into plain values for the views, again after every change.
import { useMemo } from 'react';
import type * as Y from 'yjs';
import {
  judgeActions,
  readQuadrants,
  readScenarioNotes,
  type JudgedAction,
} from '../../../common/activities/scenarios.doc.ts';
import type {
  LaneKey,
  QuadrantKey,
  QuadrantValue,
  ScenarioNoteValue,
} from '../../../common/activities/scenarios.ts';
import { useDocVersion } from '../../collab/useDocVersion.ts';

export interface ScenariosData {
  quadrants: Record<QuadrantKey, QuadrantValue>;
  notes: ScenarioNoteValue[];
  /** Notes per scenario and lane, oldest first. */
  notesByLane: Map<QuadrantKey, Map<LaneKey, ScenarioNoteValue[]>>;
  actions: JudgedAction[];
}

/** Returns the scenarios document as the screens need it; recomputed whenever it changes. */
export function useScenariosData(doc: Y.Doc): ScenariosData {
  const version = useDocVersion(doc);
  return useMemo(() => {
    const notes = readScenarioNotes(doc);
    const notesByLane = new Map<QuadrantKey, Map<LaneKey, ScenarioNoteValue[]>>();
    for (const note of notes) {
      const lanes = notesByLane.get(note.quadrant) ?? new Map<LaneKey, ScenarioNoteValue[]>();
      lanes.set(note.lane, [...(lanes.get(note.lane) ?? []), note]);
      notesByLane.set(note.quadrant, lanes);
    }
    return { quadrants: readQuadrants(doc), notes, notesByLane, actions: judgeActions(doc) };
    // `version` stands for the document's content, which the memo cannot see by itself.
  }, [doc, version]);
}
