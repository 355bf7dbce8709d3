// Who may follow up a lab's actions, and when. Pure functions.
import type { LabStatus } from '../../../common/labs.ts';

/** What the rules need to know about a person and one action. */
export interface ActionStanding {
  /** One of the lab's facilitators, or an admin of its organisation. */
  mayFacilitate: boolean;
  /** The member a facilitator named as the action's owner. */
  isOwner: boolean;
}

/** True when the person may update the action's status, progress and notes. */
export function canUpdateAction(standing: ActionStanding): boolean {
  return standing.mayFacilitate || standing.isOwner;
}

/** True when the person may name (or change) the member who owns an action. */
export function canAssignOwner(standing: Pick<ActionStanding, 'mayFacilitate'>): boolean {
  return standing.mayFacilitate;
}

/**
 * True when the lab's actions can be followed up: once the lab is closed. While it runs, the room
 * decides in its live document; afterwards the follow-up owns status and progress.
 */
export function isOpenForFollowUp(status: LabStatus): boolean {
  return status === 'closed';
}
