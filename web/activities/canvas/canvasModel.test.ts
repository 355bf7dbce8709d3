import { describe, expect, it } from 'vitest';
import type { NoteValue } from '../../../common/activities/canvas.ts';
import { defaultActivityState } from '../../../common/activities/control.ts';
import {
  groupNotesBySection,
  isNoteVisible,
  isNoteVotable,
  isTallyVisible,
  mayChangeNote,
  neighboursForDrop,
  neighboursForStep,
  nextFocusIndex,
  sortNotes,
} from './canvasModel.ts';

function note(overrides: Partial<NoteValue> & { id: string }): NoteValue {
  return {
    section: 'kansen',
    text: 'Meer bankjes',
    colour: 'yellow',
    authorId: 'anna',
    authorName: 'Anna',
    clusterId: null,
    order: 1,
    createdAt: 1000,
    ...overrides,
  };
}

const anna = { participantId: 'anna', isFacilitator: false };
const bram = { participantId: 'bram', isFacilitator: false };
const facilitator = { participantId: 'fien', isFacilitator: true };

describe('sortNotes', () => {
  it('orders by sort key first, then by age, then by id', () => {
    const sorted = sortNotes([
      note({ id: 'c', order: 2 }),
      note({ id: 'b', order: 1, createdAt: 5 }),
      note({ id: 'a', order: 1, createdAt: 5 }),
      note({ id: 'd', order: 1, createdAt: 1 }),
    ]);
    expect(sorted.map((n) => n.id)).toEqual(['d', 'a', 'b', 'c']);
  });

  it('leaves the input untouched', () => {
    const input = [note({ id: 'b', order: 2 }), note({ id: 'a', order: 1 })];
    sortNotes(input);
    expect(input.map((n) => n.id)).toEqual(['b', 'a']);
  });
});

describe('groupNotesBySection', () => {
  it('puts notes under their section in display order, and keeps empty sections', () => {
    const { bySection, orphans } = groupNotesBySection(
      [
        note({ id: 'x', section: 'dna', order: 3 }),
        note({ id: 'y', section: 'dna', order: 1 }),
        note({ id: 'z', section: 'kansen' }),
      ],
      [{ key: 'dna' }, { key: 'kansen' }, { key: 'leeg' }],
    );
    expect(bySection.get('dna')?.map((n) => n.id)).toEqual(['y', 'x']);
    expect(bySection.get('kansen')?.map((n) => n.id)).toEqual(['z']);
    expect(bySection.get('leeg')).toEqual([]);
    expect(orphans).toEqual([]);
  });

  it('returns notes of a section that no longer exists as orphans instead of dropping them', () => {
    const { orphans } = groupNotesBySection([note({ id: 'x', section: 'weg' })], [{ key: 'dna' }]);
    expect(orphans.map((n) => n.id)).toEqual(['x']);
  });
});

describe('who sees and changes what', () => {
  const annasNote = note({ id: 'n', authorId: 'anna' });

  it('shows every note when the canvas is not private', () => {
    expect(isNoteVisible(annasNote, bram, false)).toBe(true);
  });

  it('hides others’ notes in private mode, but not one’s own and not from facilitators', () => {
    expect(isNoteVisible(annasNote, bram, true)).toBe(false);
    expect(isNoteVisible(annasNote, anna, true)).toBe(true);
    expect(isNoteVisible(annasNote, facilitator, true)).toBe(true);
  });

  it('lets the author and facilitators change a note, nobody else', () => {
    expect(mayChangeNote(annasNote, anna)).toBe(true);
    expect(mayChangeNote(annasNote, facilitator)).toBe(true);
    expect(mayChangeNote(annasNote, bram)).toBe(false);
  });
});

describe('dot vote', () => {
  const vote = { open: true, dotsPerPerson: 3, sectionKey: null, revealed: false };

  it('hides the tally from participants until it is revealed; facilitators always see it', () => {
    const hidden = { ...defaultActivityState, vote };
    const revealed = { ...defaultActivityState, vote: { ...vote, revealed: true } };
    expect(isTallyVisible(hidden, false)).toBe(false);
    expect(isTallyVisible(hidden, true)).toBe(true);
    expect(isTallyVisible(revealed, false)).toBe(true);
    expect(isTallyVisible(defaultActivityState, false)).toBe(false);
  });

  it('allows dots only while the vote is open and only in its section', () => {
    const inKansen = note({ id: 'a', section: 'kansen' });
    const inDna = note({ id: 'b', section: 'dna' });
    expect(isNoteVotable(inKansen, vote)).toBe(true);
    expect(isNoteVotable(inKansen, null)).toBe(false);
    expect(isNoteVotable(inKansen, { ...vote, open: false })).toBe(false);
    expect(isNoteVotable(inKansen, { ...vote, sectionKey: 'kansen' })).toBe(true);
    expect(isNoteVotable(inDna, { ...vote, sectionKey: 'kansen' })).toBe(false);
  });
});

