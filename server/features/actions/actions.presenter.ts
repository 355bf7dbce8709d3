// What leaves the server of a followed-up action: the room's words, the follow-up's state and
// history, and what the asking person may do. Never a raw row (no participant ids, no user ids
// of history authors).
import { z } from 'zod';
import type {
  ActionHistoryEntry,
  FollowedAction,
  FollowedActionList,
} from '../../../common/actions.ts';
import {
  actionHorizon,
  actionLink,
  isoDate,
  storedActionStatus,
  type ActionLink,
} from '../../../common/activities/actions.ts';
import type { ActionUpdateRow, ActionWithOwner } from './actions.repo.ts';

const storedLinks = z.array(actionLink);

/** Links as the projection stored them; anything unreadable is left out rather than failing the page. */
function readLinks(value: unknown): ActionLink[] {
  const parsed = storedLinks.safeParse(value);
  return parsed.success ? parsed.data : [];
}

function readDate(value: string | null): string | null {
  return value !== null && isoDate.safeParse(value).success ? value : null;
}

/** One history row as people see it. */
export function presentHistoryEntry(row: ActionUpdateRow): ActionHistoryEntry {
  const status = storedActionStatus.safeParse(row.status);
  return {
    status: status.success ? status.data : 'proposed',
    progress: row.progress,
    note: row.note,
    authorName: row.authorName,
    createdAt: row.createdAt.toISOString(),
  };
}

/** One action with its history (oldest first) and whether the asking person may update it. */
export function presentFollowedAction(
  { action, ownerName }: ActionWithOwner,
  history: ActionUpdateRow[],
  mayUpdate: boolean,
): FollowedAction {
  const status = storedActionStatus.safeParse(action.status);
  const horizon = actionHorizon.safeParse(action.horizon);
  return {
    activityId: action.activityId,
    actionId: action.actionId,
    title: action.title,
    description: action.description,
    ownerName: action.ownerName,
    owner: action.ownerUserId === null ? null : { id: action.ownerUserId, name: ownerName ?? '' },
    horizon: horizon.success ? horizon.data : 'term',
    startsOn: readDate(action.startsOn),
    endsOn: readDate(action.endsOn),
    links: readLinks(action.links),
    status: status.success ? status.data : 'proposed',
    progress: action.progress,
    dots: action.dots,
    updatedAt: action.updatedAt.toISOString(),
    mayUpdate,
    history: history.map(presentHistoryEntry),
  };
}

/** The lab's actions for the follow-up section. */
export function presentFollowedActionList(
  actions: FollowedAction[],
  options: {
    mayAssignOwner: boolean;
    ownerCandidates: { id: string; name: string }[];
    isOpenForUpdates: boolean;
  },
): FollowedActionList {
  return {
    actions,
    mayAssignOwner: options.mayAssignOwner,
    ownerCandidates: options.mayAssignOwner ? options.ownerCandidates : [],
    isOpenForUpdates: options.isOpenForUpdates,
  };
}
