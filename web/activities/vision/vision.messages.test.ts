import { describe, expect, it } from 'vitest';
import { suggestionStatuses } from '../../../common/activities/vision.ts';
import type { MessageTree } from '../../i18n/messages.ts';
import { visionMessages } from './vision.messages.ts';

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

describe('messages of the vision activity', () => {
  it('has the same keys in Dutch and English, none empty', () => {
    const { nl, en } = visionMessages;
    expect(keysOf(en).sort()).toEqual(keysOf(nl).sort());
    for (const locale of [nl, en]) {
      for (const key of keysOf(locale)) expect(valueOf(locale, key), key).not.toBe('');
    }
  });

  it('names every status of a suggestion and every toolbar button (the views look these up by value)', () => {
    const keys = new Set(keysOf(visionMessages.nl));
    for (const status of suggestionStatuses) expect(keys).toContain(`suggestions.status.${status}`);
    for (const button of ['bold', 'italic', 'heading', 'bulletList']) {
      expect(keys).toContain(`statement.${button}`);
    }
  });
});
