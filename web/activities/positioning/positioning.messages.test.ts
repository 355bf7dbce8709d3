import { describe, expect, it } from 'vitest';
import { overlapVerdicts } from '../../../common/activities/positioning.ts';
import { expectCompleteMessages, keysOf } from '../../i18n/messages.testing.ts';
import { positioningMessages } from './positioning.messages.ts';

describe('messages of the regional positioning', () => {
  it('has the same keys in Dutch and English, none empty', () => {
    expectCompleteMessages(positioningMessages);
  });

  it('names every verdict and programme status (the views look these up by value)', () => {
    const keys = new Set(keysOf(positioningMessages.nl));
    for (const verdict of overlapVerdicts) {
      expect(keys).toContain(`overlaps.choices.${verdict}`);
      expect(keys).toContain(`overlaps.verdicts.${verdict}`);
      expect(keys).toContain(`summary.verdicts.${verdict}`);
    }
    expect(keys).toContain('overlaps.verdicts.open');
    for (const status of ['empty', 'one-place', 'complementary', 'overlap']) {
      expect(keys).toContain(`matrix.statuses.${status}`);
    }
    for (const problem of ['empty', 'tooLong', 'noLetters'])
      expect(keys).toContain(`roles.${problem}`);
  });
});
