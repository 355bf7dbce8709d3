import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  actionDotsLeft,
  moveAction,
  placeActionDot,
  proposeAction,
  readActions,
  setActionStatus,
  tallyActionDots,
  takeBackActionDot,
  withdrawAction,
  type ActionDraft,
} from './actions.doc.ts';
import { actionsConfig, isoDate, nextTermEnd, parseActionDotKey } from './actions.ts';
import type { VoteState } from './control.ts';

describe('actions settings and values', () => {
  it('knows when the council term running on a day ends', () => {
    expect(nextTermEnd(new Date('2026-11-22T12:00:00Z'))).toBe('2030-03-31');
    expect(nextTermEnd(new Date('2026-01-15T12:00:00Z'))).toBe('2026-03-31');
    expect(nextTermEnd(new Date('2030-03-30T12:00:00Z'))).toBe('2030-03-31');
    expect(nextTermEnd(new Date('2030-04-01T00:00:00Z'))).toBe('2034-03-31');
  });

  it('accepts only dates that exist', () => {
    expect(isoDate.safeParse('2028-02-29').success).toBe(true);
    for (const bad of ['2027-02-29', '2027-13-01', '0000-01-01', '27-01-01', '2027-1-1']) {
      expect(isoDate.safeParse(bad).success, bad).toBe(false);
    }
  });

  it('fills in the default settings and refuses dots outside 1–10', () => {
    expect(actionsConfig.parse({ kind: 'actions' })).toEqual({
      kind: 'actions',
      dotsPerPerson: 3,
      termEnds: null,
    });
    expect(actionsConfig.safeParse({ kind: 'actions', dotsPerPerson: 0 }).success).toBe(false);
    expect(actionsConfig.safeParse({ kind: 'actions', dotsPerPerson: 11 }).success).toBe(false);
  });

  it('splits dot keys at the first bar', () => {
    expect(parseActionDotKey('p|a|b')).toEqual({ participantId: 'p', actionId: 'a|b' });
    expect(parseActionDotKey('|a')).toBeNull();
    expect(parseActionDotKey('p|')).toBeNull();
  });
});

const draft: ActionDraft = {
  title: 'Pop-upwinkels',
  description: '',
  ownerName: '',
  horizon: 'later',
  startsOn: null,
  endsOn: null,
  links: [],
};
const vote: VoteState = { open: true, dotsPerPerson: 2, sectionKey: null, revealed: true };

describe('actions document helpers', () => {
  it('keeps the facilitator’s order when moving actions up and down', () => {
    const doc = new Y.Doc();
    const author = { authorId: 'p', authorName: 'P' };
    const [a, b, c] = ['A', 'B', 'C'].map((title) =>
      proposeAction(doc, { ...draft, title }, author),
    );
    const ids = () => readActions(doc).map((x) => x.title);
    expect(ids()).toEqual(['A', 'B', 'C']);
    expect(moveAction(doc, c!.id, -1)).toBe(true);
    expect(ids()).toEqual(['A', 'C', 'B']);
    expect(moveAction(doc, c!.id, -1)).toBe(true);
    expect(ids()).toEqual(['C', 'A', 'B']);
    expect(moveAction(doc, c!.id, -1)).toBe(false);
    expect(moveAction(doc, a!.id, 1)).toBe(true);
    expect(ids()).toEqual(['C', 'B', 'A']);
    expect(moveAction(doc, b!.id, 1)).toBe(true);
    expect(ids()).toEqual(['C', 'A', 'B']);
  });

  it('counts dots within the limit, not on rejected actions, and clears them with the action', () => {
    const doc = new Y.Doc();
    const author = { authorId: 'p', authorName: 'P' };
    const a = proposeAction(doc, draft, author);
    const b = proposeAction(doc, draft, author);
    expect(placeActionDot(doc, 'q', a.id, vote)).toBe(true);
    expect(placeActionDot(doc, 'q', a.id, vote)).toBe(true);
    expect(placeActionDot(doc, 'q', b.id, vote)).toBe(false);
    expect(actionDotsLeft(doc, 'q', vote)).toBe(0);
    expect(takeBackActionDot(doc, 'q', a.id, vote)).toBe(true);
    setActionStatus(doc, b.id, 'rejected');
    expect(placeActionDot(doc, 'q', b.id, vote)).toBe(false);
    expect(placeActionDot(doc, 'q', a.id, { ...vote, open: false })).toBe(false);
    expect(tallyActionDots(doc)).toEqual(new Map([[a.id, 1]]));
    withdrawAction(doc, a.id);
    expect(tallyActionDots(doc).size).toBe(0);
    expect(doc.getMap('dots').size).toBe(0);
  });
});
