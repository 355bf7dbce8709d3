import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  OTHER_GROUP_KEY,
  type SectionOverrides,
  type SynthesisGroup,
  type SynthesisGroupRequest,
} from '../../../common/synthesis.ts';
import {
  applyOverrides,
  correctGrouping,
  groupByStems,
  stemGroupKey,
  type NoteStems,
  type StemGrouping,
} from './grouping.ts';

/** A note whose words stem to themselves, except that a trailing "s" or "en" is cut, stemmer-like. */
function note(noteId: string, text: string): NoteStems {
  return {
    noteId,
    words: text
      .split(/\s+/)
      .filter(Boolean)
      .map((word) => {
        const cut = word.replace(/(en|s)$/, '');
        return { word, stem: cut.length >= 4 ? cut : word };
      }),
  };
}

/** Groups as sets, so tests compare who is with whom, not in which order. */
function membership(grouping: StemGrouping): string[][] {
  return [...grouping.groups.map((g) => [...g.noteIds].sort()), [...grouping.leftover].sort()]
    .filter((ids) => ids.length > 0)
    .sort((a, b) => (a.join() < b.join() ? -1 : 1));
}

const empty: SectionOverrides = { merges: {}, custom: [], moves: {}, labels: {} };
const target = { activityId: '00000000-0000-4000-8000-000000000001', sectionKey: 'wonen' };

describe('groupByStems', () => {
  it('puts notes that share a stem together and labels the group with its most frequent word', () => {
    const grouping = groupByStems([
      note('a', 'winkels sluiten'),
      note('b', 'winkelen in het centrum'),
      note('c', 'meer winkels'),
      note('d', 'parkeren'),
    ]);
    expect(grouping.groups).toEqual([
      {
        stem: 'winkel',
        label: 'winkels',
        words: ['winkels', 'winkelen'],
        noteIds: ['a', 'b', 'c'],
      },
    ]);
    expect(grouping.leftover).toEqual(['d']);
  });

  it('takes the stem shared by the most notes first, ties by the stem alphabetically', () => {
    const grouping = groupByStems([
      note('a', 'groen water'),
      note('b', 'groen'),
      note('c', 'water'),
      note('d', 'bomen'),
      note('e', 'bomen'),
      note('f', 'bomen'),
    ]);
    // "bomen" (3 notes) first; then "groen" and "water" tie at 2, "groen" wins; "c" is left over.
    expect(grouping.groups.map((g) => [g.stem, g.noteIds])).toEqual([
      ['bomen', ['d', 'e', 'f']],
      ['groen', ['a', 'b']],
    ]);
    expect(grouping.leftover).toEqual(['c']);
  });

  it('counts a stem once per note, so one note repeating a word makes no group', () => {
    const grouping = groupByStems([note('a', 'fiets fiets fietsen'), note('b', 'auto')]);
    expect(grouping.groups).toEqual([]);
    expect(grouping.leftover).toEqual(['a', 'b']);
  });

  const stems = ['winkel', 'wonen', 'groen', 'fiets', 'markt', 'plein'];
  const noteArb = fc.array(
    fc.subarray(stems).map((chosen) => chosen.map((stem) => ({ stem, word: `${stem}s` }))),
    { maxLength: 14 },
  );
  const notesArb = noteArb.map((list) =>
    list.map((words, index): NoteStems => ({ noteId: `n${index}`, words })),
  );

  it('property: every note is in exactly one group or the leftovers', () => {
    fc.assert(
      fc.property(notesArb, (notes) => {
        const grouping = groupByStems(notes);
        const placed = [...grouping.groups.flatMap((g) => g.noteIds), ...grouping.leftover];
        expect(placed.sort()).toEqual(notes.map((n) => n.noteId).sort());
        for (const group of grouping.groups) {
          expect(group.noteIds.length).toBeGreaterThanOrEqual(2);
          for (const id of group.noteIds) {
            expect(notes.find((n) => n.noteId === id)?.words.map((w) => w.stem)).toContain(
              group.stem,
            );
          }
        }
      }),
    );
  });

  it('property: the order of the notes does not change the groups', () => {
    fc.assert(
      fc.property(
        notesArb.chain((notes) =>
          fc.tuple(fc.constant(notes), fc.shuffledSubarray(notes, { minLength: notes.length })),
        ),
        ([notes, shuffled]) => {
          const a = groupByStems(notes);
          const b = groupByStems(shuffled);
          expect(membership(b)).toEqual(membership(a));
          expect(b.groups.map((g) => [g.stem, g.label])).toEqual(
            a.groups.map((g) => [g.stem, g.label]),
          );
        },
      ),
    );
  });

  it('property: a note sharing no stem with any other note is left over', () => {
    fc.assert(
      fc.property(notesArb, (notes) => {
        const grouping = groupByStems(notes);
        for (const n of notes) {
          const own = new Set(n.words.map((w) => w.stem));
          const sharesOne = notes.some(
            (other) => other.noteId !== n.noteId && other.words.some((w) => own.has(w.stem)),
          );
          if (!sharesOne) expect(grouping.leftover).toContain(n.noteId);
        }
      }),
    );
  });
});

