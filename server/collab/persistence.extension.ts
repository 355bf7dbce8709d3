// Loads documents from PostgreSQL and stores them by merging, then projects them into tables
// (docs/COLLAB_SPEC.md, P1–P5).
import type {
  afterStoreDocumentPayload,
  beforeUnloadDocumentPayload,
  Extension,
  onLoadDocumentPayload,
  onStoreDocumentPayload,
} from '@hocuspocus/server';
import type { Logger } from 'pino';
import * as Y from 'yjs';
import {
  activityConfig,
  activityKind,
  type ActivityKind,
} from '../../common/activities/registry.ts';
import { parseDocumentName } from '../../common/collab.ts';
import type { ServerActivityModule } from '../activities/registry.types.ts';
import type { Db } from '../db/client.ts';
import {
  projectKnowledgeBody,
  readInitialBodyState,
} from '../features/knowledge-collab/knowledge-collab.service.ts';
import {
  findActivity,
  loadDocumentState,
  loadOrCreateDocumentState,
  mergeDocumentState,
} from './collab.repo.ts';
import type { CollabContext } from './collab.types.ts';

/** After auth, limits and the write checks. */
export const PERSISTENCE_PRIORITY = 600;

// Applying what another server stored must not schedule yet another store of this document.
const STORED_ELSEWHERE = { source: 'local', skipStoreHooks: true } as const;

/** The least time between two projections of one document (P5). */
export const PROJECTION_INTERVAL_MS = 5000;

export interface Persistence {
  extension: Extension<CollabContext>;
  /** Runs every projection that is waiting for its interval, and waits for running ones. */
  flushProjections(): Promise<void>;
  /** Documents whose load failed; they are never stored (P4). */
  isPoisoned(document: Y.Doc): boolean;
}

/**
 * The persistence extension. P4: a document whose stored state cannot be loaded is marked and
 * refused, so an empty copy is never stored over real data. P3: a store merges the document
 * into what is stored, in a transaction, so two servers never overwrite each other's edits.
 * P5: after a store of an activity document, its kind's module projects it into tables, at most
 * every PROJECTION_INTERVAL_MS per document and always before the document unloads.
 */
