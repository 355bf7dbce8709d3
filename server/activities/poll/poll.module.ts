// The poll kind's server module: which answers are allowed and how the document becomes rows.
import { pollRoots, POLL_KIND } from '../../../common/activities/poll.ts';
import type { ServerActivityModule } from '../registry.types.ts';
import { projectPoll } from './poll.repo.ts';
import { checkPollChanges, countCreatedAnswers } from './poll.rules.ts';
import { synthesisePoll } from './poll.synthesis.ts';

export const pollModule: ServerActivityModule = {
  kind: POLL_KIND,
  roots: Object.values(pollRoots),
  checkChanges: checkPollChanges,
  countCreated: countCreatedAnswers,
  project: projectPoll,
  synthesise: synthesisePoll,
};
