// Where a person lands after accepting an invitation: the organisation that invited them.
import type { SessionResponse } from '../../../common/auth.ts';

const HOME = '/';

/**
 * Returns the page of the organisation the invitation was for: the only one the person belongs
 * to, or the one that is new compared with the session they had before (same person); otherwise
 * "/", where all their organisations are listed. The API does not say which organisation it was.
 */
export function welcomeDestination(before: SessionResponse | null, after: SessionResponse): string {
  const memberships = after.memberships;
  if (memberships.length === 1 && memberships[0]) return `/o/${memberships[0].orgSlug}`;
  if (!before?.user || before.user.id !== after.user?.id) return HOME;
  const knownOrgIds = new Set(before.memberships.map((membership) => membership.orgId));
  const added = memberships.filter((membership) => !knownOrgIds.has(membership.orgId));
  return added.length === 1 && added[0] ? `/o/${added[0].orgSlug}` : HOME;
}
