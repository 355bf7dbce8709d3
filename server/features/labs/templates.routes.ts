// Canvas templates of an organisation under /api/v1/orgs/:orgSlug/canvas-templates.
import { z } from 'zod';
import {
  canvasTemplate,
  canvasTemplateInput,
  canvasTemplateList,
  templateParams,
  updateCanvasTemplateRequest,
} from '../../../common/canvas-templates.ts';
import { orgParams } from '../../../common/orgs.ts';
import { guardOrgMember, requireOrgRole } from '../../http/auth.ts';
import type { App, AppContext } from '../../http/context.ts';
import {
  archiveCanvasTemplate,
  changeCanvasTemplate,
  createCanvasTemplate,
  getCanvasTemplate,
  listCanvasTemplates,
} from './templates.service.ts';

const tags = ['canvas templates'];
const noContent = z.null().describe('No content');

/** Registers the canvas template endpoints. */
export function registerTemplateRoutes(app: App, ctx: AppContext): void {
  void app.register((scope: App, _opts, done) => {
    scope.addHook('onRequest', guardOrgMember);

    scope.get(
      '/orgs/:orgSlug/canvas-templates',
      {
        schema: {
          tags,
          summary: 'The canvas templates of the organisation, the default first (member)',
          description:
            'The built-in templates (Canvas Nieuwe Binnensteden, Leeg canvas, Stadsmodel in negen blokken) are added on first use; archived templates are left out.',
          params: orgParams,
          response: { 200: canvasTemplateList },
        },
      },
      (request) => listCanvasTemplates(ctx, requireOrgRole(request, request.params.orgSlug)),
    );

    scope.post(
      '/orgs/:orgSlug/canvas-templates',
      {
        schema: {
          tags,
          summary: 'Add a canvas template (admin)',
          description:
            'isDefault: true makes it the default and the previous default an ordinary template.',
          params: orgParams,
          body: canvasTemplateInput,
          response: { 201: canvasTemplate },
        },
      },
      async (request, reply) => {
        const actor = requireOrgRole(request, request.params.orgSlug);
        return reply.status(201).send(await createCanvasTemplate(ctx, actor, request.body));
      },
    );

    scope.get(
      '/orgs/:orgSlug/canvas-templates/:templateId',
      {
        schema: {
          tags,
          summary: 'One canvas template (member)',
          params: templateParams,
          response: { 200: canvasTemplate },
        },
      },
      (request) =>
        getCanvasTemplate(
          ctx,
          requireOrgRole(request, request.params.orgSlug),
          request.params.templateId,
        ),
    );

    scope.patch(
      '/orgs/:orgSlug/canvas-templates/:templateId',
      {
        schema: {
          tags,
          summary: 'Change a canvas template (admin)',
          description:
            'Labs keep the sections they were created with. isDefault: false on the default is a 409: make another template the default instead.',
          params: templateParams,
          body: updateCanvasTemplateRequest,
          response: { 200: canvasTemplate },
        },
      },
      (request) =>
        changeCanvasTemplate(
          ctx,
          requireOrgRole(request, request.params.orgSlug),
          request.params.templateId,
          request.body,
        ),
    );

    scope.delete(
      '/orgs/:orgSlug/canvas-templates/:templateId',
      {
        schema: {
          tags,
          summary: 'Archive a canvas template (admin)',
          description: 'The default template cannot be archived (409).',
          params: templateParams,
          response: { 204: noContent },
        },
      },
      async (request, reply) => {
        const actor = requireOrgRole(request, request.params.orgSlug);
        await archiveCanvasTemplate(ctx, actor, request.params.templateId);
        return reply.status(204).send(null);
      },
    );

    done();
  });
}
