// Judges every incoming write before Yjs applies it (ADR 0002; docs/COLLAB_SPEC.md, U1–U6, C1–C2,
// L4 and the per-kind rules W1–W25, V10 and on).
import type { beforeHandleMessagePayload, Extension, Hocuspocus } from '@hocuspocus/server';
import * as Y from 'yjs';
import {
  activityState,
  CONTROL_ROOT,
  CURRENT_KEY,
  defaultActivityState,
  SPOTLIGHT_KEY,
  spotlightValue,
  TIMER_KEY,
  timerValue,
  type ActivityState,
} from '../../common/activities/control.ts';
import { readControl } from '../../common/activities/control.doc.ts';
import {
  activityConfig,
  activityKind,
  type ActivityConfig,
  type ActivityKind,
} from '../../common/activities/registry.ts';
import { closeCodes, controlDocumentName, type ServerStateless } from '../../common/collab.ts';
import type {
  DocumentChange,
  ServerActivityModule,
  WriteVerdict,
} from '../activities/registry.types.ts';
import { KNOWLEDGE_BODY_ROOT } from '../../common/knowledgeBody.ts';
import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import { judgeBodyWrite } from '../features/knowledge-collab/knowledge-collab.rules.ts';
import {
  readKnowledgeWriteAccess,
  type KnowledgeEditor,
} from '../features/knowledge-collab/knowledge-collab.service.ts';
import { findActivity, loadDocumentState } from './collab.repo.ts';
import { CollabRefusal, participantOf, type CollabContext } from './collab.types.ts';
import { readSyncPayload, syncSteps } from './frames.ts';
import { decodeChanges } from './writes.ts';

/** After auth and limits, before persistence. */
export const WRITES_PRIORITY = 700;

/** How long an activity's settings are trusted before they are read again. */
export const ACTIVITY_CACHE_MS = 5000;

const MINUTE_MS = 60_000;

/**
 * A catch-up after a reconnect (sync step 2) may bring what a person wrote offline; it is
 * refused only beyond this many times the per-minute limit, so ten offline minutes at the
 * allowed pace always sync.
 */
export const CATCH_UP_FACTOR = 10;

interface ActivityInfo {
  kind: ActivityKind;
  config: ActivityConfig;
  anonymous: boolean;
}

/** A sliding one-minute window per person, in memory (per server). */
export class NoteRateLimiter {
  private readonly stamps = new Map<string, number[]>();
  private readonly perMinute: number;
  constructor(perMinute: number) {
    this.perMinute = perMinute;
  }

  /** Records `count` new items for the person unless that would exceed `perMinute × factor`. */
  tryTake(personId: string, count: number, now: number, factor = 1): boolean {
    const recent = (this.stamps.get(personId) ?? []).filter((at) => now - at < MINUTE_MS);
    if (recent.length + count > this.perMinute * factor) {
      this.stamps.set(personId, recent);
      return false;
    }
    for (let i = 0; i < count; i += 1) recent.push(now);
    this.stamps.set(personId, recent);
    return true;
  }

  /** Forgets people whose window is empty, so the map does not grow for ever. */
  prune(now: number): void {
    for (const [personId, stamps] of this.stamps) {
      if (stamps.every((at) => now - at >= MINUTE_MS)) this.stamps.delete(personId);
    }
  }
}

const controlValueSchemas: Record<string, { safeParse(value: unknown): { success: boolean } }> = {
  [TIMER_KEY]: timerValue.nullable(),
  [SPOTLIGHT_KEY]: spotlightValue.nullable(),
};

/** C2: what facilitators write to the control document must fit common/activities/control.ts. */
export function checkControlChanges(changes: readonly DocumentChange[]): WriteVerdict {
  for (const change of changes) {
    if (change.op === 'free' || change.root !== CONTROL_ROOT) {
      return { ok: false, reason: `root ${change.root}` };
    }
    if (change.op === 'delete') continue;
    const { key, value } = change;
    if (key === CURRENT_KEY) {
      if (value !== null && typeof value !== 'string') return { ok: false, reason: 'current' };
    } else if (key.startsWith('activity:')) {
      if (!activityState.safeParse(value).success) return { ok: false, reason: `${key} state` };
    } else {
      const schema = controlValueSchemas[key];
      if (!schema) return { ok: false, reason: `unknown control key ${key}` };
      if (!schema.safeParse(value).success) return { ok: false, reason: `${key} value` };
    }
  }
  return { ok: true };
}

