// What leaves the server about stored mail.
import type { OutboxList, OutboxMessage, OutboxMessageSummary } from '../../../common/outbox.ts';

/** One message in the list, without its text. */
export function presentOutboxSummary(message: OutboxMessage): OutboxMessageSummary {
  return {
    id: message.id,
    to: message.to,
    subject: message.subject,
    createdAt: message.createdAt,
  };
}

/** The list of messages; `enabled` says whether the outbox is in use at all. */
export function presentOutboxList(enabled: boolean, messages: OutboxMessage[]): OutboxList {
  return { enabled, messages: messages.map(presentOutboxSummary) };
}

/** One message with its text. */
export function presentOutboxMessage(message: OutboxMessage): OutboxMessage {
  return { ...presentOutboxSummary(message), text: message.text };
}
