// The regional positioning's read endpoint: the lab's places with their DNA and canvas ambitions.
import { positioningContext } from '../../../common/activities/positioning.ts';
import { liveLabParams } from '../../../common/labs.ts';
import type { App, AppContext } from '../../http/context.ts';
import { guardLabCaller, readLabCaller } from '../labs/guest.auth.ts';
import { getPositioningContext } from './positioning.service.ts';

const tags = ['regional positioning'];

/** Registers GET /labs/:labId/positioning-context. */
export function registerPositioningRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/labs/:labId/positioning-context',
    {
      onRequest: guardLabCaller,
      schema: {
        tags,
        summary: "The lab's places with their DNA tags and the ambitions from their canvases",
        description:
          "Authorization: Guest <secret> for a guest of this lab, or the session cookie of a member who joined it or may facilitate it; admitted exactly like GET /labs/:labId (404 for a guest of another lab, 403 participant_removed after removal). Ambitions are the notes of each place's canvases in the sections winkelen, wonen, werken and verblijven; dnaNotes those of the section dna. They are read from the projection and may lag the live canvas by a few seconds.",
        params: liveLabParams,
        response: { 200: positioningContext },
      },
    },
    (request) => getPositioningContext(ctx, readLabCaller(request), request.params.labId),
  );
}
