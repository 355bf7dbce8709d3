// The trend scan kind's server module: which writes are allowed, how the document becomes rows,
// and its part of the lab's synthesis.
import { trendscanRoots, TRENDSCAN_KIND } from '../../../common/activities/trendscan.ts';
import type { ServerActivityModule } from '../registry.types.ts';
import { projectTrendscan } from './trendscan.repo.ts';
import { checkTrendscanChanges, countCreatedDevelopments } from './trendscan.rules.ts';
import { synthesiseTrendscan } from './trendscan.synthesis.ts';

export const trendscanModule: ServerActivityModule = {
  kind: TRENDSCAN_KIND,
  roots: Object.values(trendscanRoots),
  checkChanges: checkTrendscanChanges,
  countCreated: countCreatedDevelopments,
  project: projectTrendscan,
  synthesise: synthesiseTrendscan,
};
