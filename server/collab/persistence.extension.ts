// Loads documents from PostgreSQL and stores them by merging, then projects them into tables
// (docs/COLLAB_SPEC.md, P1–P5).
import type {
  afterStoreDocumentPayload,
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
import { findActivity, loadDocumentState, mergeDocumentState } from './collab.repo.ts';
import type { CollabContext } from './collab.types.ts';

/** After auth, limits and the write checks. */
export const PERSISTENCE_PRIORITY = 600;

// Applying what another server stored must not schedule yet another store of this document.
const STORED_ELSEWHERE = { source: 'local', skipStoreHooks: true } as const;

export interface Persistence {
  extension: Extension<CollabContext>;
  /** Documents whose load failed; they are never stored (P4). */
  isPoisoned(document: Y.Doc): boolean;
}

/**
 * The persistence extension. P4: a document whose stored state cannot be loaded is marked and
 * refused, so an empty copy is never stored over real data. P3: a store merges the document
 * into what is stored, in a transaction, so two servers never overwrite each other's edits.
 * P5: after each store of an activity document, its kind's module projects it into tables.
 */
export function createPersistence(deps: {
  db: Db;
  logger: Pick<Logger, 'error' | 'warn'>;
  moduleFor: (kind: ActivityKind) => ServerActivityModule;
}): Persistence {
  const poisoned = new WeakSet<Y.Doc>();
  const { db, logger } = deps;

  const extension: Extension<CollabContext> = {
    extensionName: 'stadshart-persistence',
    priority: PERSISTENCE_PRIORITY,
    async onLoadDocument(payload: onLoadDocumentPayload<CollabContext>) {
      try {
        const state = await loadDocumentState(db, payload.documentName);
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
        { name: documentName, labId: ref.labId },
        Y.encodeStateAsUpdate(document),
      );
      // Bring in what another server stored meanwhile, so this server's clients see it too.
      Y.applyUpdate(document, merged, STORED_ELSEWHERE);
    },
    async afterStoreDocument(payload: afterStoreDocumentPayload<CollabContext>) {
      const ref = parseDocumentName(payload.documentName);
      if (ref?.kind !== 'activity') return;
      try {
        const activity = await findActivity(db, ref.labId, ref.activityId);
        if (!activity) return;
        const kind = activityKind.safeParse(activity.kind);
        const config = activityConfig.safeParse(activity.config);
        if (!kind.success || !config.success || config.data.kind !== kind.data) {
          logger.warn(
            { documentName: payload.documentName },
            'activity settings invalid; not projected',
          );
          return;
        }
        await deps.moduleFor(kind.data).project(db, payload.document, {
          labId: ref.labId,
          activityId: ref.activityId,
          config: config.data,
        });
      } catch (error) {
        // The document itself is stored; the next store projects again.
        logger.error({ err: error, documentName: payload.documentName }, 'projection failed');
      }
    },
  };

  return { extension, isPoisoned: (document) => poisoned.has(document) };
}
