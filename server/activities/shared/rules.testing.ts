// Test support for the kinds' write rules: changes as the collaboration server decodes them from
// an update, made by hand or recorded while a document helper writes.
import * as Y from 'yjs';
import type { MapChange } from '../registry.types.ts';

/** Returns the change that sets `key` of `root`, with what the document holds there now. */
export function setChange(doc: Y.Doc, root: string, key: string, value: unknown): MapChange {
  return { op: 'set', root, key, value, previous: doc.getMap<unknown>(root).get(key) };
}

/** Returns the change that deletes `key` of `root`, with what the document holds there now. */
export function deleteChange(doc: Y.Doc, root: string, key: string): MapChange {
  return { op: 'delete', root, key, previous: doc.getMap<unknown>(root).get(key) };
}

/** Applies changes to a document in one transaction, as an accepted update would. */
export function apply(doc: Y.Doc, changes: readonly MapChange[]): void {
  doc.transact(() => {
    for (const c of changes) {
      if (c.op === 'set') doc.getMap<unknown>(c.root).set(c.key, c.value);
      else doc.getMap<unknown>(c.root).delete(c.key);
    }
  });
}

/**
 * Runs `work` on `doc` and returns the changes it made to `roots`, in the order made, with a copy
 * of the document from before: what a kind's rules judge when a client sends that work.
 */
export function recordChanges(
  doc: Y.Doc,
  roots: readonly string[],
  work: () => void,
): { before: Y.Doc; changes: MapChange[] } {
  const before = new Y.Doc();
  Y.applyUpdate(before, Y.encodeStateAsUpdate(doc));
  const changes: MapChange[] = [];
  const stops = roots.map((root) => {
    const map = doc.getMap<unknown>(root);
    const observer = (event: Y.YMapEvent<unknown>) => {
      for (const [key, { action, oldValue }] of event.changes.keys) {
        changes.push(
          action === 'delete'
            ? { op: 'delete', root, key, previous: oldValue }
            : { op: 'set', root, key, value: map.get(key), previous: oldValue },
        );
      }
    };
    map.observe(observer);
    return () => map.unobserve(observer);
  });
  work();
  for (const stop of stops) stop();
  return { before, changes };
}
