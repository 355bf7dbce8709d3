// The lab's control document: what the facilitator steers and everyone follows (docs/COLLAB_SPEC.md).
import { z } from 'zod';

/** The single root map of the control document; only facilitators may write it. */
export const CONTROL_ROOT = 'control';

/** control.current: the activity everyone is brought to (null before the first step). */
export const CURRENT_KEY = 'current';
/** control.timer */
export const TIMER_KEY = 'timer';
/** control.spotlight */
export const SPOTLIGHT_KEY = 'spotlight';

/** control[`activity:<id>`]: the facilitation state of one activity. */
export function activityStateKey(activityId: string): string {
  return `activity:${activityId}`;
}

/**
 * A running timer has `endsAt` (epoch ms) and no `pausedRemainingMs`; a paused one the reverse.
 * Clients compute the remaining time from their own clock, so the server need not tick.
 */
export const timerValue = z.object({
  durationMs: z
    .number()
    .int()
    .min(1000)
    .max(4 * 60 * 60 * 1000),
  endsAt: z.number().int().nullable(),
  pausedRemainingMs: z.number().int().min(0).nullable(),
});
export type TimerValue = z.infer<typeof timerValue>;

export const spotlightValue = z.object({ activityId: z.string(), noteId: z.string() });
export type SpotlightValue = z.infer<typeof spotlightValue>;

export const voteState = z.object({
  open: z.boolean(),
  dotsPerPerson: z.number().int().min(1).max(20),
  /** Limit the vote to one section's notes; null means every note on the canvas. */
  sectionKey: z.string().nullable(),
  /** The tally is shown to participants only after the facilitator reveals it. */
  revealed: z.boolean(),
});
export type VoteState = z.infer<typeof voteState>;

export const activityState = z.object({
  /** Nobody but facilitators may change the activity's document. */
  locked: z.boolean(),
  /** Participants see only their own notes until the facilitator reveals (private = false). */
  private: z.boolean(),
  vote: voteState.nullable(),
  /** Poll results are shown to participants once revealed (live on the presenter view always). */
  resultsRevealed: z.boolean(),
});
export type ActivityState = z.infer<typeof activityState>;

/** The state of an activity nobody has touched yet. */
export const defaultActivityState: ActivityState = {
  locked: false,
  private: false,
  vote: null,
  resultsRevealed: true,
};

/**
 * The untouched state of an activity of `kind`. A trend scan starts with its results hidden from
 * participants: seeing the room's scores while still scoring pulls everyone towards them.
 */
export function defaultActivityStateFor(kind: string | undefined): ActivityState {
  return kind === 'trendscan'
    ? { ...defaultActivityState, resultsRevealed: false }
    : defaultActivityState;
}
