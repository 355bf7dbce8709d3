import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addNote,
  countDotsOf,
  deleteNote,
  moveNote,
  placeDot,
  readNotes,
  setCluster,
  takeBackDot,
  updateNote,
} from '../../../common/activities/canvas.doc.ts';
import {
  canvasRoots,
  dotKey,
  noteColours,
  type CanvasConfig,
  type ClusterValue,
  type NoteValue,
} from '../../../common/activities/canvas.ts';
import {
  defaultActivityState,
  type ActivityState,
  type VoteState,
} from '../../../common/activities/control.ts';
import type { MapChange, WriteContext } from '../registry.types.ts';
import { apply, deleteChange, recordChanges, setChange } from '../shared/rules.testing.ts';
import { checkCanvasChanges, countCreatedNotes } from './canvas.rules.ts';

const NOTE_MAX_LENGTH = 20;
const SECTION_KEYS = ['wonen', 'werken'] as const;
const config: CanvasConfig = {
  kind: 'canvas',
  placeId: null,
  sections: SECTION_KEYS.map((key) => ({ key, title: key, prompt: '', colour: '#123456' })),
};

const ANNA = 'anna';
const BRAM = 'bram';
const FACILITATOR = 'fien';
const CAS = 'cas';
const NAMES: Record<string, string> = {
  [ANNA]: 'Anna',
  [BRAM]: 'Bram',
  [CAS]: 'Cas',
  [FACILITATOR]: 'Fien',
};

const openVote: VoteState = { open: true, dotsPerPerson: 3, sectionKey: null, revealed: false };

function contextFor(
  participantId: string,
  doc: Y.Doc,
  options: { state?: Partial<ActivityState>; anonymous?: boolean } = {},
): WriteContext {
  return {
    participantId,
    displayName: NAMES[participantId] ?? participantId,
    isFacilitator: participantId === FACILITATOR,
    labId: 'lab',
    anonymous: options.anonymous ?? false,
    activityId: 'activity',
    config,
    state: { ...defaultActivityState, ...options.state },
    doc,
    limits: { noteMaxLength: NOTE_MAX_LENGTH },
  };
}

function noteOf(authorId: string, id: string, overrides: Partial<NoteValue> = {}): NoteValue {
  return {
    id,
    section: 'wonen',
    text: 'Meer groen',
    colour: 'yellow',
    authorId,
    authorName: NAMES[authorId] ?? '',
    clusterId: null,
    order: 0,
    createdAt: 1,
    ...overrides,
  };
}

function docWith(notes: NoteValue[], dots: Record<string, number> = {}): Y.Doc {
  const doc = new Y.Doc();
  apply(
    doc,
    notes.map((n) => setChange(doc, canvasRoots.notes, n.id, n)),
  );
  apply(
    doc,
    Object.entries(dots).map(([k, v]) => setChange(doc, canvasRoots.dots, k, v)),
  );
  return doc;
}

const verdictOf = (changes: MapChange[], ctx: WriteContext) => checkCanvasChanges(changes, ctx).ok;

