// How the trend scan's charts write numbers: one decimal, in the interface language.
import { formatNumber } from '../../../i18n/i18n.ts';

/** A mean or spread with one decimal ("3,5" in Dutch), or `missing` when there is none. */
export function formatScore(value: number | null, missing = '–'): string {
  if (value === null) return missing;
  return formatNumber(value, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
}
