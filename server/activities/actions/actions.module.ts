// The actions kind's server module: which writes are allowed, how the document becomes rows, and
// its part of the synthesis.
import { actionsRoots, ACTIONS_KIND } from '../../../common/activities/actions.ts';
import type { ServerActivityModule } from '../registry.types.ts';
import { projectActions } from './actions.repo.ts';
import { checkActionsChanges, countCreatedActions } from './actions.rules.ts';
import { synthesiseActions } from './actions.synthesis.ts';

export const actionsModule: ServerActivityModule = {
  kind: ACTIONS_KIND,
  roots: Object.values(actionsRoots),
  checkChanges: checkActionsChanges,
  countCreated: countCreatedActions,
  project: projectActions,
  synthesise: synthesiseActions,
};
