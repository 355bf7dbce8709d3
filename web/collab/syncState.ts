// Where the person stands: everything saved, saving, or offline with changes waiting (pure, so it is tested alone).

export type SyncStateName = 'saved' | 'saving' | 'offline';

export interface SyncState {
  state: SyncStateName;
  /** Changes made in this browser that the server has not acknowledged yet. */
  pending: number;
}

export type SocketStatus = 'connecting' | 'connected' | 'disconnected';

export interface DocumentSyncInput {
  /** Local changes not yet acknowledged, counted across reloads (kept beside the IndexedDB copy). */
  pending: number;
  /** The provider's own count of updates sent but not yet acknowledged. */
  unsynced: number;
  /** True once the provider finished its handshake with the server on the current connection. */
  synced: boolean;
}

export interface SyncInputs {
  /** navigator.onLine */
  isOnline: boolean;
  socket: SocketStatus;
  /** True once a connection attempt failed or an open connection dropped (until the next open). */
  hasLostConnection: boolean;
  /** True when the connection was ended for good (removed, lab full, no access). */
  isStopped: boolean;
  documents: DocumentSyncInput[];
}

/** Derives the sync state shown on the page from the connection and its documents. */
export function deriveSyncState(inputs: SyncInputs): SyncState {
  const pending = inputs.documents.reduce((sum, doc) => sum + Math.max(0, doc.pending), 0);
  const isUnreachable =
    !inputs.isOnline ||
    inputs.isStopped ||
    inputs.socket === 'disconnected' ||
    (inputs.socket === 'connecting' && inputs.hasLostConnection);
  if (isUnreachable) return { state: 'offline', pending };
  const isBusy =
    inputs.socket !== 'connected' ||
    inputs.documents.some((doc) => !doc.synced || doc.unsynced > 0 || doc.pending > 0);
  return { state: isBusy ? 'saving' : 'saved', pending };
}
