import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { defaultActivityState, type ActivityState } from '../../../common/activities/control.ts';
import {
  addScenarioNote,
  proposeAction,
  recordVerdict,
  withdrawAction,
} from '../../../common/activities/scenarios.doc.ts';
import {
  defaultScenariosConfig,
  quadrantKeys,
  scenariosRoots,
  verdictKey,
  type QuadrantKey,
  type ScenarioActionValue,
  type ScenarioNoteValue,
} from '../../../common/activities/scenarios.ts';
import type { MapChange, WriteContext } from '../registry.types.ts';
import { apply, deleteChange, setChange } from '../shared/rules.testing.ts';
import { checkScenariosChanges, countCreatedScenarioItems } from './scenarios.rules.ts';

const NOTE_MAX_LENGTH = 20;
const ANNA = 'anna';
const BRAM = 'bram';
const FACILITATOR = 'fien';
const NAMES: Record<string, string> = { [ANNA]: 'Anna', [BRAM]: 'Bram', [FACILITATOR]: 'Fien' };
const config = defaultScenariosConfig();

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

function noteOf(
  authorId: string,
  id: string,
  overrides: Partial<ScenarioNoteValue> = {},
): ScenarioNoteValue {
  return {
    id,
    quadrant: 'hh',
    lane: 'meaning',
    text: 'Meer bezoekers',
    authorId,
    authorName: NAMES[authorId] ?? '',
    createdAt: 1,
    ...overrides,
  };
}

function actionOf(
  authorId: string,
  id: string,
  overrides: Partial<ScenarioActionValue> = {},
): ScenarioActionValue {
  return {
    id,
    title: 'Deelplatform voor winkels',
    origin: 'hh',
    authorId,
    authorName: NAMES[authorId] ?? '',
    createdAt: 1,
    ...overrides,
  };
}

function docWith(notes: ScenarioNoteValue[] = [], actions: ScenarioActionValue[] = []): Y.Doc {
  const doc = new Y.Doc();
  apply(doc, [
    ...notes.map((n) => setChange(doc, scenariosRoots.notes, n.id, n)),
    ...actions.map((a) => setChange(doc, scenariosRoots.actions, a.id, a)),
  ]);
  return doc;
}

const isAccepted = (changes: MapChange[], ctx: WriteContext) =>
  checkScenariosChanges(changes, ctx).ok;

/** Records the changes a helper of scenarios.doc.ts makes, as the server would decode them. */
function changesOf(doc: Y.Doc, edit: (doc: Y.Doc) => void): MapChange[] {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  const before = new Map(
    Object.values(scenariosRoots).map((root) => [
      root,
      new Map(copy.getMap<unknown>(root).entries()),
    ]),
  );
  edit(copy);
  const changes: MapChange[] = [];
  for (const root of Object.values(scenariosRoots)) {
    const old = before.get(root) ?? new Map<string, unknown>();
    const now = copy.getMap<unknown>(root);
    for (const [key, value] of now.entries()) {
      if (old.get(key) !== value)
        changes.push({ op: 'set', root, key, value, previous: old.get(key) });
    }
    for (const [key, previous] of old) {
      if (!now.has(key)) changes.push({ op: 'delete', root, key, previous });
    }
  }
  return changes;
}

