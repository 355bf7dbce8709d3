// The poll activity: single choice, multiple choice, scale, or open text shown as a word cloud.
import { z } from 'zod';

export const POLL_KIND = 'poll';
export const POLL_QUESTION_MAX = 300;
export const POLL_OPTION_MAX = 120;
export const POLL_OPTIONS_MAX = 12;
export const POLL_TEXT_MAX = 80;

export const pollTypes = ['single', 'multiple', 'scale', 'open'] as const;
export const pollType = z.enum(pollTypes);
export type PollType = z.infer<typeof pollType>;

export const pollOption = z.object({
  key: z
    .string()
    .trim()
    .min(1)
    .max(40)
    .regex(/^[a-z0-9-]+$/, 'lower-case letters, digits and hyphens'),
  label: z.string().trim().min(1).max(POLL_OPTION_MAX),
});
export type PollOption = z.infer<typeof pollOption>;

export const pollConfig = z
  .object({
    kind: z.literal(POLL_KIND),
    question: z.string().trim().min(1).max(POLL_QUESTION_MAX),
    type: pollType,
    /** For single and multiple choice: at least two. */
    options: z.array(pollOption).max(POLL_OPTIONS_MAX).default([]),
    /** For multiple choice: how many a person may tick (default: all). */
    maxChoices: z.number().int().min(1).max(POLL_OPTIONS_MAX).nullable().default(null),
    /** For scale: the range and what its ends mean. */
    scale: z
      .object({
        min: z.number().int().min(0).max(1),
        max: z.number().int().min(2).max(10),
        minLabel: z.string().trim().max(POLL_OPTION_MAX).default(''),
        maxLabel: z.string().trim().max(POLL_OPTION_MAX).default(''),
      })
      .nullable()
      .default(null),
  })
  .superRefine((config, ctx) => {
    const choice = config.type === 'single' || config.type === 'multiple';
    if (choice && config.options.length < 2) {
      ctx.addIssue({ code: 'custom', path: ['options'], message: 'give at least two options' });
    }
    if (choice && new Set(config.options.map((o) => o.key)).size !== config.options.length) {
      ctx.addIssue({
        code: 'custom',
        path: ['options'],
        message: 'every option needs its own key',
      });
    }
    if (config.type === 'scale' && !config.scale) {
      ctx.addIssue({ code: 'custom', path: ['scale'], message: 'a scale needs a range' });
    }
  });
export type PollConfig = z.infer<typeof pollConfig>;

/** Root maps of a poll document. */
export const pollRoots = { answers: 'answers' } as const;

/** answers[participantId]: that person's current answer; deleting the key withdraws it. */
export const pollAnswer = z.union([
  z.object({ choices: z.array(z.string().max(40)).min(1).max(POLL_OPTIONS_MAX) }),
  z.object({ value: z.number().int().min(0).max(10) }),
  z.object({ text: z.string().trim().min(1).max(POLL_TEXT_MAX) }),
]);
export type PollAnswer = z.infer<typeof pollAnswer>;

/** True when `answer` fits the poll's type and options (the server checks this on every write). */
export function isValidPollAnswer(config: PollConfig, answer: PollAnswer): boolean {
  const keys = new Set(config.options.map((o) => o.key));
  if ('choices' in answer) {
    if (config.type !== 'single' && config.type !== 'multiple') return false;
    if (new Set(answer.choices).size !== answer.choices.length) return false;
    if (!answer.choices.every((c) => keys.has(c))) return false;
    if (config.type === 'single') return answer.choices.length === 1;
    return answer.choices.length <= (config.maxChoices ?? config.options.length);
  }
  if ('value' in answer) {
    return (
      config.type === 'scale' &&
      config.scale !== null &&
      answer.value >= config.scale.min &&
      answer.value <= config.scale.max
    );
  }
  return config.type === 'open';
}

export interface PollResults {
  respondents: number;
  /** Choice polls: count per option key, in option order. */
  counts: { key: string; label: string; count: number }[];
  /** Scale polls: count per value and the mean (null without answers). */
  scale: { value: number; count: number }[];
  mean: number | null;
  /** Open polls: words with how often they were given, most frequent first. */
  words: { word: string; count: number }[];
}

/** Counts the answers for display; open answers are grouped case-insensitively. */
export function summarisePoll(config: PollConfig, answers: Iterable<PollAnswer>): PollResults {
  const counts = new Map(config.options.map((o) => [o.key, 0]));
  const scaleCounts = new Map<number, number>();
  if (config.scale) {
    for (let v = config.scale.min; v <= config.scale.max; v += 1) scaleCounts.set(v, 0);
  }
  const words = new Map<string, { word: string; count: number }>();
  let respondents = 0;
  let sum = 0;
  let scaleAnswers = 0;
  for (const answer of answers) {
    if (!isValidPollAnswer(config, answer)) continue;
    respondents += 1;
    if ('choices' in answer) {
      for (const c of answer.choices) counts.set(c, (counts.get(c) ?? 0) + 1);
    } else if ('value' in answer) {
      scaleCounts.set(answer.value, (scaleCounts.get(answer.value) ?? 0) + 1);
      sum += answer.value;
      scaleAnswers += 1;
    } else {
      const word = answer.text.trim().replace(/\s+/g, ' ');
      const id = word.toLocaleLowerCase('nl');
      const entry = words.get(id) ?? { word, count: 0 };
      entry.count += 1;
      words.set(id, entry);
    }
  }
  return {
    respondents,
    counts: config.options.map((o) => ({
      key: o.key,
      label: o.label,
      count: counts.get(o.key) ?? 0,
    })),
    scale: [...scaleCounts].map(([value, count]) => ({ value, count })),
    mean: scaleAnswers > 0 ? sum / scaleAnswers : null,
    words: [...words.values()].sort(
      (a, b) => b.count - a.count || a.word.localeCompare(b.word, 'nl'),
    ),
  };
}
