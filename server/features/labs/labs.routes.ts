// Labs of an organisation under /api/v1/orgs/:orgSlug/labs: the lab, its lifecycle, agenda,
// participants and QR code.
import { z } from 'zod';
import { orgParams } from '../../../common/orgs.ts';
import {
  activity,
  activityInput,
  activityParams,
  lab,
  labInput,
  labList,
  labParams,
  labStatusRequest,
  participant,
  participantList,
  participantParams,
  reorderActivitiesRequest,
  updateActivityRequest,
  updateLabRequest,
} from '../../../common/labs.ts';
import { guardOrgMember, requireOrgRole } from '../../http/auth.ts';
import type { App, AppContext } from '../../http/context.ts';
import {
  addActivity,
  changeActivity,
  changeLab,
  createLab,
  getLab,
  listLabParticipants,
  listOrganisationLabs,
  moveLab,
  removeActivity,
  removeLab,
  removeLabParticipant,
  renderJoinQr,
  reorderLabActivities,
} from './labs.service.ts';

const tags = ['labs'];
const noContent = z.null().describe('No content');
const SVG_MEDIA_TYPE = 'image/svg+xml';

/** Registers the organisation-scoped lab endpoints. */
export function registerLabRoutes(app: App, ctx: AppContext): void {
  void app.register((scope: App, _opts, done) => {
    scope.addHook('onRequest', guardOrgMember);

    scope.get(
      '/orgs/:orgSlug/labs',
      {
        schema: {
          tags,
          summary: 'The labs of the organisation (member; drafts only for facilitators and admins)',
          params: orgParams,
          response: { 200: labList },
        },
      },
      (request) => listOrganisationLabs(ctx, requireOrgRole(request, request.params.orgSlug)),
    );

    scope.post(
      '/orgs/:orgSlug/labs',
      {
        schema: {
          tags,
          summary: 'Create a draft lab with a starting agenda (facilitator or admin)',
          description:
            'The creator becomes a facilitator of the lab. The agenda starts from the chosen canvas template (or the default): a regional lab gets one canvas per place plus a regional canvas, a local or thematic lab one canvas. placeIds, regionId, facilitatorIds and templateId must belong to the organisation.',
          params: orgParams,
          body: labInput,
          response: { 201: lab },
        },
      },
      async (request, reply) => {
        const actor = requireOrgRole(request, request.params.orgSlug);
        return reply.status(201).send(await createLab(ctx, actor, request.body));
      },
    );

    scope.get(
      '/orgs/:orgSlug/labs/:labId',
      {
        schema: {
          tags,
          summary: 'One lab with its agenda (member; a draft only for facilitators and admins)',
          params: labParams,
          response: { 200: lab },
        },
      },
      (request) =>
        getLab(ctx, requireOrgRole(request, request.params.orgSlug), request.params.labId),
    );

    scope.patch(
      '/orgs/:orgSlug/labs/:labId',
      {
        schema: {
          tags,
          summary: 'Change a lab (who may facilitate it)',
          description: '409 lab_closed for a closed lab.',
          params: labParams,
          body: updateLabRequest,
          response: { 200: lab },
        },
      },
      (request) =>
        changeLab(
          ctx,
          requireOrgRole(request, request.params.orgSlug),
          request.params.labId,
          request.body,
        ),
    );

    scope.delete(
      '/orgs/:orgSlug/labs/:labId',
      {
        schema: {
          tags,
          summary: 'Delete a draft lab (who may facilitate it)',
          description: '409 once the lab has been opened: close it instead.',
          params: labParams,
          response: { 204: noContent },
        },
      },
      async (request, reply) => {
        const actor = requireOrgRole(request, request.params.orgSlug);
        await removeLab(ctx, actor, request.params.labId);
        return reply.status(204).send(null);
      },
    );

    scope.post(
      '/orgs/:orgSlug/labs/:labId/status',
      {
        schema: {
          tags,
          summary: 'Move the lab along its lifecycle (who may facilitate it)',
          description:
            'draft → open → live → closed, and open → draft or closed. Opening gives a fresh join code; draft and closed take it away; closing makes every live connection reconnect read-only. Any other move is a 409.',
          params: labParams,
          body: labStatusRequest,
          response: { 200: lab },
        },
      },
      (request) =>
        moveLab(
          ctx,
          requireOrgRole(request, request.params.orgSlug),
          request.params.labId,
          request.body.status,
        ),
    );

    scope.post(
      '/orgs/:orgSlug/labs/:labId/activities',
      {
        schema: {
          tags,
          summary: 'Append an activity to the agenda (who may facilitate the lab)',
          description: 'config.kind must equal kind. 409 lab_closed for a closed lab.',
          params: labParams,
          body: activityInput,
          response: { 201: activity },
        },
      },
      async (request, reply) => {
        const actor = requireOrgRole(request, request.params.orgSlug);
        return reply
          .status(201)
          .send(await addActivity(ctx, actor, request.params.labId, request.body));
      },
    );

    scope.put(
      '/orgs/:orgSlug/labs/:labId/activities/order',
      {
        schema: {
          tags,
          summary: 'Reorder the agenda (who may facilitate the lab)',
          description:
            'activityIds lists every activity of the lab exactly once, in the new order.',
          params: labParams,
          body: reorderActivitiesRequest,
          response: { 200: lab },
        },
      },
      (request) =>
        reorderLabActivities(
          ctx,
          requireOrgRole(request, request.params.orgSlug),
          request.params.labId,
          request.body.activityIds,
        ),
    );

    scope.patch(
      '/orgs/:orgSlug/labs/:labId/activities/:activityId',
      {
        schema: {
          tags,
          summary: "Change an activity's title or settings (who may facilitate the lab)",
          params: activityParams,
          body: updateActivityRequest,
          response: { 200: activity },
        },
      },
      (request) =>
        changeActivity(
          ctx,
          requireOrgRole(request, request.params.orgSlug),
          request.params.labId,
          request.params.activityId,
          request.body,
        ),
    );

    scope.delete(
      '/orgs/:orgSlug/labs/:labId/activities/:activityId',
      {
        schema: {
          tags,
          summary: 'Delete an activity from the agenda (who may facilitate the lab)',
          params: activityParams,
          response: { 204: noContent },
        },
      },
      async (request, reply) => {
        const actor = requireOrgRole(request, request.params.orgSlug);
        await removeActivity(ctx, actor, request.params.labId, request.params.activityId);
        return reply.status(204).send(null);
      },
    );

    scope.get(
      '/orgs/:orgSlug/labs/:labId/participants',
      {
        schema: {
          tags,
          summary: 'Everyone who joined the lab, removed ones included (who may facilitate it)',
          params: labParams,
          response: { 200: participantList },
        },
      },
      (request) =>
        listLabParticipants(
          ctx,
          requireOrgRole(request, request.params.orgSlug),
          request.params.labId,
        ),
    );

    scope.post(
      '/orgs/:orgSlug/labs/:labId/participants/:participantId/remove',
      {
        schema: {
          tags,
          summary: 'Remove a participant from the lab (who may facilitate it)',
          description:
            'Their collaboration tokens stop working and their live connections close (4410). A removed guest cannot come back with the same secret.',
          params: participantParams,
          response: { 200: participant },
        },
      },
      (request) =>
        removeLabParticipant(
          ctx,
          requireOrgRole(request, request.params.orgSlug),
          request.params.labId,
          request.params.participantId,
        ),
    );

    scope.get(
      '/orgs/:orgSlug/labs/:labId/qr.svg',
      {
        schema: {
          tags,
          summary: "The QR code of the lab's join link, as SVG (who may facilitate it)",
          description:
            'The code encodes PUBLIC_URL/join/<joinCode>. 409 when the lab is not open or live.',
          produces: [SVG_MEDIA_TYPE],
          params: labParams,
        },
      },
      async (request, reply) => {
        const actor = requireOrgRole(request, request.params.orgSlug);
        const svg = await renderJoinQr(ctx, actor, request.params.labId);
        // The code changes when the lab is reopened; an image must never be run as a page.
        return reply
          .type(SVG_MEDIA_TYPE)
          .header('cache-control', 'no-store')
          .header('x-content-type-options', 'nosniff')
          .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'")
          .send(svg);
      },
    );

    done();
  });
}
