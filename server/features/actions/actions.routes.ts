// Following up a lab's actions under /api/v1/orgs/:orgSlug/labs/:labId/actions (docs/labs.md,
// "Acties opvolgen").
import {
  actionUpdateRequest,
  followedAction,
  followedActionList,
  labActionParams,
} from '../../../common/actions.ts';
import { labParams } from '../../../common/labs.ts';
import { guardOrgMember, requireOrgRole } from '../../http/auth.ts';
import type { App, AppContext } from '../../http/context.ts';
import { listFollowedActions, updateFollowedAction } from './actions.service.ts';

const tags = ['actions'];

/** Registers the follow-up endpoints of a lab's actions. */
export function registerActionRoutes(app: App, ctx: AppContext): void {
  void app.register((scope: App, _opts, done) => {
    scope.addHook('onRequest', guardOrgMember);

    scope.get(
      '/orgs/:orgSlug/labs/:labId/actions',
      {
        schema: {
          tags,
          summary:
            "The lab's actions with their status, progress and history (member who may see the lab)",
          description:
            'Every action the room wrote in an actions activity, in agenda order and then in the order the facilitator gave them. mayUpdate says whether the asking person may update it now: its owner, the lab’s facilitators and admins, once the lab is closed.',
          params: labParams,
          response: { 200: followedActionList },
        },
      },
      (request) =>
        listFollowedActions(
          ctx,
          requireOrgRole(request, request.params.orgSlug),
          request.params.labId,
        ),
    );

    scope.patch(
      '/orgs/:orgSlug/labs/:labId/actions/:activityId/:actionId',
      {
        schema: {
          tags,
          summary:
            "Update an action's status, progress or owner (its owner, the lab's facilitators, admins)",
          description:
            'Every change is added to the history, which is never rewritten. Progress 100 does not mark the action done; set the status for that. ownerUserId (an active member of the organisation, or null) only by the lab’s facilitators and admins. 409 while the lab is not closed.',
          params: labActionParams,
          body: actionUpdateRequest,
          response: { 200: followedAction },
        },
      },
      (request) =>
        updateFollowedAction(
          ctx,
          requireOrgRole(request, request.params.orgSlug),
          {
            labId: request.params.labId,
            activityId: request.params.activityId,
            actionId: request.params.actionId,
          },
          request.body,
        ),
    );

    done();
  });
}
