// The lab's synthesis as JSON (docs/synthesis.md) and the facilitator's corrections of its grouping.
import { liveLabParams } from '../../../common/labs.ts';
import { synthesis, synthesisGroupRequest } from '../../../common/synthesis.ts';
import type { App, AppContext } from '../../http/context.ts';
import { guardLabCaller, readLabCaller } from '../labs/guest.auth.ts';
import { correctSynthesisGroups, getSynthesis } from './synthesis.service.ts';

const tags = ['synthesis'];
const labCaller =
  'Authorization: Guest <secret> for a guest of this lab, or the session cookie of a member who joined it or may facilitate it.';

/** Registers GET /labs/:labId/synthesis and POST /labs/:labId/synthesis/groups. */
export function registerSynthesisRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/labs/:labId/synthesis',
    {
      onRequest: guardLabCaller,
      schema: {
        tags,
        summary: "The lab's synthesis, live: grouped notes, top notes and every method's results",
        description: `${labCaller} Read from the documents as they are now, with the facilitators' corrections of the grouping. Participants who may not facilitate get no notes of a canvas in private mode, no dots before the tally is revealed and no poll results before they are revealed. See docs/synthesis.md.`,
        params: liveLabParams,
        response: { 200: synthesis },
      },
    },
    (request) => getSynthesis(ctx, readLabCaller(request), request.params.labId),
  );

  app.post(
    '/labs/:labId/synthesis/groups',
    {
      onRequest: guardLabCaller,
      schema: {
        tags,
        summary: 'Correct the grouping of one canvas section (rename, merge, split, move, reset)',
        description: `${labCaller} Only people who may facilitate the lab (403 otherwise). A group key or note that is not in the section now is a 400 naming the field. Answers with the new synthesis.`,
        params: liveLabParams,
        body: synthesisGroupRequest,
        response: { 200: synthesis },
      },
    },
    (request) =>
      correctSynthesisGroups(ctx, readLabCaller(request), request.params.labId, request.body),
  );
}
