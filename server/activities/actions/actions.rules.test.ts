import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  countActionDotsOf,
  editAction,
  moveAction,
  placeActionDot,
  proposeAction,
  readActions,
  setActionStatus,
  takeBackActionDot,
  withdrawAction,
  type ActionDraft,
} from '../../../common/activities/actions.doc.ts';
import {
  actionDotKey,
  actionsRoots,
  type ActionsConfig,
  type ActionValue,
} from '../../../common/activities/actions.ts';
import {
  defaultActivityState,
  type ActivityState,
  type VoteState,
} from '../../../common/activities/control.ts';
import type { MapChange, WriteContext } from '../registry.types.ts';
import { apply, deleteChange, recordChanges, setChange } from '../shared/rules.testing.ts';
import { checkActionsChanges, countCreatedActions } from './actions.rules.ts';

const config: ActionsConfig = { kind: 'actions', dotsPerPerson: 3, termEnds: '2030-03-31' };

const ANNA = 'anna';
const BRAM = 'bram';
const CAS = 'cas';
const FACILITATOR = 'fien';
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
    limits: { noteMaxLength: 500 },
  };
}

function actionOf(authorId: string, id: string, overrides: Partial<ActionValue> = {}): ActionValue {
  return {
    id,
    title: 'Leegstaande winkels ombouwen tot woningen',
    description: 'Samen met eigenaren een aanpak maken.',
    ownerName: 'Gemeente Velsen',
    horizon: 'term',
    startsOn: '2027-01-01',
    endsOn: '2028-12-31',
    links: [{ type: 'theme', key: 'wonen', label: 'Wonen in de binnenstad' }],
    status: 'proposed',
    authorId,
    authorName: NAMES[authorId] ?? '',
    createdAt: 1,
    position: 0,
    ...overrides,
  };
}

function docWith(actions: ActionValue[], dots: Record<string, number> = {}): Y.Doc {
  const doc = new Y.Doc();
  apply(
    doc,
    actions.map((a) => setChange(doc, actionsRoots.actions, a.id, a)),
  );
  apply(
    doc,
    Object.entries(dots).map(([k, v]) => setChange(doc, actionsRoots.dots, k, v)),
  );
  return doc;
}

const isAccepted = (changes: MapChange[], ctx: WriteContext) =>
  checkActionsChanges(changes, ctx).ok;

