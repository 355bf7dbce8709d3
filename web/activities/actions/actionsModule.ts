// The actions activity's web module: views, settings form and the settings of a new actions step.
import { ACTION_DOTS_DEFAULT, nextTermEnd } from '../../../common/activities/actions.ts';
import type { ActivityConfig } from '../../../common/activities/registry.ts';
import type { WebActivityModule } from '../registry.types.ts';
import { ActionsConfigForm } from './ActionsConfigForm.tsx';
import { ActionsPresenterView } from './ActionsPresenterView.tsx';
import { ActionsView } from './ActionsView.tsx';

/** A new actions step: the default number of dots, and the end of the council term running now. */
function defaultActionsConfig(): ActivityConfig {
  return {
    kind: 'actions',
    dotsPerPerson: ACTION_DOTS_DEFAULT,
    termEnds: nextTermEnd(new Date()),
  };
}

export const actionsWebModule: WebActivityModule = {
  kind: 'actions',
  labelKey: 'kinds.actions',
  ParticipantView: ActionsView,
  PresenterView: ActionsPresenterView,
  ConfigForm: ActionsConfigForm,
  defaultConfig: defaultActionsConfig,
};
