// The trend catalogue of an organisation under /api/v1/orgs/:orgSlug/trends and …/developments.
import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import { z } from 'zod';
import { orgParams } from '../../../common/orgs.ts';
import {
  development,
  developmentInput,
  developmentParams,
  reorderDevelopmentsRequest,
  reorderTrendsRequest,
  trend,
  trendCatalogue,
  trendCatalogueQuery,
  trendInput,
  trendParams,
  updateDevelopmentRequest,
  updateTrendRequest,
} from '../../../common/trends.ts';
import { guardOrgMember, requireOrgRole } from '../../http/auth.ts';
import type { App, AppContext } from '../../http/context.ts';
import {
  addDevelopment,
  addTrend,
  archiveDevelopment,
  archiveTrend,
  assertMayManage,
  changeDevelopment,
  changeTrend,
  getTrendCatalogue,
  reorderDevelopments,
  reorderTrends,
} from './trends.service.ts';

const tags = ['trend catalogue'];
const noContent = z.null().describe('No content');
const archiveNote =
  'Nothing is ever deleted: labs keep the copies they made, and PATCH with archived: false restores.';

// Runs before the body is read, so a member who may not edit hears 403 rather than 400.
function guardCatalogueAdmin(
  request: FastifyRequest,
  _reply: FastifyReply,
  done: HookHandlerDoneFunction,
): void {
  try {
    const { orgSlug } = request.params as { orgSlug: string };
    assertMayManage(requireOrgRole(request, orgSlug));
    done();
  } catch (error) {
    done(error as Error);
  }
}

/** Registers the trend catalogue endpoints. */
export function registerTrendRoutes(app: App, ctx: AppContext): void {
  void app.register((scope: App, _opts, done) => {
    scope.addHook('onRequest', guardOrgMember);
    const admin = { onRequest: guardCatalogueAdmin };

    scope.get(
      '/orgs/:orgSlug/trends',
      {
        schema: {
          tags,
          summary: 'The trend catalogue of the organisation (member)',
          description:
            'Trends and their developments by position. The built-in catalogue (the six trends of "De nieuwe binnenstad") is added on first use. Archived items are left out unless archived=include (admins only; others get 403).',
          params: orgParams,
          querystring: trendCatalogueQuery,
          response: { 200: trendCatalogue },
        },
      },
      (request) =>
        getTrendCatalogue(ctx, requireOrgRole(request, request.params.orgSlug), request.query),
    );

    scope.post(
      '/orgs/:orgSlug/trends',
      {
        ...admin,
        schema: {
          tags,
          summary: 'Add a trend at the end of the catalogue (admin)',
          description:
            'Without a key, one is made from the title and made unique with a suffix; a chosen key that is taken is a 409 naming key.',
          params: orgParams,
          body: trendInput,
          response: { 201: trend },
        },
      },
      async (request, reply) => {
        const actor = requireOrgRole(request, request.params.orgSlug);
        return reply.status(201).send(await addTrend(ctx, actor, request.body));
      },
    );

    scope.put(
      '/orgs/:orgSlug/trends/order',
      {
        ...admin,
        schema: {
          tags,
          summary: 'Reorder the trends (admin)',
          description:
            'trendIds lists every trend of the organisation once, archived ones included (else 400 naming trendIds). Answers the catalogue with archived items.',
          params: orgParams,
          body: reorderTrendsRequest,
          response: { 200: trendCatalogue },
        },
      },
      (request) =>
        reorderTrends(ctx, requireOrgRole(request, request.params.orgSlug), request.body),
    );

    scope.patch(
      '/orgs/:orgSlug/trends/:trendId',
      {
        ...admin,
        schema: {
          tags,
          summary: 'Change, archive or restore a trend (admin)',
          description: `Only the given fields change. Answers the trend with all its developments, archived ones included. ${archiveNote}`,
          params: trendParams,
          body: updateTrendRequest,
          response: { 200: trend },
        },
      },
      (request) =>
        changeTrend(
          ctx,
          requireOrgRole(request, request.params.orgSlug),
          request.params.trendId,
          request.body,
        ),
    );

    scope.delete(
      '/orgs/:orgSlug/trends/:trendId',
      {
        ...admin,
        schema: {
          tags,
          summary: 'Archive a trend (admin)',
          description: archiveNote,
          params: trendParams,
          response: { 204: noContent },
        },
      },
      async (request, reply) => {
        const actor = requireOrgRole(request, request.params.orgSlug);
        await archiveTrend(ctx, actor, request.params.trendId);
        return reply.status(204).send(null);
      },
    );

    scope.post(
      '/orgs/:orgSlug/trends/:trendId/developments',
      {
        ...admin,
        schema: {
          tags,
          summary: 'Add a development at the end of a trend (admin)',
          description:
            'Keys are unique over all trends and developments of the organisation; without a key, one is made from the title.',
          params: trendParams,
          body: developmentInput,
          response: { 201: development },
        },
      },
      async (request, reply) => {
        const actor = requireOrgRole(request, request.params.orgSlug);
        return reply
          .status(201)
          .send(await addDevelopment(ctx, actor, request.params.trendId, request.body));
      },
    );

    scope.put(
      '/orgs/:orgSlug/trends/:trendId/developments/order',
      {
        ...admin,
        schema: {
          tags,
          summary: "Reorder a trend's developments (admin)",
          description:
            'developmentIds lists every development of the trend once, archived ones included (else 400 naming developmentIds). Answers the trend with all its developments.',
          params: trendParams,
          body: reorderDevelopmentsRequest,
          response: { 200: trend },
        },
      },
      (request) =>
        reorderDevelopments(
          ctx,
          requireOrgRole(request, request.params.orgSlug),
          request.params.trendId,
          request.body,
        ),
    );

    scope.patch(
      '/orgs/:orgSlug/developments/:developmentId',
      {
        ...admin,
        schema: {
          tags,
          summary: 'Change, move, archive or restore a development (admin)',
          description: `Only the given fields change; trendId moves it to the end of another trend of the organisation. ${archiveNote}`,
          params: developmentParams,
          body: updateDevelopmentRequest,
          response: { 200: development },
        },
      },
      (request) =>
        changeDevelopment(
          ctx,
          requireOrgRole(request, request.params.orgSlug),
          request.params.developmentId,
          request.body,
        ),
    );

    scope.delete(
      '/orgs/:orgSlug/developments/:developmentId',
      {
        ...admin,
        schema: {
          tags,
          summary: 'Archive a development (admin)',
          description: archiveNote,
          params: developmentParams,
          response: { 204: noContent },
        },
      },
      async (request, reply) => {
        const actor = requireOrgRole(request, request.params.orgSlug);
        await archiveDevelopment(ctx, actor, request.params.developmentId);
        return reply.status(204).send(null);
      },
    );

    done();
  });
}