describe('canvas rules', () => {
  it('W1: refuses a root a canvas does not have, even from a facilitator', () => {
    const doc = new Y.Doc();
    const change = setChange(doc, 'secrets', 'x', 1);
    expect(verdictOf([change], contextFor(FACILITATOR, doc))).toBe(false);
    expect(verdictOf([change], contextFor(ANNA, doc))).toBe(false);
  });

  it('W2: refuses every write of a participant while the activity is locked', () => {
    const doc = new Y.Doc();
    const create = setChange(doc, canvasRoots.notes, 'n1', noteOf(ANNA, 'n1'));
    expect(verdictOf([create], contextFor(ANNA, doc))).toBe(true);
    expect(verdictOf([create], contextFor(ANNA, doc, { state: { locked: true } }))).toBe(false);
  });

  it('W3: refuses malformed notes from anyone', () => {
    const doc = new Y.Doc();
    const bad: [string, unknown][] = [
      ['n1', { ...noteOf(ANNA, 'n1'), text: '   ' }],
      ['n1', { ...noteOf(ANNA, 'n1'), text: 'x'.repeat(NOTE_MAX_LENGTH + 1) }],
      ['n1', { ...noteOf(ANNA, 'n1'), section: 'onbekend' }],
      ['n1', noteOf(ANNA, 'n2')],
      ['n1', { ...noteOf(ANNA, 'n1'), colour: 'purple' }],
      ['n1', { ...noteOf(ANNA, 'n1'), extra: 'x' }],
      ['n1', 'just text'],
    ];
    for (const [key, value] of bad) {
      const change = setChange(doc, canvasRoots.notes, key, value);
      expect(verdictOf([change], contextFor(FACILITATOR, doc))).toBe(false);
      expect(verdictOf([change], contextFor(ANNA, doc))).toBe(false);
    }
    const longest = noteOf(ANNA, 'n1', { text: 'x'.repeat(NOTE_MAX_LENGTH) });
    expect(
      verdictOf([setChange(doc, canvasRoots.notes, 'n1', longest)], contextFor(ANNA, doc)),
    ).toBe(true);
  });

  it('W4: only facilitators write clusters, and only well-formed ones', () => {
    const doc = new Y.Doc();
    const cluster: ClusterValue = { id: 'c1', section: 'wonen', name: 'Groen' };
    const change = setChange(doc, canvasRoots.clusters, 'c1', cluster);
    expect(verdictOf([change], contextFor(FACILITATOR, doc))).toBe(true);
    expect(verdictOf([change], contextFor(ANNA, doc))).toBe(false);
    for (const bad of [
      { ...cluster, id: 'c2' },
      { ...cluster, section: 'onbekend' },
      { ...cluster, name: ' ' },
    ]) {
      expect(
        verdictOf([setChange(doc, canvasRoots.clusters, 'c1', bad)], contextFor(FACILITATOR, doc)),
      ).toBe(false);
    }
  });

  it('W5: refuses malformed dot keys and counts from anyone', () => {
    const doc = docWith([noteOf(ANNA, 'n1')]);
    const state = { vote: openVote };
    for (const [key, value] of [
      ['n1', 1],
      [dotKey(ANNA, 'n1'), 0],
      [dotKey(ANNA, 'n1'), 1.5],
      [dotKey(ANNA, 'n1'), '1'],
    ] as const) {
      const change = setChange(doc, canvasRoots.dots, key, value);
      expect(verdictOf([change], contextFor(FACILITATOR, doc, { state }))).toBe(false);
      expect(verdictOf([change], contextFor(ANNA, doc, { state }))).toBe(false);
    }
  });

  it("W6: a facilitator may edit, move, cluster and delete anyone's note, also when locked", () => {
    const doc = docWith([noteOf(ANNA, 'n1')], { [dotKey(BRAM, 'n1')]: 2 });
    const ctx = contextFor(FACILITATOR, doc, { state: { locked: true } });
    const edited = noteOf(ANNA, 'n1', { text: 'Anders', section: 'werken', clusterId: 'c9' });
    expect(verdictOf([setChange(doc, canvasRoots.notes, 'n1', edited)], ctx)).toBe(true);
    expect(
      verdictOf(
        [
          deleteChange(doc, canvasRoots.notes, 'n1'),
          deleteChange(doc, canvasRoots.dots, dotKey(BRAM, 'n1')),
        ],
        ctx,
      ),
    ).toBe(true);
  });

  it('W7: a participant creates notes only as themselves, unclustered', () => {
    const doc = new Y.Doc();
    const create = (value: NoteValue, anonymous = false) =>
      verdictOf(
        [setChange(doc, canvasRoots.notes, value.id, value)],
        contextFor(ANNA, doc, { anonymous }),
      );
    expect(create(noteOf(ANNA, 'n1'))).toBe(true);
    expect(create(noteOf(BRAM, 'n1'))).toBe(false);
    expect(create(noteOf(ANNA, 'n1', { authorName: 'Bram' }))).toBe(false);
    expect(create(noteOf(ANNA, 'n1', { clusterId: 'c1' }))).toBe(false);
    // An anonymous lab stores no name at all.
    expect(create(noteOf(ANNA, 'n1', { authorName: '' }), true)).toBe(true);
    expect(create(noteOf(ANNA, 'n1'), true)).toBe(false);
  });

  it('W7: a participant cannot revive the dots of a deleted note by reusing its id', () => {
    const doc = docWith([], { [dotKey(BRAM, 'n1')]: 1 });
    const create = setChange(doc, canvasRoots.notes, 'n1', noteOf(ANNA, 'n1'));
    expect(verdictOf([create], contextFor(ANNA, doc))).toBe(false);
    // Clearing someone else's dots on a note that exists after the update is not cleanup (W13).
    const cleanup = deleteChange(doc, canvasRoots.dots, dotKey(BRAM, 'n1'));
    expect(verdictOf([create, cleanup], contextFor(ANNA, doc))).toBe(false);
    const fresh = setChange(doc, canvasRoots.notes, 'n2', noteOf(ANNA, 'n2'));
    expect(verdictOf([fresh], contextFor(ANNA, doc))).toBe(true);
  });

  it('W8: a participant edits, moves and deletes only their own notes, keeping the author', () => {
    const doc = docWith([noteOf(ANNA, 'n1'), noteOf(BRAM, 'n2')]);
    const anna = contextFor(ANNA, doc);
    const edit = (value: NoteValue) =>
      verdictOf([setChange(doc, canvasRoots.notes, value.id, value)], anna);
    expect(edit(noteOf(ANNA, 'n1', { text: 'Anders', section: 'werken', order: 5 }))).toBe(true);
    expect(edit(noteOf(BRAM, 'n2', { text: 'Anders' }))).toBe(false);
    expect(edit(noteOf(ANNA, 'n2'))).toBe(false);
    expect(edit(noteOf(BRAM, 'n1'))).toBe(false);
    expect(edit(noteOf(ANNA, 'n1', { authorId: BRAM }))).toBe(false);
    expect(edit(noteOf(ANNA, 'n1', { authorName: 'Iemand' }))).toBe(false);
    expect(verdictOf([deleteChange(doc, canvasRoots.notes, 'n1')], anna)).toBe(true);
    expect(verdictOf([deleteChange(doc, canvasRoots.notes, 'n2')], anna)).toBe(false);
  });

  it('W9: a participant cannot cluster, but leaves a cluster when moving to another section', () => {
    const doc = docWith([noteOf(ANNA, 'n1'), noteOf(ANNA, 'n2', { clusterId: 'c1' })]);
    const anna = contextFor(ANNA, doc);
    const edit = (value: NoteValue) =>
      verdictOf([setChange(doc, canvasRoots.notes, value.id, value)], anna);
    expect(edit(noteOf(ANNA, 'n1', { clusterId: 'c1' }))).toBe(false);
    expect(edit(noteOf(ANNA, 'n2', { clusterId: null }))).toBe(false);
    expect(edit(noteOf(ANNA, 'n2', { clusterId: null, section: 'werken' }))).toBe(true);
    expect(edit(noteOf(ANNA, 'n2', { clusterId: 'c1', text: 'Anders' }))).toBe(true);
  });

  it('W10: a participant places and takes back only their own dots, only while the vote is open', () => {
    const doc = docWith([noteOf(BRAM, 'n1')], { [dotKey(BRAM, 'n1')]: 1, [dotKey(ANNA, 'n1')]: 1 });
    const place = setChange(doc, canvasRoots.dots, dotKey(ANNA, 'n1'), 2);
    const takeBack = deleteChange(doc, canvasRoots.dots, dotKey(ANNA, 'n1'));
    const forBram = setChange(doc, canvasRoots.dots, dotKey(BRAM, 'n1'), 2);
    const takeBram = deleteChange(doc, canvasRoots.dots, dotKey(BRAM, 'n1'));
    const open = contextFor(ANNA, doc, { state: { vote: openVote } });
    expect(verdictOf([place], open)).toBe(true);
    expect(verdictOf([takeBack], open)).toBe(true);
    expect(verdictOf([forBram], open)).toBe(false);
    expect(verdictOf([takeBram], open)).toBe(false);
    for (const vote of [null, { ...openVote, open: false }]) {
      const closed = contextFor(ANNA, doc, { state: { vote } });
      expect(verdictOf([place], closed)).toBe(false);
      expect(verdictOf([takeBack], closed)).toBe(false);
    }
  });

  it("W11: dots go only on existing notes in the vote's section", () => {
    const doc = docWith([noteOf(BRAM, 'n1'), noteOf(BRAM, 'n2', { section: 'werken' })]);
    const onlyWonen = contextFor(ANNA, doc, {
      state: { vote: { ...openVote, sectionKey: 'wonen' } },
    });
    const dot = (noteId: string) => setChange(doc, canvasRoots.dots, dotKey(ANNA, noteId), 1);
    expect(verdictOf([dot('n1')], onlyWonen)).toBe(true);
    expect(verdictOf([dot('n2')], onlyWonen)).toBe(false);
    expect(verdictOf([dot('n3')], onlyWonen)).toBe(false);
    // A note deleted in the same update does not exist for the dot.
    expect(verdictOf([deleteChange(doc, canvasRoots.notes, 'n1'), dot('n1')], onlyWonen)).toBe(
      false,
    );
    const everywhere = contextFor(ANNA, doc, { state: { vote: openVote } });
    expect(verdictOf([dot('n2')], everywhere)).toBe(true);
  });

  it('W12: the dot limit is judged on the whole update', () => {
    const doc = docWith([noteOf(BRAM, 'n1'), noteOf(BRAM, 'n2')], { [dotKey(ANNA, 'n1')]: 3 });
    const anna = contextFor(ANNA, doc, { state: { vote: openVote } });
    expect(verdictOf([setChange(doc, canvasRoots.dots, dotKey(ANNA, 'n2'), 1)], anna)).toBe(false);
    expect(verdictOf([setChange(doc, canvasRoots.dots, dotKey(ANNA, 'n1'), 4)], anna)).toBe(false);
    // Moving a dot from one note to another in one update keeps the total at the limit.
    const move = [
      setChange(doc, canvasRoots.dots, dotKey(ANNA, 'n1'), 2),
      setChange(doc, canvasRoots.dots, dotKey(ANNA, 'n2'), 1),
    ];
    expect(verdictOf(move, anna)).toBe(true);
  });

  it('W12: after the facilitator lowers the limit, a participant may still take dots back', () => {
    const doc = docWith([noteOf(BRAM, 'n1')], { [dotKey(ANNA, 'n1')]: 3 });
    const anna = contextFor(ANNA, doc, { state: { vote: { ...openVote, dotsPerPerson: 1 } } });
    expect(verdictOf([setChange(doc, canvasRoots.dots, dotKey(ANNA, 'n1'), 2)], anna)).toBe(true);
    expect(verdictOf([setChange(doc, canvasRoots.dots, dotKey(ANNA, 'n1'), 4)], anna)).toBe(false);
  });

  it("W13: deleting one's own note may clear everyone's dots on it, also with the vote closed", () => {
    const doc = docWith([noteOf(ANNA, 'n1'), noteOf(ANNA, 'n2')], {
      [dotKey(BRAM, 'n1')]: 2,
      [dotKey(BRAM, 'n2')]: 1,
    });
    const anna = contextFor(ANNA, doc);
    const deleteN1 = deleteChange(doc, canvasRoots.notes, 'n1');
    expect(
      verdictOf([deleteN1, deleteChange(doc, canvasRoots.dots, dotKey(BRAM, 'n1'))], anna),
    ).toBe(true);
    // ...but not the dots on a note that stays.
    expect(
      verdictOf([deleteN1, deleteChange(doc, canvasRoots.dots, dotKey(BRAM, 'n2'))], anna),
    ).toBe(false);
  });

  it('W14: counts the notes an update creates', () => {
    const doc = docWith([noteOf(ANNA, 'n1')]);
    const changes = [
      setChange(doc, canvasRoots.notes, 'n1', noteOf(ANNA, 'n1', { text: 'Anders' })),
      setChange(doc, canvasRoots.notes, 'n2', noteOf(ANNA, 'n2')),
      setChange(doc, canvasRoots.notes, 'n3', noteOf(ANNA, 'n3')),
      deleteChange(doc, canvasRoots.notes, 'n1'),
      setChange(doc, canvasRoots.clusters, 'c1', { id: 'c1', section: 'wonen', name: 'x' }),
    ];
    expect(countCreatedNotes(changes)).toBe(2);
  });
});

