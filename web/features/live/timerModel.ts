// The timer as everyone sees it: its phase, mm:ss, and the parts a screen reader says.
import type { TimerValue } from '../../../common/activities/control.ts';
import { remainingMs } from '../../../common/activities/control.doc.ts';

export type TimerPhase = 'none' | 'running' | 'paused' | 'ended';

/** Where a timer stands at `now`: absent, running, paused, or run out. */
export function timerPhase(timer: TimerValue | null, now: number): TimerPhase {
  if (!timer) return 'none';
  if (timer.endsAt === null) return 'paused';
  return remainingMs(timer, now) > 0 ? 'running' : 'ended';
}

/** Whole seconds left, rounded up, so "00:00" appears only when the time is really up. */
export function secondsLeft(timer: TimerValue | null, now: number): number {
  return Math.ceil(remainingMs(timer, now) / 1000);
}

/** Formats seconds as mm:ss (minutes may exceed 59: a 90-minute timer starts at 90:00). */
export function formatClock(totalSeconds: number): string {
  const seconds = Math.max(0, Math.floor(totalSeconds));
  const minutes = Math.floor(seconds / 60);
  return `${String(minutes).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;
}

/** Splits seconds into minutes and seconds, for words a screen reader says. */
export function clockParts(totalSeconds: number): { minutes: number; seconds: number } {
  const seconds = Math.max(0, Math.floor(totalSeconds));
  return { minutes: Math.floor(seconds / 60), seconds: seconds % 60 };
}

/** A key that is the same for one run of a timer, so its end is signalled once. */
export function timerRunKey(timer: TimerValue | null): string | null {
  return timer?.endsAt != null ? `${timer.durationMs}:${timer.endsAt}` : null;
}

/** Parses the facilitator's minutes field into milliseconds; null unless 1 to 240 whole minutes. */
export function minutesToMs(input: string): number | null {
  const minutes = Number(input.trim().replace(',', '.'));
  if (!Number.isInteger(minutes) || minutes < 1 || minutes > 240) return null;
  return minutes * 60_000;
}
