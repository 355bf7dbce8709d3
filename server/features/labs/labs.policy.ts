// Who may see, steer and join a lab, and who may manage canvas templates. Pure functions.
import type { LabStatus } from '../../../common/labs.ts';
import { hasRoleAtLeast, type OrgRole } from '../../../common/roles.ts';

/** What the rules need to know about a person and one lab. */
export interface LabStanding {
  /** The person's active role in the lab's organisation; null when they are not a member. */
  role: OrgRole | null;
  /** True when the person is one of the lab's facilitators. */
  isLabFacilitator: boolean;
}

/** True when this role may create labs: facilitators and admins of the organisation. */
export function canCreateLab(role: OrgRole): boolean {
  return hasRoleAtLeast(role, 'facilitator');
}

/** True when the person may steer this lab: one of its facilitators, or an admin of its organisation. */
export function canFacilitateLab(standing: LabStanding): boolean {
  return standing.isLabFacilitator || standing.role === 'admin';
}

/**
 * True when a member sees this lab in the organisation's pages. A draft is work in progress:
 * only its facilitators and the organisation's facilitators and admins see it.
 */
export function canSeeLab(standing: LabStanding, status: LabStatus): boolean {
  if (standing.role === null) return false;
  if (status !== 'draft') return true;
  return canFacilitateLab(standing) || hasRoleAtLeast(standing.role, 'facilitator');
}

/** True when people can join the lab with its code: while it is open or live. */
export function isJoinable(status: LabStatus): boolean {
  return status === 'open' || status === 'live';
}

/** True when the lab's agenda and settings may still change; a closed lab is read-only. */
export function isEditable(status: LabStatus): boolean {
  return status !== 'closed';
}

/**
 * True when a participant (not a facilitator) may connect to the lab's documents: not while it
 * is a draft, which is still being prepared.
 */
export function canParticipantConnect(status: LabStatus): boolean {
  return status !== 'draft';
}

/** True when this role may see the organisation's canvas templates: every member. */
export function canReadTemplates(role: OrgRole): boolean {
  return hasRoleAtLeast(role, 'member');
}

/** True when this role may add, change and archive canvas templates: admins. */
export function canManageTemplates(role: OrgRole): boolean {
  return role === 'admin';
}
