// A lab's start as the browser's <input type="datetime-local"> shows it, and back to an ISO timestamp.

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** Returns "YYYY-MM-DDTHH:mm" in the browser's time zone, or "" when there is no start yet. */
export function toLocalInput(iso: string | null): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/**
 * Turns the input's local value into an ISO timestamp; null for an empty field. A value the
 * browser could not read is passed on as typed, so the shared schema names the field.
 */
export function fromLocalInput(value: string): string | null {
  const trimmed = value.trim();
  if (trimmed === '') return null;
  const date = new Date(trimmed);
  return Number.isNaN(date.getTime()) ? trimmed : date.toISOString();
}
