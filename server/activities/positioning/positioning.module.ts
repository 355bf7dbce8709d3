// The positioning kind's server module: which writes are allowed and what it adds to the synthesis.
import { positioningRoots, POSITIONING_KIND } from '../../../common/activities/positioning.ts';
import type { ServerActivityModule } from '../registry.types.ts';
import { checkPositioningChanges, countCreatedRoles } from './positioning.rules.ts';
import { synthesisePositioning } from './positioning.synthesis.ts';

export const positioningModule: ServerActivityModule = {
  kind: POSITIONING_KIND,
  roots: Object.values(positioningRoots),
  checkChanges: checkPositioningChanges,
  countCreated: countCreatedRoles,
  // No projection table: a positioning holds a few dozen roles and agreements, and everything
  // that reads them (the synthesis, and through it the report) reads the document itself, where
  // overlaps are worked out from the roles. A table would only be a second copy to keep in step.
  project: () => Promise.resolve(),
  synthesise: synthesisePositioning,
};
