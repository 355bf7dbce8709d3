// Who may read and who may change the places and regions of an organisation.
import { hasRoleAtLeast, type OrgRole } from '../../../common/roles.ts';

/** True when this role may see places and regions: every active member. */
export function canReadPlaces(role: OrgRole): boolean {
  return hasRoleAtLeast(role, 'member');
}

/** True when this role may create, change, import and delete places and regions. */
export function canEditPlaces(role: OrgRole): boolean {
  return hasRoleAtLeast(role, 'facilitator');
}
