// Who may do what with an organisation and its members, and the rule that it always keeps an admin.
import type { MembershipStatus, OrgRole } from '../../../common/roles.ts';

/** A membership as the last-admin rule sees it. */
export interface MembershipState {
  userId: string;
  role: OrgRole;
  status: MembershipStatus;
}

/** A change to one membership that the last-admin rule has to judge. */
export type MembershipChange =
  | { kind: 'role'; userId: string; role: OrgRole }
  | { kind: 'deactivate'; userId: string }
  | { kind: 'reactivate'; userId: string }
  // A person deleting their account leaves every organisation at once.
  | { kind: 'remove'; userId: string };

/** True when this role may rename the organisation, change its colour and logo. */
export function canEditOrganisation(role: OrgRole): boolean {
  return role === 'admin';
}

/** True when this role may see, invite, promote, demote, deactivate and reactivate members. */
export function canManageMembers(role: OrgRole): boolean {
  return role === 'admin';
}

/** True when at least one membership is an active admin. */
export function hasActiveAdmin(memberships: readonly MembershipState[]): boolean {
  return memberships.some((m) => m.role === 'admin' && m.status === 'active');
}

/** The memberships as they would be after the change; the input is left as it is. */
export function applyMembershipChange(
  memberships: readonly MembershipState[],
  change: MembershipChange,
): MembershipState[] {
  if (change.kind === 'remove') return memberships.filter((m) => m.userId !== change.userId);
  return memberships.map((m) => {
    if (m.userId !== change.userId) return m;
    switch (change.kind) {
      case 'role':
        return { ...m, role: change.role };
      case 'deactivate':
        return { ...m, status: 'deactivated' };
      case 'reactivate':
        return { ...m, status: 'active' };
    }
  });
}

/**
 * The last-admin rule: true when the change would take away the organisation's last active admin,
 * so nobody could manage it any more. Every change that keeps one is allowed by this rule, and so
 * is any change in an organisation that has no active admin to lose (say, one whose only admin
 * has not accepted the invitation yet): blocking those would punish the wrong person.
 */
export function wouldLeaveNoActiveAdmin(
  memberships: readonly MembershipState[],
  change: MembershipChange,
): boolean {
  return hasActiveAdmin(memberships) && !hasActiveAdmin(applyMembershipChange(memberships, change));
}