export function createPersistence(deps: {
  db: Db;
  logger: Pick<Logger, 'error' | 'warn'>;
  moduleFor: (kind: ActivityKind) => ServerActivityModule;
  /** Tests shorten it; the default is PROJECTION_INTERVAL_MS. */
  projectionIntervalMs?: number;
}): Persistence {
  const poisoned = new WeakSet<Y.Doc>();
  const { db, logger } = deps;

  const extension: Extension<CollabContext> = {
    extensionName: 'stadshart-persistence',
    priority: PERSISTENCE_PRIORITY,
    async onLoadDocument(payload: onLoadDocumentPayload<CollabContext>) {
      try {
        const ref = parseDocumentName(payload.documentName);
        // B7: a knowledge body with nothing stored yet starts from the item's stored body.
        const state =
          ref?.kind === 'knowledge'
            ? await loadOrCreateDocumentState(
                db,
                { name: payload.documentName, knowledgeItemId: ref.itemId },
                () => readInitialBodyState(db, ref.itemId, logger),
              )
            : await loadDocumentState(db, payload.documentName);
        if (state) Y.applyUpdate(payload.document, state);
      } catch (error) {
        poisoned.add(payload.document);
        logger.error(
          { err: error, documentName: payload.documentName },
          'collab document could not be loaded',
        );
        throw error;
      }
    },
    async onStoreDocument(payload: onStoreDocumentPayload<CollabContext>) {
      const { document, documentName } = payload;
      if (poisoned.has(document) || document.isLoading) {
        throw new Error(`refusing to store ${documentName}: it was never loaded`);
      }
      const ref = parseDocumentName(documentName);
      if (!ref) throw new Error(`refusing to store ${documentName}: not a document of ours`);
      const merged = await mergeDocumentState(
        db,
        ref.kind === 'knowledge'
          ? { name: documentName, knowledgeItemId: ref.itemId }
          : { name: documentName, labId: ref.labId },
        Y.encodeStateAsUpdate(document),
      );
      // Bring in what another server stored meanwhile, so this server's clients see it too.
      Y.applyUpdate(document, merged, STORED_ELSEWHERE);
    },
    async afterStoreDocument(payload: afterStoreDocumentPayload<CollabContext>) {
      const kind = parseDocumentName(payload.documentName)?.kind;
      if (kind !== 'activity' && kind !== 'knowledge') return;
      await requestProjection(payload.documentName, payload.document);
    },
    async beforeUnloadDocument(payload: beforeUnloadDocumentPayload) {
      await projectNow(payload.documentName);
      lastProjected.delete(payload.documentName);
    },
  };

  // A projection rewrites all of an activity's rows. While a room writes, stores come every
  // second; projecting each of them would take time from relaying edits, and reports need the
  // rows seconds later, not at once. So a document is projected at once after a quiet spell,
  // otherwise at most every PROJECTION_INTERVAL_MS (trailing), and always before it unloads.
  const lastProjected = new Map<string, number>();
  const waiting = new Map<string, { timer: NodeJS.Timeout; document: Y.Doc }>();
  const running = new Map<string, Promise<void>>();
  const interval = deps.projectionIntervalMs ?? PROJECTION_INTERVAL_MS;

  async function requestProjection(documentName: string, document: Y.Doc): Promise<void> {
    const queued = waiting.get(documentName);
    if (queued) {
      queued.document = document;
      return;
    }
    const wait = (lastProjected.get(documentName) ?? 0) + interval - Date.now();
    if (wait <= 0) {
      await runProjection(documentName, document);
      return;
    }
    const timer = setTimeout(() => void projectNow(documentName), wait);
    timer.unref();
    waiting.set(documentName, { timer, document });
  }

  async function projectNow(documentName: string): Promise<void> {
    const queued = waiting.get(documentName);
    if (queued) {
      clearTimeout(queued.timer);
      waiting.delete(documentName);
      await runProjection(documentName, queued.document);
    } else {
      await running.get(documentName);
    }
  }

  async function runProjection(documentName: string, document: Y.Doc): Promise<void> {
    // One projection of a document at a time: the later one sees the later state.
    await running.get(documentName);
    lastProjected.set(documentName, Date.now());
    const run = project(documentName, document).finally(() => {
      if (running.get(documentName) === run) running.delete(documentName);
    });
    running.set(documentName, run);
    await run;
  }

  async function project(documentName: string, document: Y.Doc): Promise<void> {
    const ref = parseDocumentName(documentName);
    if (ref?.kind === 'knowledge') {
      try {
        // B8, B9: the body flows back into knowledge_items for search, pages and exports.
        await projectKnowledgeBody(db, ref.itemId, document, logger);
      } catch (error) {
        logger.error({ err: error, documentName }, 'projection failed');
      }
      return;
    }
    if (ref?.kind !== 'activity') return;
    try {
      const activity = await findActivity(db, ref.labId, ref.activityId);
      if (!activity) return;
      const kind = activityKind.safeParse(activity.kind);
      const config = activityConfig.safeParse(activity.config);
      if (!kind.success || !config.success || config.data.kind !== kind.data) {
        logger.warn({ documentName }, 'activity settings invalid; not projected');
        return;
      }
      await deps.moduleFor(kind.data).project(db, document, {
        labId: ref.labId,
        activityId: ref.activityId,
        config: config.data,
      });
    } catch (error) {
      // The document itself is stored; the next store projects again.
      logger.error({ err: error, documentName }, 'projection failed');
    }
  }

  async function flushProjections(): Promise<void> {
    await Promise.all([...waiting.keys()].map((name) => projectNow(name)));
    await Promise.all([...running.values()]);
  }

  return { extension, flushProjections, isPoisoned: (document) => poisoned.has(document) };
}