describe('applyOverrides', () => {
  const notes = [
    note('a', 'winkels'),
    note('b', 'winkelen'),
    note('c', 'wonen boven winkels'),
    note('d', 'groen'),
    note('e', 'groen plein'),
    note('f', 'fiets'),
  ];
  const order = notes.map((n) => n.noteId);
  const grouping = groupByStems(notes);

  it('without corrections shows the automatic groups, the leftover group last', () => {
    const groups = applyOverrides(grouping, order, undefined);
    expect(groups).toEqual([
      {
        key: stemGroupKey('winkel'),
        label: 'winkels',
        basis: ['winkel'],
        words: ['winkels', 'winkelen'],
        automatic: true,
        noteIds: ['a', 'b', 'c'],
      },
      {
        key: stemGroupKey('groen'),
        label: 'groen',
        basis: ['groen'],
        words: ['groen'],
        automatic: true,
        noteIds: ['d', 'e'],
      },
      {
        key: OTHER_GROUP_KEY,
        label: 'Overig',
        basis: [],
        words: [],
        automatic: true,
        noteIds: ['f'],
      },
    ]);
  });

  it('a merged group keeps following its target when new notes arrive', () => {
    const overrides: SectionOverrides = {
      ...empty,
      merges: { [stemGroupKey('groen')]: stemGroupKey('winkel') },
    };
    const later = groupByStems([...notes, note('g', 'groen dak')]);
    const groups = applyOverrides(later, [...order, 'g'], overrides);
    expect(groups.map((g) => [g.key, g.noteIds, g.automatic])).toEqual([
      [stemGroupKey('winkel'), ['a', 'b', 'c', 'd', 'e', 'g'], false],
      [OTHER_GROUP_KEY, ['f'], true],
    ]);
    expect(groups[0]?.basis).toEqual(['winkel', 'groen']);
  });

  it('moves, labels and custom groups apply; keys that no longer exist are ignored', () => {
    const overrides: SectionOverrides = {
      merges: { 'stem:verdwenen': stemGroupKey('winkel') },
      custom: [{ key: 'custom:1', label: 'Wonen' }],
      moves: {
        c: 'custom:1',
        f: stemGroupKey('groen'),
        gone: stemGroupKey('groen'),
        d: 'custom:weg',
      },
      labels: { [stemGroupKey('winkel')]: 'Winkelaanbod', 'stem:weg': 'Niets' },
    };
    const groups = applyOverrides(grouping, order, overrides);
    expect(groups.map((g) => [g.key, g.label, g.noteIds])).toEqual([
      [stemGroupKey('winkel'), 'Winkelaanbod', ['a', 'b']],
      [stemGroupKey('groen'), 'groen', ['d', 'e', 'f']],
      ['custom:1', 'Wonen', ['c']],
    ]);
  });

  it('survives a cycle of merges', () => {
    const overrides: SectionOverrides = {
      ...empty,
      merges: {
        [stemGroupKey('winkel')]: stemGroupKey('groen'),
        [stemGroupKey('groen')]: stemGroupKey('winkel'),
      },
    };
    const groups = applyOverrides(grouping, order, overrides);
    expect(groups.flatMap((g) => g.noteIds).sort()).toEqual([...order].sort());
  });

  it('property: with any corrections, every note is in exactly one group', () => {
    const keys = [
      stemGroupKey('winkel'),
      stemGroupKey('groen'),
      OTHER_GROUP_KEY,
      'custom:x',
      'stem:weg',
    ];
    const keyArb = fc.constantFrom(...keys);
    const overridesArb = fc.record({
      merges: fc.dictionary(keyArb, keyArb),
      custom: fc.subarray<SectionOverrides['custom'][number]>([
        { key: 'custom:x', label: 'X' },
        { key: 'stem:winkel', label: 'clashes with an automatic key' },
      ]),
      moves: fc.dictionary(fc.constantFrom(...order, 'gone'), keyArb),
      labels: fc.dictionary(keyArb, fc.string({ minLength: 1 })),
    });
    fc.assert(
      fc.property(overridesArb, (overrides) => {
        const groups = applyOverrides(grouping, order, overrides);
        expect(groups.flatMap((g) => g.noteIds).sort()).toEqual([...order].sort());
        expect(new Set(groups.map((g) => g.key)).size).toBe(groups.length);
        expect(groups.every((g) => g.noteIds.length > 0)).toBe(true);
      }),
    );
  });
});

