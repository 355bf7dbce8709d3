// The knowledge base over HTTP: an organisation's items and their workflow under
// /api/v1/orgs/:orgSlug/knowledge, drafting from a report version, and the public JSON of a
// published item at /api/v1/knowledge/items/:slug (docs/knowledge.md).
import { z } from 'zod';
import {
  createKnowledgeRequest,
  knowledgeHistory,
  knowledgeItem,
  knowledgeItemList,
  knowledgeItemParams,
  knowledgeParams,
  knowledgeStatus,
  publicKnowledgeItem,
  reviewRequest,
  updateKnowledgeRequest,
} from '../../../common/knowledge.ts';
import { publishReportRequest, reportVersionParams } from '../../../common/reports.ts';
import { guardOrgMember, requireOrgRole } from '../../http/auth.ts';
import type { App, AppContext } from '../../http/context.ts';
import { notFound } from '../../http/problem.ts';
import type { KnowledgeTransition } from './knowledge.policy.ts';
import {
  createKnowledgeItem,
  getKnowledgeHistory,
  getKnowledgeItem,
  listKnowledgeItems,
  previewKnowledgeItem,
  publishReportAsDraft,
  readPublicKnowledgeItem,
  transitionKnowledgeItem,
  updateKnowledgeItem,
} from './knowledge.service.ts';
import { knowledgeViewerOf } from './knowledge.viewer.ts';

const tags = ['knowledge base'];
const listQuery = z.object({ status: knowledgeStatus.optional() });
const publicParams = z.object({ slug: z.string().min(1).max(200) });

const transitions: {
  path: string;
  transition: KnowledgeTransition;
  summary: string;
  description: string;
}[] = [
  {
    path: 'submit',
    transition: 'submit',
    summary: 'Submit an item for review (member)',
    description: 'From draft or unpublished to in_review; 409 from any other status.',
  },
  {
    path: 'publish',
    transition: 'publish',
    summary: 'Publish an item (facilitator or admin)',
    description:
      'From draft, in_review or unpublished to published; sets publishedAt, and the first publication date once. The history keeps a snapshot of the content. 409 when already published.',
  },
  {
    path: 'unpublish',
    transition: 'unpublish',
    summary: 'Take a published item offline (facilitator or admin)',
    description:
      'From published to unpublished; the item and its history stay and it can be published again. 409 from any other status.',
  },
];

