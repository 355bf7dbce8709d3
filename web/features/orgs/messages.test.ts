import { describe, expect, it } from 'vitest';
import type { MessageTree } from '../../i18n/messages.ts';
import { outboxMessages } from '../outbox/outbox.messages.ts';
import { placesMessages } from '../places/places.messages.ts';
import { orgsMessages } from './orgs.messages.ts';

function keysOf(tree: MessageTree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : keysOf(value, `${prefix}${key}.`),
  );
}

describe('messages of the org, outbox and places pages', () => {
  it.each([
    ['orgs', orgsMessages],
    ['outbox', outboxMessages],
    ['places', placesMessages],
  ])('%s has the same keys in Dutch and English, none empty', (_name, messages) => {
    expect(keysOf(messages.en).sort()).toEqual(keysOf(messages.nl).sort());
    for (const locale of [messages.nl, messages.en]) {
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
});
