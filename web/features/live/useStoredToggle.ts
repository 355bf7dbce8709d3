// A yes/no choice the person makes once and this browser remembers (sound off, live announcements).
import { useCallback, useState } from 'react';

function readStored(key: string, fallback: boolean): boolean {
  try {
    const stored = window.localStorage.getItem(key);
    return stored === null ? fallback : stored === 'on';
  } catch {
    return fallback;
  }
}

/** Returns the remembered choice under `key` (else `fallback`) and a setter that remembers it. */
export function useStoredToggle(
  key: string,
  fallback: boolean,
): [boolean, (next: boolean) => void] {
  const [value, setValue] = useState(() => readStored(key, fallback));
  const update = useCallback(
    (next: boolean) => {
      setValue(next);
      try {
        window.localStorage.setItem(key, next ? 'on' : 'off');
      } catch {
        // Private browsing may refuse storage; the choice then lasts for this page only.
      }
    },
    [key],
  );
  return [value, update];
}
