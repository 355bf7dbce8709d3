// A root map of a live document as React state, re-rendered whenever anyone changes it.
import { useMemo } from 'react';
import type * as Y from 'yjs';
import { useDocVersion } from './useDocVersion.ts';

/**
 * Returns a copy of the root map `root` of `doc` (empty without a document), replaced after
 * every change, local or remote. Values are plain JSON (ADR 0002), so a shallow copy suffices.
 */
export function useYMap<T = unknown>(doc: Y.Doc | null, root: string): ReadonlyMap<string, T> {
  const version = useDocVersion(doc);
  return useMemo(
    () => (doc ? new Map(doc.getMap<T>(root).entries()) : new Map<string, T>()),
    // The version is what changes when the map does; the map object itself stays the same.
    [doc, root, version],
  );
}
