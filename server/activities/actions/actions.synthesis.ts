// The actions activity's part of the lab's synthesis: the room's actions, confirmed first, then
// by dots. Pure; progress is 0 here because the follow-up lives in the database.
import type * as Y from 'yjs';
import { readActions, tallyActionDots } from '../../../common/activities/actions.doc.ts';
import { compareByPriority } from '../../../common/activities/actions.ts';
import type { ActivitySynthesis } from '../../../common/synthesis.ts';
import type { SynthesisTarget } from '../registry.types.ts';

/** Summarises an actions document: every action with its owner, horizon, status and dots, in priority order. */
export function synthesiseActions(doc: Y.Doc, target: SynthesisTarget): ActivitySynthesis {
  if (target.config.kind !== 'actions') {
    throw new Error(`activity ${target.activityId} is not an actions activity`);
  }
  const tally = tallyActionDots(doc);
  const ranked = readActions(doc)
    .map((action) => ({ action, dots: tally.get(action.id) ?? 0 }))
    .sort((a, b) =>
      compareByPriority({ ...a.action, dots: a.dots }, { ...b.action, dots: b.dots }),
    );
  return {
    kind: 'actions',
    activityId: target.activityId,
    title: target.title,
    actions: ranked.map(({ action, dots }) => ({
      id: action.id,
      title: action.title,
      owner: action.ownerName,
      horizon: action.horizon,
      status: action.status,
      dots,
      progress: 0,
    })),
  };
}
