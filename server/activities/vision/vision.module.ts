// The vision kind's server module: who writes the statement and its suggestions, and its part of
// the synthesis. The statement is a free root (ADR 0002, "Free roots").
import { visionFreeRoots, visionRoots, VISION_KIND } from '../../../common/activities/vision.ts';
import type { ServerActivityModule } from '../registry.types.ts';
import { checkVisionChanges, countCreatedSuggestions } from './vision.rules.ts';
import { synthesiseVision } from './vision.synthesis.ts';

/**
 * A vision has no projection tables: the statement is one rich text that reports and the
 * synthesis read from the stored document (readVisionText), and suggestions matter only while
 * the room decides on them. So projecting writes nothing.
 */
function projectNothing(): Promise<void> {
  return Promise.resolve();
}

export const visionModule: ServerActivityModule = {
  kind: VISION_KIND,
  roots: Object.values(visionRoots),
  freeRoots: Object.values(visionFreeRoots),
  checkChanges: checkVisionChanges,
  countCreated: countCreatedSuggestions,
  project: projectNothing,
  synthesise: synthesiseVision,
};
