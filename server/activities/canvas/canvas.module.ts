// The canvas kind's server module: which writes are allowed and how the document becomes rows.
import { canvasRoots, CANVAS_KIND } from '../../../common/activities/canvas.ts';
import type { ServerActivityModule } from '../registry.types.ts';
import { projectCanvas } from './canvas.repo.ts';
import { checkCanvasChanges, countCreatedNotes } from './canvas.rules.ts';
import { synthesiseCanvas } from './canvas.synthesis.ts';

export const canvasModule: ServerActivityModule = {
  kind: CANVAS_KIND,
  roots: Object.values(canvasRoots),
  checkChanges: checkCanvasChanges,
  countCreated: countCreatedNotes,
  project: projectCanvas,
  synthesise: synthesiseCanvas,
};
