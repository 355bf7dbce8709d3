// What the HTTP app and the features are given to do their work; built once in main.ts or a test.
import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type * as Y from 'yjs';
import type { Config } from '../config.ts';
import type { Database } from '../db/client.ts';
import type { JobQueue } from '../jobs/queue.ts';
import type { Mailer } from '../mail/mailer.ts';

/** What the HTTP side may ask of the realtime side (server/collab/); absent in HTTP-only tests. */
export interface CollabControl {
  /** Closes every live connection of this participant with close code 4410 (removed). */
  disconnectParticipant(labId: string, participantId: string): void;
  /** Closes every live connection of the lab so clients reconnect with the lab's new access. */
  reconnectLab(labId: string): void;
  /**
   * The document as this server holds it now (with edits not stored yet), or null when it is
   * not loaded here; the HTTP side then reads the stored state. Optional for HTTP-only fakes.
   */
  liveDocument?(name: string): Y.Doc | null;
}

export interface AppContext {
  config: Config;
  database: Database;
  mailer: Mailer;
  /** Set once the collaboration server is attached (server/collab/collab.server.ts). */
  collab?: CollabControl;
  /** Background jobs (pg-boss); absent in tests that do not start them (createTestContext's `jobs`). */
  jobs?: JobQueue;
}

/** The Fastify instance every feature registers its routes on, typed by the zod schemas. */
export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;
