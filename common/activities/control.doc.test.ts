import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  pauseTimer,
  patchActivityState,
  readControl,
  remainingMs,
  resumeTimer,
  setCurrent,
  setSpotlight,
  startTimer,
  stopTimer,
} from './control.doc.ts';
import { activityStateKey, CONTROL_ROOT, defaultActivityState } from './control.ts';

const MINUTE = 60_000;
const T0 = 1_700_000_000_000;

describe('control document', () => {
  it('reads an untouched document as nothing started', () => {
    const control = readControl(new Y.Doc());
    expect(control.current).toBeNull();
    expect(control.timer).toBeNull();
    expect(control.spotlight).toBeNull();
    expect(control.activityState('a1')).toEqual(defaultActivityState);
  });

  it('sets the current activity and the spotlight', () => {
    const doc = new Y.Doc();
    setCurrent(doc, 'a1');
    setSpotlight(doc, { activityId: 'a1', noteId: 'n1' });
    expect(readControl(doc)).toMatchObject({
      current: 'a1',
      spotlight: { activityId: 'a1', noteId: 'n1' },
    });
    setCurrent(doc, null);
    setSpotlight(doc, null);
    expect(readControl(doc)).toMatchObject({ current: null, spotlight: null });
  });

  it('runs, pauses, resumes and stops a timer', () => {
    const doc = new Y.Doc();
    startTimer(doc, 5 * MINUTE, T0);
    expect(remainingMs(readControl(doc).timer, T0 + MINUTE)).toBe(4 * MINUTE);
    expect(pauseTimer(doc, T0 + MINUTE)).toBe(true);
    expect(pauseTimer(doc, T0 + MINUTE)).toBe(false);
    // Paused: time stands still.
    expect(remainingMs(readControl(doc).timer, T0 + 10 * MINUTE)).toBe(4 * MINUTE);
    expect(resumeTimer(doc, T0 + 10 * MINUTE)).toBe(true);
    expect(resumeTimer(doc, T0 + 10 * MINUTE)).toBe(false);
    expect(remainingMs(readControl(doc).timer, T0 + 12 * MINUTE)).toBe(2 * MINUTE);
    expect(remainingMs(readControl(doc).timer, T0 + 20 * MINUTE)).toBe(0);
    stopTimer(doc);
    expect(readControl(doc).timer).toBeNull();
    expect(remainingMs(null, T0)).toBe(0);
  });

  it('refuses a timer outside the allowed range', () => {
    expect(() => startTimer(new Y.Doc(), 10, T0)).toThrow();
  });

  it('pausing and resuming never changes the time left', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1000, max: 60 * MINUTE }),
        fc.array(fc.integer({ min: 0, max: 10 * MINUTE }), { maxLength: 8 }),
        (duration, gaps) => {
          const doc = new Y.Doc();
          let now = T0;
          startTimer(doc, duration, now);
          let running = 0;
          for (const [i, gap] of gaps.entries()) {
            now += gap;
            if (i % 2 === 0) {
              running += gap;
              pauseTimer(doc, now);
            } else {
              resumeTimer(doc, now);
            }
          }
          expect(remainingMs(readControl(doc).timer, now)).toBe(Math.max(0, duration - running));
        },
      ),
    );
  });

  it('patches one activity’s state in one transaction, leaving others alone', () => {
    const doc = new Y.Doc();
    let updates = 0;
    doc.on('update', () => {
      updates += 1;
    });
    const vote = { open: true, dotsPerPerson: 3, sectionKey: null, revealed: false };
    const next = patchActivityState(doc, 'a1', { locked: true, vote });
    expect(updates).toBe(1);
    expect(next).toEqual({ ...defaultActivityState, locked: true, vote });
    patchActivityState(doc, 'a1', { private: true });
    expect(readControl(doc).activityState('a1')).toEqual({ ...next, private: true });
    expect(readControl(doc).activityState('a2')).toEqual(defaultActivityState);
  });

  it('reads an invalid stored state as the default state', () => {
    const doc = new Y.Doc();
    doc.getMap(CONTROL_ROOT).set(activityStateKey('a1'), { locked: 'yes' });
    expect(readControl(doc).activityState('a1')).toEqual(defaultActivityState);
  });

  it('starts a trend scan with its results hidden, and keeps that default when another setting changes', () => {
    const doc = new Y.Doc();
    expect(readControl(doc).activityState('t1', 'trendscan').resultsRevealed).toBe(false);
    expect(readControl(doc).activityState('p1', 'poll').resultsRevealed).toBe(true);
    const locked = patchActivityState(doc, 't1', { locked: true }, 'trendscan');
    expect(locked).toMatchObject({ locked: true, resultsRevealed: false });
    patchActivityState(doc, 't1', { resultsRevealed: true }, 'trendscan');
    expect(readControl(doc).activityState('t1', 'trendscan').resultsRevealed).toBe(true);
  });
});
