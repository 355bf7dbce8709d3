import { describe, expect, it } from 'vitest';
import { overlapVerdicts } from '../../../common/activities/positioning.ts';
import type { MessageTree } from '../../i18n/messages.ts';
import { positioningMessages } from './positioning.messages.ts';

function keysOf(tree: MessageTree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : keysOf(value, `${prefix}${key}.`),
  );
}

describe('messages of the regional positioning', () => {
  it('has the same keys in Dutch and English, none empty', () => {
    const { nl, en } = positioningMessages;
    expect(keysOf(en).sort()).toEqual(keysOf(nl).sort());
    for (const locale of [nl, en]) {
      for (const key of keysOf(locale)) {
        const value = key
          .split('.')
          .reduce<MessageTree | string>(
            (node, part) => (typeof node === 'string' ? node : (node[part] ?? '')),
            locale,
          );
        expect(value, key).not.toBe('');
      }
    }
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