describe('actions rules', () => {
  it('X1: refuses a root an actions activity does not have, even from a facilitator', () => {
    const doc = new Y.Doc();
    const change = setChange(doc, 'notes', 'n1', { text: 'x' });
    expect(isAccepted([change], contextFor(FACILITATOR, doc))).toBe(false);
    expect(isAccepted([change], contextFor(ANNA, doc))).toBe(false);
  });

  it('X2: refuses every write of a participant while the activity is locked', () => {
    const doc = docWith([actionOf(BRAM, 'a1')]);
    const propose = setChange(doc, actionsRoots.actions, 'a2', actionOf(ANNA, 'a2'));
    const dot = setChange(doc, actionsRoots.dots, actionDotKey(ANNA, 'a1'), 1);
    const state = { vote: openVote };
    expect(isAccepted([propose], contextFor(ANNA, doc, { state }))).toBe(true);
    expect(isAccepted([dot], contextFor(ANNA, doc, { state }))).toBe(true);
    const locked = contextFor(ANNA, doc, { state: { ...state, locked: true } });
    expect(isAccepted([propose], locked)).toBe(false);
    expect(isAccepted([dot], locked)).toBe(false);
  });

  it('X3: refuses malformed actions from anyone', () => {
    const doc = new Y.Doc();
    const bad: unknown[] = [
      actionOf(ANNA, 'a1', { title: '   ' }),
      actionOf(ANNA, 'a1', { title: 'x'.repeat(201) }),
      actionOf(ANNA, 'a1', { description: 'x'.repeat(1501) }),
      actionOf(ANNA, 'a1', { ownerName: 'x'.repeat(121) }),
      actionOf(ANNA, 'a1', { horizon: 'someday' as never }),
      actionOf(ANNA, 'a1', { status: 'done' as never }),
      actionOf(ANNA, 'a1', { startsOn: '2027-02-30' }),
      actionOf(ANNA, 'a1', { startsOn: '1-1-2027' }),
      actionOf(ANNA, 'a1', { startsOn: '2028-01-01', endsOn: '2027-12-31' }),
      actionOf(ANNA, 'a1', {
        links: Array.from({ length: 11 }, (_, i) => ({ type: 'trend', key: `t${i}`, label: 'x' })),
      }),
      actionOf(ANNA, 'a1', {
        links: [
          { type: 'trend', key: 't1', label: 'Een' },
          { type: 'trend', key: 't1', label: 'Twee' },
        ],
      }),
      actionOf(ANNA, 'a1', { links: [{ type: 'wish' as never, key: 'k', label: 'x' }] }),
      actionOf(ANNA, 'a2'),
      { ...actionOf(ANNA, 'a1'), extra: 'x' },
      'just text',
    ];
    for (const value of bad) {
      const change = setChange(doc, actionsRoots.actions, 'a1', value);
      expect(isAccepted([change], contextFor(FACILITATOR, doc))).toBe(false);
      expect(isAccepted([change], contextFor(ANNA, doc))).toBe(false);
    }
    const fullest = actionOf(ANNA, 'a1', {
      title: 'x'.repeat(200),
      description: 'x'.repeat(1500),
      ownerName: 'x'.repeat(120),
      startsOn: null,
      endsOn: null,
      horizon: 'later',
      links: Array.from({ length: 10 }, (_, i) => ({ type: 'trend', key: `t${i}`, label: 'x' })),
    });
    expect(
      isAccepted([setChange(doc, actionsRoots.actions, 'a1', fullest)], contextFor(ANNA, doc)),
    ).toBe(true);
  });

  it('X4: a participant proposes only as themselves, and only as a proposal', () => {
    const doc = new Y.Doc();
    const propose = (value: ActionValue, anonymous = false) =>
      isAccepted(
        [setChange(doc, actionsRoots.actions, value.id, value)],
        contextFor(ANNA, doc, { anonymous }),
      );
    expect(propose(actionOf(ANNA, 'a1'))).toBe(true);
    expect(propose(actionOf(BRAM, 'a1'))).toBe(false);
    expect(propose(actionOf(ANNA, 'a1', { authorName: 'Bram' }))).toBe(false);
    expect(propose(actionOf(ANNA, 'a1', { status: 'confirmed' }))).toBe(false);
    expect(propose(actionOf(ANNA, 'a1', { status: 'rejected' }))).toBe(false);
    // An anonymous lab stores no name at all.
    expect(propose(actionOf(ANNA, 'a1', { authorName: '' }), true)).toBe(true);
    expect(propose(actionOf(ANNA, 'a1'), true)).toBe(false);
  });

  it('X4: a participant cannot revive the dots of a withdrawn action by reusing its id', () => {
    const doc = docWith([], { [actionDotKey(BRAM, 'a1')]: 1 });
    const propose = setChange(doc, actionsRoots.actions, 'a1', actionOf(ANNA, 'a1'));
    expect(isAccepted([propose], contextFor(ANNA, doc))).toBe(false);
    const fresh = setChange(doc, actionsRoots.actions, 'a2', actionOf(ANNA, 'a2'));
    expect(isAccepted([fresh], contextFor(ANNA, doc))).toBe(true);
  });

  it('X5: a participant edits and withdraws only their own actions, only while proposed', () => {
    const doc = docWith([
      actionOf(ANNA, 'a1'),
      actionOf(BRAM, 'a2'),
      actionOf(ANNA, 'a3', { status: 'confirmed' }),
      actionOf(ANNA, 'a4', { status: 'rejected' }),
    ]);
    const anna = contextFor(ANNA, doc);
    const edit = (value: ActionValue) =>
      isAccepted([setChange(doc, actionsRoots.actions, value.id, value)], anna);
    const withdraw = (id: string) =>
      isAccepted([deleteChange(doc, actionsRoots.actions, id)], anna);
    expect(
      edit(
        actionOf(ANNA, 'a1', {
          title: 'Anders',
          description: '',
          ownerName: 'Ondernemersvereniging',
          horizon: 'later',
          startsOn: null,
          endsOn: null,
          links: [],
        }),
      ),
    ).toBe(true);
    expect(edit(actionOf(BRAM, 'a2', { title: 'Anders' }))).toBe(false);
    expect(edit(actionOf(ANNA, 'a2', { title: 'Overgenomen' }))).toBe(false);
    expect(edit(actionOf(ANNA, 'a3', { title: 'Anders', status: 'confirmed' }))).toBe(false);
    expect(withdraw('a1')).toBe(true);
    expect(withdraw('a2')).toBe(false);
    expect(withdraw('a3')).toBe(false);
    expect(withdraw('a4')).toBe(false);
  });

  it('X5: an edit by a participant keeps status, author, creation time and place', () => {
    const doc = docWith([actionOf(ANNA, 'a1')]);
    const anna = contextFor(ANNA, doc);
    const edit = (overrides: Partial<ActionValue>) =>
      isAccepted(
        [setChange(doc, actionsRoots.actions, 'a1', actionOf(ANNA, 'a1', overrides))],
        anna,
      );
    expect(edit({ status: 'confirmed' })).toBe(false);
    expect(edit({ authorId: BRAM })).toBe(false);
    expect(edit({ authorName: 'Iemand' })).toBe(false);
    expect(edit({ createdAt: 2 })).toBe(false);
    expect(edit({ position: -1 })).toBe(false);
  });

  it("X6: a facilitator may create, edit, confirm, reject, reorder and withdraw anyone's action, also when locked", () => {
    const doc = docWith([actionOf(ANNA, 'a1'), actionOf(BRAM, 'a2', { status: 'confirmed' })], {
      [actionDotKey(BRAM, 'a1')]: 2,
    });
    const fien = contextFor(FACILITATOR, doc, { state: { locked: true } });
    const write = (value: ActionValue) =>
      isAccepted([setChange(doc, actionsRoots.actions, value.id, value)], fien);
    expect(write(actionOf(ANNA, 'a1', { status: 'confirmed', position: 5 }))).toBe(true);
    expect(write(actionOf(ANNA, 'a1', { status: 'rejected', title: 'Scherper' }))).toBe(true);
    expect(write(actionOf(BRAM, 'a2', { status: 'proposed' }))).toBe(true);
    expect(write(actionOf(FACILITATOR, 'a3', { status: 'confirmed' }))).toBe(true);
    expect(
      isAccepted(
        [
          deleteChange(doc, actionsRoots.actions, 'a1'),
          deleteChange(doc, actionsRoots.dots, actionDotKey(BRAM, 'a1')),
        ],
        fien,
      ),
    ).toBe(true);
  });

  it('X7: refuses malformed dot keys and counts from anyone', () => {
    const doc = docWith([actionOf(ANNA, 'a1')]);
    const state = { vote: openVote };
    for (const [key, value] of [
      ['a1', 1],
      [`${ANNA}|`, 1],
      [actionDotKey(ANNA, 'a1'), 0],
      [actionDotKey(ANNA, 'a1'), 1.5],
      [actionDotKey(ANNA, 'a1'), '1'],
    ] as const) {
      const change = setChange(doc, actionsRoots.dots, key, value);
      expect(isAccepted([change], contextFor(FACILITATOR, doc, { state }))).toBe(false);
      expect(isAccepted([change], contextFor(ANNA, doc, { state }))).toBe(false);
    }
  });

  it('X8: everyone places and takes back only their own dots, only while the vote is open', () => {
    const doc = docWith([actionOf(BRAM, 'a1')], {
      [actionDotKey(BRAM, 'a1')]: 1,
      [actionDotKey(ANNA, 'a1')]: 1,
    });
    const place = setChange(doc, actionsRoots.dots, actionDotKey(ANNA, 'a1'), 2);
    const takeBack = deleteChange(doc, actionsRoots.dots, actionDotKey(ANNA, 'a1'));
    const forBram = setChange(doc, actionsRoots.dots, actionDotKey(BRAM, 'a1'), 2);
    const takeBram = deleteChange(doc, actionsRoots.dots, actionDotKey(BRAM, 'a1'));
    const open = contextFor(ANNA, doc, { state: { vote: openVote } });
    expect(isAccepted([place], open)).toBe(true);
    expect(isAccepted([takeBack], open)).toBe(true);
    expect(isAccepted([forBram], open)).toBe(false);
    expect(isAccepted([takeBram], open)).toBe(false);
    for (const vote of [null, { ...openVote, open: false }]) {
      const closed = contextFor(ANNA, doc, { state: { vote } });
      expect(isAccepted([place], closed)).toBe(false);
      expect(isAccepted([takeBack], closed)).toBe(false);
    }
    // Facilitators vote under their own id too, but may clear anyone's dots for a fresh vote.
    const fien = contextFor(FACILITATOR, doc, { state: { vote: openVote } });
    expect(isAccepted([forBram], fien)).toBe(false);
    expect(
      isAccepted([setChange(doc, actionsRoots.dots, actionDotKey(FACILITATOR, 'a1'), 1)], fien),
    ).toBe(true);
    expect(isAccepted([takeBram], contextFor(FACILITATOR, doc))).toBe(true);
    expect(
      isAccepted(
        [setChange(doc, actionsRoots.dots, actionDotKey(FACILITATOR, 'a1'), 1)],
        contextFor(FACILITATOR, doc),
      ),
    ).toBe(false);
  });

  it('X9: dots go only on existing actions that are not rejected', () => {
    const doc = docWith(
      [actionOf(BRAM, 'a1'), actionOf(BRAM, 'a2', { status: 'rejected' }), actionOf(BRAM, 'a3')],
      { [actionDotKey(ANNA, 'a2')]: 2 },
    );
    const anna = contextFor(ANNA, doc, { state: { vote: openVote } });
    const dot = (actionId: string, count = 1) =>
      setChange(doc, actionsRoots.dots, actionDotKey(ANNA, actionId), count);
    expect(isAccepted([dot('a1')], anna)).toBe(true);
    expect(isAccepted([dot('a9')], anna)).toBe(false);
    expect(isAccepted([dot('a2', 3)], anna)).toBe(false);
    // Taking dots back from a rejected action is fine.
    expect(isAccepted([dot('a2', 1)], anna)).toBe(true);
    // An action withdrawn in the same update does not exist for the dot.
    const fien = contextFor(FACILITATOR, doc, { state: { vote: openVote } });
    expect(
      isAccepted(
        [
          deleteChange(doc, actionsRoots.actions, 'a3'),
          setChange(doc, actionsRoots.dots, actionDotKey(FACILITATOR, 'a3'), 1),
        ],
        fien,
      ),
    ).toBe(false);
  });

  it('X10: the dot limit is judged on the whole update', () => {
    const doc = docWith([actionOf(BRAM, 'a1'), actionOf(BRAM, 'a2')], {
      [actionDotKey(ANNA, 'a1')]: 3,
    });
    const anna = contextFor(ANNA, doc, { state: { vote: openVote } });
    expect(isAccepted([setChange(doc, actionsRoots.dots, actionDotKey(ANNA, 'a2'), 1)], anna)).toBe(
      false,
    );
    expect(isAccepted([setChange(doc, actionsRoots.dots, actionDotKey(ANNA, 'a1'), 4)], anna)).toBe(
      false,
    );
    // Moving a dot from one action to another in one update keeps the total at the limit.
    const move = [
      setChange(doc, actionsRoots.dots, actionDotKey(ANNA, 'a1'), 2),
      setChange(doc, actionsRoots.dots, actionDotKey(ANNA, 'a2'), 1),
    ];
    expect(isAccepted(move, anna)).toBe(true);
    // Facilitators are held to the same limit for their own dots.
    const full = docWith([actionOf(BRAM, 'a1')], { [actionDotKey(FACILITATOR, 'a1')]: 3 });
    expect(
      isAccepted(
        [setChange(full, actionsRoots.dots, actionDotKey(FACILITATOR, 'a1'), 4)],
        contextFor(FACILITATOR, full, { state: { vote: openVote } }),
      ),
    ).toBe(false);
  });

  it('X10: after the facilitator lowers the limit, a participant may still take dots back', () => {
    const doc = docWith([actionOf(BRAM, 'a1')], { [actionDotKey(ANNA, 'a1')]: 3 });
    const anna = contextFor(ANNA, doc, { state: { vote: { ...openVote, dotsPerPerson: 1 } } });
    expect(isAccepted([setChange(doc, actionsRoots.dots, actionDotKey(ANNA, 'a1'), 2)], anna)).toBe(
      true,
    );
    expect(isAccepted([setChange(doc, actionsRoots.dots, actionDotKey(ANNA, 'a1'), 4)], anna)).toBe(
      false,
    );
  });

  it("X11: withdrawing one's own proposal may clear everyone's dots on it, also with the vote closed", () => {
    const doc = docWith([actionOf(ANNA, 'a1'), actionOf(ANNA, 'a2')], {
      [actionDotKey(BRAM, 'a1')]: 2,
      [actionDotKey(BRAM, 'a2')]: 1,
    });
    const anna = contextFor(ANNA, doc);
    const withdraw = deleteChange(doc, actionsRoots.actions, 'a1');
    expect(
      isAccepted([withdraw, deleteChange(doc, actionsRoots.dots, actionDotKey(BRAM, 'a1'))], anna),
    ).toBe(true);
    // ...but not the dots on an action that stays.
    expect(
      isAccepted([withdraw, deleteChange(doc, actionsRoots.dots, actionDotKey(BRAM, 'a2'))], anna),
    ).toBe(false);
  });

  it('X12: counts the actions an update proposes', () => {
    const doc = docWith([actionOf(ANNA, 'a1')]);
    const changes = [
      setChange(doc, actionsRoots.actions, 'a1', actionOf(ANNA, 'a1', { title: 'Anders' })),
      setChange(doc, actionsRoots.actions, 'a2', actionOf(ANNA, 'a2')),
      setChange(doc, actionsRoots.actions, 'a3', actionOf(ANNA, 'a3')),
      deleteChange(doc, actionsRoots.actions, 'a1'),
      setChange(doc, actionsRoots.dots, actionDotKey(ANNA, 'a2'), 1),
    ];
    expect(countCreatedActions(changes)).toBe(2);
  });
});

