// A text field that many people write together: local while typing, written to the document after a pause.
import { useCallback, useEffect, useRef, useState } from 'react';

/** How long typing must pause before the text is written to the shared document. */
const WRITE_DELAY_MS = 600;

export interface SharedText {
  draft: string;
  /** True when the draft is longer than allowed; it is then not written. */
  isTooLong: boolean;
  change: (next: string) => void;
  onFocus: () => void;
  /** Writes what is pending at once (leaving the field should not wait for the pause). */
  onBlur: () => void;
}

/**
 * Follows `value` from the shared document while the person is not editing, keeps their draft
 * while they are, and hands every draft that fits within `max` characters to `write` once typing
 * pauses or the field is left. Writes still pending when the view goes away are made then.
 */
export function useSharedText(
  value: string,
  max: number,
  write: (text: string) => void,
): SharedText {
  const [draft, setDraft] = useState(value);
  const isFocused = useRef(false);
  const pending = useRef<{ timer: ReturnType<typeof setTimeout>; text: string } | null>(null);
  const writeRef = useRef(write);
  writeRef.current = write;
  const valueRef = useRef(value);
  valueRef.current = value;

  const flush = useCallback(() => {
    const current = pending.current;
    if (!current) return;
    clearTimeout(current.timer);
    pending.current = null;
    writeRef.current(current.text);
  }, []);

  // Someone else's edit shows up unless this person is in the middle of their own.
  useEffect(() => {
    if (!isFocused.current && !pending.current) setDraft(value);
  }, [value]);

  useEffect(() => flush, [flush]);

  return {
    draft,
    isTooLong: draft.length > max,
    change(next) {
      setDraft(next);
      if (pending.current) clearTimeout(pending.current.timer);
      pending.current = null;
      if (next.length > max) return;
      pending.current = { text: next, timer: setTimeout(flush, WRITE_DELAY_MS) };
    },
    onFocus() {
      isFocused.current = true;
    },
    onBlur() {
      isFocused.current = false;
      if (pending.current) flush();
      // Nothing of this person's own is on its way: show what the room wrote meanwhile.
      else if (draft.length <= max) setDraft(valueRef.current);
    },
  };
}