// ---- Properties -------------------------------------------------------------------------------

const PEOPLE = [ANNA, BRAM, CAS] as const;
const NOTE_IDS = ['n1', 'n2', 'n3', 'n4'] as const;

const anyNote = (id: string): fc.Arbitrary<NoteValue> =>
  fc
    .record({
      id: fc.constant(id),
      section: fc.constantFrom(...SECTION_KEYS),
      text: fc.string({ minLength: 1, maxLength: NOTE_MAX_LENGTH }).filter((t) => t.trim() !== ''),
      colour: fc.constantFrom(...noteColours),
      authorId: fc.constantFrom(...PEOPLE, FACILITATOR),
      authorName: fc.constantFrom('Anna', 'Bram', 'Cas', ''),
      clusterId: fc.constantFrom(null, 'c1'),
      order: fc.double({ noNaN: true, noDefaultInfinity: true }),
      createdAt: fc.integer(),
    })
    .map((note) => ({ ...note })); // fast-check's records have no prototype; Yjs wants plain objects

/** One intended write; turned into a MapChange against the document as it is at that moment. */
type Intent =
  | { kind: 'setNote'; note: NoteValue }
  | { kind: 'deleteNote'; id: string; withDots: boolean }
  | { kind: 'setDot'; owner: string; noteId: string; count: number }
  | { kind: 'deleteDot'; owner: string; noteId: string }
  | { kind: 'addDot'; owner: string; noteId: string; by: number }
  | { kind: 'setCluster'; id: string; name: string };

