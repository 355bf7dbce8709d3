// Who may read and who may edit the organisation's trend catalogue. Pure functions.
import { hasRoleAtLeast, type OrgRole } from '../../../common/roles.ts';

/** True when this role may see the catalogue without archived items: every member. */
export function canReadCatalogue(role: OrgRole): boolean {
  return hasRoleAtLeast(role, 'member');
}

/** True when this role may see archived trends and developments: admins, who can restore them. */
export function canSeeArchived(role: OrgRole): boolean {
  return role === 'admin';
}

/** True when this role may add, change, archive and reorder trends and developments: admins. */
export function canManageCatalogue(role: OrgRole): boolean {
  return role === 'admin';
}
