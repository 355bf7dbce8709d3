// The outbox as an admin sees it: only mail addressed to people of their own organisation.
import type { OutboxList, OutboxMessage } from '../../../common/outbox.ts';
import type { OrgActor } from '../../http/auth.ts';
import type { AppContext } from '../../http/context.ts';
import { forbidden, notFound } from '../../http/problem.ts';
import { canReadOutbox } from './outbox.policy.ts';
import { presentOutboxList, presentOutboxMessage } from './outbox.presenter.ts';
import { listMemberAddresses } from './outbox.repo.ts';

// Every organisation's mail lands in one folder; an admin sees only mail to people who belong to
// their organisation and to no other (see listMemberAddresses for why).
async function listOwnMessages(ctx: AppContext, actor: OrgActor): Promise<OutboxMessage[]> {
  if (!canReadOutbox(actor.role)) {
    throw forbidden('Only an admin of this organisation may read its outbox.');
  }
  if (!ctx.mailer.usesOutbox) return [];
  const addresses = await listMemberAddresses(ctx.database.db, actor.orgId);
  const messages = await ctx.mailer.listOutbox();
  return messages.filter((message) => addresses.has(message.to.toLowerCase()));
}

/** Messages to people who belong to this organisation only, newest first (admins only). */
export async function listOutbox(ctx: AppContext, actor: OrgActor): Promise<OutboxList> {
  const messages = await listOwnMessages(ctx, actor);
  return presentOutboxList(ctx.mailer.usesOutbox, messages);
}

/** One stored message to a member of the organisation (admins only); 404 for any other. */
export async function getOutboxMessage(
  ctx: AppContext,
  actor: OrgActor,
  messageId: string,
): Promise<OutboxMessage> {
  const message = (await listOwnMessages(ctx, actor)).find((m) => m.id === messageId);
  if (!message) throw notFound('This message');
  return presentOutboxMessage(message);
}