const anyIntent: fc.Arbitrary<Intent> = fc.oneof(
  fc
    .constantFrom(...NOTE_IDS)
    .chain(anyNote)
    .map((note) => ({ kind: 'setNote' as const, note })),
  fc.record({
    kind: fc.constant('deleteNote' as const),
    id: fc.constantFrom(...NOTE_IDS),
    withDots: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant('setDot' as const),
    owner: fc.constantFrom(...PEOPLE),
    noteId: fc.constantFrom(...NOTE_IDS),
    count: fc.integer({ min: 1, max: 6 }),
  }),
  fc.record({
    kind: fc.constant('addDot' as const),
    owner: fc.constantFrom(...PEOPLE),
    noteId: fc.constantFrom(...NOTE_IDS),
    by: fc.integer({ min: -1, max: 2 }).filter((by) => by !== 0),
  }),
  fc.record({
    kind: fc.constant('deleteDot' as const),
    owner: fc.constantFrom(...PEOPLE),
    noteId: fc.constantFrom(...NOTE_IDS),
  }),
  fc.record({
    kind: fc.constant('setCluster' as const),
    id: fc.constantFrom('c1', 'c2'),
    name: fc.string({ minLength: 1, maxLength: 10 }),
  }),
);

function changesFor(doc: Y.Doc, intents: readonly Intent[]): MapChange[] {
  const changes: MapChange[] = [];
  for (const intent of intents) {
    switch (intent.kind) {
      case 'setNote':
        changes.push(setChange(doc, canvasRoots.notes, intent.note.id, intent.note));
        break;
      case 'deleteNote':
        changes.push(deleteChange(doc, canvasRoots.notes, intent.id));
        if (intent.withDots) {
          for (const key of doc.getMap(canvasRoots.dots).keys()) {
            if (key.endsWith(`|${intent.id}`))
              changes.push(deleteChange(doc, canvasRoots.dots, key));
          }
        }
        break;
      case 'setDot':
        changes.push(
          setChange(doc, canvasRoots.dots, dotKey(intent.owner, intent.noteId), intent.count),
        );
        break;
      case 'addDot': {
        const key = dotKey(intent.owner, intent.noteId);
        const current = doc.getMap<unknown>(canvasRoots.dots).get(key);
        const next = (typeof current === 'number' ? current : 0) + intent.by;
        changes.push(
          next > 0
            ? setChange(doc, canvasRoots.dots, key, next)
            : deleteChange(doc, canvasRoots.dots, key),
        );
        break;
      }
      case 'deleteDot':
        changes.push(deleteChange(doc, canvasRoots.dots, dotKey(intent.owner, intent.noteId)));
        break;
      case 'setCluster':
        changes.push(
          setChange(doc, canvasRoots.clusters, intent.id, {
            id: intent.id,
            section: 'wonen',
            name: intent.name.trim() || 'x',
          }),
        );
        break;
    }
  }
  return changes;
}

