import { describe, expect, it } from 'vitest';
import { laneKeys } from '../../../common/activities/scenarios.ts';
import type { MessageTree } from '../../i18n/messages.ts';
import { scenariosMessages } from './scenarios.messages.ts';

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

describe('messages of the scenarios activity', () => {
  it('has the same keys in Dutch and English, none empty', () => {
    const { nl, en } = scenariosMessages;
    expect(keysOf(en).sort()).toEqual(keysOf(nl).sort());
    for (const locale of [nl, en]) {
      for (const key of keysOf(locale)) expect(valueOf(locale, key), key).not.toBe('');
    }
  });

  it('names every lane and every state of a verdict cell (the views look these up by value)', () => {
    const keys = new Set(keysOf(scenariosMessages.nl));
    for (const lane of laneKeys) {
      expect(keys).toContain(`lanes.${lane}`);
      expect(keys).toContain(`lanesShort.${lane}`);
    }
    for (const state of ['origin', 'holds', 'fails', 'open']) {
      expect(keys).toContain(`actions.${state}`);
    }
  });
});
