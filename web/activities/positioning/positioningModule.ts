// The regional positioning activity's web module: views, settings form and the settings of a new one.
import { defaultProgrammes } from '../../../common/activities/positioning.ts';
import type { ActivityConfig } from '../../../common/activities/registry.ts';
import type { WebActivityModule } from '../registry.types.ts';
import { PositioningConfigForm } from './PositioningConfigForm.tsx';
import { PositioningPresenterView } from './PositioningPresenterView.tsx';
import { PositioningView } from './PositioningView.tsx';

/** A new positioning gets the canvas's four programmes; the settings form fills in the lab's places. */
function defaultPositioningConfig(): ActivityConfig {
  return {
    kind: 'positioning',
    programmes: defaultProgrammes.map((programme) => ({ ...programme })),
    placeIds: [],
  };
}

export const positioningWebModule: WebActivityModule = {
  kind: 'positioning',
  labelKey: 'kinds.positioning',
  ParticipantView: PositioningView,
  PresenterView: PositioningPresenterView,
  ConfigForm: PositioningConfigForm,
  defaultConfig: defaultPositioningConfig,
};
