import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  defaultActivityState,
  type ActivityState,
  type VoteState,
} from '../../../common/activities/control.ts';
import {
  addDevelopment,
  castThemeVote,
  chooseTheme,
  deleteDevelopment,
  moveChosenTheme,
  setRespondentPlace,
  setScore,
  unchooseTheme,
  withdrawThemeVote,
} from '../../../common/activities/trendscan.doc.ts';
import {
  developmentItemKey,
  personItemKey,
  trendscanConfig,
  trendscanRoots,
  type DevelopmentValue,
  type TrendscanConfig,
} from '../../../common/activities/trendscan.ts';
import type { MapChange, WriteContext } from '../registry.types.ts';
import { apply, deleteChange, recordChanges, setChange } from '../shared/rules.testing.ts';
import { checkTrendscanChanges, countCreatedDevelopments } from './trendscan.rules.ts';

const NOTE_MAX_LENGTH = 20;
const PLACE = '7b0f5d2e-7a53-4c43-9d2b-6c1f3f6f2a01';
const DEV_ID = '0d6c1a8e-3f1c-4f55-9a3e-1e4d3b8a9c10';
const config: TrendscanConfig = trendscanConfig.parse({
  kind: 'trendscan',
  items: [
    {
      key: 'anders-werken',
      trendKey: 'anders-werken',
      kind: 'trend',
      title: 'Anders werken',
      description: '',
    },
    {
      key: 'anders-vervoeren',
      trendKey: 'anders-vervoeren',
      kind: 'trend',
      title: 'Anders vervoeren',
      description: '',
    },
    {
      key: 'deelmobiliteit',
      trendKey: 'anders-vervoeren',
      kind: 'development',
      title: 'Deelmobiliteit',
      description: '',
    },
  ],
  themeCount: 2,
});
const closedToNew: TrendscanConfig = { ...config, allowNewDevelopments: false };

const ANNA = 'anna';
const BRAM = 'bram';
const FACILITATOR = 'fien';
const NAMES: Record<string, string> = { [ANNA]: 'Anna', [BRAM]: 'Bram', [FACILITATOR]: 'Fien' };

const openVote: VoteState = { open: true, dotsPerPerson: 2, sectionKey: null, revealed: false };
const closedVote: VoteState = { ...openVote, open: false };

function contextFor(
  participantId: string,
  doc: Y.Doc,
  options: { state?: Partial<ActivityState>; anonymous?: boolean; config?: TrendscanConfig } = {},
): WriteContext {
  return {
    participantId,
    displayName: NAMES[participantId] ?? participantId,
    isFacilitator: participantId === FACILITATOR,
    labId: 'lab',
    anonymous: options.anonymous ?? false,
    activityId: 'activity',
    config: options.config ?? config,
    state: { ...defaultActivityState, ...options.state },
    doc,
    limits: { noteMaxLength: NOTE_MAX_LENGTH },
  };
}

function developmentOf(
  authorId: string,
  overrides: Partial<DevelopmentValue> = {},
): DevelopmentValue {
  return {
    id: DEV_ID,
    trendKey: 'anders-werken',
    title: 'Werken in de bibliotheek',
    description: '',
    authorId,
    authorName: NAMES[authorId] ?? '',
    createdAt: 1,
    ...overrides,
  };
}

const score = (who: string, itemKey: string, value: unknown, doc = new Y.Doc()) =>
  setChange(doc, trendscanRoots.scores, personItemKey(who, itemKey), value);
const vote = (doc: Y.Doc, who: string, itemKey: string) =>
  setChange(doc, trendscanRoots.themeVotes, personItemKey(who, itemKey), true);
const chosen = (doc: Y.Doc, itemKey: string, trendKey: string, position = 0) =>
  setChange(doc, trendscanRoots.chosen, itemKey, { label: 'Thema', trendKey, position });

const verdictOf = (changes: MapChange[], ctx: WriteContext) =>
  checkTrendscanChanges(changes, ctx).ok;

