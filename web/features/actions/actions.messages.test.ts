import { describe, expect, it } from 'vitest';
import { actionHorizons, storedActionStatuses } from '../../../common/activities/actions.ts';
import type { MessageTree } from '../../i18n/messages.ts';
import { actionsFollowUpMessages } from './actions.messages.ts';

function keysOf(tree: MessageTree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : keysOf(value, `${prefix}${key}.`),
  );
}

describe('messages of the actions follow-up', () => {
  it('has the same keys in Dutch and English, none empty', () => {
    const { nl, en } = actionsFollowUpMessages;
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

  it('names every status an action can have and every horizon', () => {
    const keys = new Set(keysOf(actionsFollowUpMessages.nl));
    for (const status of storedActionStatuses) expect(keys).toContain(`statuses.${status}`);
    for (const horizon of actionHorizons) expect(keys).toContain(`horizons.${horizon}`);
  });
});
