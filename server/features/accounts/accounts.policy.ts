// Rules for a person's own account: pure, no database.
import type { MembershipStatus, OrgRole } from '../../../common/roles.ts';

/** True when the typed confirmation names the account's address (case and spaces aside). */
export function isDeletionConfirmed(accountEmail: string, confirmEmail: string): boolean {
  return accountEmail.trim().toLowerCase() === confirmEmail.trim().toLowerCase();
}

/** The organisations in which a person is an active admin; only those can lose their last admin. */
export function orgsWhereActiveAdmin(
  memberships: readonly { orgId: string; role: OrgRole; status: MembershipStatus }[],
): string[] {
  return memberships.filter((m) => m.role === 'admin' && m.status === 'active').map((m) => m.orgId);
}

/**
 * The organisations that would be left without an active admin if this person left: those where
 * they are an active admin and no one else is. An organisation without an admin cannot invite,
 * reactivate or promote anyone, so only an operator could repair it.
 */
export function orgsLeftWithoutAdmin(
  memberships: readonly { orgId: string; role: OrgRole; status: MembershipStatus }[],
  otherActiveAdmins: ReadonlyMap<string, number>,
): string[] {
  return orgsWhereActiveAdmin(memberships).filter(
    (orgId) => (otherActiveAdmins.get(orgId) ?? 0) === 0,
  );
}