describe('scenarios rules', () => {
  it('S10: refuses a root a scenarios document does not have, even from a facilitator', () => {
    const doc = new Y.Doc();
    const change = setChange(doc, 'dots', 'x', 1);
    expect(isAccepted([change], contextFor(FACILITATOR, doc))).toBe(false);
    expect(isAccepted([change], contextFor(ANNA, doc))).toBe(false);
    expect(checkScenariosChanges([change], contextFor(ANNA, doc))).toEqual({
      ok: false,
      reason: 'root dots is not part of a scenarios activity',
    });
  });

  it('S11: refuses every write of a participant while the activity is locked; facilitators still write', () => {
    const doc = new Y.Doc();
    const name = setChange(doc, scenariosRoots.quadrants, 'hh', { name: 'Slim', narrative: '' });
    const note = setChange(doc, scenariosRoots.notes, 'n1', noteOf(ANNA, 'n1'));
    const locked = { state: { locked: true } };
    expect(isAccepted([name], contextFor(ANNA, doc))).toBe(true);
    expect(isAccepted([note], contextFor(ANNA, doc))).toBe(true);
    expect(isAccepted([name], contextFor(ANNA, doc, locked))).toBe(false);
    expect(isAccepted([note], contextFor(ANNA, doc, locked))).toBe(false);
    expect(isAccepted([name], contextFor(FACILITATOR, doc, locked))).toBe(true);
  });

  it('S12: anyone names and describes the four scenarios, within the lengths; only those keys', () => {
    const doc = new Y.Doc();
    const ctx = contextFor(BRAM, doc);
    for (const key of quadrantKeys) {
      const value = { name: 'x'.repeat(80), narrative: 'y'.repeat(1500) };
      expect(isAccepted([setChange(doc, scenariosRoots.quadrants, key, value)], ctx)).toBe(true);
    }
    const bad: [string, unknown][] = [
      ['xx', { name: 'Onbekend', narrative: '' }],
      ['hh', { name: 'x'.repeat(81), narrative: '' }],
      ['hh', { name: '', narrative: 'y'.repeat(1501) }],
      ['hh', { name: 'Slim' }],
      ['hh', { name: 'Slim', narrative: '', extra: 1 }],
      ['hh', 'Slim'],
    ];
    for (const [key, value] of bad) {
      expect(isAccepted([setChange(doc, scenariosRoots.quadrants, key, value)], ctx), key).toBe(
        false,
      );
      expect(
        isAccepted(
          [setChange(doc, scenariosRoots.quadrants, key, value)],
          contextFor(FACILITATOR, doc),
        ),
      ).toBe(false);
    }
    apply(doc, [setChange(doc, scenariosRoots.quadrants, 'hh', { name: 'Slim', narrative: '' })]);
    const clear = deleteChange(doc, scenariosRoots.quadrants, 'hh');
    expect(isAccepted([clear], ctx)).toBe(false);
    expect(isAccepted([clear], contextFor(FACILITATOR, doc))).toBe(true);
  });

  it('S13: refuses malformed notes from anyone: unknown scenario or lane, empty, too long, other id, extra fields', () => {
    const doc = new Y.Doc();
    const bad: [string, unknown][] = [
      ['n1', noteOf(ANNA, 'n1', { text: '   ' })],
      ['n1', noteOf(ANNA, 'n1', { text: 'x'.repeat(NOTE_MAX_LENGTH + 1) })],
      ['n1', { ...noteOf(ANNA, 'n1'), quadrant: 'xx' }],
      ['n1', { ...noteOf(ANNA, 'n1'), lane: 'wishes' }],
      ['n1', noteOf(ANNA, 'n2')],
      ['n1', { ...noteOf(ANNA, 'n1'), colour: 'yellow' }],
      ['n1', 'Meer groen'],
    ];
    for (const [key, value] of bad) {
      for (const who of [ANNA, FACILITATOR]) {
        const change = setChange(doc, scenariosRoots.notes, key, value);
        expect(isAccepted([change], contextFor(who, doc)), JSON.stringify(value)).toBe(false);
      }
    }
    const longest = noteOf(ANNA, 'n1', { text: 'x'.repeat(NOTE_MAX_LENGTH) });
    expect(
      isAccepted([setChange(doc, scenariosRoots.notes, 'n1', longest)], contextFor(ANNA, doc)),
    ).toBe(true);
  });

  it('S14: participants write notes only as themselves, and change or delete only their own', () => {
    const doc = docWith([noteOf(BRAM, 'b1')]);
    const anna = contextFor(ANNA, doc);
    expect(isAccepted([setChange(doc, scenariosRoots.notes, 'a1', noteOf(BRAM, 'a1'))], anna)).toBe(
      false,
    );
    expect(
      isAccepted(
        [setChange(doc, scenariosRoots.notes, 'a1', noteOf(ANNA, 'a1', { authorName: 'Bram' }))],
        anna,
      ),
    ).toBe(false);
    expect(isAccepted([setChange(doc, scenariosRoots.notes, 'a1', noteOf(ANNA, 'a1'))], anna)).toBe(
      true,
    );
    // Bram's note: Anna may neither change nor delete it, the facilitator may do both.
    const edit = setChange(doc, scenariosRoots.notes, 'b1', noteOf(BRAM, 'b1', { text: 'Anders' }));
    const remove = deleteChange(doc, scenariosRoots.notes, 'b1');
    expect(isAccepted([edit], anna)).toBe(false);
    expect(isAccepted([remove], anna)).toBe(false);
    expect(isAccepted([edit], contextFor(FACILITATOR, doc))).toBe(true);
    expect(isAccepted([remove], contextFor(FACILITATOR, doc))).toBe(true);
    // Bram changes his own, moves it to another lane, deletes it; the author stays his.
    const bram = contextFor(BRAM, doc);
    expect(isAccepted([edit], bram)).toBe(true);
    expect(
      isAccepted(
        [setChange(doc, scenariosRoots.notes, 'b1', noteOf(BRAM, 'b1', { lane: 'regret' }))],
        bram,
      ),
    ).toBe(true);
    expect(isAccepted([remove], bram)).toBe(true);
    expect(
      isAccepted(
        [setChange(doc, scenariosRoots.notes, 'b1', noteOf(BRAM, 'b1', { authorId: ANNA }))],
        bram,
      ),
    ).toBe(false);
  });

  it('S14: in an anonymous lab a participant stores no name at all', () => {
    const doc = new Y.Doc();
    const anonymous = contextFor(ANNA, doc, { anonymous: true });
    const named = setChange(doc, scenariosRoots.notes, 'a1', noteOf(ANNA, 'a1'));
    const nameless = setChange(
      doc,
      scenariosRoots.notes,
      'a1',
      noteOf(ANNA, 'a1', { authorName: '' }),
    );
    expect(isAccepted([named], anonymous)).toBe(false);
    expect(isAccepted([nameless], anonymous)).toBe(true);
    const action = setChange(
      doc,
      scenariosRoots.actions,
      'x1',
      actionOf(ANNA, 'x1', { authorName: '' }),
    );
    expect(isAccepted([action], anonymous)).toBe(true);
    expect(isAccepted([action], contextFor(ANNA, doc))).toBe(false);
  });

  it('S15: refuses malformed actions from anyone: no title, too long, unknown scenario, other id', () => {
    const doc = new Y.Doc();
    const bad: unknown[] = [
      actionOf(ANNA, 'x1', { title: ' ' }),
      actionOf(ANNA, 'x1', { title: 'x'.repeat(201) }),
      { ...actionOf(ANNA, 'x1'), origin: 'middle' },
      actionOf(ANNA, 'x2'),
      { ...actionOf(ANNA, 'x1'), robust: true },
    ];
    for (const value of bad) {
      for (const who of [ANNA, FACILITATOR]) {
        const change = setChange(doc, scenariosRoots.actions, 'x1', value);
        expect(isAccepted([change], contextFor(who, doc)), JSON.stringify(value)).toBe(false);
      }
    }
    const longest = actionOf(ANNA, 'x1', { title: 'x'.repeat(200) });
    expect(
      isAccepted([setChange(doc, scenariosRoots.actions, 'x1', longest)], contextFor(ANNA, doc)),
    ).toBe(true);
  });

  it('S16: participants propose actions only as themselves and change only their own; the origin is fixed for all', () => {
    const doc = docWith([], [actionOf(BRAM, 'b1')]);
    const anna = contextFor(ANNA, doc);
    const bram = contextFor(BRAM, doc);
    const facilitator = contextFor(FACILITATOR, doc);
    expect(
      isAccepted([setChange(doc, scenariosRoots.actions, 'a1', actionOf(BRAM, 'a1'))], anna),
    ).toBe(false);
    expect(
      isAccepted([setChange(doc, scenariosRoots.actions, 'a1', actionOf(ANNA, 'a1'))], anna),
    ).toBe(true);
    const rename = setChange(
      doc,
      scenariosRoots.actions,
      'b1',
      actionOf(BRAM, 'b1', { title: 'Ander plan' }),
    );
    const remove = deleteChange(doc, scenariosRoots.actions, 'b1');
    expect(isAccepted([rename], anna)).toBe(false);
    expect(isAccepted([remove], anna)).toBe(false);
    expect(isAccepted([rename], bram)).toBe(true);
    expect(isAccepted([remove], bram)).toBe(true);
    expect(isAccepted([rename], facilitator)).toBe(true);
    expect(isAccepted([remove], facilitator)).toBe(true);
    const moved = setChange(
      doc,
      scenariosRoots.actions,
      'b1',
      actionOf(BRAM, 'b1', { origin: 'll' }),
    );
    expect(isAccepted([moved], bram)).toBe(false);
    expect(isAccepted([moved], facilitator)).toBe(false);
  });

  it('S17: only facilitators record verdicts, { holds } only, on an existing action outside its origin', () => {
    const doc = docWith([], [actionOf(ANNA, 'x1', { origin: 'hh' })]);
    const facilitator = contextFor(FACILITATOR, doc);
    const holds = setChange(doc, scenariosRoots.verdicts, verdictKey('x1', 'll'), { holds: true });
    expect(isAccepted([holds], facilitator)).toBe(true);
    expect(isAccepted([holds], contextFor(ANNA, doc))).toBe(false);
    const bad: [string, unknown][] = [
      [verdictKey('x1', 'hh'), { holds: true }],
      [verdictKey('missing', 'll'), { holds: true }],
      ['x1|zz', { holds: true }],
      ['x1', { holds: true }],
      [verdictKey('x1', 'll'), { holds: 'ja' }],
      [verdictKey('x1', 'll'), { holds: true, note: 'x' }],
      [verdictKey('x1', 'll'), true],
    ];
    for (const [key, value] of bad) {
      expect(
        isAccepted([setChange(doc, scenariosRoots.verdicts, key, value)], facilitator),
        key,
      ).toBe(false);
    }
    apply(doc, [holds]);
    const takeBack = deleteChange(doc, scenariosRoots.verdicts, verdictKey('x1', 'll'));
    expect(isAccepted([takeBack], contextFor(ANNA, doc))).toBe(false);
    expect(isAccepted([takeBack], facilitator)).toBe(true);
  });

  it('S17: a facilitator may propose an action and judge it in one update', () => {
    const doc = new Y.Doc();
    const changes = changesOf(doc, (copy) => {
      copy.transact(() => {
        const action = proposeAction(copy, {
          title: 'Hub',
          origin: 'lh',
          authorId: FACILITATOR,
          authorName: 'Fien',
        });
        recordVerdict(copy, action.id, 'hh', true);
      });
    });
    expect(changes).toHaveLength(2);
    expect(isAccepted(changes, contextFor(FACILITATOR, doc))).toBe(true);
  });

  it("S18: withdrawing one's own action takes the room's verdicts on it along", () => {
    const doc = docWith([], [actionOf(ANNA, 'x1')]);
    recordVerdict(doc, 'x1', 'll', true);
    recordVerdict(doc, 'x1', 'lh', false);
    const changes = changesOf(doc, (copy) => withdrawAction(copy, 'x1'));
    expect(changes).toHaveLength(3);
    expect(isAccepted(changes, contextFor(ANNA, doc))).toBe(true);
    // Bram may not withdraw Anna's action, nor clear verdicts of an action that still exists.
    expect(isAccepted(changes, contextFor(BRAM, doc))).toBe(false);
    const verdictOnly = changes.filter((c) => c.root === scenariosRoots.verdicts);
    expect(isAccepted(verdictOnly, contextFor(ANNA, doc))).toBe(false);
  });

  it('S19: every new note and action counts against the notes-per-minute limit; edits and verdicts do not', () => {
    const doc = docWith([noteOf(ANNA, 'a1')], [actionOf(ANNA, 'x1')]);
    const changes = [
      setChange(doc, scenariosRoots.notes, 'a2', noteOf(ANNA, 'a2')),
      setChange(doc, scenariosRoots.notes, 'a1', noteOf(ANNA, 'a1', { text: 'Anders' })),
      setChange(doc, scenariosRoots.actions, 'x2', actionOf(ANNA, 'x2')),
      setChange(doc, scenariosRoots.verdicts, verdictKey('x1', 'll'), { holds: true }),
      setChange(doc, scenariosRoots.quadrants, 'hh', { name: 'Slim', narrative: '' }),
    ];
    expect(countCreatedScenarioItems(changes)).toBe(2);
  });

  it('S13, S14: what the document helpers write as a participant is accepted', () => {
    const doc = new Y.Doc();
    const changes = changesOf(doc, (copy) => {
      addScenarioNote(copy, {
        quadrant: 'hl',
        lane: 'policy',
        text: 'Open data',
        authorId: ANNA,
        authorName: 'Anna',
      });
    });
    expect(isAccepted(changes, contextFor(ANNA, doc))).toBe(true);
  });

  it('S14, S16: whatever participants write about others is refused (property)', () => {
    const quadrant = fc.constantFrom<QuadrantKey>(...quadrantKeys);
    fc.assert(
      fc.property(
        fc.constantFrom('notes', 'actions'),
        fc.constantFrom('set', 'delete'),
        quadrant,
        fc.string({ minLength: 1, maxLength: 10 }),
        (root, op, origin, text) => {
          const doc =
            root === 'notes'
              ? docWith([noteOf(BRAM, 'b1', { quadrant: origin })])
              : docWith([], [actionOf(BRAM, 'b1', { origin })]);
          const value =
            root === 'notes'
              ? noteOf(BRAM, 'b1', { quadrant: origin, text: `${text}x` })
              : actionOf(BRAM, 'b1', { origin, title: `${text}x` });
          const change =
            op === 'set' ? setChange(doc, root, 'b1', value) : deleteChange(doc, root, 'b1');
          return !isAccepted([change], contextFor(ANNA, doc));
        },
      ),
    );
  });
});
