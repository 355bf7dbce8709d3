import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { defaultActivityState, type ActivityState } from '../../../common/activities/control.ts';
import {
  isValidPollAnswer,
  pollAnswer,
  pollConfig,
  pollRoots,
  type PollConfig,
} from '../../../common/activities/poll.ts';
import type { MapChange, WriteContext } from '../registry.types.ts';
import { checkPollChanges, countCreatedAnswers } from './poll.rules.ts';

const ANNA = 'anna';
const BRAM = 'bram';
const FACILITATOR = 'fien';

const multiple: PollConfig = pollConfig.parse({
  kind: 'poll',
  question: 'Wat mist u in het centrum?',
  type: 'multiple',
  options: [
    { key: 'groen', label: 'Groen' },
    { key: 'bankjes', label: 'Bankjes' },
    { key: 'winkels', label: 'Winkels' },
  ],
  maxChoices: 2,
});
const scale: PollConfig = pollConfig.parse({
  kind: 'poll',
  question: 'Hoe tevreden bent u?',
  type: 'scale',
  scale: { min: 1, max: 5 },
});
const open: PollConfig = pollConfig.parse({
  kind: 'poll',
  question: 'Eén woord voor de binnenstad?',
  type: 'open',
});

function contextFor(
  participantId: string,
  config: PollConfig,
  state: Partial<ActivityState> = {},
): WriteContext {
  return {
    participantId,
    displayName: participantId,
    isFacilitator: participantId === FACILITATOR,
    labId: 'lab',
    anonymous: false,
    activityId: 'activity',
    config,
    state: { ...defaultActivityState, ...state },
    doc: new Y.Doc(),
    limits: { noteMaxLength: 280 },
  };
}

const answer = (key: string, value: unknown): MapChange => ({
  op: 'set',
  root: pollRoots.answers,
  key,
  value,
  previous: undefined,
});
const withdraw = (key: string): MapChange => ({
  op: 'delete',
  root: pollRoots.answers,
  key,
  previous: { text: 'x' },
});

const verdictOf = (changes: MapChange[], ctx: WriteContext) => checkPollChanges(changes, ctx).ok;

describe('poll rules', () => {
  it('W20: refuses any root but answers', () => {
    const change = { ...answer(ANNA, { text: 'Groen' }), root: 'notes' };
    expect(verdictOf([change], contextFor(ANNA, open))).toBe(false);
    expect(verdictOf([change], contextFor(FACILITATOR, open))).toBe(false);
  });

  it('W21: nobody answers or withdraws for someone else, facilitators included', () => {
    expect(verdictOf([answer(ANNA, { text: 'Groen' })], contextFor(ANNA, open))).toBe(true);
    expect(verdictOf([answer(BRAM, { text: 'Groen' })], contextFor(ANNA, open))).toBe(false);
    expect(verdictOf([answer(BRAM, { text: 'Groen' })], contextFor(FACILITATOR, open))).toBe(false);
    expect(verdictOf([withdraw(BRAM)], contextFor(ANNA, open))).toBe(false);
  });

  it('W22: an answer must fit the poll', () => {
    const anna = (config: PollConfig, value: unknown) =>
      verdictOf([answer(ANNA, value)], contextFor(ANNA, config));
    expect(anna(multiple, { choices: ['groen', 'bankjes'] })).toBe(true);
    expect(anna(multiple, { choices: ['groen', 'bankjes', 'winkels'] })).toBe(false);
    expect(anna(multiple, { choices: ['groen', 'groen'] })).toBe(false);
    expect(anna(multiple, { choices: ['parkeren'] })).toBe(false);
    expect(anna(multiple, { value: 3 })).toBe(false);
    expect(anna(scale, { value: 5 })).toBe(true);
    expect(anna(scale, { value: 0 })).toBe(false);
    expect(anna(scale, { value: 6 })).toBe(false);
    expect(anna(open, { text: 'Gezellig' })).toBe(true);
    expect(anna(open, { text: '   ' })).toBe(false);
    expect(anna(open, { text: 'Gezellig', choices: ['x'] })).toBe(false);
    expect(anna(open, { text: 'Gezellig', extra: 'x' })).toBe(false);
    expect(anna(open, 'Gezellig')).toBe(false);
  });

  it('W23: a person may withdraw their own answer', () => {
    expect(verdictOf([withdraw(ANNA)], contextFor(ANNA, open))).toBe(true);
  });

  it('W24: nothing from participants while locked; a facilitator may still answer', () => {
    const locked = { locked: true };
    expect(verdictOf([answer(ANNA, { text: 'Groen' })], contextFor(ANNA, open, locked))).toBe(
      false,
    );
    expect(verdictOf([withdraw(ANNA)], contextFor(ANNA, open, locked))).toBe(false);
    expect(
      verdictOf([answer(FACILITATOR, { text: 'Groen' })], contextFor(FACILITATOR, open, locked)),
    ).toBe(true);
  });

  it('W25: answers are not counted against the notes-per-minute limit', () => {
    expect(countCreatedAnswers([answer(ANNA, { text: 'Groen' })])).toBe(0);
  });

  it('W21, W22, W24: an update is accepted exactly when it is the own, fitting answer and not locked', () => {
    const anyAnswer = fc.oneof(
      fc.record({ choices: fc.array(fc.constantFrom('groen', 'bankjes', 'winkels', 'x')) }),
      fc.record({ value: fc.integer({ min: -1, max: 11 }) }),
      fc.record({ text: fc.string({ maxLength: 90 }) }),
    );
    fc.assert(
      fc.property(
        fc.constantFrom(ANNA, BRAM, FACILITATOR),
        fc.constantFrom(ANNA, BRAM, FACILITATOR),
        fc.constantFrom(multiple, scale, open),
        anyAnswer,
        fc.boolean(),
        (writer, key, config, value, locked) => {
          const ctx = contextFor(writer, config, { locked });
          const parsed = pollAnswer.safeParse(value);
          const expected =
            key === writer &&
            (!locked || writer === FACILITATOR) &&
            parsed.success &&
            isValidPollAnswer(config, parsed.data);
          expect(verdictOf([answer(key, { ...value })], ctx)).toBe(expected);
        },
      ),
    );
  });
});
