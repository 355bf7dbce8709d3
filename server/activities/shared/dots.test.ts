import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  defaultActivityState,
  type ActivityState,
  type VoteState,
} from '../../../common/activities/control.ts';
import type { MapChange, WriteContext } from '../registry.types.ts';
import { checkDotBudget, isOutsideVote, judgeDotChange, type CountDots } from './dots.ts';
import { entriesAfter, hasOnlyKnownKeys } from './verdicts.ts';

const ROOT = 'dots';
const openVote: VoteState = { open: true, dotsPerPerson: 2, sectionKey: null, revealed: false };

function contextFor(
  participantId: string,
  doc: Y.Doc,
  state: Partial<ActivityState>,
): WriteContext {
  return {
    participantId,
    displayName: participantId,
    isFacilitator: false,
    labId: 'lab',
    anonymous: false,
    activityId: 'activity',
    config: { kind: 'canvas', placeId: null, sections: [] },
    state: { ...defaultActivityState, ...state },
    doc,
    limits: { noteMaxLength: 100 },
  };
}

/** Keys `${participantId}|${targetId}`, values whole numbers of dots. */
const countPlain: CountDots = (participantId, entries, existing) => {
  let total = 0;
  for (const [key, value] of entries) {
    const [owner, target] = key.split('|');
    if (owner === participantId && target !== undefined && existing.has(target)) {
      total += value as number;
    }
  }
  return total;
};

function docWith(dots: Record<string, number>): Y.Doc {
  const doc = new Y.Doc();
  for (const [key, value] of Object.entries(dots)) doc.getMap<unknown>(ROOT).set(key, value);
  return doc;
}

const set = (key: string, value: unknown, previous?: unknown): MapChange => ({
  op: 'set',
  root: ROOT,
  key,
  value,
  previous,
});
const del = (key: string, previous: unknown = 1): MapChange => ({
  op: 'delete',
  root: ROOT,
  key,
  previous,
});

describe('judgeDotChange', () => {
  const doc = new Y.Doc();
  const open = contextFor('anna', doc, { vote: openVote });
  const closed = contextFor('anna', doc, { vote: null });
  const own = { ownerId: 'anna', hasTarget: true, mayClearAny: false };

  it('leaves an own set while the vote is open to the kind', () => {
    expect(judgeDotChange(set('anna|n1', 1), open, own, 'dots')).toBeNull();
  });

  it('refuses dots of someone else, naming them with the kind’s noun', () => {
    const verdict = judgeDotChange(set('bram|n1', 1), open, { ...own, ownerId: 'bram' }, 'votes');
    expect(verdict).toEqual({ ok: false, reason: 'votes of someone else' });
  });

  it('refuses own sets and deletes while no vote is open', () => {
    expect(judgeDotChange(set('anna|n1', 1), closed, own, 'dots')?.ok).toBe(false);
    expect(judgeDotChange(del('anna|n1'), closed, own, 'dots')?.ok).toBe(false);
  });

  it('accepts taking an own dot back while the vote is open', () => {
    expect(judgeDotChange(del('anna|n1'), open, own, 'dots')).toEqual({ ok: true });
  });

  it('accepts clearing anyone’s dots on a vanished target, also with the vote closed', () => {
    const gone = { ownerId: 'bram', hasTarget: false, mayClearAny: false };
    expect(judgeDotChange(del('bram|n1'), closed, gone, 'dots')).toEqual({ ok: true });
    expect(judgeDotChange(set('bram|n1', 1), closed, gone, 'dots')?.ok).toBe(false);
  });

  it('accepts clearing anyone’s dots from those who may, but not placing them', () => {
    const any = { ownerId: 'bram', hasTarget: true, mayClearAny: true };
    expect(judgeDotChange(del('bram|n1'), closed, any, 'dots')).toEqual({ ok: true });
    expect(judgeDotChange(set('bram|n1', 1), open, any, 'dots')?.ok).toBe(false);
  });
});

describe('isOutsideVote', () => {
  it('is true only for a vote limited to another section', () => {
    expect(isOutsideVote(null, 'wonen')).toBe(false);
    expect(isOutsideVote(openVote, 'wonen')).toBe(false);
    expect(isOutsideVote({ ...openVote, sectionKey: 'wonen' }, 'wonen')).toBe(false);
    expect(isOutsideVote({ ...openVote, sectionKey: 'werken' }, 'wonen')).toBe(true);
  });
});

