// Ends the connections of people who may no longer be there (docs/COLLAB_SPEC.md, V1–V3).
import type { Logger } from 'pino';
import { closeCodes } from '../../common/collab.ts';
import type { Db } from '../db/client.ts';
import type { CollabControl } from '../http/context.ts';
import { findGoneParticipants, findLabStatuses } from './collab.repo.ts';
import type { SocketHandle } from './collab.types.ts';
import type { LabRoster } from './roster.ts';

/** How often the database is asked who was removed or which lab changed, on any server: often
 * enough that a removal on another server takes effect within five seconds (V2). */
export const REVOCATION_SWEEP_MS = 4000;

export interface Revocation {
  control: CollabControl;
  /** Asks the database once and closes what must go; resolves when done. */
  sweep(): Promise<void>;
  start(): void;
  stop(): void;
}

function uniqueSockets(sockets: SocketHandle[]): SocketHandle[] {
  return [...new Map(sockets.map((socket) => [socket.id, socket])).values()];
}

/**
 * The revocation extension: V1 disconnectParticipant closes every socket of that person in the
 * lab at once with 4410; V2 a sweep every few seconds closes the sockets of people removed on
 * any server, and of labs that were closed or moved back to draft elsewhere (4409); V3
 * reconnectLab closes all of a lab's sockets with 4409 so clients come back with their new access.
 */
export function createRevocation(deps: {
  db: Db;
  roster: LabRoster;
  logger: Pick<Logger, 'info' | 'warn'>;
  sweepIntervalMs?: number;
}): Revocation {
  const { roster, logger } = deps;
  let timer: NodeJS.Timeout | null = null;
  let isSweeping = false;

  const closeSockets = (sockets: SocketHandle[], code: 4410 | 4409, reason: string) => {
    for (const socket of uniqueSockets(sockets)) {
      socket.close(code, reason);
      // Forget them now: the close handshake may take a while, and they count no longer.
      roster.releaseSocket(socket.id);
    }
  };

  const control: CollabControl = {
    disconnectParticipant(labId, participantId) {
      const sockets = roster.entriesOf(labId, participantId).map((entry) => entry.socket);
      if (sockets.length > 0) logger.info({ labId, participantId }, 'participant disconnected');
      closeSockets(sockets, closeCodes.removed, 'removed from this lab');
    },
    reconnectLab(labId) {
      const sockets = roster.entriesOf(labId).map((entry) => entry.socket);
      if (sockets.length > 0) logger.info({ labId }, 'lab reconnected');
      closeSockets(sockets, closeCodes.labChanged, 'the lab changed; reconnect');
    },
  };

  const sweep = async () => {
    const byLab = roster.peopleByLab();
    if (byLab.size === 0) return;
    const everyone = [...byLab.values()].flat();
    const [gone, statuses] = await Promise.all([
      findGoneParticipants(deps.db, everyone),
      findLabStatuses(deps.db, [...byLab.keys()]),
    ]);
    for (const [labId, people] of byLab) {
      for (const participantId of people) {
        if (gone.has(participantId)) control.disconnectParticipant(labId, participantId);
      }
      const status = statuses.get(labId);
      const entries = roster.entriesOf(labId);
      if (status === undefined || status === 'closed') {
        // A closed (or deleted) lab must have no connection left that may write.
        if (entries.some((entry) => !entry.readOnly)) control.reconnectLab(labId);
      } else if (status === 'draft') {
        const participants = entries.filter((entry) => entry.role !== 'facilitator');
        closeSockets(
          participants.map((entry) => entry.socket),
          closeCodes.labChanged,
          'the lab is not open',
        );
      }
    }
  };

  return {
    control,
    sweep,
    start() {
      if (timer) return;
      timer = setInterval(() => {
        if (isSweeping) return;
        isSweeping = true;
        sweep()
          .catch((error: unknown) => logger.warn({ err: error }, 'revocation sweep failed'))
          .finally(() => {
            isSweeping = false;
          });
      }, deps.sweepIntervalMs ?? REVOCATION_SWEEP_MS);
      timer.unref();
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = null;
    },
  };
}
