// Counts a document's changes the server has not acknowledged yet, across reloads, beside its IndexedDB copy.

/** The part of the Storage interface this needs (localStorage, or a Map in tests). */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
  readonly length: number;
  key(index: number): string | null;
}

/** One key of one root map that this browser changed, as `${root}\u0000${key}`. */
export type TouchedKey = string;

export interface PendingEntry {
  count: number;
  /** Which root-map keys the waiting changes touched (capped), to say later which were refused. */
  touched: TouchedKey[];
}

export interface PendingChanges {
  /** The local changes of `documentName` that wait for the server. */
  read(documentName: string): PendingEntry;
  /** Counts one more local change touching `keys`; returns the new count. */
  add(documentName: string, keys: TouchedKey[]): number;
  /** The server acknowledged everything (or the local copy was dropped). */
  clear(documentName: string): void;
  /** Names of documents starting with `prefix` that have changes waiting (e.g. after a reload). */
  listWaiting(prefix: string): string[];
}

/** How many touched keys are remembered per document; beyond that only the count grows. */
export const TOUCHED_KEYS_MAX = 200;

const storageKey = (documentName: string) => `stadshart.pending.${documentName}`;
const empty = (): PendingEntry => ({ count: 0, touched: [] });

/** Joins a root map's name and a key into one touched-key string. */
export function touchedKey(root: string, key: string): TouchedKey {
  return `${root}\u0000${key}`;
}

/** Splits a touched key into its root map and key. */
export function splitTouchedKey(value: TouchedKey): { root: string; key: string } {
  const at = value.indexOf('\u0000');
  return at < 0 ? { root: '', key: value } : { root: value.slice(0, at), key: value.slice(at + 1) };
}

function parseEntry(stored: string | null): PendingEntry {
  if (!stored) return empty();
  try {
    const value: unknown = JSON.parse(stored);
    if (typeof value !== 'object' || value === null) return empty();
    const { count, touched } = value as { count?: unknown; touched?: unknown };
    return {
      count: typeof count === 'number' && Number.isInteger(count) && count > 0 ? count : 0,
      touched: Array.isArray(touched)
        ? touched.filter((k): k is string => typeof k === 'string').slice(0, TOUCHED_KEYS_MAX)
        : [],
    };
  } catch {
    return empty();
  }
}

/**
 * Keeps the counts in `store` (localStorage), so a page reloaded while offline still says how
 * many changes IndexedDB holds that the server has not seen; a store that refuses writes
 * (private browsing) falls back to memory for this page's lifetime.
 */
export function createPendingChanges(store: KeyValueStore | null): PendingChanges {
  const memory = new Map<string, PendingEntry>();
  const read = (name: string): PendingEntry => {
    const known = memory.get(name);
    if (known) return known;
    let stored: string | null;
    try {
      stored = store?.getItem(storageKey(name)) ?? null;
    } catch {
      stored = null;
    }
    const entry = parseEntry(stored);
    memory.set(name, entry);
    return entry;
  };
  const write = (name: string, entry: PendingEntry) => {
    memory.set(name, entry);
    try {
      if (entry.count > 0) store?.setItem(storageKey(name), JSON.stringify(entry));
      else store?.removeItem(storageKey(name));
    } catch {
      // Memory keeps the count for this page; only a reload loses it.
    }
  };
  return {
    read,
    add(name, keys) {
      const current = read(name);
      const touched = [...current.touched];
      for (const key of keys) {
        if (touched.length >= TOUCHED_KEYS_MAX) break;
        if (!touched.includes(key)) touched.push(key);
      }
      const next = { count: current.count + 1, touched };
      write(name, next);
      return next.count;
    },
    clear(name) {
      if (read(name).count !== 0 || read(name).touched.length > 0) write(name, empty());
    },
    listWaiting(prefix) {
      const names = new Set<string>();
      for (const [name, entry] of memory) {
        if (name.startsWith(prefix) && entry.count > 0) names.add(name);
      }
      try {
        const keyPrefix = storageKey(prefix);
        for (let index = 0; store && index < store.length; index += 1) {
          const key = store.key(index);
          if (!key?.startsWith(keyPrefix)) continue;
          const name = key.slice(storageKey('').length);
          if (read(name).count > 0) names.add(name);
        }
      } catch {
        // A store that cannot be listed has nothing this page can use.
      }
      return [...names];
    },
  };
}
