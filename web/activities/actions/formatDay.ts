// Calendar dates (YYYY-MM-DD) in the interface language, without a time zone shifting the day.
import { formatDateTime } from '../../i18n/i18n.ts';

/** Formats a YYYY-MM-DD date as the current language writes a day, e.g. "31 maart 2030". */
export function formatDay(isoDay: string): string {
  return formatDateTime(`${isoDay}T00:00:00Z`, { dateStyle: 'long', timeZone: 'UTC' });
}
