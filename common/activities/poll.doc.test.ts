import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readAnswer, readAnswers, setAnswer, withdrawAnswer } from './poll.doc.ts';
import { pollRoots } from './poll.ts';

describe('poll document', () => {
  it('stores one answer per person, replacing the previous one', () => {
    const doc = new Y.Doc();
    setAnswer(doc, 'anna', { choices: ['groen'] });
    setAnswer(doc, 'anna', { choices: ['bankjes'] });
    setAnswer(doc, 'bram', { value: 4 });
    expect(readAnswers(doc)).toEqual(
      new Map<string, unknown>([
        ['anna', { choices: ['bankjes'] }],
        ['bram', { value: 4 }],
      ]),
    );
    expect(readAnswer(doc, 'bram')).toEqual({ value: 4 });
    expect(readAnswer(doc, 'cas')).toBeNull();
  });

  it('skips invalid answers', () => {
    const doc = new Y.Doc();
    doc.getMap(pollRoots.answers).set('anna', { choices: [] });
    doc.getMap(pollRoots.answers).set('bram', 'ja');
    expect(readAnswers(doc).size).toBe(0);
    expect(readAnswer(doc, 'anna')).toBeNull();
  });

  it('withdraws an answer', () => {
    const doc = new Y.Doc();
    setAnswer(doc, 'anna', { text: 'Gezellig' });
    expect(withdrawAnswer(doc, 'anna')).toBe(true);
    expect(withdrawAnswer(doc, 'anna')).toBe(false);
    expect(readAnswers(doc).size).toBe(0);
  });
});
