// The canvas activity's web module: views, settings form and the settings of a new canvas.
import type { ActivityConfig } from '../../../common/activities/registry.ts';
import { builtinTemplates } from '../../../common/canvas-templates.ts';
import type { WebActivityModule } from '../registry.types.ts';
import { CanvasConfigForm } from './CanvasConfigForm.tsx';
import { CanvasPresenterView } from './CanvasPresenterView.tsx';
import { CanvasView } from './CanvasView.tsx';

/** A new canvas gets the sections of the built-in default template (copied, so later edits stay local). */
function defaultCanvasConfig(): ActivityConfig {
  const template = builtinTemplates.find((candidate) => candidate.isDefault) ?? builtinTemplates[0];
  return {
    kind: 'canvas',
    placeId: null,
    sections: (template?.sections ?? []).map((section) => ({ ...section })),
  };
}

export const canvasWebModule: WebActivityModule = {
  kind: 'canvas',
  labelKey: 'kinds.canvas',
  ParticipantView: CanvasView,
  PresenterView: CanvasPresenterView,
  ConfigForm: CanvasConfigForm,
  defaultConfig: defaultCanvasConfig,
};
