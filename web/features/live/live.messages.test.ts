// The live messages exist in both languages with the same keys, none empty.
import { describe, expect, it } from 'vitest';
import type { MessageTree } from '../../i18n/messages.ts';
import { liveMessages } from './live.messages.ts';

function entries(tree: MessageTree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [[`${prefix}${key}`, value]] : entries(value, `${prefix}${key}.`),
  );
}

describe('live messages', () => {
  it('have the same keys in Dutch and English, none empty', () => {
    const nl = entries(liveMessages.nl);
    const en = entries(liveMessages.en);
    expect(en.map(([key]) => key).sort()).toEqual(nl.map(([key]) => key).sort());
    for (const [key, value] of [...nl, ...en]) expect(value.trim(), key).not.toBe('');
  });

  it('say the sync states the way the tests and the brief expect', () => {
    expect(liveMessages.nl.sync.saved).toBe('Alles opgeslagen');
    expect(liveMessages.nl.sync.saving).toBe('Opslaan…');
    expect(liveMessages.nl.sync.offline_other.replace('{{count}}', '3')).toBe(
      'Offline — 3 wijzigingen nog niet verzonden',
    );
  });
});
