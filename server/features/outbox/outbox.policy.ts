// Who may read the outbox of an organisation.
import type { OrgRole } from '../../../common/roles.ts';

/** True when this role may read the mail sent to the organisation's members. */
export function canReadOutbox(role: OrgRole): boolean {
  return role === 'admin';
}
