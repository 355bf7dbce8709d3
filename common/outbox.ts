// Mail written to disk when no SMTP server is configured, as admins see it.
import { z } from 'zod';
import { isoDateTime } from './fields.ts';

export const outboxMessageSummary = z.object({
  id: z.string(),
  to: z.string(),
  subject: z.string(),
  createdAt: isoDateTime,
});
export type OutboxMessageSummary = z.infer<typeof outboxMessageSummary>;

export const outboxMessage = outboxMessageSummary.extend({ text: z.string() });
export type OutboxMessage = z.infer<typeof outboxMessage>;

export const outboxList = z.object({
  enabled: z.boolean().describe('False when mail goes out over SMTP and nothing is kept here'),
  messages: z.array(outboxMessageSummary),
});
export type OutboxList = z.infer<typeof outboxList>;

export const outboxMessageParams = z.object({
  orgSlug: z.string(),
  messageId: z.string().regex(/^[A-Za-z0-9_-]{1,80}$/),
});
