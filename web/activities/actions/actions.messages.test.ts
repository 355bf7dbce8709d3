import { describe, expect, it } from 'vitest';
import {
  actionHorizons,
  actionLinkTypes,
  actionStatuses,
} from '../../../common/activities/actions.ts';
import type { MessageTree } from '../../i18n/messages.ts';
import { activitiesMessages } from '../activities.messages.ts';
import { actionsMessages } from './actions.messages.ts';

function keysOf(tree: MessageTree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : keysOf(value, `${prefix}${key}.`),
  );
}

function valueOf(tree: MessageTree, key: string): string {
  const value = key
    .split('.')
    .reduce<MessageTree | string>(
      (node, part) => (typeof node === 'string' ? node : (node[part] ?? '')),
      tree,
    );
  return typeof value === 'string' ? value : '';
}

describe('messages of the actions activity', () => {
  it('has the same keys in Dutch and English, none empty', () => {
    const { nl, en } = actionsMessages;
    expect(keysOf(en).sort()).toEqual(keysOf(nl).sort());
    for (const locale of [nl, en]) {
      for (const key of keysOf(locale)) expect(valueOf(locale, key), key).not.toBe('');
    }
  });

  it('names every status, horizon and link type (the views look these up by value)', () => {
    const keys = new Set(keysOf(actionsMessages.nl));
    for (const status of actionStatuses) expect(keys).toContain(`statuses.${status}`);
    for (const horizon of actionHorizons) expect(keys).toContain(`horizons.${horizon}`);
    for (const type of actionLinkTypes) expect(keys).toContain(`linkTypes.${type}`);
    expect(valueOf(activitiesMessages.nl, 'kinds.actions')).toBe('Acties');
  });
});