// ---- Properties -------------------------------------------------------------------------------

const PEOPLE = [ANNA, BRAM, CAS] as const;
const ACTION_IDS = ['a1', 'a2', 'a3', 'a4'] as const;

const anyAction = (id: string): fc.Arbitrary<ActionValue> =>
  fc
    .record({
      id: fc.constant(id),
      title: fc.constantFrom('Meer groen', 'Pop-upwinkels', 'Wonen boven winkels'),
      description: fc.constantFrom('', 'Met de ondernemers'),
      ownerName: fc.constantFrom('', 'Gemeente', 'BIZ'),
      horizon: fc.constantFrom('term' as const, 'later' as const),
      startsOn: fc.constantFrom(null, '2027-01-01'),
      endsOn: fc.constantFrom(null, '2029-06-30'),
      links: fc.constant<ActionValue['links']>([]),
      status: fc.constantFrom('proposed' as const, 'confirmed' as const, 'rejected' as const),
      authorId: fc.constantFrom(...PEOPLE, FACILITATOR),
      authorName: fc.constantFrom('Anna', 'Bram', 'Cas', ''),
      createdAt: fc.integer(),
      position: fc.integer({ min: -5, max: 5 }),
    })
    .map((action) => ({ ...action })); // Yjs wants plain objects; fast-check's have no prototype