const anyVote: fc.Arbitrary<VoteState> = fc.record({
  open: fc.boolean(),
  dotsPerPerson: fc.integer({ min: 1, max: 5 }),
  sectionKey: fc.constantFrom(null, ...SECTION_KEYS),
  revealed: fc.boolean(),
});

/** Most of what a participant sends is what an honest client would send for them. */
function asHonestFrom(writer: string, intent: Intent): Intent {
  switch (intent.kind) {
    case 'setNote':
      return {
        kind: 'setNote',
        note: {
          ...intent.note,
          authorId: writer,
          authorName: NAMES[writer] ?? '',
          clusterId: null,
        },
      };
    case 'setDot':
    case 'addDot':
    case 'deleteDot':
      return { ...intent, owner: writer };
    default:
      return intent;
  }
}

const participantUpdate = fc
  .record({
    writer: fc.constantFrom(...PEOPLE),
    intents: fc.array(fc.tuple(anyIntent, fc.integer({ min: 0, max: 3 })), {
      minLength: 1,
      maxLength: 3,
    }),
  })
  .map(({ writer, intents }) => ({
    writer,
    // One in four intents is left as generated: someone else's note or dots, a cluster, …
    intents: intents.map(([intent, dice]) => (dice === 0 ? intent : asHonestFrom(writer, intent))),
  }));

