// The poll activity's web module: views, settings form and the settings of a new poll.
import type { ActivityConfig } from '../../../common/activities/registry.ts';
import type { WebActivityModule } from '../registry.types.ts';
import { PollConfigForm } from './PollConfigForm.tsx';
import { PollPresenterView } from './PollPresenterView.tsx';
import { PollView } from './PollView.tsx';

function defaultPollConfig(): ActivityConfig {
  return {
    kind: 'poll',
    question: '',
    type: 'single',
    options: [],
    maxChoices: null,
    scale: null,
  };
}

export const pollWebModule: WebActivityModule = {
  kind: 'poll',
  labelKey: 'kinds.poll',
  ParticipantView: PollView,
  PresenterView: PollPresenterView,
  ConfigForm: PollConfigForm,
  defaultConfig: defaultPollConfig,
};