/** One intended write; turned into a MapChange against the document as it is at that moment. */
type Intent =
  | { kind: 'setAction'; action: ActionValue }
  | { kind: 'withdraw'; id: string; withDots: boolean }
  | { kind: 'setDot'; owner: string; actionId: string; count: number }
  | { kind: 'addDot'; owner: string; actionId: string; by: number }
  | { kind: 'deleteDot'; owner: string; actionId: string };

const anyIntent: fc.Arbitrary<Intent> = fc.oneof(
  fc
    .constantFrom(...ACTION_IDS)
    .chain(anyAction)
    .map((action) => ({ kind: 'setAction' as const, action })),
  fc.record({
    kind: fc.constant('withdraw' as const),
    id: fc.constantFrom(...ACTION_IDS),
    withDots: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant('setDot' as const),
    owner: fc.constantFrom(...PEOPLE),
    actionId: fc.constantFrom(...ACTION_IDS),
    count: fc.integer({ min: 1, max: 6 }),
  }),
  fc.record({
    kind: fc.constant('addDot' as const),
    owner: fc.constantFrom(...PEOPLE),
    actionId: fc.constantFrom(...ACTION_IDS),
    by: fc.integer({ min: -1, max: 2 }).filter((by) => by !== 0),
  }),
  fc.record({
    kind: fc.constant('deleteDot' as const),
    owner: fc.constantFrom(...PEOPLE),
    actionId: fc.constantFrom(...ACTION_IDS),
  }),
);

