// Keys made from labels for the editable lists of a config form (poll options, positioning
// programmes): a key is stable once saved, since answers and verdicts refer to it. Pure.

const KEY_MAX = 40;

/**
 * Makes a key from a label already stripped of accents ("meer groen!" → "meer-groen"), different
 * from every key in `takenKeys` (a number is added when needed), within the 40 characters the
 * schemas allow; `fallback` stands in when the label has no letters or digits.
 */
export function uniqueKeyFromText(
  text: string,
  takenKeys: Iterable<string>,
  fallback: string,
): string {
  const taken = new Set(takenKeys);
  const base =
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, KEY_MAX)
      .replace(/-+$/, '') || fallback;
  if (!taken.has(base)) return base;
  for (let n = 2; ; n += 1) {
    const suffix = `-${n}`;
    const candidate = `${base.slice(0, KEY_MAX - suffix.length).replace(/-+$/, '')}${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** One row of an editable list: a key the rest of the activity refers to, and its label. */
export interface KeyedLabel {
  key: string;
  label: string;
}

/** Makes a key from a label, unique among `takenKeys`. */
export type KeyFromLabel = (label: string, takenKeys: Iterable<string>) => string;

/**
 * Returns the items with row `index` relabelled; its key follows the label unless the key was
 * already saved (`savedKeys`), so nothing that refers to a saved key loses it.
 */
export function relabel(
  items: readonly KeyedLabel[],
  index: number,
  label: string,
  savedKeys: ReadonlySet<string>,
  keyFromLabel: KeyFromLabel,
): KeyedLabel[] {
  return items.map((item, i) => {
    if (i !== index) return item;
    const others = items.filter((_, j) => j !== index).map((other) => other.key);
    const key = savedKeys.has(item.key) ? item.key : keyFromLabel(label, others);
    return { key, label };
  });
}

/** Returns the items with an empty row added at the end, under a fresh key. */
export function appendEmpty(
  items: readonly KeyedLabel[],
  keyFromLabel: KeyFromLabel,
): KeyedLabel[] {
  const key = keyFromLabel(
    '',
    items.map((item) => item.key),
  );
  return [...items, { key, label: '' }];
}
