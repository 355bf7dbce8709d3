// The timer's phases and how it is written and said.
import { describe, expect, it } from 'vitest';
import {
  clockParts,
  formatClock,
  minutesToMs,
  secondsLeft,
  timerPhase,
  timerRunKey,
} from './timerModel.ts';

const running = { durationMs: 300_000, endsAt: 1_000_000, pausedRemainingMs: null };
const paused = { durationMs: 300_000, endsAt: null, pausedRemainingMs: 61_500 };

describe('timer model', () => {
  it('knows its phase', () => {
    expect(timerPhase(null, 0)).toBe('none');
    expect(timerPhase(running, 999_999)).toBe('running');
    expect(timerPhase(running, 1_000_000)).toBe('ended');
    expect(timerPhase(paused, 5_000_000)).toBe('paused');
  });

  it('rounds seconds up so 00:00 means the time is really up', () => {
    expect(secondsLeft(running, 999_001)).toBe(1);
    expect(secondsLeft(running, 1_000_000)).toBe(0);
    expect(secondsLeft(paused, 0)).toBe(62);
  });

  it('writes mm:ss, with minutes beyond 59', () => {
    expect(formatClock(0)).toBe('00:00');
    expect(formatClock(61)).toBe('01:01');
    expect(formatClock(90 * 60)).toBe('90:00');
    expect(clockParts(125)).toEqual({ minutes: 2, seconds: 5 });
  });

  it('keys one run of a timer, so its end is signalled once', () => {
    expect(timerRunKey(running)).toBe('300000:1000000');
    expect(timerRunKey(paused)).toBeNull();
    expect(timerRunKey(null)).toBeNull();
  });

  it('accepts 1 to 240 whole minutes', () => {
    expect(minutesToMs('5')).toBe(300_000);
    expect(minutesToMs(' 240 ')).toBe(240 * 60_000);
    for (const bad of ['0', '241', '2.5', 'vijf', '']) expect(minutesToMs(bad)).toBeNull();
  });
});
