import { describe, expect, it } from 'vitest';
import { createRandom, percentile, roundTenth } from './stats.ts';
import { DeliveryTracker } from './tracker.ts';
import { buildSchedule, issueTimings } from './workload.ts';

describe('percentile', () => {
  it('uses the nearest rank', () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i); // 100..1, unsorted on purpose
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 95)).toBe(95);
    expect(percentile(values, 99)).toBe(99);
    expect(percentile(values, 100)).toBe(100);
    expect(percentile([3, 1, 2], 50)).toBe(2);
    expect(percentile([7], 99)).toBe(7);
  });

  it('is null without values', () => {
    expect(percentile([], 95)).toBeNull();
    expect(roundTenth(null)).toBeNull();
    expect(roundTenth(1.26)).toBe(1.3);
  });

  it('draws the same numbers from the same seed', () => {
    const a = createRandom(42);
    const b = createRandom(42);
    const drawn = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(drawn);
    for (const value of drawn) expect(value).toBeGreaterThanOrEqual(0);
    for (const value of drawn) expect(value).toBeLessThan(1);
  });
});

describe('delivery tracker', () => {
  it('expects every listening receiver but the sender, and counts each sighting once', () => {
    const tracker = new DeliveryTracker(4);
    for (const index of [0, 1, 2]) tracker.markListening(index, 0);
    tracker.trackNote(1, { sentAt: 10, senderIndex: 0, noteId: 'n1', isCreate: true });
    expect(tracker.totals()).toEqual({ writes: 1, expected: 2, delivered: 0, lost: 2 });

    expect(tracker.seeNote(1, 1, 15)?.noteId).toBe('n1');
    expect(tracker.seeNote(1, 1, 16)).toBeNull(); // the same receiver again
    expect(tracker.seeNote(1, 0, 16)).toBeNull(); // the sender
    expect(tracker.seeNote(1, 3, 16)).toBeNull(); // was not listening when it was sent
    expect(tracker.totals()).toEqual({ writes: 1, expected: 2, delivered: 1, lost: 1 });
    expect(tracker.latencies).toEqual([5]);
  });

  it('stops expecting a receiver that is gone, and counts dots by key', () => {
    const tracker = new DeliveryTracker(3);
    for (const index of [0, 1, 2]) tracker.markListening(index, 0);
    tracker.markGone(2);
    tracker.trackDot('p|n', { sentAt: 1, senderIndex: 1 });
    expect(tracker.totals().expected).toBe(1);
    expect(tracker.seeDot('p|n', 0, 4)).toBe(true);
    expect(tracker.seeDot('p|n', 0, 5)).toBe(false);
    expect(tracker.seeDot('unknown|key', 0, 5)).toBe(false);
    expect(tracker.totals()).toEqual({ writes: 1, expected: 1, delivered: 1, lost: 0 });
  });
});

describe('the schedule', () => {
  it('has a fifth of the people write every 2 s and everyone dot every 10 s, within 30 s', () => {
    const schedule = buildSchedule(10, issueTimings);
    const notes = schedule.filter((event) => event.kind === 'note');
    const dots = schedule.filter((event) => event.kind === 'dot');
    expect(new Set(notes.map((event) => event.index))).toEqual(new Set([0, 5]));
    expect(notes).toHaveLength(2 * 15);
    expect(dots).toHaveLength(10 * 3);
    expect(Math.min(...dots.map((event) => event.at))).toBeGreaterThanOrEqual(
      issueTimings.notePeriodMs,
    );
    expect(Math.max(...schedule.map((event) => event.at))).toBeLessThan(issueTimings.writeWindowMs);
    expect(schedule.map((event) => event.at)).toEqual(
      [...schedule.map((event) => event.at)].sort((a, b) => a - b),
    );
  });
});