function changesFor(doc: Y.Doc, intents: readonly Intent[]): MapChange[] {
  const changes: MapChange[] = [];
  for (const intent of intents) {
    switch (intent.kind) {
      case 'setAction':
        changes.push(setChange(doc, actionsRoots.actions, intent.action.id, intent.action));
        break;
      case 'withdraw':
        changes.push(deleteChange(doc, actionsRoots.actions, intent.id));
        if (intent.withDots) {
          for (const key of doc.getMap(actionsRoots.dots).keys()) {
            if (key.endsWith(`|${intent.id}`)) {
              changes.push(deleteChange(doc, actionsRoots.dots, key));
            }
          }
        }
        break;
      case 'setDot':
        changes.push(
          setChange(
            doc,
            actionsRoots.dots,
            actionDotKey(intent.owner, intent.actionId),
            intent.count,
          ),
        );
        break;
      case 'addDot': {
        const key = actionDotKey(intent.owner, intent.actionId);
        const current = doc.getMap<unknown>(actionsRoots.dots).get(key);
        const next = (typeof current === 'number' ? current : 0) + intent.by;
        changes.push(
          next > 0
            ? setChange(doc, actionsRoots.dots, key, next)
            : deleteChange(doc, actionsRoots.dots, key),
        );
        break;
      }
      case 'deleteDot':
        changes.push(
          deleteChange(doc, actionsRoots.dots, actionDotKey(intent.owner, intent.actionId)),
        );
        break;
    }
  }
  return changes;
}

