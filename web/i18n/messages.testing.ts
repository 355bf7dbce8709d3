// Test support for the message tables of every namespace: their keys, and the checks they share.
import { expect } from 'vitest';
import type { MessageTree } from './messages.ts';

/** Lists every message key of a table, dotted ("config.errors.places"). */
export function keysOf(tree: MessageTree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : keysOf(value, `${prefix}${key}.`),
  );
}

/** Returns the message at a dotted key, or '' when there is none. */
export function valueAt(tree: MessageTree, key: string): string {
  const value = key
    .split('.')
    .reduce<MessageTree | string>(
      (node, part) => (typeof node === 'string' ? node : (node[part] ?? '')),
      tree,
    );
  return typeof value === 'string' ? value : '';
}

/** Expects the Dutch and English tables to have the same keys, and no message to be empty. */
export function expectCompleteMessages({ nl, en }: { nl: MessageTree; en: MessageTree }): void {
  expect(keysOf(en).sort()).toEqual(keysOf(nl).sort());
  for (const locale of [nl, en]) {
    for (const key of keysOf(locale)) expect(valueAt(locale, key), key).not.toBe('');
  }
}

/** Expects every English message to use the same {{placeholders}} as the Dutch one. */
export function expectSamePlaceholders({ nl, en }: { nl: MessageTree; en: MessageTree }): void {
  const placeholders = (text: string) => [...text.matchAll(/{{(\w+)}}/g)].map((m) => m[1]).sort();
  for (const key of keysOf(nl)) {
    expect(placeholders(valueAt(en, key)), key).toEqual(placeholders(valueAt(nl, key)));
  }
}
