// Taking part in a lab, without an organisation in the path: looking up a code, joining, and
// the participant's own view of the lab and its collaboration token.
import {
  collabToken,
  joinLookup,
  joinLookupRequest,
  joinRequest,
  joinResult,
  lab,
  liveLabParams,
} from '../../../common/labs.ts';
import type { App, AppContext } from '../../http/context.ts';
import { guardLabCaller, readLabCaller } from './guest.auth.ts';
import { createWrongCodeLimiter } from './join.limits.ts';
import { getParticipantLab, issueCollabToken, joinLab, lookupJoinCode } from './join.service.ts';

const tags = ['joining labs'];
const guestAuth =
  'Authorization: Guest <secret> for a guest of this lab, or the session cookie of a member who joined it or may facilitate it.';

/** Registers the join endpoints and the lab-scoped participant endpoints. */
export function registerJoinRoutes(app: App, ctx: AppContext): void {
  const wrongCodes = createWrongCodeLimiter(app);

  app.post(
    '/join/lookup',
    {
      schema: {
        tags,
        summary: 'The open lab behind a join code (no sign-in needed)',
        description:
          '404 join_code_unknown when no open or live lab has the code. Only wrong codes count against the limit: 100 per 10 minutes per address, then 429 with Retry-After.',
        body: joinLookupRequest,
        response: { 200: joinLookup },
      },
    },
    (request) => wrongCodes.attempt(request, () => lookupJoinCode(ctx, request.body.code)),
  );

  app.post(
    '/join',
    {
      schema: {
        tags,
        summary: 'Join a lab with its code, signed in or as a guest',
        description:
          'Signed in: you take part under your account name (guestSecret is null). Not signed in: displayName is required and the answer holds a guest secret, shown once, for Authorization: Guest <secret>. 409 lab_full when the lab has reached its participant limit; the wrong-code limit of /join/lookup applies.',
        body: joinRequest,
        response: { 201: joinResult },
      },
    },
    async (request, reply) => {
      const joined = await wrongCodes.attempt(request, () =>
        joinLab(ctx, request.auth, request.body),
      );
      return reply.status(201).send(joined);
    },
  );

  app.get(
    '/labs/:labId',
    {
      onRequest: guardLabCaller,
      schema: {
        tags,
        summary: 'The lab as a participant sees it',
        description: `${guestAuth} 404 for a guest of another lab; 403 participant_removed after removal.`,
        params: liveLabParams,
        response: { 200: lab },
      },
    },
    (request) => getParticipantLab(ctx, readLabCaller(request), request.params.labId),
  );

  app.post(
    '/labs/:labId/collab-token',
    {
      onRequest: guardLabCaller,
      schema: {
        tags,
        summary: 'A short-lived token for the realtime connection (docs/COLLAB_SPEC.md)',
        description: `${guestAuth} Read-only once the lab is closed; 409 for participants while the lab is a draft.`,
        params: liveLabParams,
        response: { 200: collabToken },
      },
    },
    (request) => issueCollabToken(ctx, readLabCaller(request), request.params.labId),
  );
}
