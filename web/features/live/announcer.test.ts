// The live announcer's rate limit: one message per interval, the rest merged, nothing when switched off.
import { describe, expect, it } from 'vitest';
import { createAnnouncer } from './announcer.ts';

function fakeClock() {
  let now = 0;
  const timers: { at: number; run: () => void }[] = [];
  return {
    now: () => now,
    setTimer: (run: () => void, ms: number) => {
      const timer = { at: now + ms, run };
      timers.push(timer);
      return timer;
    },
    clearTimer: (timer: unknown) => {
      const index = timers.indexOf(timer as (typeof timers)[number]);
      if (index >= 0) timers.splice(index, 1);
    },
    advance(ms: number) {
      now += ms;
      for (const timer of [...timers].sort((a, b) => a.at - b.at)) {
        if (timer.at <= now) {
          timers.splice(timers.indexOf(timer), 1);
          timer.run();
        }
      }
    },
  };
}

describe('announcer', () => {
  it('says the first message at once and holds the next until 5 s have passed', () => {
    const clock = fakeClock();
    const said: string[] = [];
    const announcer = createAnnouncer({ emit: (m) => said.push(m), ...clock });
    announcer.announce('Nieuwe notitie.');
    announcer.announce('Nog een notitie.');
    expect(said).toEqual(['Nieuwe notitie.']);
    clock.advance(4999);
    expect(said).toHaveLength(1);
    clock.advance(1);
    expect(said).toEqual(['Nieuwe notitie.', 'Nog een notitie.']);
  });

  it('merges what waits, says duplicates once and counts the rest', () => {
    const clock = fakeClock();
    const said: string[] = [];
    const announcer = createAnnouncer({
      emit: (m) => said.push(m),
      describeMore: (count) => `En nog ${count}.`,
      maxMerged: 2,
      ...clock,
    });
    announcer.announce('A.');
    for (const message of ['B.', 'B.', 'C.', 'D.', 'E.']) announcer.announce(message);
    clock.advance(5000);
    expect(said).toEqual(['A.', 'B. C. En nog 2.']);
  });

  it('never says two messages within the interval, however many arrive (any order of timings)', () => {
    const clock = fakeClock();
    const times: number[] = [];
    const announcer = createAnnouncer({ emit: () => times.push(clock.now()), ...clock });
    for (let i = 0; i < 200; i += 1) {
      announcer.announce(`m${i}`);
      clock.advance((i * 7919) % 1300);
    }
    clock.advance(10_000);
    for (let i = 1; i < times.length; i += 1) {
      expect((times[i] ?? 0) - (times[i - 1] ?? 0)).toBeGreaterThanOrEqual(5000);
    }
    expect(times.length).toBeGreaterThan(1);
  });

  it('says nothing while switched off and drops what was waiting', () => {
    const clock = fakeClock();
    const said: string[] = [];
    const announcer = createAnnouncer({ emit: (m) => said.push(m), ...clock });
    announcer.announce('één');
    announcer.announce('twee');
    announcer.setEnabled(false);
    announcer.announce('drie');
    clock.advance(10_000);
    expect(said).toEqual(['één']);
    announcer.setEnabled(true);
    announcer.announce('vier');
    expect(said).toEqual(['één', 'vier']);
  });

  it('ignores empty messages and stops after dispose', () => {
    const clock = fakeClock();
    const said: string[] = [];
    const announcer = createAnnouncer({ emit: (m) => said.push(m), ...clock });
    announcer.announce('   ');
    announcer.dispose();
    announcer.announce('na afloop');
    clock.advance(10_000);
    expect(said).toEqual([]);
  });
});
