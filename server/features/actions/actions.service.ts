// The rules of following up a lab's actions: who sees them, who updates them and when, and that
// every change lands in the history.
import type {
  ActionUpdateRequest,
  FollowedAction,
  FollowedActionList,
} from '../../../common/actions.ts';
import type { OrgActor } from '../../http/auth.ts';
import type { AppContext } from '../../http/context.ts';
import { badInput, conflict, forbidden, notFound } from '../../http/problem.ts';
import { loadOrgLab } from '../labs/labs.service.ts';
import { canAssignOwner, canUpdateAction, isOpenForFollowUp } from './actions.policy.ts';
import { presentFollowedAction, presentFollowedActionList } from './actions.presenter.ts';
import {
  applyActionChange,
  findLabAction,
  isActiveMember,
  listActionUpdates,
  listActiveMembers,
  listLabActions,
  type ActionUpdateRow,
} from './actions.repo.ts';

function historyKey(activityId: string, actionId: string): string {
  return `${activityId}|${actionId}`;
}

/** Lists the lab's actions with their follow-up state and history, for anyone who may see the lab. */
export async function listFollowedActions(
  ctx: AppContext,
  actor: OrgActor,
  labId: string,
): Promise<FollowedActionList> {
  const db = ctx.database.db;
  const { lab, mayFacilitate } = await loadOrgLab(ctx, actor, labId);
  const [actions, updates] = await Promise.all([
    listLabActions(db, labId),
    listActionUpdates(db, labId),
  ]);
  const history = new Map<string, ActionUpdateRow[]>();
  for (const update of updates) {
    const key = historyKey(update.activityId, update.actionId);
    const list = history.get(key);
    if (list) list.push(update);
    else history.set(key, [update]);
  }
  const isOpen = isOpenForFollowUp(lab.status);
  const mayAssign = canAssignOwner({ mayFacilitate });
  return presentFollowedActionList(
    actions.map((row) =>
      presentFollowedAction(
        row,
        history.get(historyKey(row.action.activityId, row.action.actionId)) ?? [],
        isOpen &&
          canUpdateAction({
            mayFacilitate,
            isOwner: row.action.ownerUserId === actor.auth.user.id,
          }),
      ),
    ),
    {
      mayAssignOwner: mayAssign,
      ownerCandidates: mayAssign ? await listActiveMembers(db, lab.orgId) : [],
      isOpenForUpdates: isOpen,
    },
  );
}

/**
 * Records one follow-up change of an action by its owner, a facilitator of the lab or an admin:
 * status and progress as given (progress 100 does not make an action done; people say so),
 * an optional note, and — for facilitators and admins — the member who owns it. Every change
 * appends to the history. 409 while the lab is not closed.
 */
export async function updateFollowedAction(
  ctx: AppContext,
  actor: OrgActor,
  key: { labId: string; activityId: string; actionId: string },
  input: ActionUpdateRequest,
): Promise<FollowedAction> {
  const db = ctx.database.db;
  const { lab, mayFacilitate } = await loadOrgLab(ctx, actor, key.labId);
  const found = await findLabAction(db, key.labId, key.activityId, key.actionId);
  if (!found) throw notFound('This action');
  const isOwner = found.action.ownerUserId === actor.auth.user.id;
  if (!canUpdateAction({ mayFacilitate, isOwner })) {
    throw forbidden("Only the action's owner, the lab's facilitators and admins may update it.");
  }
  if (input.ownerUserId !== undefined && !canAssignOwner({ mayFacilitate })) {
    throw forbidden("Only the lab's facilitators and admins may name an action's owner.");
  }
  if (!isOpenForFollowUp(lab.status)) {
    throw conflict('Actions are followed up once the lab is closed; until then the room decides.');
  }
  if (input.ownerUserId && !(await isActiveMember(db, lab.orgId, input.ownerUserId))) {
    throw badInput('ownerUserId', 'is not an active member of this organisation.', 'not_a_member');
  }
  const updated = await applyActionChange(db, key, {
    ...(input.status === undefined ? {} : { status: input.status }),
    ...(input.progress === undefined ? {} : { progress: input.progress }),
    ...(input.ownerUserId === undefined ? {} : { ownerUserId: input.ownerUserId }),
    note: input.note ?? '',
    author: { userId: actor.auth.user.id, name: actor.auth.user.name },
  });
  if (!updated) throw notFound('This action');
  const fresh = await findLabAction(db, key.labId, key.activityId, key.actionId);
  if (!fresh) throw notFound('This action');
  return presentFollowedAction(
    fresh,
    await listActionUpdates(db, key.labId, key),
    canUpdateAction({ mayFacilitate, isOwner: fresh.action.ownerUserId === actor.auth.user.id }),
  );
}
