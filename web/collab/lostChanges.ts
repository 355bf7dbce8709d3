// Which of this browser's changes the server does not have, by comparing the refused copy with the server's.
import { splitTouchedKey, type TouchedKey } from './pendingChanges.ts';

/** One change the server did not keep: what this browser had, and what the server has instead. */
export interface LostChange {
  root: string;
  key: string;
  /** The value this browser wrote (undefined when it deleted the key). */
  mine: unknown;
  /** The server's value (undefined when the server does not have the key). */
  server: unknown;
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Lists the touched keys whose value in this browser's copy (`mine`) differs from the server's
 * copy (`server`); keys nobody here touched are someone else's news, not a loss.
 */
export function findLostChanges(
  touched: readonly TouchedKey[],
  mine: (root: string, key: string) => unknown,
  server: (root: string, key: string) => unknown,
): LostChange[] {
  const lost: LostChange[] = [];
  for (const entry of touched) {
    const { root, key } = splitTouchedKey(entry);
    const mineValue = mine(root, key);
    const serverValue = server(root, key);
    if (!sameJson(mineValue, serverValue)) {
      lost.push({ root, key, mine: mineValue, server: serverValue });
    }
  }
  return lost;
}

/** A short human label for a lost change: the text of a note or answer when it has one, else null. */
export function lostChangeText(change: LostChange, maxLength = 60): string | null {
  const value = change.mine ?? change.server;
  if (typeof value !== 'object' || value === null) return null;
  const text = (value as { text?: unknown }).text;
  if (typeof text !== 'string' || text.trim() === '') return null;
  const clean = text.trim().replace(/\s+/g, ' ');
  return clean.length > maxLength ? `${clean.slice(0, maxLength - 1)}…` : clean;
}
