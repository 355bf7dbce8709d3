// The collaboration token of a knowledge item's live body: POST …/knowledge/:itemId/collab-token.
import { knowledgeItemParams } from '../../../common/knowledge.ts';
import { knowledgeCollabToken } from '../../../common/knowledgeBody.ts';
import { guardOrgMember, requireOrgRole } from '../../http/auth.ts';
import type { App, AppContext } from '../../http/context.ts';
import { issueKnowledgeCollabToken } from './knowledge-collab.service.ts';

const tags = ['knowledge base'];

/** Registers the endpoint that issues collaboration tokens for knowledge item bodies. */
export function registerKnowledgeCollabRoutes(app: App, ctx: AppContext): void {
  void app.register((scope: App, _opts, done) => {
    scope.addHook('onRequest', guardOrgMember);
    scope.post(
      '/orgs/:orgSlug/knowledge/:itemId/collab-token',
      {
        schema: {
          tags,
          summary: 'A token to edit the body of a knowledge item live (member)',
          description:
            'For active members of the item\'s organisation (session cookie and x-csrf-token). The token opens the document `knowledge.<itemId>` at /collab for 15 minutes (docs/COLLAB_SPEC.md, "Knowledge items"). readOnly is true when the person may not change the body now: members write drafts and unpublished items, facilitators and admins always.',
          params: knowledgeItemParams,
          response: { 200: knowledgeCollabToken },
        },
      },
      (request) =>
        issueKnowledgeCollabToken(
          ctx,
          requireOrgRole(request, request.params.orgSlug),
          request.params.itemId,
        ),
    );
    done();
  });
}