describe('trend scan rules', () => {
  it('T1: refuses a root a trend scan does not have, even from a facilitator', () => {
    const doc = new Y.Doc();
    const change = setChange(doc, 'notes', 'x', 1);
    expect(verdictOf([change], contextFor(FACILITATOR, doc))).toBe(false);
    expect(verdictOf([change], contextFor(ANNA, doc))).toBe(false);
  });

  it('T2: nothing from participants while the activity is locked; facilitators still write', () => {
    const doc = new Y.Doc();
    const mine = score(ANNA, 'anders-werken', { relevance: 4 });
    const locked = { state: { locked: true } };
    expect(verdictOf([mine], contextFor(ANNA, doc))).toBe(true);
    expect(verdictOf([mine], contextFor(ANNA, doc, locked))).toBe(false);
    expect(
      verdictOf(
        [setChange(doc, trendscanRoots.respondents, ANNA, { placeId: null })],
        contextFor(ANNA, doc, locked),
      ),
    ).toBe(false);
    expect(
      verdictOf(
        [chosen(doc, 'anders-werken', 'anders-werken')],
        contextFor(FACILITATOR, doc, locked),
      ),
    ).toBe(true);
    expect(
      verdictOf(
        [score(FACILITATOR, 'anders-werken', { relevance: 2 })],
        contextFor(FACILITATOR, doc, locked),
      ),
    ).toBe(true);
  });

  it('T3: everyone writes only their own respondent entry, a place id or null', () => {
    const doc = new Y.Doc();
    const own = (value: unknown) => setChange(doc, trendscanRoots.respondents, ANNA, value);
    expect(verdictOf([own({ placeId: PLACE })], contextFor(ANNA, doc))).toBe(true);
    expect(verdictOf([own({ placeId: null })], contextFor(ANNA, doc))).toBe(true);
    expect(verdictOf([own({ placeId: 'ijmuiden' })], contextFor(ANNA, doc))).toBe(false);
    expect(verdictOf([own({ placeId: null, name: 'x' })], contextFor(ANNA, doc))).toBe(false);
    expect(verdictOf([own({ placeId: PLACE })], contextFor(BRAM, doc))).toBe(false);
    expect(verdictOf([own({ placeId: PLACE })], contextFor(FACILITATOR, doc))).toBe(false);
    expect(
      verdictOf([deleteChange(doc, trendscanRoots.respondents, ANNA)], contextFor(BRAM, doc)),
    ).toBe(false);
  });

  it('T4: only own scores, facilitators included', () => {
    const doc = new Y.Doc();
    const annas = score(ANNA, 'anders-werken', { relevance: 4 });
    expect(verdictOf([annas], contextFor(ANNA, doc))).toBe(true);
    expect(verdictOf([annas], contextFor(BRAM, doc))).toBe(false);
    expect(verdictOf([annas], contextFor(FACILITATOR, doc))).toBe(false);
    apply(doc, [annas]);
    const removal = deleteChange(doc, trendscanRoots.scores, personItemKey(ANNA, 'anders-werken'));
    expect(verdictOf([removal], contextFor(BRAM, doc))).toBe(false);
    expect(verdictOf([removal], contextFor(ANNA, doc))).toBe(true);
  });

  it('T4: scores are whole numbers 1–5, a comment of at most NOTE_MAX_LENGTH, nothing else', () => {
    const anna = (value: unknown) =>
      verdictOf([score(ANNA, 'anders-werken', value)], contextFor(ANNA, new Y.Doc()));
    expect(anna({ relevance: 1, impact: 5, uncertainty: 3 })).toBe(true);
    expect(anna({ comment: 'x'.repeat(NOTE_MAX_LENGTH) })).toBe(true);
    expect(anna({ relevance: 0 })).toBe(false);
    expect(anna({ impact: 6 })).toBe(false);
    expect(anna({ uncertainty: 2.5 })).toBe(false);
    expect(anna({ relevance: '4' })).toBe(false);
    expect(anna({ comment: 'x'.repeat(NOTE_MAX_LENGTH + 1) })).toBe(false);
    expect(anna({ relevance: 3, weight: 2 })).toBe(false);
    expect(anna({})).toBe(false);
    expect(anna({ comment: '  ' })).toBe(false);
    expect(anna(4)).toBe(false);
  });

  it('T4: scores only of items the scan has (config items and proposed developments)', () => {
    const doc = new Y.Doc();
    const ctx = contextFor(ANNA, doc);
    expect(verdictOf([score(ANNA, 'anders-produceren', { relevance: 3 })], ctx)).toBe(false);
    expect(verdictOf([score(ANNA, developmentItemKey(DEV_ID), { relevance: 3 })], ctx)).toBe(false);
    expect(verdictOf([setChange(doc, trendscanRoots.scores, 'anders-werken', {})], ctx)).toBe(
      false,
    );
    // Proposing a development and scoring it in one update is fine.
    const proposal = setChange(doc, trendscanRoots.developments, DEV_ID, developmentOf(ANNA));
    expect(
      verdictOf([proposal, score(ANNA, developmentItemKey(DEV_ID), { relevance: 3 })], ctx),
    ).toBe(true);
    // A development under a trend the scan lacks is no item.
    apply(doc, [
      setChange(
        doc,
        trendscanRoots.developments,
        DEV_ID,
        developmentOf(ANNA, { trendKey: 'elders' }),
      ),
    ]);
    expect(verdictOf([score(ANNA, developmentItemKey(DEV_ID), { relevance: 3 })], ctx)).toBe(false);
  });

  it("T5: when a development is deleted, anyone's scores and theme votes on it may be cleared", () => {
    const doc = new Y.Doc();
    const itemKey = developmentItemKey(DEV_ID);
    apply(doc, [
      setChange(doc, trendscanRoots.developments, DEV_ID, developmentOf(ANNA)),
      score(BRAM, itemKey, { relevance: 2 }, doc),
      vote(doc, BRAM, itemKey),
    ]);
    const clearBram = [
      deleteChange(doc, trendscanRoots.scores, personItemKey(BRAM, itemKey)),
      deleteChange(doc, trendscanRoots.themeVotes, personItemKey(BRAM, itemKey)),
    ];
    expect(verdictOf(clearBram, contextFor(ANNA, doc))).toBe(false);
    expect(
      verdictOf(
        [deleteChange(doc, trendscanRoots.developments, DEV_ID), ...clearBram],
        contextFor(ANNA, doc),
      ),
    ).toBe(true);
  });

  it('T6: new developments only when allowed, under a trend of the scan, in the own name', () => {
    const doc = new Y.Doc();
    const propose = (value: unknown) => setChange(doc, trendscanRoots.developments, DEV_ID, value);
    expect(verdictOf([propose(developmentOf(ANNA))], contextFor(ANNA, doc))).toBe(true);
    expect(
      verdictOf([propose(developmentOf(ANNA))], contextFor(ANNA, doc, { config: closedToNew })),
    ).toBe(false);
    expect(
      verdictOf(
        [propose(developmentOf(FACILITATOR))],
        contextFor(FACILITATOR, doc, { config: closedToNew }),
      ),
    ).toBe(false);
    expect(verdictOf([propose(developmentOf(BRAM))], contextFor(ANNA, doc))).toBe(false);
    expect(
      verdictOf([propose(developmentOf(ANNA, { authorName: 'Bram' }))], contextFor(ANNA, doc)),
    ).toBe(false);
    expect(
      verdictOf(
        [propose(developmentOf(ANNA, { authorName: '' }))],
        contextFor(ANNA, doc, { anonymous: true }),
      ),
    ).toBe(true);
    expect(
      verdictOf([propose(developmentOf(ANNA, { trendKey: 'elders' }))], contextFor(ANNA, doc)),
    ).toBe(false);
    expect(
      verdictOf([propose(developmentOf(ANNA, { title: 'x'.repeat(121) }))], contextFor(ANNA, doc)),
    ).toBe(false);
    expect(
      verdictOf(
        [propose(developmentOf(ANNA, { description: 'x'.repeat(601) }))],
        contextFor(ANNA, doc),
      ),
    ).toBe(false);
    expect(
      verdictOf(
        [propose({ ...developmentOf(ANNA), id: DEV_ID.replace('0d', '1d') })],
        contextFor(ANNA, doc),
      ),
    ).toBe(false);
    expect(verdictOf([propose({ ...developmentOf(ANNA), extra: 1 })], contextFor(ANNA, doc))).toBe(
      false,
    );
  });

  it("T6: a reused development id cannot revive someone else's leftover scores", () => {
    const doc = new Y.Doc();
    apply(doc, [score(BRAM, developmentItemKey(DEV_ID), { relevance: 5 }, doc)]);
    const revive = setChange(doc, trendscanRoots.developments, DEV_ID, developmentOf(ANNA));
    expect(verdictOf([revive], contextFor(ANNA, doc))).toBe(false);
  });

  it('T7, T8: only the author edits a development; the author or a facilitator deletes it', () => {
    const doc = new Y.Doc();
    apply(doc, [setChange(doc, trendscanRoots.developments, DEV_ID, developmentOf(ANNA))]);
    const edit = (value: DevelopmentValue) =>
      setChange(doc, trendscanRoots.developments, DEV_ID, value);
    expect(verdictOf([edit(developmentOf(ANNA, { title: 'Beter' }))], contextFor(ANNA, doc))).toBe(
      true,
    );
    expect(verdictOf([edit(developmentOf(ANNA, { title: 'Beter' }))], contextFor(BRAM, doc))).toBe(
      false,
    );
    expect(
      verdictOf([edit(developmentOf(ANNA, { title: 'Beter' }))], contextFor(FACILITATOR, doc)),
    ).toBe(false);
    expect(verdictOf([edit(developmentOf(BRAM))], contextFor(ANNA, doc))).toBe(false);
    expect(verdictOf([edit(developmentOf(ANNA, { createdAt: 9 }))], contextFor(ANNA, doc))).toBe(
      false,
    );
    const removal = deleteChange(doc, trendscanRoots.developments, DEV_ID);
    expect(verdictOf([removal], contextFor(BRAM, doc))).toBe(false);
    expect(verdictOf([removal], contextFor(ANNA, doc))).toBe(true);
    expect(verdictOf([removal], contextFor(FACILITATOR, doc))).toBe(true);
  });

  it('T9: theme votes only while the vote is open, own, true, on an existing item', () => {
    const doc = new Y.Doc();
    const open = { state: { vote: openVote } };
    expect(verdictOf([vote(doc, ANNA, 'anders-werken')], contextFor(ANNA, doc, open))).toBe(true);
    expect(verdictOf([vote(doc, ANNA, 'anders-werken')], contextFor(ANNA, doc))).toBe(false);
    expect(
      verdictOf(
        [vote(doc, ANNA, 'anders-werken')],
        contextFor(ANNA, doc, { state: { vote: closedVote } }),
      ),
    ).toBe(false);
    expect(verdictOf([vote(doc, BRAM, 'anders-werken')], contextFor(ANNA, doc, open))).toBe(false);
    expect(verdictOf([vote(doc, ANNA, 'onbekend')], contextFor(ANNA, doc, open))).toBe(false);
    expect(
      verdictOf(
        [setChange(doc, trendscanRoots.themeVotes, personItemKey(ANNA, 'anders-werken'), 2)],
        contextFor(ANNA, doc, open),
      ),
    ).toBe(false);
    const oneTrend = { state: { vote: { ...openVote, sectionKey: 'anders-vervoeren' } } };
    expect(verdictOf([vote(doc, ANNA, 'deelmobiliteit')], contextFor(ANNA, doc, oneTrend))).toBe(
      true,
    );
    expect(verdictOf([vote(doc, ANNA, 'anders-werken')], contextFor(ANNA, doc, oneTrend))).toBe(
      false,
    );
  });

  it('T9: taking a vote back needs the open vote; a facilitator may clear anyone’s votes', () => {
    const doc = new Y.Doc();
    apply(doc, [vote(doc, ANNA, 'anders-werken')]);
    const removal = deleteChange(
      doc,
      trendscanRoots.themeVotes,
      personItemKey(ANNA, 'anders-werken'),
    );
    expect(verdictOf([removal], contextFor(ANNA, doc, { state: { vote: openVote } }))).toBe(true);
    expect(verdictOf([removal], contextFor(ANNA, doc, { state: { vote: closedVote } }))).toBe(
      false,
    );
    expect(verdictOf([removal], contextFor(BRAM, doc, { state: { vote: openVote } }))).toBe(false);
    expect(verdictOf([removal], contextFor(FACILITATOR, doc))).toBe(true);
  });

  it('T10: at most dotsPerPerson theme votes, judged on the whole update', () => {
    const doc = new Y.Doc();
    const open = contextFor(ANNA, doc, { state: { vote: openVote } });
    const three = [
      vote(doc, ANNA, 'anders-werken'),
      vote(doc, ANNA, 'anders-vervoeren'),
      vote(doc, ANNA, 'deelmobiliteit'),
    ];
    expect(verdictOf(three.slice(0, 2), open)).toBe(true);
    expect(verdictOf(three, open)).toBe(false);
    apply(doc, three.slice(0, 2));
    expect(verdictOf([vote(doc, ANNA, 'deelmobiliteit')], open)).toBe(false);
    // Moving a vote in one update is fine.
    expect(
      verdictOf(
        [
          deleteChange(doc, trendscanRoots.themeVotes, personItemKey(ANNA, 'anders-werken')),
          vote(doc, ANNA, 'deelmobiliteit'),
        ],
        open,
      ),
    ).toBe(true);
    // After the limit is lowered, taking a vote back is still allowed.
    const lowered = contextFor(ANNA, doc, { state: { vote: { ...openVote, dotsPerPerson: 1 } } });
    expect(
      verdictOf(
        [deleteChange(doc, trendscanRoots.themeVotes, personItemKey(ANNA, 'anders-werken'))],
        lowered,
      ),
    ).toBe(true);
    // Facilitators vote within the same limit.
    const fien = contextFor(FACILITATOR, doc, { state: { vote: openVote } });
    expect(
      verdictOf(
        [
          vote(doc, FACILITATOR, 'anders-werken'),
          vote(doc, FACILITATOR, 'anders-vervoeren'),
          vote(doc, FACILITATOR, 'deelmobiliteit'),
        ],
        fien,
      ),
    ).toBe(false);
  });

  it('T10: after the facilitator lowers the theme-vote limit, a person over it may still take votes back but not add', () => {
    const doc = new Y.Doc();
    const itemKey = developmentItemKey(DEV_ID);
    // Three votes cast under a limit of three; then the limit drops to one.
    apply(doc, [
      setChange(doc, trendscanRoots.developments, DEV_ID, developmentOf(BRAM)),
      vote(doc, ANNA, 'anders-werken'),
      vote(doc, ANNA, 'anders-vervoeren'),
      vote(doc, ANNA, 'deelmobiliteit'),
    ]);
    const anna = contextFor(ANNA, doc, { state: { vote: { ...openVote, dotsPerPerson: 1 } } });
    const takeBack = (key: string) =>
      deleteChange(doc, trendscanRoots.themeVotes, personItemKey(ANNA, key));
    // Still over the limit afterwards (two of one), yet fewer than before.
    expect(verdictOf([takeBack('anders-werken')], anna)).toBe(true);
    expect(verdictOf([takeBack('anders-werken'), takeBack('deelmobiliteit')], anna)).toBe(true);
    // Adding is refused for the limit, not for anything else about the vote.
    expect(checkTrendscanChanges([vote(doc, ANNA, itemKey)], anna)).toEqual({
      ok: false,
      reason: 'more than 1 theme votes',
    });
  });

  it('T11: only facilitators choose themes, of existing items, under the item’s own trend', () => {
    const doc = new Y.Doc();
    const choice = chosen(doc, 'deelmobiliteit', 'anders-vervoeren');
    expect(verdictOf([choice], contextFor(FACILITATOR, doc))).toBe(true);
    expect(verdictOf([choice], contextFor(ANNA, doc))).toBe(false);
    expect(
      verdictOf([chosen(doc, 'deelmobiliteit', 'anders-werken')], contextFor(FACILITATOR, doc)),
    ).toBe(false);
    expect(
      verdictOf([chosen(doc, 'onbekend', 'anders-werken')], contextFor(FACILITATOR, doc)),
    ).toBe(false);
    for (const bad of [
      { label: ' ', trendKey: 'anders-werken', position: 0 },
      { label: 'x'.repeat(121), trendKey: 'anders-werken', position: 0 },
      { label: 'Werk', trendKey: 'anders-werken', position: 'eerste' },
      { label: 'Werk', trendKey: 'anders-werken', position: 0, extra: true },
    ]) {
      expect(
        verdictOf(
          [setChange(doc, trendscanRoots.chosen, 'anders-werken', bad)],
          contextFor(FACILITATOR, doc),
        ),
      ).toBe(false);
    }
    apply(doc, [choice]);
    expect(
      verdictOf(
        [deleteChange(doc, trendscanRoots.chosen, 'deelmobiliteit')],
        contextFor(ANNA, doc),
      ),
    ).toBe(false);
  });

  it('T12: at most themeCount chosen themes; removing stays possible', () => {
    const doc = new Y.Doc();
    const fien = contextFor(FACILITATOR, doc);
    const all = [
      chosen(doc, 'anders-werken', 'anders-werken', 0),
      chosen(doc, 'anders-vervoeren', 'anders-vervoeren', 1),
      chosen(doc, 'deelmobiliteit', 'anders-vervoeren', 2),
    ];
    expect(verdictOf(all.slice(0, 2), fien)).toBe(true);
    expect(verdictOf(all, fien)).toBe(false);
    apply(doc, all);
    // Three stored (the count was lowered meanwhile): taking one off is fine, adding is not.
    expect(verdictOf([deleteChange(doc, trendscanRoots.chosen, 'anders-werken')], fien)).toBe(true);
    expect(
      verdictOf([chosen(doc, 'anders-werken', 'anders-werken', 5)], contextFor(FACILITATOR, doc)),
    ).toBe(true);
  });

  it('T13: each proposed development counts against the notes-per-minute limit', () => {
    const doc = new Y.Doc();
    expect(
      countCreatedDevelopments([
        setChange(doc, trendscanRoots.developments, DEV_ID, developmentOf(ANNA)),
        score(ANNA, 'anders-werken', { relevance: 2 }),
      ]),
    ).toBe(1);
    apply(doc, [setChange(doc, trendscanRoots.developments, DEV_ID, developmentOf(ANNA))]);
    expect(
      countCreatedDevelopments([
        setChange(doc, trendscanRoots.developments, DEV_ID, developmentOf(ANNA, { title: 'y' })),
      ]),
    ).toBe(0);
  });

  it('T4, T9: a participant’s update is accepted exactly when every key is their own and valid', () => {
    const items = ['anders-werken', 'anders-vervoeren', 'deelmobiliteit', 'onbekend'];
    fc.assert(
      fc.property(
        fc.constantFrom(ANNA, BRAM),
        fc.constantFrom(ANNA, BRAM),
        fc.constantFrom(...items),
        fc.integer({ min: -1, max: 7 }),
        fc.boolean(),
        fc.boolean(),
        (writer, owner, itemKey, relevance, isLocked, isVote) => {
          const doc = new Y.Doc();
          const ctx = contextFor(writer, doc, { state: { locked: isLocked, vote: openVote } });
          const change = isVote
            ? vote(doc, owner, itemKey)
            : score(owner, itemKey, { relevance }, doc);
          const expected =
            writer === owner &&
            !isLocked &&
            itemKey !== 'onbekend' &&
            (isVote || (relevance >= 1 && relevance <= 5));
          expect(verdictOf([change], ctx)).toBe(expected);
        },
      ),
    );
  });
});

