// The scenarios kind's server module: which writes are allowed and what the synthesis shows.
import { scenariosRoots, SCENARIOS_KIND } from '../../../common/activities/scenarios.ts';
import type { ServerActivityModule } from '../registry.types.ts';
import { checkScenariosChanges, countCreatedScenarioItems } from './scenarios.rules.ts';
import { synthesiseScenarios } from './scenarios.synthesis.ts';

export const scenariosModule: ServerActivityModule = {
  kind: SCENARIOS_KIND,
  roots: Object.values(scenariosRoots),
  checkChanges: checkScenariosChanges,
  countCreated: countCreatedScenarioItems,
  // Scenarios have no table of their own: the stored document is the record, and the synthesis
  // (and through it the report) reads the document. Nothing to project, so nothing can lag.
  project: () => Promise.resolve(),
  synthesise: synthesiseScenarios,
};
