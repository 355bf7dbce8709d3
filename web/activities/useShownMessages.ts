// Which messages a config form shows, and when: the rule the activity settings forms share.
import { useState } from 'react';

/**
 * Shows our own wording of a field's problem once the field was left, or in place of the agenda
 * editor's generic message when it reports the same field after a submit. `fieldOf` maps an
 * error's path to the field that shows it (e.g. `options.2.key` to `options.2.label`).
 */
export function useShownMessages(
  ownMessages: Readonly<Record<string, string>>,
  errors: Readonly<Record<string, string>>,
  fieldOf: (path: string) => string = (path) => path,
): { shown: Record<string, string>; touch: (field: string) => void } {
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const shown: Record<string, string> = {};
  for (const [field, message] of Object.entries(ownMessages)) {
    if (touched.has(field)) shown[field] = message;
  }
  for (const [path, message] of Object.entries(errors)) {
    const field = fieldOf(path);
    shown[field] = ownMessages[field] ?? message;
  }
  const touch = (field: string) => {
    if (!touched.has(field)) setTouched(new Set([...touched, field]));
  };
  return { shown, touch };
}
