// The actions activity: what the room will do, who owns it, when, and what it builds on; the
// group prioritises by dot vote and the facilitator confirms (docs/COLLAB_SPEC.md, rules X).
import { z } from 'zod';

export const ACTIONS_KIND = 'actions';
export const ACTION_TITLE_MAX = 200;
export const ACTION_DESCRIPTION_MAX = 1500;
export const ACTION_OWNER_MAX = 120;
export const ACTION_LINKS_MAX = 10;
export const ACTION_LINK_KEY_MAX = 200;
export const ACTION_LINK_LABEL_MAX = 300;
export const ACTION_ID_MAX = 64;
export const ACTION_DOTS_MIN = 1;
export const ACTION_DOTS_MAX = 10;
export const ACTION_DOTS_DEFAULT = 3;

/** A calendar date as YYYY-MM-DD that exists (no 31 February). */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD')
  .refine(isRealDate, 'a date that exists');

function isRealDate(value: string): boolean {
  const [year, month, day] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

/**
 * The end of the council term running on `now`: Dutch municipal councils are elected every four
 * years in March (2026, 2030, …), so a term ends on 31 March of such a year.
 */
export function nextTermEnd(now: Date): string {
  let year = now.getUTCFullYear();
  while ((year - 2026) % 4 !== 0 || Date.UTC(year, 2, 31) < now.getTime()) year += 1;
  return `${year}-03-31`;
}

/** Stored on the activity. */
export const actionsConfig = z.object({
  kind: z.literal(ACTIONS_KIND),
  /** How many dots each person gets when the facilitator opens the vote. */
  dotsPerPerson: z
    .number()
    .int()
    .min(ACTION_DOTS_MIN)
    .max(ACTION_DOTS_MAX)
    .default(ACTION_DOTS_DEFAULT),
  /** When the current council term ends: what "deze raadsperiode" means for this lab. */
  termEnds: isoDate.nullable().default(null),
});
export type ActionsConfig = z.infer<typeof actionsConfig>;

/** term: within this council term; later: after it. */
export const actionHorizons = ['term', 'later'] as const;
export const actionHorizon = z.enum(actionHorizons);
export type ActionHorizon = z.infer<typeof actionHorizon>;

/** What an action can build on: a chosen theme, a trend, an opportunity from a canvas, a scenario. */
export const actionLinkTypes = ['theme', 'trend', 'opportunity', 'scenario'] as const;
export const actionLinkType = z.enum(actionLinkTypes);
export type ActionLinkType = z.infer<typeof actionLinkType>;

export const actionLink = z.object({
  type: actionLinkType,
  key: z.string().min(1).max(ACTION_LINK_KEY_MAX),
  label: z.string().min(1).max(ACTION_LINK_LABEL_MAX),
});
export type ActionLink = z.infer<typeof actionLink>;

/** The statuses an action has in the room: participants propose, the facilitator decides. */
export const actionStatuses = ['proposed', 'confirmed', 'rejected'] as const;
export const actionStatus = z.enum(actionStatuses);
export type ActionStatus = z.infer<typeof actionStatus>;

/** Root maps of an actions document. Values are plain JSON (never nested Yjs types). */
export const actionsRoots = { actions: 'actions', dots: 'dots' } as const;

function isBlank(text: string): boolean {
  return text.trim() === '';
}

/**
 * actions[actionId]: one action. No transforms, so a parsed value equals what was stored and the
 * server can compare old and new values field by field.
 */
export const actionValue = z
  .object({
    id: z.string().min(1).max(ACTION_ID_MAX),
    title: z
      .string()
      .max(ACTION_TITLE_MAX)
      .refine((t) => !isBlank(t), 'a title'),
    description: z.string().max(ACTION_DESCRIPTION_MAX),
    /** An organisation or a person; may be someone outside the platform. */
    ownerName: z.string().max(ACTION_OWNER_MAX),
    horizon: actionHorizon,
    startsOn: isoDate.nullable(),
    endsOn: isoDate.nullable(),
    links: z.array(actionLink).max(ACTION_LINKS_MAX),
    status: actionStatus,
    /** The participant id of whoever proposed it. */
    authorId: z.string(),
    authorName: z.string().max(ACTION_OWNER_MAX),
    createdAt: z.number().int(),
    /** Sort key set by the facilitator (fractional, so moving one action touches one value). */
    position: z.number().finite(),
  })
  .refine((a) => a.startsOn === null || a.endsOn === null || a.startsOn <= a.endsOn, {
    message: 'the end date lies before the start date',
    path: ['endsOn'],
  })
  .refine((a) => new Set(a.links.map(linkId)).size === a.links.length, {
    message: 'every link only once',
    path: ['links'],
  });
export type ActionValue = z.infer<typeof actionValue>;

/** The identity of a link: two links with the same type and key are the same link. */
export function linkId(link: Pick<ActionLink, 'type' | 'key'>): string {
  return `${link.type}:${link.key}`;
}

/** dots[`${participantId}|${actionId}`]: how many dots that person put on that action (≥ 1). */
export const actionDotValue = z.number().int().min(1);

/** The key of one person's dots on one action. */
export function actionDotKey(participantId: string, actionId: string): string {
  return `${participantId}|${actionId}`;
}

/** Splits a dot key; null when it is not `<participantId>|<actionId>`. */
export function parseActionDotKey(key: string): { participantId: string; actionId: string } | null {
  const at = key.indexOf('|');
  if (at <= 0 || at === key.length - 1) return null;
  return { participantId: key.slice(0, at), actionId: key.slice(at + 1) };
}

/**
 * The statuses an action can have after the lab, when its owner and the facilitators follow it
 * up; `rejected` stays as the room left it (`dropped` is how an action ends later).
 */
export const followUpStatuses = [
  'proposed',
  'confirmed',
  'in-progress',
  'done',
  'dropped',
] as const;
export const followUpStatus = z.enum(followUpStatuses);
export type FollowUpStatus = z.infer<typeof followUpStatus>;

/** Every status a stored action can have: the room's and the follow-up's. */
export const storedActionStatuses = [
  'proposed',
  'confirmed',
  'rejected',
  'in-progress',
  'done',
  'dropped',
] as const;
export const storedActionStatus = z.enum(storedActionStatuses);
export type StoredActionStatus = z.infer<typeof storedActionStatus>;

export const PROGRESS_MIN = 0;
export const PROGRESS_MAX = 100;

/** Orders actions as the synthesis and the big screen rank them: confirmed first, then by dots. */
export function compareByPriority(
  a: { status: string; dots: number; position: number; id: string },
  b: { status: string; dots: number; position: number; id: string },
): number {
  const weight = (status: string) => (status === 'confirmed' ? 0 : status === 'rejected' ? 2 : 1);
  return (
    weight(a.status) - weight(b.status) ||
    b.dots - a.dots ||
    a.position - b.position ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}
