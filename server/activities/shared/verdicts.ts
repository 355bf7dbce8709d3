// Small pieces every kind's write rules use to judge an update. Pure: no database, no clock.
import type * as Y from 'yjs';
import type { MapChange, WriteVerdict } from '../registry.types.ts';

/** The verdict of a write that breaks no rule. */
export const ACCEPTED: WriteVerdict = { ok: true };

/** Returns the verdict that refuses a write, with a short reason for the close frame. */
export function refuse(reason: string): WriteVerdict {
  return { ok: false, reason };
}

/** True when the raw value holds no keys beyond what its schema kept (zod strips unknown keys). */
export function hasOnlyKnownKeys(raw: unknown, parsed: object): boolean {
  return (
    typeof raw === 'object' &&
    raw !== null &&
    Object.keys(raw).every((k) => Object.hasOwn(parsed, k))
  );
}

/** Returns a root map's entries as they stand once the update's changes are applied in order. */
export function entriesAfter(
  doc: Y.Doc,
  root: string,
  changes: readonly MapChange[],
): Map<string, unknown> {
  const entries = new Map<string, unknown>(doc.getMap<unknown>(root).entries());
  for (const change of changes) {
    if (change.root !== root) continue;
    if (change.op === 'set') entries.set(change.key, change.value);
    else entries.delete(change.key);
  }
  return entries;
}