const mostlyOpenVote: fc.Arbitrary<VoteState> = fc.record({
  open: fc.integer({ min: 0, max: 4 }).map((n) => n > 0),
  dotsPerPerson: fc.integer({ min: 1, max: 5 }),
  sectionKey: fc.constantFrom(null, ...SECTION_KEYS),
  revealed: fc.boolean(),
});

describe('canvas rule properties', () => {
  it('W8, W12: whatever participants send, nobody exceeds their dots and no note changes author', () => {
    fc.assert(
      fc.property(
        mostlyOpenVote,
        fc.array(participantUpdate, { maxLength: 40 }),
        (vote, updates) => {
          const doc = new Y.Doc();
          const authors = new Map<string, string>();
          for (const { writer, intents } of updates) {
            const changes = changesFor(doc, intents);
            const ctx = contextFor(writer, doc, { state: { vote } });
            if (!checkCanvasChanges(changes, ctx).ok) continue;
            apply(doc, changes);
            const notes = readNotes(doc);
            for (const id of authors.keys()) {
              if (!notes.some((n) => n.id === id)) authors.delete(id);
            }
            for (const note of notes) {
              const author = authors.get(note.id) ?? note.authorId;
              expect(note.authorId).toBe(author);
              authors.set(note.id, author);
            }
            const existing = new Set(notes.map((n) => n.id));
            for (const person of PEOPLE) {
              const dots = countDotsOf(person, doc.getMap<unknown>(canvasRoots.dots), existing);
              expect(dots).toBeLessThanOrEqual(vote.dotsPerPerson);
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('W6: a well-formed update by a facilitator is always accepted, whatever the state', () => {
    fc.assert(
      fc.property(
        fc.array(anyIntent, { maxLength: 10 }),
        fc.array(anyIntent, { minLength: 1, maxLength: 5 }),
        fc.boolean(),
        fc.option(anyVote),
        (setup, intents, locked, vote) => {
          const doc = new Y.Doc();
          apply(doc, changesFor(doc, setup));
          const ctx = contextFor(FACILITATOR, doc, { state: { locked, vote } });
          expect(checkCanvasChanges(changesFor(doc, intents), ctx)).toEqual({ ok: true });
        },
      ),
    );
  });

  it('W2: any update by a participant while locked is refused', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...PEOPLE),
        fc.array(anyIntent, { minLength: 1, maxLength: 5 }),
        fc.option(anyVote),
        (writer, intents, vote) => {
          const doc = new Y.Doc();
          const ctx = contextFor(writer, doc, { state: { locked: true, vote } });
          expect(checkCanvasChanges(changesFor(doc, intents), ctx).ok).toBe(false);
        },
      ),
    );
  });
});

// ---- The shared helpers write what the rules accept ------------------------------------------

/** The writes `work` makes, as the collaboration server would see them, judged against the doc before. */
function judgeHelper(doc: Y.Doc, ctx: (before: Y.Doc) => WriteContext, work: () => void) {
  const { before, changes } = recordChanges(doc, Object.values(canvasRoots), work);
  return checkCanvasChanges(changes, ctx(before));
}

describe('canvas helpers and rules agree', () => {
  it('W7–W13: what an honest participant client writes is accepted', () => {
    const doc = new Y.Doc();
    const asAnna = (before: Y.Doc) => contextFor(ANNA, before, { state: { vote: openVote } });
    const asBram = (before: Y.Doc) => contextFor(BRAM, before, { state: { vote: openVote } });
    const asFien = (before: Y.Doc) => contextFor(FACILITATOR, before);
    let noteId = '';
    const newNote = { section: 'wonen', text: 'Meer groen', colour: 'yellow' as const };
    expect(
      judgeHelper(doc, asAnna, () => {
        noteId = addNote(doc, { ...newNote, authorId: ANNA, authorName: 'Anna' }).id;
      }),
    ).toEqual({ ok: true });
    expect(judgeHelper(doc, asAnna, () => updateNote(doc, noteId, { text: 'Bomen' }))).toEqual({
      ok: true,
    });
    expect(
      judgeHelper(doc, asFien, () =>
        setCluster(doc, { section: 'wonen', name: 'Groen' }, [noteId]),
      ),
    ).toEqual({ ok: true });
    expect(judgeHelper(doc, asBram, () => placeDot(doc, BRAM, noteId, openVote))).toEqual({
      ok: true,
    });
    expect(judgeHelper(doc, asAnna, () => placeDot(doc, ANNA, noteId, openVote))).toEqual({
      ok: true,
    });
    expect(judgeHelper(doc, asAnna, () => takeBackDot(doc, ANNA, noteId, openVote))).toEqual({
      ok: true,
    });
    expect(judgeHelper(doc, asAnna, () => moveNote(doc, noteId, 'werken', 1))).toEqual({
      ok: true,
    });
    expect(judgeHelper(doc, asAnna, () => deleteNote(doc, noteId))).toEqual({ ok: true });
  });

  it("W8: a helper used on someone else's note writes what the rules refuse", () => {
    const doc = new Y.Doc();
    const note = addNote(doc, {
      section: 'wonen',
      text: 'x',
      colour: 'blue',
      authorId: BRAM,
      authorName: 'Bram',
    });
    const asAnna = (before: Y.Doc) => contextFor(ANNA, before);
    expect(judgeHelper(doc, asAnna, () => updateNote(doc, note.id, { text: 'y' })).ok).toBe(false);
  });
});
