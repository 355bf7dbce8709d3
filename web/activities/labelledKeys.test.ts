import { describe, expect, it } from 'vitest';
import { appendEmpty, relabel, uniqueKeyFromText } from './labelledKeys.ts';

const keyOf = (label: string, taken: Iterable<string>) => uniqueKeyFromText(label, taken, 'rij');

describe('uniqueKeyFromText', () => {
  it('makes a lower-case key of letters, digits and dashes, or the fallback', () => {
    expect(keyOf('Meer Groen!', [])).toBe('meer-groen');
    expect(keyOf('  --  ', [])).toBe('rij');
  });

  it('numbers a key that is taken, staying within 40 characters', () => {
    expect(keyOf('Ja', ['ja', 'ja-2'])).toBe('ja-3');
    const long = 'x'.repeat(60);
    expect(keyOf(long, [])).toHaveLength(40);
    expect(keyOf(long, ['x'.repeat(40)])).toBe(`${'x'.repeat(38)}-2`);
  });
});

describe('relabel and appendEmpty', () => {
  const items = [
    { key: 'wonen', label: 'Wonen' },
    { key: 'nieuw', label: 'Nieuw' },
  ];

  it('lets an unsaved key follow its label, avoiding the other keys', () => {
    expect(relabel(items, 1, 'Wonen', new Set(['wonen']), keyOf)).toEqual([
      { key: 'wonen', label: 'Wonen' },
      { key: 'wonen-2', label: 'Wonen' },
    ]);
  });

  it('keeps a saved key whatever the new label', () => {
    expect(relabel(items, 0, 'Werken', new Set(['wonen']), keyOf)[0]).toEqual({
      key: 'wonen',
      label: 'Werken',
    });
  });

  it('adds an empty row under a fresh key', () => {
    expect(appendEmpty(items, keyOf)).toEqual([...items, { key: 'rij', label: '' }]);
    expect(appendEmpty([...items, { key: 'rij', label: '' }], keyOf).at(-1)?.key).toBe('rij-2');
  });
});
