// Who is here, told on the lab's control document at a pace a thousand phones can take
// (docs/COLLAB_SPEC.md, S1–S2).
import type { connectedPayload, Extension, Hocuspocus } from '@hocuspocus/server';
import {
  collabDefaults,
  controlDocumentName,
  parseDocumentName,
  type ServerStateless,
} from '../../common/collab.ts';
import type { CollabContext } from './collab.types.ts';
import type { LabRoster } from './roster.ts';

export interface Presence {
  extension: Extension<CollabContext>;
  /** Sends presence for every lab that changed since the last call. */
  broadcastChanged(): void;
  start(): void;
  stop(): void;
}

/**
 * The presence extension: at most once per interval, and only when it changed, everyone on a
 * lab's control document gets `{type: 'presence', count}` as a Stateless message; facilitators
 * also get `people`. Participants' awareness is not used for this (clients should not send it).
 */
export function createPresence(deps: {
  hocuspocus: () => Hocuspocus<CollabContext>;
  roster: LabRoster;
  intervalMs?: number;
}): Presence {
  let timer: NodeJS.Timeout | null = null;

  const broadcastChanged = () => {
    for (const labId of deps.roster.takeChangedLabs()) {
      const document = deps.hocuspocus().documents.get(controlDocumentName(labId));
      if (!document) continue;
      const count = deps.roster.countPeople(labId);
      const forEveryone: ServerStateless = { type: 'presence', count };
      const forFacilitators: ServerStateless = {
        type: 'presence',
        count,
        people: deps.roster.listPeople(labId),
      };
      const everyonePayload = JSON.stringify(forEveryone);
      const facilitatorPayload = JSON.stringify(forFacilitators);
      for (const connection of document.getConnections()) {
        const context = connection.context as CollabContext;
        connection.sendStateless(
          context.role === 'facilitator' ? facilitatorPayload : everyonePayload,
        );
      }
    }
  };

  return {
    extension: {
      extensionName: 'stadshart-presence',
      connected(payload: connectedPayload<CollabContext>) {
        // A newcomer to the control document hears the count at the next tick, even when the
        // number of people did not change (they may have been connected to an activity only).
        const ref = parseDocumentName(payload.documentName);
        if (ref?.kind === 'control') deps.roster.markChanged(ref.labId);
        return Promise.resolve();
      },
    },
    broadcastChanged,
    start() {
      if (timer) return;
      timer = setInterval(broadcastChanged, deps.intervalMs ?? collabDefaults.presenceIntervalMs);
      timer.unref();
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = null;
    },
  };
}