describe('correctGrouping', () => {
  const notes = [
    note('a', 'winkels'),
    note('b', 'winkelen'),
    note('c', 'groen'),
    note('d', 'groen'),
    note('e', 'fiets'),
  ];
  const order = notes.map((n) => n.noteId);
  const grouping = groupByStems(notes);
  const view = (overrides: SectionOverrides | undefined): SynthesisGroup[] =>
    applyOverrides(grouping, order, overrides);
  const newKey = () => 'k1';

  function correct(current: SectionOverrides | undefined, request: SynthesisGroupRequest) {
    return correctGrouping(current, view(current), request, newKey);
  }

  it('renames a group', () => {
    const result = correct(undefined, {
      ...target,
      op: 'rename',
      groupKey: stemGroupKey('groen'),
      label: 'Groen',
    });
    expect(
      result.ok &&
        view(result.overrides ?? undefined).find((g) => g.key === stemGroupKey('groen'))?.label,
    ).toBe('Groen');
  });

  it('merges into the first group named, with an optional label', () => {
    const result = correct(undefined, {
      ...target,
      op: 'merge',
      groupKeys: [stemGroupKey('groen'), stemGroupKey('winkel')],
      label: 'Buitenruimte',
    });
    if (!result.ok) throw new Error(result.message);
    expect(view(result.overrides ?? undefined).map((g) => [g.key, g.label, g.noteIds])).toEqual([
      [stemGroupKey('groen'), 'Buitenruimte', ['a', 'b', 'c', 'd']],
      [OTHER_GROUP_KEY, 'Overig', ['e']],
    ]);
  });

  it('merging a group back the other way makes no cycle', () => {
    const first = correct(undefined, {
      ...target,
      op: 'merge',
      groupKeys: [stemGroupKey('groen'), stemGroupKey('winkel')],
    });
    if (!first.ok || !first.overrides) throw new Error('merge failed');
    const split = correct(first.overrides, {
      ...target,
      op: 'split',
      noteIds: ['a'],
      label: 'Winkels',
    });
    if (!split.ok || !split.overrides) throw new Error('split failed');
    const back = correct(split.overrides, {
      ...target,
      op: 'merge',
      groupKeys: ['custom:k1', stemGroupKey('groen')],
    });
    if (!back.ok || !back.overrides) throw new Error('merge back failed');
    expect(view(back.overrides).map((g) => [g.key, g.noteIds])).toEqual([
      ['custom:k1', ['a', 'b', 'c', 'd']],
      [OTHER_GROUP_KEY, ['e']],
    ]);
  });

  it('splits notes into a new named group and moves one note', () => {
    const split = correct(undefined, {
      ...target,
      op: 'split',
      noteIds: ['a', 'c'],
      label: 'Eigen',
    });
    if (!split.ok || !split.overrides) throw new Error('split failed');
    const moved = correct(split.overrides, {
      ...target,
      op: 'move',
      noteId: 'e',
      groupKey: 'custom:k1',
    });
    if (!moved.ok || !moved.overrides) throw new Error('move failed');
    // The leftover group lost its only note, so it is no longer shown.
    expect(view(moved.overrides).map((g) => [g.key, g.label, g.noteIds])).toEqual([
      [stemGroupKey('groen'), 'groen', ['d']],
      [stemGroupKey('winkel'), 'winkelen', ['b']],
      ['custom:k1', 'Eigen', ['a', 'c', 'e']],
    ]);
  });

  it('reset forgets the section', () => {
    expect(correct({ ...empty, labels: { x: 'y' } }, { ...target, op: 'reset' })).toEqual({
      ok: true,
      overrides: null,
    });
  });

  it('names the field of a group or note that is not there', () => {
    expect(
      correct(undefined, { ...target, op: 'rename', groupKey: 'stem:weg', label: 'X' }),
    ).toMatchObject({ ok: false, field: 'groupKey' });
    expect(
      correct(undefined, {
        ...target,
        op: 'merge',
        groupKeys: [stemGroupKey('groen'), 'stem:weg'],
      }),
    ).toMatchObject({ ok: false, field: 'groupKeys' });
    expect(
      correct(undefined, {
        ...target,
        op: 'merge',
        groupKeys: [stemGroupKey('groen'), stemGroupKey('groen')],
      }),
    ).toMatchObject({ ok: false, field: 'groupKeys' });
    expect(
      correct(undefined, { ...target, op: 'split', noteIds: ['a', 'zz'], label: 'X' }),
    ).toMatchObject({ ok: false, field: 'noteIds' });
    expect(
      correct(undefined, { ...target, op: 'move', noteId: 'zz', groupKey: OTHER_GROUP_KEY }),
    ).toMatchObject({ ok: false, field: 'noteId' });
    expect(
      correct(undefined, { ...target, op: 'move', noteId: 'a', groupKey: 'custom:weg' }),
    ).toMatchObject({ ok: false, field: 'groupKey' });
  });
});
