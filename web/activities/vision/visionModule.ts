// The vision activity's web module: views, settings form and the settings of a new vision.
import { visionConfig } from '../../../common/activities/vision.ts';
import type { ActivityConfig } from '../../../common/activities/registry.ts';
import type { WebActivityModule } from '../registry.types.ts';
import { VisionConfigForm } from './VisionConfigForm.tsx';
import { VisionPresenterView } from './VisionPresenterView.tsx';
import { VisionView } from './VisionView.tsx';

function defaultVisionConfig(): ActivityConfig {
  return visionConfig.parse({ kind: 'vision' });
}

export const visionWebModule: WebActivityModule = {
  kind: 'vision',
  labelKey: 'kinds.vision',
  ParticipantView: VisionView,
  PresenterView: VisionPresenterView,
  ConfigForm: VisionConfigForm,
  defaultConfig: defaultVisionConfig,
};