/**
 * Most of what a participant sends is what an honest client would send for them; `keepStatus`
 * leaves the generated status, as a client that tries to confirm its own proposal would.
 */
function asHonestFrom(writer: string, intent: Intent, keepStatus: boolean): Intent {
  switch (intent.kind) {
    case 'setAction':
      return {
        kind: 'setAction',
        action: {
          ...intent.action,
          authorId: writer,
          authorName: NAMES[writer] ?? '',
          status: keepStatus ? intent.action.status : 'proposed',
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
    // One in four intents is left as generated (someone else's action or dots, …), one in four
    // is honest but for the status it sets.
    intents: intents.map(([intent, dice]) =>
      dice === 0 ? intent : asHonestFrom(writer, intent, dice === 1),
    ),
  }));

const mostlyOpenVote: fc.Arbitrary<VoteState> = fc.record({
  open: fc.integer({ min: 0, max: 4 }).map((n) => n > 0),
  dotsPerPerson: fc.integer({ min: 1, max: 5 }),
  sectionKey: fc.constant(null),
  revealed: fc.boolean(),
});

describe('actions rule properties', () => {
  it('X4, X5, X10: whatever participants send, nobody exceeds their dots, authors stay and only facilitators decide', () => {
    fc.assert(
      fc.property(
        mostlyOpenVote,
        fc.array(participantUpdate, { maxLength: 40 }),
        (vote, updates) => {
          const doc = new Y.Doc();
          const known = new Map<string, ActionValue>();
          for (const { writer, intents } of updates) {
            const changes = changesFor(doc, intents);
            if (!checkActionsChanges(changes, contextFor(writer, doc, { state: { vote } })).ok) {
              continue;
            }
            apply(doc, changes);
            const actions = readActions(doc);
            for (const id of known.keys()) {
              if (!actions.some((a) => a.id === id)) known.delete(id);
            }
            for (const action of actions) {
              const before = known.get(action.id);
              // No participant ever confirms or rejects: everything they wrote is a proposal.
              expect(action.status).toBe('proposed');
              if (before) {
                expect(action.authorId).toBe(before.authorId);
                expect(action.position).toBe(before.position);
              }
              known.set(action.id, action);
            }
            const existing = new Set(actions.map((a) => a.id));
            for (const person of PEOPLE) {
              const dots = countActionDotsOf(
                person,
                doc.getMap<unknown>(actionsRoots.dots),
                existing,
              );
              expect(dots).toBeLessThanOrEqual(vote.dotsPerPerson);
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('X2: any update by a participant while locked is refused', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...PEOPLE),
        fc.array(anyIntent, { minLength: 1, maxLength: 5 }),
        fc.option(mostlyOpenVote),
        (writer, intents, vote) => {
          const doc = new Y.Doc();
          const ctx = contextFor(writer, doc, { state: { locked: true, vote } });
          const changes = changesFor(doc, intents);
          // An update that changes nothing (deleting what is not there) is no write at all.
          fc.pre(changes.some((c) => c.op === 'set'));
          expect(checkActionsChanges(changes, ctx).ok).toBe(false);
        },
      ),
    );
  });
});

// ---- The shared helpers write what the rules accept ------------------------------------------

/** The writes `work` makes, as the collaboration server would see them, judged against the doc before. */
function judgeHelper(doc: Y.Doc, ctx: (before: Y.Doc) => WriteContext, work: () => void) {
  const { before, changes } = recordChanges(doc, Object.values(actionsRoots), work);
  return checkActionsChanges(changes, ctx(before));
}

const draft: ActionDraft = {
  title: 'Een loket voor ondernemers',
  description: '',
  ownerName: 'Gemeente Beverwijk',
  horizon: 'term',
  startsOn: null,
  endsOn: '2029-12-31',
  links: [{ type: 'opportunity', key: 'note-1', label: 'Nieuwe functies voor panden' }],
};

describe('actions helpers and rules agree', () => {
  it('X4–X11: what an honest client writes is accepted', () => {
    const doc = new Y.Doc();
    const as =
      (who: string, state: Partial<ActivityState> = { vote: openVote }) =>
      (before: Y.Doc) =>
        contextFor(who, before, { state });
    let first = '';
    let second = '';
    expect(
      judgeHelper(doc, as(ANNA), () => {
        first = proposeAction(doc, draft, { authorId: ANNA, authorName: 'Anna' }).id;
      }),
    ).toEqual({ ok: true });
    expect(
      judgeHelper(doc, as(BRAM), () => {
        second = proposeAction(
          doc,
          { ...draft, title: 'Tweede' },
          {
            authorId: BRAM,
            authorName: 'Bram',
          },
        ).id;
      }),
    ).toEqual({ ok: true });
    expect(
      judgeHelper(doc, as(ANNA), () => editAction(doc, first, { ...draft, title: 'Scherper' })),
    ).toEqual({ ok: true });
    expect(judgeHelper(doc, as(BRAM), () => placeActionDot(doc, BRAM, first, openVote))).toEqual({
      ok: true,
    });
    expect(judgeHelper(doc, as(ANNA), () => placeActionDot(doc, ANNA, first, openVote))).toEqual({
      ok: true,
    });
    expect(judgeHelper(doc, as(ANNA), () => takeBackActionDot(doc, ANNA, first, openVote))).toEqual(
      { ok: true },
    );
    expect(judgeHelper(doc, as(FACILITATOR), () => moveAction(doc, second, -1))).toEqual({
      ok: true,
    });
    expect(readActions(doc).map((a) => a.id)).toEqual([second, first]);
    expect(
      judgeHelper(doc, as(FACILITATOR), () => setActionStatus(doc, second, 'confirmed')),
    ).toEqual({ ok: true });
    expect(judgeHelper(doc, as(ANNA, {}), () => withdrawAction(doc, first))).toEqual({ ok: true });
  });

  it("X5: a helper used on someone else's or a confirmed action writes what the rules refuse", () => {
    const doc = new Y.Doc();
    const action = proposeAction(doc, draft, { authorId: BRAM, authorName: 'Bram' });
    const asAnna = (before: Y.Doc) => contextFor(ANNA, before);
    const asBram = (before: Y.Doc) => contextFor(BRAM, before);
    expect(
      judgeHelper(doc, asAnna, () => editAction(doc, action.id, { ...draft, title: 'y' })).ok,
    ).toBe(false);
    expect(judgeHelper(doc, asBram, () => setActionStatus(doc, action.id, 'confirmed')).ok).toBe(
      false,
    );
    setActionStatus(doc, action.id, 'confirmed');
    expect(judgeHelper(doc, asBram, () => withdrawAction(doc, action.id)).ok).toBe(false);
  });
});
