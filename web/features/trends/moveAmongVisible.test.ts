import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { moveAmongVisible } from './moveAmongVisible.ts';

describe('moveAmongVisible', () => {
  const hidden = new Set(['b', 'd']);
  const isShown = (id: string) => !hidden.has(id);

  it('swaps with the nearest shown neighbour, jumping over hidden items', () => {
    expect(moveAmongVisible(['a', 'b', 'c', 'd', 'e'], isShown, 'c', -1)).toEqual([
      'c',
      'b',
      'a',
      'd',
      'e',
    ]);
    expect(moveAmongVisible(['a', 'b', 'c', 'd', 'e'], isShown, 'c', 1)).toEqual([
      'a',
      'b',
      'e',
      'd',
      'c',
    ]);
  });

  it('changes nothing at the ends, for hidden items or unknown ids', () => {
    const ids = ['b', 'a', 'c', 'd'];
    expect(moveAmongVisible(ids, isShown, 'a', -1)).toEqual(ids);
    expect(moveAmongVisible(ids, isShown, 'c', 1)).toEqual(ids);
    expect(moveAmongVisible(ids, isShown, 'b', 1)).toEqual(ids);
    expect(moveAmongVisible(ids, isShown, 'x', 1)).toEqual(ids);
  });

  it('keeps every id once and the shown ones in the order a plain swap gives', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 12 }),
        fc.func(fc.boolean()),
        fc.nat(),
        fc.constantFrom(-1 as const, 1 as const),
        (numbers, shownOf, pick, offset) => {
          const ids = numbers.map(String);
          const shown = (id: string) => shownOf(id);
          const id = ids[pick % ids.length] ?? '';
          const next = moveAmongVisible(ids, shown, id, offset);
          expect([...next].sort()).toEqual([...ids].sort());
          // Hidden items stay where they were.
          for (const [index, other] of ids.entries())
            if (!shown(other)) expect(next[index]).toBe(other);
          const before = ids.filter(shown);
          const after = next.filter(shown);
          const at = before.indexOf(id);
          const target = at + offset;
          if (at === -1 || target < 0 || target >= before.length) expect(after).toEqual(before);
          else {
            const expected = [...before];
            expected[at] = before[target] ?? id;
            expected[target] = id;
            expect(after).toEqual(expected);
          }
        },
      ),
    );
  });
});
