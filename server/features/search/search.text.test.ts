import { describe, expect, it } from 'vitest';
import { parseQuery, wordAlternatives } from './search.text.ts';

// The alternatives as text: "+" a word, "-" an excluded one, "*" a prefix; " | " between them.
function shape(q: string): string | null {
  const alternatives = wordAlternatives(parseQuery(q));
  return (
    alternatives
      ?.map((words) =>
        words.map((w) => `${w.negated ? '-' : '+'}${w.word}${w.prefix ? '*' : ''}`).join(' '),
      )
      .join(' | ') ?? null
  );
}

describe('wordAlternatives', () => {
  it('reads words, -word and OR as websearch_to_tsquery does: OR splits the query', () => {
    expect(shape('winkels')).toBe('+winkels*');
    expect(shape('winkel -parkeren')).toBe('+winkel -parkeren');
    expect(shape('-parkeren winkel')).toBe('-parkeren +winkel*');
    expect(shape('horeca OR terrassen')).toBe('+horeca | +terrassen');
    expect(shape('markt kraam or horeca terras')).toBe('+markt +kraam | +horeca +terras*');
    expect(shape('a1 or b1 -c1')).toBe('+a1 | +b1 -c1');
  });

  it('takes the last word as a prefix only where websearch_to_tsquery would', () => {
    // Two letters are too few, and right after OR the prefix finds nothing the word does not.
    expect(shape('wonen in')).toBe('+wonen +in');
    expect(shape('horeca or terras')).toBe('+horeca | +terras');
  });

  it('leaves phrases, a lone minus, OR at an end or twice, and punctuation to SQL', () => {
    for (const q of [
      '"lege panden"',
      'winkel - parkeren',
      'or winkel',
      'winkel or',
      'winkel or or markt',
      'winkel -or',
      'binnenstad-oost',
      'café!',
      '',
    ]) {
      expect(shape(q), q).toBeNull();
    }
  });
});
