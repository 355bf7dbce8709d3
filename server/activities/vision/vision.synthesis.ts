// The vision kind's part of the lab's synthesis: the statement as plain text and how many
// suggestions still wait for a decision.
import type * as Y from 'yjs';
import { countOpenSuggestions, readVisionText } from '../../../common/activities/vision.doc.ts';
import type { ActivitySynthesis } from '../../../common/synthesis.ts';
import type { SynthesisTarget } from '../registry.types.ts';

/**
 * The vision part of the synthesis, read from the document as it is now: its target year and
 * places from the settings, the statement as plain text (paragraphs separated by blank lines) and
 * the number of open suggestions. Suggestions' authors never appear, so anonymity needs nothing.
 */
export function synthesiseVision(doc: Y.Doc, target: SynthesisTarget): ActivitySynthesis {
  const config = target.config;
  if (config.kind !== 'vision') throw new Error(`activity ${target.activityId} is not a vision`);
  return {
    kind: 'vision',
    activityId: target.activityId,
    title: target.title,
    targetYear: config.targetYear,
    placeIds: config.placeIds,
    text: readVisionText(doc),
    openSuggestions: countOpenSuggestions(doc),
  };
}