describe('checkDotBudget', () => {
  const all = { has: (_id: string) => true };
  const budget = (existingAfter: { has(id: string): boolean } = all) => ({
    root: ROOT,
    count: countPlain,
    existingBefore: all,
    existingAfter,
    noun: 'dots',
  });

  it('accepts up to the budget and refuses one more, counting after the update', () => {
    const doc = docWith({ 'anna|n1': 1 });
    const ctx = contextFor('anna', doc, { vote: openVote });
    expect(checkDotBudget([set('anna|n2', 1)], ctx, budget())).toEqual({ ok: true });
    expect(checkDotBudget([set('anna|n1', 3, 1)], ctx, budget())).toEqual({
      ok: false,
      reason: 'more than 2 dots',
    });
  });

  it('counts only the writer’s own dots', () => {
    const doc = docWith({ 'bram|n1': 2 });
    const ctx = contextFor('anna', doc, { vote: openVote });
    expect(checkDotBudget([set('anna|n1', 2)], ctx, budget()).ok).toBe(true);
  });

  it('judges the whole update, so moving a dot at the limit is fine', () => {
    const doc = docWith({ 'anna|n1': 2 });
    const ctx = contextFor('anna', doc, { vote: openVote });
    const move = [set('anna|n1', 1, 2), set('anna|n2', 1)];
    expect(checkDotBudget(move, ctx, budget()).ok).toBe(true);
  });

  it('lets a person over a lowered limit take dots back, but not add any', () => {
    const doc = docWith({ 'anna|n1': 4 });
    const ctx = contextFor('anna', doc, { vote: openVote });
    expect(checkDotBudget([set('anna|n1', 3, 4)], ctx, budget()).ok).toBe(true);
    expect(checkDotBudget([set('anna|n2', 1)], ctx, budget()).ok).toBe(false);
  });

  it('does not count dots on targets gone after the update', () => {
    const doc = docWith({ 'anna|n1': 2 });
    const ctx = contextFor('anna', doc, { vote: openVote });
    const withoutN1 = { has: (id: string) => id !== 'n1' };
    expect(checkDotBudget([set('anna|n2', 2)], ctx, budget(withoutN1)).ok).toBe(true);
    expect(checkDotBudget([set('anna|n2', 2)], ctx, budget()).ok).toBe(false);
  });

  it('uses the entries the kind already worked out when it passes them', () => {
    const doc = docWith({});
    const ctx = contextFor('anna', doc, { vote: openVote });
    const after = new Map<string, unknown>([['anna|n1', 3]]);
    expect(checkDotBudget([], ctx, { ...budget(), after }).ok).toBe(false);
  });

  it('accepts anything when there is no vote at all', () => {
    const doc = docWith({});
    const ctx = contextFor('anna', doc, { vote: null });
    expect(checkDotBudget([set('anna|n1', 9)], ctx, budget()).ok).toBe(true);
  });
});

describe('verdict helpers', () => {
  it('entriesAfter applies sets and deletes of its root in order, and ignores other roots', () => {
    const doc = docWith({ 'anna|n1': 1, 'anna|n2': 1 });
    const changes: MapChange[] = [
      set('anna|n3', 1),
      del('anna|n1'),
      { op: 'set', root: 'other', key: 'anna|n4', value: 1, previous: undefined },
      set('anna|n1', 2),
      del('anna|n2'),
    ];
    expect([...entriesAfter(doc, ROOT, changes)]).toEqual([
      ['anna|n3', 1],
      ['anna|n1', 2],
    ]);
    expect(doc.getMap(ROOT).size).toBe(2);
  });

  it('hasOnlyKnownKeys refuses values with fields their schema dropped, and non-objects', () => {
    expect(hasOnlyKnownKeys({ a: 1 }, { a: 1 })).toBe(true);
    expect(hasOnlyKnownKeys({ a: 1, b: 2 }, { a: 1 })).toBe(false);
    expect(hasOnlyKnownKeys(null, {})).toBe(false);
    expect(hasOnlyKnownKeys('a', {})).toBe(false);
  });
});
