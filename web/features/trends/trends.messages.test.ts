import { describe, expect, it } from 'vitest';
import type { MessageTree } from '../../i18n/messages.ts';
import { trendsMessages } from './trends.messages.ts';

function keysOf(tree: MessageTree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : keysOf(value, `${prefix}${key}.`),
  );
}

function valueAt(tree: MessageTree, key: string): string | undefined {
  let node: MessageTree | string | undefined = tree;
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  return typeof node === 'string' ? node : undefined;
}

describe('messages of the trend catalogue', () => {
  it('has the same keys in Dutch and English, none empty', () => {
    expect(keysOf(trendsMessages.en).sort()).toEqual(keysOf(trendsMessages.nl).sort());
    for (const locale of [trendsMessages.nl, trendsMessages.en]) {
      for (const key of keysOf(locale)) expect(valueAt(locale, key), key).toBeTruthy();
    }
  });

  it('uses the same placeholders in both languages', () => {
    const placeholders = (text: string | undefined) =>
      [...(text ?? '').matchAll(/{{(\w+)}}/g)].map((m) => m[1]).sort();
    for (const key of keysOf(trendsMessages.nl)) {
      expect(placeholders(valueAt(trendsMessages.en, key)), key).toEqual(
        placeholders(valueAt(trendsMessages.nl, key)),
      );
    }
  });
});
