// Who may sign in and how passwords are changed: pure rules, no database.
import type { MembershipStatus } from '../../../common/roles.ts';

/**
 * True when a person with these memberships may start a session. Someone with no membership at
 * all may (an operator may have just created them, or their last organisation was deleted), as
 * may anyone with at least one active or invited membership; only a person deactivated in every
 * organisation they belong to is kept out, because each of those organisations sent them away.
 */
export function maySignIn(statuses: readonly MembershipStatus[]): boolean {
  return statuses.length === 0 || statuses.some((status) => status !== 'deactivated');
}

/**
 * Tells what a password change must check first: an account that has a password must prove it
 * knows it; an account without one (links only so far) may set its first password directly.
 */
export function needsCurrentPassword(account: { hasPassword: boolean }): boolean {
  return account.hasPassword;
}
