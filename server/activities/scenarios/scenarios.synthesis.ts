// The scenarios part of a lab's synthesis (common/synthesis.ts): read straight from the document.
import type * as Y from 'yjs';
import { laneKeys, quadrantKeys } from '../../../common/activities/scenarios.ts';
import {
  judgeActions,
  readQuadrants,
  readScenarioNotes,
} from '../../../common/activities/scenarios.doc.ts';
import type { ActivitySynthesis } from '../../../common/synthesis.ts';
import type { SynthesisTarget } from '../registry.types.ts';

/**
 * Summarises a scenarios activity: the axes, the four scenarios with their names, narratives and
 * lane notes (texts only, so no author names leave the server), and every action with the
 * scenarios it holds in and whether it is robust. Pure.
 */
export function synthesiseScenarios(doc: Y.Doc, target: SynthesisTarget): ActivitySynthesis {
  const config = target.config;
  if (config.kind !== 'scenarios')
    throw new Error(`activity ${target.activityId} is not scenarios`);
  const quadrants = readQuadrants(doc);
  const notes = readScenarioNotes(doc);
  return {
    kind: 'scenarios',
    activityId: target.activityId,
    title: target.title,
    axes: config.axes.map((axis) => ({ label: axis.label, low: axis.low, high: axis.high })),
    quadrants: quadrantKeys.map((key) => ({
      key,
      name: quadrants[key].name.trim(),
      narrative: quadrants[key].narrative.trim(),
      lanes: laneKeys.map((lane) => ({
        key: lane,
        notes: notes
          .filter((note) => note.quadrant === key && note.lane === lane)
          .map((note) => note.text.trim()),
      })),
    })),
    actions: judgeActions(doc).map(({ action, holdsIn, robust }) => ({
      id: action.id,
      title: action.title.trim(),
      origin: action.origin,
      holdsIn,
      robust,
    })),
  };
}