/** Registers the knowledge base endpoints. */
export function registerKnowledgeRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/knowledge/items/:slug',
    {
      schema: {
        tags,
        summary: 'A published item as its reader may see it (anyone)',
        description:
          'Visitors read published items that are not members-only; members of the authoring organisation also read its members-only items. Drafts, items in review and unpublished items answer 404 to everyone. `related` lists up to 5 other items this reader may read.',
        params: publicParams,
        response: { 200: publicKnowledgeItem },
      },
    },
    async (request) => {
      const item = await readPublicKnowledgeItem(
        ctx,
        knowledgeViewerOf(request.auth),
        request.params.slug,
      );
      if (!item) throw notFound('This knowledge item');
      return item;
    },
  );

  void app.register((scope: App, _opts, done) => {
    scope.addHook('onRequest', guardOrgMember);
    const base = '/orgs/:orgSlug/knowledge';

    scope.get(
      base,
      {
        schema: {
          tags,
          summary: "The organisation's items in every status (member)",
          description: 'Most recently changed first; `status` keeps one status.',
          params: knowledgeParams,
          querystring: listQuery,
          response: { 200: knowledgeItemList },
        },
      },
      async (request) => ({
        items: await listKnowledgeItems(
          ctx,
          requireOrgRole(request, request.params.orgSlug),
          request.query.status,
        ),
      }),
    );

    scope.post(
      base,
      {
        schema: {
          tags,
          summary: 'Write a new item as a draft (member)',
          description:
            'The slug is made from the title plus a short random suffix and does not change when the title does.',
          params: knowledgeParams,
          body: createKnowledgeRequest,
          response: { 201: knowledgeItem },
        },
      },
      async (request, reply) => {
        const actor = requireOrgRole(request, request.params.orgSlug);
        return reply.status(201).send(await createKnowledgeItem(ctx, actor, request.body));
      },
    );

    scope.get(
      `${base}/:itemId`,
      {
        schema: {
          tags,
          summary: 'One item of the organisation (member)',
          params: knowledgeItemParams,
          response: { 200: knowledgeItem },
        },
      },
      (request) =>
        getKnowledgeItem(
          ctx,
          requireOrgRole(request, request.params.orgSlug),
          request.params.itemId,
        ),
    );

    scope.patch(
      `${base}/:itemId`,
      {
        schema: {
          tags,
          summary: 'Change an item (member while not published; facilitator or admin always)',
          description:
            'Only the given fields change. Edits of a published item by a facilitator or admin are live at once. `body` is accepted only while the item has no live document; once someone opened it in the collaborative editor, the body changes there (409).',
          params: knowledgeItemParams,
          body: updateKnowledgeRequest,
          response: { 200: knowledgeItem },
        },
      },
      (request) =>
        updateKnowledgeItem(
          ctx,
          requireOrgRole(request, request.params.orgSlug),
          request.params.itemId,
          request.body,
        ),
    );

    for (const { path, transition, summary, description } of transitions) {
      scope.post(
        `${base}/:itemId/${path}`,
        {
          schema: {
            tags,
            summary,
            description,
            params: knowledgeItemParams,
            response: { 200: knowledgeItem },
          },
        },
        (request) =>
          transitionKnowledgeItem(
            ctx,
            requireOrgRole(request, request.params.orgSlug),
            request.params.itemId,
            transition,
          ),
      );
    }

    scope.post(
      `${base}/:itemId/return`,
      {
        schema: {
          tags,
          summary: 'Send an item in review back to its authors (facilitator or admin)',
          description: 'From in_review to draft; the note is shown to the authors as reviewNote.',
          params: knowledgeItemParams,
          body: reviewRequest,
          response: { 200: knowledgeItem },
        },
      },
      (request) =>
        transitionKnowledgeItem(
          ctx,
          requireOrgRole(request, request.params.orgSlug),
          request.params.itemId,
          'return',
          request.body.note ?? null,
        ),
    );

    scope.get(
      `${base}/:itemId/history`,
      {
        schema: {
          tags,
          summary: "The item's history, oldest first (member)",
          params: knowledgeItemParams,
          response: { 200: knowledgeHistory },
        },
      },
      (request) =>
        getKnowledgeHistory(
          ctx,
          requireOrgRole(request, request.params.orgSlug),
          request.params.itemId,
        ),
    );

    scope.get(
      `${base}/:itemId/preview`,
      {
        schema: {
          tags,
          summary: 'The item as readers would see it once published (member)',
          description:
            'The public shape of the current content, for the deliberate publish step; publishedAt is now for an item never published.',
          params: knowledgeItemParams,
          response: { 200: publicKnowledgeItem },
        },
      },
      (request) =>
        previewKnowledgeItem(
          ctx,
          requireOrgRole(request, request.params.orgSlug),
          request.params.itemId,
          knowledgeViewerOf(request.auth),
        ),
    );

    scope.post(
      '/orgs/:orgSlug/labs/:labId/report/versions/:version/publish',
      {
        schema: {
          tags,
          summary:
            'Draft a best practice from a finalised report version (lab facilitator or admin)',
          description:
            '`full` takes the whole report as the body; `summary` a shorter best-practice text (question, approach, main results, robust actions, actions, conclusions). The draft then follows the usual review and publish steps.',
          params: reportVersionParams,
          body: publishReportRequest,
          response: { 201: knowledgeItem },
        },
      },
      async (request, reply) => {
        const actor = requireOrgRole(request, request.params.orgSlug);
        const { labId, version } = request.params;
        return reply
          .status(201)
          .send(await publishReportAsDraft(ctx, actor, labId, version, request.body.mode));
      },
    );

    done();
  });
}