/**
 * The writes extension: decodes each incoming update into root-map key changes and refuses it
 * (document closed with 4403, 4422 or 4430, after a Stateless `rejected` message on that
 * document) when the connection is read-only, the update is not plain root-map JSON, the kind's
 * module says no, or the person writes more notes than NOTES_PER_MINUTE allows.
 */
export function createWritesExtension(deps: {
  db: Db;
  config: Pick<Config, 'NOTE_MAX_LENGTH' | 'NOTES_PER_MINUTE'>;
  hocuspocus: () => Hocuspocus<CollabContext>;
  moduleFor: (kind: ActivityKind) => ServerActivityModule;
  logger: { info(object: object, message: string): void };
}): Extension<CollabContext> {
  const limiter = new NoteRateLimiter(deps.config.NOTES_PER_MINUTE);
  const activities = new Map<string, { info: ActivityInfo | null; readAt: number }>();
  let lastPrune = Date.now();

  const readActivity = async (labId: string, activityId: string): Promise<ActivityInfo | null> => {
    const now = Date.now();
    const cached = activities.get(activityId);
    if (cached && now - cached.readAt < ACTIVITY_CACHE_MS) return cached.info;
    const row = await findActivity(deps.db, labId, activityId);
    const kind = activityKind.safeParse(row?.kind);
    const config = activityConfig.safeParse(row?.config);
    const info =
      row && kind.success && config.success && config.data.kind === kind.data
        ? { kind: kind.data, config: config.data, anonymous: row.labAnonymous }
        : null;
    activities.set(activityId, { info, readAt: now });
    return info;
  };

  // B5: whether a knowledge body's editor may still write it; the item's status may change
  // while they are connected (submitted, published), so it is read again after a few seconds.
  const knowledgeAccess = new Map<string, { access: 'write' | 'read' | 'gone'; readAt: number }>();
  const readKnowledgeAccess = async (
    editor: KnowledgeEditor,
  ): Promise<'write' | 'read' | 'gone'> => {
    const key = `${editor.itemId}|${editor.userId}`;
    const now = Date.now();
    const cached = knowledgeAccess.get(key);
    if (cached && now - cached.readAt < ACTIVITY_CACHE_MS) return cached.access;
    const access = await readKnowledgeWriteAccess(deps.db, editor);
    if (knowledgeAccess.size > 10_000) knowledgeAccess.clear();
    knowledgeAccess.set(key, { access, readAt: now });
    return access;
  };

  // The control document as this server holds it, else as stored: without Redis no other
  // server's unsaved copy is reachable anyway.
  const readState = async (labId: string, activityId: string): Promise<ActivityState> => {
    const loaded = deps.hocuspocus().documents.get(controlDocumentName(labId));
    if (loaded && !loaded.isLoading) return readControl(loaded).activityState(activityId);
    const stored = await loadDocumentState(deps.db, controlDocumentName(labId));
    if (!stored) return defaultActivityState;
    const doc = new Y.Doc();
    try {
      Y.applyUpdate(doc, stored);
      return readControl(doc).activityState(activityId);
    } finally {
      doc.destroy();
    }
  };

  return {
    extensionName: 'stadshart-writes',
    priority: WRITES_PRIORITY,
    async beforeHandleMessage(payload: beforeHandleMessagePayload<CollabContext>) {
      const sync = readSyncPayload(payload.update);
      if (!sync?.update) return;
      const { document, connection } = payload;
      const editor = payload.context.knowledge;
      if (editor) {
        // B5, B6: a knowledge item's body. A sync without changes (the catch-up on connecting)
        // needs no access check; a write reads the access first and is then decoded again, so
        // the judging runs without a pause on the document as Hocuspocus applies the update.
        const roots = [KNOWLEDGE_BODY_ROOT];
        const first = decodeChanges(document, sync.update, [], roots);
        if (first.ok && first.changes.length === 0) return;
        const access = first.ok ? await readKnowledgeAccess(editor) : 'read';
        const decoded = first.ok ? decodeChanges(document, sync.update, [], roots) : first;
        const verdict = decoded.ok
          ? judgeBodyWrite(decoded.changes, {
              isReadOnly: connection.readOnly,
              access,
              doc: document,
            })
          : ({ ok: false, code: closeCodes.rejected, reason: decoded.reason } as const);
        if (verdict.ok) return;
        const refusal = new CollabRefusal(verdict.code, verdict.reason);
        const message: ServerStateless = {
          type: 'rejected',
          documentName: payload.documentName,
          reason: refusal.reason,
        };
        connection.sendStateless(JSON.stringify(message));
        deps.logger.info(
          { documentName: payload.documentName, userId: editor.userId, code: verdict.code },
          `collab write refused: ${verdict.reason}`,
        );
        throw refusal;
      }
      const who = participantOf(payload.context);
      const ref = who.ref;

      const refuse = (code: 4403 | 4404 | 4422 | 4430, reason: string): never => {
        const refusal = new CollabRefusal(code, reason);
        const message: ServerStateless = {
          type: 'rejected',
          documentName: payload.documentName,
          reason: refusal.reason,
        };
        connection.sendStateless(JSON.stringify(message));
        deps.logger.info(
          { documentName: payload.documentName, participantId: who.participantId, code },
          `collab write refused: ${reason}`,
        );
        throw refusal;
      };

      // Everything that needs the database first; the judging below runs without a pause, on
      // the document exactly as it is when Hocuspocus applies the update right after.
      let activity: ActivityInfo | null = null;
      let state: ActivityState = defaultActivityState;
      if (ref.kind === 'activity') {
        activity = await readActivity(ref.labId, ref.activityId);
        if (!activity) return refuse(closeCodes.notFound, 'the activity is gone or invalid');
        state = await readState(ref.labId, ref.activityId);
      }

      const module = activity ? deps.moduleFor(activity.kind) : null;
      const roots = module ? module.roots : [CONTROL_ROOT];
      const decoded = decodeChanges(document, sync.update, roots, module?.freeRoots ?? []);
      if (!decoded.ok) return refuse(closeCodes.rejected, decoded.reason);
      const changes = decoded.changes;
      if (changes.length === 0) return;
      if (connection.readOnly) return refuse(closeCodes.forbidden, 'this connection is read-only');

      const isFacilitator = who.role === 'facilitator';
      if (!module || !activity || ref.kind !== 'activity') {
        if (!isFacilitator) return refuse(closeCodes.forbidden, 'only facilitators steer the lab');
        const verdict = checkControlChanges(changes);
        if (!verdict.ok) return refuse(closeCodes.rejected, verdict.reason);
        return;
      }

      const verdict = module.checkChanges(changes, {
        participantId: who.participantId,
        displayName: who.displayName,
        isFacilitator,
        labId: who.labId,
        anonymous: activity.anonymous,
        activityId: ref.activityId,
        config: activity.config,
        state,
        doc: document,
        limits: { noteMaxLength: deps.config.NOTE_MAX_LENGTH },
      });
      if (!verdict.ok) return refuse(verdict.code ?? closeCodes.rejected, verdict.reason);

      const created = module.countCreated(changes);
      // Facilitators prepare and tidy canvases; the limit guards against floods by participants.
      if (created > 0 && !isFacilitator) {
        const now = Date.now();
        if (now - lastPrune > MINUTE_MS) {
          limiter.prune(now);
          lastPrune = now;
        }
        const factor = sync.step === syncSteps.step2 ? CATCH_UP_FACTOR : 1;
        if (!limiter.tryTake(who.participantId, created, now, factor)) {
          return refuse(
            closeCodes.rateLimited,
            `more than ${deps.config.NOTES_PER_MINUTE} notes per minute`,
          );
        }
      }
    },
  };
}
