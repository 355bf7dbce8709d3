// Reading and writing a poll document (ADR 0002): one answer per person, keyed by participant id.
import type * as Y from 'yjs';
import { pollAnswer, pollRoots, type PollAnswer } from './poll.ts';

function answersOf(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(pollRoots.answers);
}

/** Returns every valid answer by participant id; invalid entries are skipped. */
export function readAnswers(doc: Y.Doc): Map<string, PollAnswer> {
  const answers = new Map<string, PollAnswer>();
  for (const [participantId, value] of answersOf(doc).entries()) {
    const parsed = pollAnswer.safeParse(value);
    if (parsed.success) answers.set(participantId, parsed.data);
  }
  return answers;
}

/** Returns one person's answer, or null when they have not answered (validly). */
export function readAnswer(doc: Y.Doc, participantId: string): PollAnswer | null {
  const parsed = pollAnswer.safeParse(answersOf(doc).get(participantId));
  return parsed.success ? parsed.data : null;
}

/** Stores a person's answer, replacing their previous one. */
export function setAnswer(doc: Y.Doc, participantId: string, answer: PollAnswer): void {
  doc.transact(() => {
    answersOf(doc).set(participantId, answer);
  });
}

/** Withdraws a person's answer; false when they had none. */
export function withdrawAnswer(doc: Y.Doc, participantId: string): boolean {
  let isDone = false;
  doc.transact(() => {
    if (!answersOf(doc).has(participantId)) return;
    answersOf(doc).delete(participantId);
    isDone = true;
  });
  return isDone;
}
