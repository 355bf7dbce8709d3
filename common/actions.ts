// Following up a lab's actions after the lab (docs/labs.md, "Acties opvolgen"): the list on the
// lab's page and the updates of owners and facilitators, with their history.
import { z } from 'zod';
import {
  ACTION_ID_MAX,
  actionHorizon,
  actionLink,
  followUpStatus,
  isoDate,
  PROGRESS_MAX,
  PROGRESS_MIN,
  storedActionStatus,
} from './activities/actions.ts';
import { isoDateTime, uuid } from './fields.ts';
import { labParams, personRef } from './labs.ts';

export const ACTION_NOTE_MAX = 1000;

export const labActionParams = labParams.extend({
  activityId: uuid,
  actionId: z.string().min(1).max(ACTION_ID_MAX),
});

/**
 * One follow-up change. Every field is optional, but at least one must be given; the owner's
 * account may be set only by people who may facilitate the lab (null takes it away).
 */
export const actionUpdateRequest = z
  .object({
    status: followUpStatus.optional(),
    progress: z.number().int().min(PROGRESS_MIN).max(PROGRESS_MAX).optional(),
    note: z.string().trim().max(ACTION_NOTE_MAX).optional(),
    ownerUserId: uuid.nullable().optional(),
  })
  .refine(
    (update) =>
      update.status !== undefined ||
      update.progress !== undefined ||
      (update.note !== undefined && update.note !== '') ||
      update.ownerUserId !== undefined,
    { message: 'change the status, the progress or the owner, or write a note', path: ['status'] },
  );
export type ActionUpdateRequest = z.infer<typeof actionUpdateRequest>;

/** One entry of an action's history: the status and progress after the change. */
export const actionHistoryEntry = z.object({
  status: storedActionStatus,
  progress: z.number().int(),
  note: z.string(),
  authorName: z.string(),
  createdAt: isoDateTime,
});
export type ActionHistoryEntry = z.infer<typeof actionHistoryEntry>;

export const followedAction = z.object({
  activityId: uuid,
  actionId: z.string(),
  title: z.string(),
  description: z.string(),
  /** The owner as the room wrote it: an organisation or a person, perhaps outside the platform. */
  ownerName: z.string(),
  /** The member who follows the action up, when a facilitator named one. */
  owner: personRef.nullable(),
  horizon: actionHorizon,
  startsOn: isoDate.nullable(),
  endsOn: isoDate.nullable(),
  links: z.array(actionLink),
  status: storedActionStatus,
  progress: z.number().int(),
  dots: z.number().int(),
  updatedAt: isoDateTime,
  /** True when the asking person may update this action now. */
  mayUpdate: z.boolean(),
  /** Oldest first; never rewritten. */
  history: z.array(actionHistoryEntry),
});
export type FollowedAction = z.infer<typeof followedAction>;

export const followedActionList = z.object({
  actions: z.array(followedAction),
  /** True when the asking person may name the member who owns an action. */
  mayAssignOwner: z.boolean(),
  /** The organisation's active members to choose an owner from (empty unless mayAssignOwner). */
  ownerCandidates: z.array(personRef),
  /** False while the lab is not closed: follow-up starts once the lab is over. */
  isOpenForUpdates: z.boolean(),
});
export type FollowedActionList = z.infer<typeof followedActionList>;
