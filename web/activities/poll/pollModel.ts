// Pure rules of the poll screens: option keys from labels, bar shares and word-cloud sizes.
import { uniqueKeyFromText } from '../labelledKeys.ts';

const FALLBACK_KEY = 'optie';

/**
 * Makes a stable option key from a label ("Meer groen!" → "meer-groen"), different from every key
 * in `takenKeys` (a number is added when needed), within the 40 characters the schema allows.
 */
export function optionKeyFromLabel(label: string, takenKeys: Iterable<string>): string {
  const plain = label.normalize('NFD').replace(/\p{Diacritic}/gu, '');
  return uniqueKeyFromText(plain, takenKeys, FALLBACK_KEY);
}

/** A count as a whole percentage of `total` (0 when nobody answered yet). */
export function percentOf(count: number, total: number): number {
  return total > 0 ? Math.round((count / total) * 100) : 0;
}

/** How many size steps the word cloud has. */
export const WORD_LEVELS = 5;

/**
 * The size step (1 = smallest … WORD_LEVELS) of a word given `count` times when the most frequent
 * word was given `maxCount` times: a word given once is always smallest, the most frequent largest.
 */
export function wordLevel(count: number, maxCount: number): number {
  if (maxCount <= 1 || count <= 1) return 1;
  const share = (Math.min(count, maxCount) - 1) / (maxCount - 1);
  return 1 + Math.round(share * (WORD_LEVELS - 1));
}
