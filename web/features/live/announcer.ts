// Polite screen-reader announcements for a busy room: at most one message per interval, the rest merged.

export interface AnnouncerOptions {
  /** Says the message (writes it into the aria-live region). */
  emit: (message: string) => void;
  /** Minimum time between two messages. */
  intervalMs?: number;
  /** How many queued messages are said together before the rest are only counted. */
  maxMerged?: number;
  /** Says how many more messages were left out, e.g. "and 4 more changes". */
  describeMore?: (count: number) => string;
  now?: () => number;
  setTimer?: (run: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
}

export interface Announcer {
  /** Queues `message`; said at once when the last message is long enough ago, else merged later. */
  announce: (message: string) => void;
  /** Turns announcements on or off; off drops anything waiting. */
  setEnabled(isEnabled: boolean): void;
  /** Stops the timer; nothing is said after this. */
  dispose(): void;
}

/** The default gap between two announcements. */
export const ANNOUNCE_INTERVAL_MS = 5000;

/**
 * Rate-limits announcements: the first is said at once, later ones wait until the interval has
 * passed and are then said together (duplicates once, at most `maxMerged`, the rest counted).
 */
export function createAnnouncer(options: AnnouncerOptions): Announcer {
  const intervalMs = options.intervalMs ?? ANNOUNCE_INTERVAL_MS;
  const maxMerged = options.maxMerged ?? 3;
  const now = options.now ?? (() => Date.now());
  const setTimer = options.setTimer ?? ((run, ms) => setTimeout(run, ms));
  const clearTimer =
    options.clearTimer ?? ((timer) => clearTimeout(timer as ReturnType<typeof setTimeout>));
  let lastEmitAt = Number.NEGATIVE_INFINITY;
  let queue: string[] = [];
  let timer: unknown = null;
  let isEnabled = true;
  let isDisposed = false;

  const flush = () => {
    timer = null;
    if (!isEnabled || isDisposed || queue.length === 0) return;
    const unique = [...new Set(queue)];
    queue = [];
    const said = unique.slice(0, maxMerged);
    const left = unique.length - said.length;
    if (left > 0 && options.describeMore) said.push(options.describeMore(left));
    lastEmitAt = now();
    options.emit(said.join(' '));
  };

  const schedule = () => {
    if (timer !== null) return;
    const wait = Math.max(0, lastEmitAt + intervalMs - now());
    if (wait === 0) flush();
    else timer = setTimer(flush, wait);
  };

  return {
    announce(message) {
      const text = message.trim();
      if (!isEnabled || isDisposed || text === '') return;
      queue.push(text);
      schedule();
    },
    setEnabled(next) {
      isEnabled = next;
      if (!next) {
        queue = [];
        if (timer !== null) clearTimer(timer);
        timer = null;
      }
    },
    dispose() {
      isDisposed = true;
      queue = [];
      if (timer !== null) clearTimer(timer);
      timer = null;
    },
  };
}
