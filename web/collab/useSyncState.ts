// Where the person stands with their changes: saved, saving, or offline with a count.
import type { LabConnection } from './labConnection.ts';
import type { SyncState } from './syncState.ts';
import { useConnectionSnapshot } from './useLabConnection.ts';

const beforeConnecting: SyncState = { state: 'saving', pending: 0 };

/** The lab connection's sync state; "saving" until the connection exists. */
export function useSyncState(connection: LabConnection | null): SyncState {
  return useConnectionSnapshot(connection)?.sync ?? beforeConnecting;
}
