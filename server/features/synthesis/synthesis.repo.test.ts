import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../testing/harness.ts';
import { groupByStems } from './grouping.ts';
import { findStemmedWords } from './synthesis.repo.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(async () => {
  await t.close();
});

describe('findStemmedWords (PostgreSQL dutch text search)', () => {
  it('stems "winkels" and "winkelen" alike, so their notes land in one group', async () => {
    const texts = [
      'Meer winkels in de binnenstad',
      'Winkelen moet weer leuk worden',
      'Een nieuw parkeerterrein',
    ];
    const words = await findStemmedWords(t.database.db, texts);
    const grouping = groupByStems(words.map((list, i) => ({ noteId: `n${i}`, words: list })));
    expect(grouping.groups).toEqual([
      { stem: 'winkel', label: 'winkelen', words: ['winkelen', 'winkels'], noteIds: ['n0', 'n1'] },
    ]);
    expect(grouping.leftover).toEqual(['n2']);
  });

  it('leaves out Dutch stop words and numbers, lower-cases, and keeps the parts of hyphenated words', async () => {
    const [first, second, third, fourth] = await findStemmedWords(t.database.db, [
      'de het een en van',
      'Winkel-centrum in 2030',
      '',
      'nul\u0000teken',
    ]);
    expect(first).toEqual([]);
    expect(second?.map((w) => [w.word, w.stem]).sort()).toEqual([
      ['centrum', 'centrum'],
      ['winkel', 'winkel'],
    ]);
    expect(third).toEqual([]);
    expect(fourth?.map((w) => w.word).sort()).toEqual(['nul', 'teken']);
  });

  it('answers one list per text, in order, for many texts at once', async () => {
    const texts = Array.from({ length: 300 }, (_, i) => (i % 2 === 0 ? 'fietsen' : 'wonen'));
    const words = await findStemmedWords(t.database.db, texts);
    expect(words).toHaveLength(300);
    expect(words[0]).toEqual([{ stem: 'fiets', word: 'fietsen' }]);
    expect(words[299]?.[0]?.word).toBe('wonen');
  });
});
