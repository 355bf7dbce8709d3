import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { setAnswer } from '../../../common/activities/poll.doc.ts';
import type { PollConfig } from '../../../common/activities/poll.ts';
import { pollSynthesis } from '../../../common/synthesis.ts';
import type { SynthesisTarget } from '../registry.types.ts';
import { synthesisePoll } from './poll.synthesis.ts';

function targetFor(config: PollConfig): SynthesisTarget {
  return {
    labId: '00000000-0000-4000-8000-000000000001',
    activityId: '00000000-0000-4000-8000-000000000002',
    config,
    title: 'Peiling',
    anonymous: false,
  };
}

const base = { kind: 'poll', question: 'Wat eerst?', maxChoices: null, scale: null } as const;

describe('synthesisePoll', () => {
  it('counts choices, most first, ties in option order', () => {
    const config: PollConfig = {
      ...base,
      type: 'multiple',
      options: [
        { key: 'a', label: 'Groen' },
        { key: 'b', label: 'Wonen' },
        { key: 'c', label: 'Parkeren' },
      ],
    };
    const doc = new Y.Doc();
    setAnswer(doc, 'p1', { choices: ['c'] });
    setAnswer(doc, 'p2', { choices: ['c', 'b'] });
    setAnswer(doc, 'p3', { choices: ['a'] });
    const part = pollSynthesis.parse(synthesisePoll(doc, targetFor(config)));
    expect(part).toMatchObject({
      respondents: 3,
      mean: null,
      type: 'multiple',
      resultsHidden: false,
    });
    expect(part.counts).toEqual([
      { label: 'Parkeren', count: 2 },
      { label: 'Groen', count: 1 },
      { label: 'Wonen', count: 1 },
    ]);
  });

  it('lists a scale in value order with its mean', () => {
    const config: PollConfig = {
      ...base,
      type: 'scale',
      options: [],
      scale: { min: 1, max: 3, minLabel: 'laag', maxLabel: 'hoog' },
    };
    const doc = new Y.Doc();
    setAnswer(doc, 'p1', { value: 3 });
    setAnswer(doc, 'p2', { value: 2 });
    const part = pollSynthesis.parse(synthesisePoll(doc, targetFor(config)));
    expect(part.counts).toEqual([
      { label: '1', count: 0 },
      { label: '2', count: 1 },
      { label: '3', count: 1 },
    ]);
    expect(part.mean).toBe(2.5);
    expect(part.scale).toEqual({ min: 1, max: 3, minLabel: 'laag', maxLabel: 'hoog' });
  });

  it('groups open answers case-insensitively, most first', () => {
    const config: PollConfig = { ...base, type: 'open', options: [] };
    const doc = new Y.Doc();
    setAnswer(doc, 'p1', { text: 'Haven' });
    setAnswer(doc, 'p2', { text: 'haven' });
    setAnswer(doc, 'p3', { text: 'Staal' });
    const part = pollSynthesis.parse(synthesisePoll(doc, targetFor(config)));
    expect(part.counts).toEqual([
      { label: 'Haven', count: 2 },
      { label: 'Staal', count: 1 },
    ]);
  });
});
