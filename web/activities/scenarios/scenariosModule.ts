// The scenarios activity's web module: views, settings form and the settings of a new scenario round.
import { defaultScenariosConfig } from '../../../common/activities/scenarios.ts';
import type { WebActivityModule } from '../registry.types.ts';
import { ScenariosConfigForm } from './ScenariosConfigForm.tsx';
import { ScenariosPresenterView } from './ScenariosPresenterView.tsx';
import { ScenariosView } from './ScenariosView.tsx';

export const scenariosWebModule: WebActivityModule = {
  kind: 'scenarios',
  labelKey: 'kinds.scenarios',
  ParticipantView: ScenariosView,
  PresenterView: ScenariosPresenterView,
  ConfigForm: ScenariosConfigForm,
  defaultConfig: defaultScenariosConfig,
};
