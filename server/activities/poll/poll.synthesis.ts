// The poll kind's part of the lab's synthesis: how many answered and what, counted.
import type * as Y from 'yjs';
import { readAnswers } from '../../../common/activities/poll.doc.ts';
import { summarisePoll } from '../../../common/activities/poll.ts';
import type { ActivitySynthesis } from '../../../common/synthesis.ts';
import type { SynthesisTarget } from '../registry.types.ts';

/**
 * The poll part of the synthesis, read from the document as it is now: choices and open answers
 * with their counts, most first (ties in option order, open answers alphabetically); a scale
 * with every value from its minimum to its maximum in order, and the mean.
 */
export function synthesisePoll(doc: Y.Doc, target: SynthesisTarget): ActivitySynthesis {
  const config = target.config;
  if (config.kind !== 'poll') throw new Error(`activity ${target.activityId} is not a poll`);
  const results = summarisePoll(config, readAnswers(doc).values());
  let counts: { label: string; count: number }[];
  if (config.type === 'scale') {
    counts = results.scale.map((entry) => ({ label: String(entry.value), count: entry.count }));
  } else if (config.type === 'open') {
    // summarisePoll already sorts words by count, then alphabetically.
    counts = results.words.map((entry) => ({ label: entry.word, count: entry.count }));
  } else {
    // A stable sort keeps the option order among equal counts.
    counts = results.counts
      .map((entry) => ({ label: entry.label, count: entry.count }))
      .sort((a, b) => b.count - a.count);
  }
  return {
    kind: 'poll',
    activityId: target.activityId,
    title: target.title,
    question: config.question,
    type: config.type,
    scale: config.scale,
    respondents: results.respondents,
    counts,
    mean: results.mean,
    resultsHidden: false,
  };
}
