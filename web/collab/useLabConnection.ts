// React access to a lab's live connection: one per lab page, its state, and the documents it opens.
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { CollabToken } from '../../common/labs.ts';
import {
  LabConnection,
  type DocumentSnapshot,
  type LabConnectionSnapshot,
} from './labConnection.ts';

/**
 * Opens the lab's connection while the component is mounted (null until `labId` is known and
 * `isReady`); `firstToken` is used for the first connection so the token endpoint is asked once.
 */
export function useLabConnection(
  labId: string | null,
  isReady: boolean,
  firstToken: CollabToken | null,
): LabConnection | null {
  const [connection, setConnection] = useState<LabConnection | null>(null);
  // The token only primes the first connection; a new token must not rebuild the connection.
  const tokenRef = useRef(firstToken);
  tokenRef.current = firstToken;
  useEffect(() => {
    if (!labId || !isReady) return;
    const created = new LabConnection({ labId });
    if (tokenRef.current) created.primeToken(tokenRef.current);
    created.start();
    setConnection(created);
    return () => {
      created.destroy();
      setConnection(null);
    };
  }, [labId, isReady]);
  return connection;
}

const noSubscription = () => () => undefined;
const noSnapshot = () => null;

/** The connection's current state, re-rendering on every change; null without a connection. */
export function useConnectionSnapshot(
  connection: LabConnection | null,
): LabConnectionSnapshot | null {
  return useSyncExternalStore(
    connection ? connection.subscribe : noSubscription,
    connection ? connection.getSnapshot : noSnapshot,
  );
}

/**
 * Keeps `documentName` open while the component is mounted and returns its live document (a new
 * one after the server's copy replaced a refused local copy); null while there is none.
 */
export function useLabDocument(
  connection: LabConnection | null,
  documentName: string | null,
): DocumentSnapshot | null {
  useEffect(() => {
    if (!connection || !documentName) return;
    return connection.acquire(documentName);
  }, [connection, documentName]);
  const select = useCallback(
    (snapshot: LabConnectionSnapshot | null) =>
      documentName ? (snapshot?.documents[documentName] ?? null) : null,
    [documentName],
  );
  return select(useConnectionSnapshot(connection));
}
