// A root map of a live document as React state, re-rendered whenever anyone changes it.
import { useEffect, useState } from 'react';
import type * as Y from 'yjs';

function copyOf<T>(doc: Y.Doc | null, root: string): ReadonlyMap<string, T> {
  return doc ? new Map(doc.getMap<T>(root).entries()) : new Map<string, T>();
}

/**
 * Returns a copy of the root map `root` of `doc` (empty without a document), replaced after
 * every change, local or remote. Values are plain JSON (ADR 0002), so a shallow copy suffices.
 */
export function useYMap<T = unknown>(doc: Y.Doc | null, root: string): ReadonlyMap<string, T> {
  const [state, setState] = useState(() => ({ doc, root, value: copyOf<T>(doc, root) }));
  useEffect(() => {
    if (!doc) return;
    const map = doc.getMap<T>(root);
    const update = () => setState({ doc, root, value: copyOf<T>(doc, root) });
    update();
    map.observe(update);
    return () => map.unobserve(update);
  }, [doc, root]);
  // A new document or root shows its own content at once, not the previous one's for a render.
  return state.doc === doc && state.root === root ? state.value : copyOf<T>(doc, root);
}
