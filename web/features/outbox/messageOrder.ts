// The order in which the outbox lists kept mail.
import type { OutboxMessageSummary } from '../../../common/outbox.ts';

/** Returns the messages newest first, whatever order the server sent them in. */
export function newestFirst<T extends Pick<OutboxMessageSummary, 'createdAt'>>(
  messages: readonly T[],
): T[] {
  return [...messages].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
}
