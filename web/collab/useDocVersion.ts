// Re-renders a view whenever its live document changes, so views read the document directly.
import { useCallback, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';

const versions = new WeakMap<Y.Doc, number>();

/**
 * The document's version, counted from the first time a view reads it rather than from when the
 * view subscribes: an update that lands between the render and the subscription (the IndexedDB
 * copy loading, the server's first sync) must still change the version, or the view stays stale.
 */
function readVersion(doc: Y.Doc): number {
  const known = versions.get(doc);
  if (known !== undefined) return known;
  versions.set(doc, 0);
  doc.on('update', () => versions.set(doc, (versions.get(doc) ?? 0) + 1));
  return 0;
}

/**
 * Returns a number that changes after every change to `doc` (local or remote; -1 without a
 * document); use it as the dependency of whatever the view reads from the document.
 */
export function useDocVersion(doc: Y.Doc | null): number {
  const subscribe = useCallback(
    (onChange: () => void) => {
      if (!doc) return () => undefined;
      doc.on('update', onChange);
      return () => doc.off('update', onChange);
    },
    [doc],
  );
  return useSyncExternalStore(subscribe, () => (doc ? readVersion(doc) : -1));
}
