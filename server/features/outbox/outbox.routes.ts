// The outbox of stored mail under /api/v1/orgs/:orgSlug/outbox.
import { orgParams } from '../../../common/orgs.ts';
import { outboxList, outboxMessage, outboxMessageParams } from '../../../common/outbox.ts';
import { guardOrgMember, requireOrgRole } from '../../http/auth.ts';
import type { App, AppContext } from '../../http/context.ts';
import { getOutboxMessage, listOutbox } from './outbox.service.ts';

const tags = ['outbox'];

/** Registers the outbox endpoints. */
export function registerOutboxRoutes(app: App, ctx: AppContext): void {
  void app.register((scope: App, _opts, done) => {
    scope.addHook('onRequest', guardOrgMember);

    scope.get(
      '/orgs/:orgSlug/outbox',
      {
        schema: {
          tags,
          summary: "Mail kept for this organisation's members (admin)",
          description:
            'Without SMTP, mail is stored instead of sent; this lists the messages addressed to people with a membership here and in no other organisation, newest first.',
          params: orgParams,
          response: { 200: outboxList },
        },
      },
      (request) => listOutbox(ctx, requireOrgRole(request, request.params.orgSlug)),
    );

    scope.get(
      '/orgs/:orgSlug/outbox/:messageId',
      {
        schema: {
          tags,
          summary: 'One stored message with its text (admin)',
          params: outboxMessageParams,
          response: { 200: outboxMessage },
        },
      },
      (request) =>
        getOutboxMessage(
          ctx,
          requireOrgRole(request, request.params.orgSlug),
          request.params.messageId,
        ),
    );

    done();
  });
}
