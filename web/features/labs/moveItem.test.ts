import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { moveItem } from './moveItem.ts';

describe('moveItem', () => {
  it('moves an item one place up and one place down', () => {
    expect(moveItem(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moveItem(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
  });

  it('leaves the list as it is at the ends', () => {
    expect(moveItem(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveItem(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
  });

  it('never loses, adds or duplicates an item, and puts the moved one where it was sent', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer(), { minLength: 1, maxLength: 20 }),
        fc.nat(),
        fc.integer({ min: -3, max: 3 }),
        (items, at, offset) => {
          const index = at % items.length;
          const moved = moveItem(items, index, offset);
          expect([...moved].sort()).toEqual([...items].sort());
          const target = Math.min(Math.max(index + offset, 0), items.length - 1);
          expect(moved[target]).toBe(items[index]);
        },
      ),
    );
  });

  it('does not change the list it was given', () => {
    const items = ['a', 'b'];
    moveItem(items, 0, 1);
    expect(items).toEqual(['a', 'b']);
  });
});
