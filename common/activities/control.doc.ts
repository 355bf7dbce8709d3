// Reading and writing the lab's control document (ADR 0002): current step, timer, spotlight and
// each activity's state. Only facilitators write it; everyone reads it.
import type * as Y from 'yjs';
import {
  activityState,
  activityStateKey,
  CONTROL_ROOT,
  CURRENT_KEY,
  defaultActivityStateFor,
  spotlightValue,
  SPOTLIGHT_KEY,
  timerValue,
  TIMER_KEY,
  type ActivityState,
  type SpotlightValue,
  type TimerValue,
} from './control.ts';

function controlOf(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(CONTROL_ROOT);
}

export interface ControlView {
  /** The activity everyone is brought to; null before the first step. */
  current: string | null;
  timer: TimerValue | null;
  spotlight: SpotlightValue | null;
  /**
   * An activity's state; the default state of its kind (defaultActivityStateFor) when nobody has
   * touched it or it is invalid.
   */
  activityState(activityId: string, kind?: string): ActivityState;
}

/** Reads the control document; invalid values read as absent (or as the default state). */
export function readControl(doc: Y.Doc): ControlView {
  const control = controlOf(doc);
  const current = control.get(CURRENT_KEY);
  const timer = timerValue.safeParse(control.get(TIMER_KEY));
  const spotlight = spotlightValue.safeParse(control.get(SPOTLIGHT_KEY));
  return {
    current: typeof current === 'string' ? current : null,
    timer: timer.success ? timer.data : null,
    spotlight: spotlight.success ? spotlight.data : null,
    activityState(activityId, kind) {
      const state = activityState.safeParse(control.get(activityStateKey(activityId)));
      return state.success ? state.data : defaultActivityStateFor(kind);
    },
  };
}

/** Brings everyone to an activity (null: back to the start). */
export function setCurrent(doc: Y.Doc, activityId: string | null): void {
  doc.transact(() => {
    controlOf(doc).set(CURRENT_KEY, activityId);
  });
}

/** Starts a timer of `durationMs` from `now`; throws when the duration is outside timerValue's range. */
export function startTimer(doc: Y.Doc, durationMs: number, now: number): TimerValue {
  const timer = timerValue.parse({ durationMs, endsAt: now + durationMs, pausedRemainingMs: null });
  doc.transact(() => {
    controlOf(doc).set(TIMER_KEY, timer);
  });
  return timer;
}

/** Pauses a running timer, keeping what is left; false when no timer is running. */
export function pauseTimer(doc: Y.Doc, now: number): boolean {
  let isDone = false;
  doc.transact(() => {
    const timer = readControl(doc).timer;
    if (timer?.endsAt == null) return;
    const paused: TimerValue = {
      durationMs: timer.durationMs,
      endsAt: null,
      pausedRemainingMs: Math.max(0, timer.endsAt - now),
    };
    controlOf(doc).set(TIMER_KEY, paused);
    isDone = true;
  });
  return isDone;
}

/** Resumes a paused timer from `now`; false when no timer is paused. */
export function resumeTimer(doc: Y.Doc, now: number): boolean {
  let isDone = false;
  doc.transact(() => {
    const timer = readControl(doc).timer;
    if (timer?.pausedRemainingMs == null) return;
    const running: TimerValue = {
      durationMs: timer.durationMs,
      endsAt: now + timer.pausedRemainingMs,
      pausedRemainingMs: null,
    };
    controlOf(doc).set(TIMER_KEY, running);
    isDone = true;
  });
  return isDone;
}

/** Removes the timer. */
export function stopTimer(doc: Y.Doc): void {
  doc.transact(() => {
    controlOf(doc).delete(TIMER_KEY);
  });
}

/** Milliseconds left on a timer at `now` (never negative); 0 without a timer. */
export function remainingMs(timer: TimerValue | null, now: number): number {
  if (!timer) return 0;
  if (timer.endsAt !== null) return Math.max(0, timer.endsAt - now);
  return Math.max(0, timer.pausedRemainingMs ?? 0);
}

/** Puts one note in the spotlight for everyone (null: none). */
export function setSpotlight(doc: Y.Doc, spotlight: SpotlightValue | null): void {
  doc.transact(() => {
    if (spotlight) controlOf(doc).set(SPOTLIGHT_KEY, spotlight);
    else controlOf(doc).delete(SPOTLIGHT_KEY);
  });
}

/**
 * Changes part of an activity's state and returns the whole new state; the rest starts from the
 * kind's default when nobody has touched the activity yet.
 */
export function patchActivityState(
  doc: Y.Doc,
  activityId: string,
  patch: Partial<ActivityState>,
  kind?: string,
): ActivityState {
  let next: ActivityState = defaultActivityStateFor(kind);
  doc.transact(() => {
    next = activityState.parse({ ...readControl(doc).activityState(activityId, kind), ...patch });
    controlOf(doc).set(activityStateKey(activityId), next);
  });
  return next;
}