describe('neighboursForStep', () => {
  const list = [
    note({ id: 'a', order: 1 }),
    note({ id: 'b', order: 2 }),
    note({ id: 'c', order: 3 }),
    note({ id: 'd', order: 4 }),
  ];

  it('moving up lands between the two notes above', () => {
    expect(neighboursForStep(list, 'c', 'up')).toEqual({ before: 1, after: 2 });
    expect(neighboursForStep(list, 'b', 'up')).toEqual({ before: null, after: 1 });
  });

  it('moving down lands between the two notes below', () => {
    expect(neighboursForStep(list, 'b', 'down')).toEqual({ before: 3, after: 4 });
    expect(neighboursForStep(list, 'c', 'down')).toEqual({ before: 4, after: null });
  });

  it('cannot move past the ends or move a note that is not in the list', () => {
    expect(neighboursForStep(list, 'a', 'up')).toBeNull();
    expect(neighboursForStep(list, 'd', 'down')).toBeNull();
    expect(neighboursForStep(list, 'x', 'up')).toBeNull();
  });
});

describe('nextFocusIndex', () => {
  it('steps with the arrow keys and stops at the ends', () => {
    expect(nextFocusIndex(1, 'ArrowDown', 3)).toBe(2);
    expect(nextFocusIndex(2, 'ArrowDown', 3)).toBe(2);
    expect(nextFocusIndex(1, 'ArrowUp', 3)).toBe(0);
    expect(nextFocusIndex(0, 'ArrowUp', 3)).toBe(0);
    expect(nextFocusIndex(0, 'ArrowRight', 3)).toBe(1);
    expect(nextFocusIndex(1, 'ArrowLeft', 3)).toBe(0);
  });

  it('jumps with Home and End and ignores other keys', () => {
    expect(nextFocusIndex(1, 'Home', 3)).toBe(0);
    expect(nextFocusIndex(0, 'End', 3)).toBe(2);
    expect(nextFocusIndex(0, 'Enter', 3)).toBeNull();
    expect(nextFocusIndex(0, 'ArrowDown', 0)).toBeNull();
  });
});

describe('neighboursForDrop', () => {
  const list = [
    note({ id: 'a', order: 1 }),
    note({ id: 'b', order: 2 }),
    note({ id: 'c', order: 3 }),
  ];

  it('drops before or after the target note', () => {
    expect(neighboursForDrop(list, 'x', 'b', false)).toEqual({ before: 1, after: 2 });
    expect(neighboursForDrop(list, 'x', 'b', true)).toEqual({ before: 2, after: 3 });
    expect(neighboursForDrop(list, 'x', 'a', false)).toEqual({ before: null, after: 1 });
    expect(neighboursForDrop(list, 'x', 'c', true)).toEqual({ before: 3, after: null });
  });

  it('drops at the end of the section when there is no target note', () => {
    expect(neighboursForDrop(list, 'x', null, false)).toEqual({ before: 3, after: null });
    expect(neighboursForDrop([], 'x', null, false)).toEqual({ before: null, after: null });
  });

  it('moves within the section without counting the dragged note', () => {
    expect(neighboursForDrop(list, 'a', 'c', true)).toEqual({ before: 3, after: null });
    expect(neighboursForDrop(list, 'c', 'a', false)).toEqual({ before: null, after: 1 });
    expect(neighboursForDrop(list, 'a', null, false)).toEqual({ before: 3, after: null });
  });

  it('changes nothing when the note is dropped where it already is', () => {
    expect(neighboursForDrop(list, 'b', 'b', false)).toBeNull();
    expect(neighboursForDrop(list, 'a', 'b', false)).toBeNull();
    expect(neighboursForDrop(list, 'b', 'a', true)).toBeNull();
    expect(neighboursForDrop(list, 'c', null, false)).toBeNull();
  });

  it('ignores a target that is not in the section', () => {
    expect(neighboursForDrop(list, 'x', 'zz', false)).toBeNull();
  });
});