// ---- The shared helpers write what the rules accept ------------------------------------------

/** The writes `work` makes, as the collaboration server would see them, judged against the doc before. */
function judgeHelper(doc: Y.Doc, ctx: (before: Y.Doc) => WriteContext, work: () => void) {
  const { before, changes } = recordChanges(doc, Object.values(trendscanRoots), work);
  return checkTrendscanChanges(changes, ctx(before));
}

describe('trend scan helpers and rules agree', () => {
  it('T3–T12: what an honest client writes is accepted', () => {
    const doc = new Y.Doc();
    const state = { vote: openVote };
    const asAnna = (before: Y.Doc) => contextFor(ANNA, before, { state });
    const asBram = (before: Y.Doc) => contextFor(BRAM, before, { state });
    const asFien = (before: Y.Doc) => contextFor(FACILITATOR, before, { state });
    const ok = { ok: true };
    expect(judgeHelper(doc, asAnna, () => setRespondentPlace(doc, ANNA, PLACE))).toEqual(ok);
    expect(
      judgeHelper(doc, asAnna, () => setScore(doc, ANNA, 'anders-werken', { relevance: 4 })),
    ).toEqual(ok);
    expect(
      judgeHelper(doc, asAnna, () =>
        setScore(doc, ANNA, 'anders-werken', { impact: 5, comment: 'Veel thuiswerk' }),
      ),
    ).toEqual(ok);
    let developmentId = '';
    expect(
      judgeHelper(doc, asAnna, () => {
        developmentId = addDevelopment(doc, {
          trendKey: 'anders-werken',
          title: 'Flexplekken',
          description: '',
          authorId: ANNA,
          authorName: 'Anna',
        }).id;
      }),
    ).toEqual(ok);
    const newKey = developmentItemKey(developmentId);
    expect(judgeHelper(doc, asBram, () => setScore(doc, BRAM, newKey, { relevance: 2 }))).toEqual(
      ok,
    );
    expect(
      judgeHelper(doc, asBram, () => castThemeVote(doc, config, BRAM, newKey, openVote)),
    ).toEqual(ok);
    expect(
      judgeHelper(doc, asBram, () => castThemeVote(doc, config, BRAM, 'anders-werken', openVote)),
    ).toEqual(ok);
    expect(
      judgeHelper(doc, asBram, () => withdrawThemeVote(doc, BRAM, 'anders-werken', openVote)),
    ).toEqual(ok);
    expect(
      judgeHelper(doc, asFien, () =>
        chooseTheme(doc, config, {
          itemKey: 'anders-werken',
          trendKey: 'anders-werken',
          title: 'Anders werken',
        }),
      ),
    ).toEqual(ok);
    expect(
      judgeHelper(doc, asFien, () =>
        chooseTheme(doc, config, { itemKey: newKey, trendKey: 'anders-werken', title: 'Flex' }),
      ),
    ).toEqual(ok);
    expect(judgeHelper(doc, asFien, () => moveChosenTheme(doc, newKey, 'up'))).toEqual(ok);
    expect(judgeHelper(doc, asFien, () => unchooseTheme(doc, newKey))).toEqual(ok);
    // Deleting her proposal clears Bram's score and vote on it too.
    expect(judgeHelper(doc, asAnna, () => deleteDevelopment(doc, developmentId))).toEqual(ok);
    expect(
      judgeHelper(doc, asAnna, () =>
        setScore(doc, ANNA, 'anders-werken', { relevance: null, impact: null, comment: null }),
      ),
    ).toEqual(ok);
  });
});
