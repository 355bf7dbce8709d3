import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { pollOption } from '../../../common/activities/poll.ts';
import { WORD_LEVELS, optionKeyFromLabel, percentOf, wordLevel } from './pollModel.ts';

describe('optionKeyFromLabel', () => {
  it('turns a label into lower-case words joined by hyphens, without accents', () => {
    expect(optionKeyFromLabel('Meer groen!', [])).toBe('meer-groen');
    expect(optionKeyFromLabel('  Café’s & terrassen ', [])).toBe('cafe-s-terrassen');
    expect(optionKeyFromLabel('Ideeën', [])).toBe('ideeen');
  });

  it('adds a number when the key is taken', () => {
    expect(optionKeyFromLabel('Ja', ['ja'])).toBe('ja-2');
    expect(optionKeyFromLabel('Ja', ['ja', 'ja-2'])).toBe('ja-3');
  });

  it('falls back to a word when the label has no letters or digits', () => {
    expect(optionKeyFromLabel('!!!', [])).toBe('optie');
    expect(optionKeyFromLabel('', ['optie'])).toBe('optie-2');
  });

  it('always gives a key the schema accepts, different from the taken ones', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.array(fc.string()), (label, taken) => {
        const key = optionKeyFromLabel(label, taken);
        expect(taken).not.toContain(key);
        expect(pollOption.shape.key.safeParse(key).success).toBe(true);
      }),
    );
  });

  it('keeps long keys within 40 characters, also with a number added', () => {
    const long = 'a'.repeat(60);
    expect(optionKeyFromLabel(long, [])).toHaveLength(40);
    const numbered = optionKeyFromLabel(long, ['a'.repeat(40)]);
    expect(numbered).toBe(`${'a'.repeat(38)}-2`);
  });
});

describe('percentOf', () => {
  it('rounds to whole percentages and gives 0 without answers', () => {
    expect(percentOf(1, 3)).toBe(33);
    expect(percentOf(2, 3)).toBe(67);
    expect(percentOf(0, 0)).toBe(0);
  });
});

describe('wordLevel', () => {
  it('makes a word given once the smallest and the most frequent word the largest', () => {
    expect(wordLevel(1, 10)).toBe(1);
    expect(wordLevel(10, 10)).toBe(WORD_LEVELS);
  });

  it('keeps everything small when every word was given once', () => {
    expect(wordLevel(1, 1)).toBe(1);
  });

  it('grows with the count and stays within the steps', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500 }), fc.integer({ min: 1, max: 500 }), (a, b) => {
        const max = Math.max(a, b);
        const low = wordLevel(Math.min(a, b), max);
        const high = wordLevel(max, max);
        expect(low).toBeGreaterThanOrEqual(1);
        expect(high).toBeLessThanOrEqual(WORD_LEVELS);
        expect(low).toBeLessThanOrEqual(high);
      }),
    );
  });
});
