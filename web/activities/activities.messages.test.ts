import { describe, expect, it } from 'vitest';
import { noteColours } from '../../common/activities/canvas.ts';
import { pollTypes } from '../../common/activities/poll.ts';
import { activityKinds } from '../../common/activities/registry.ts';
import type { MessageTree } from '../i18n/messages.ts';
import { activitiesMessages } from './activities.messages.ts';

function keysOf(tree: MessageTree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : keysOf(value, `${prefix}${key}.`),
  );
}

describe('messages of the activities', () => {
  it('has the same keys in Dutch and English, none empty', () => {
    const { nl, en } = activitiesMessages;
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

  it('names every kind, note colour and poll type (the views look these up by value)', () => {
    const keys = new Set(keysOf(activitiesMessages.nl));
    for (const kind of activityKinds) expect(keys).toContain(`kinds.${kind}`);
    for (const colour of noteColours) expect(keys).toContain(`colours.${colour}`);
    for (const type of pollTypes) {
      expect(keys).toContain(`poll.types.${type}`);
      expect(keys).toContain(`poll.typeHints.${type}`);
    }
  });
});
