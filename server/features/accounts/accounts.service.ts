// A person's own account: reading and changing the profile, exporting and deleting it.
import type { UpdateProfileRequest } from '../../../common/account.ts';
import type { AppContext } from '../../http/context.ts';
import { badInput, conflict, unauthenticated } from '../../http/problem.ts';
import type { Auth } from '../auth/sessions.service.ts';
import {
  isDeletionConfirmed,
  orgsLeftWithoutAdmin,
  orgsWhereActiveAdmin,
} from './accounts.policy.ts';
import {
  countOtherActiveAdmins,
  deleteUser,
  listMembershipsOfUser,
  listSessionsOfUser,
  updateProfile,
  type UserRow,
} from './accounts.repo.ts';

/** Applies the changed profile fields and returns the updated account. */
export async function updateMyProfile(
  ctx: AppContext,
  auth: Auth,
  changes: UpdateProfileRequest,
): Promise<UserRow> {
  const updated = await updateProfile(ctx.database.db, auth.user.id, changes, new Date());
  // The account can only vanish between the session check and here if it was deleted meanwhile.
  if (!updated) throw unauthenticated();
  return updated;
}

/** Gathers everything held about the signed-in person, and nothing about anyone else. */
export async function exportMyData(ctx: AppContext, auth: Auth) {
  const db = ctx.database.db;
  const [memberships, sessions] = await Promise.all([
    listMembershipsOfUser(db, auth.user.id),
    listSessionsOfUser(db, auth.user.id),
  ]);
  return { exportedAt: new Date(), user: auth.user, memberships, sessions };
}

/**
 * Deletes the signed-in person's account with their memberships, sessions and links, after they
 * typed their address again. Refuses (409 last_admin) while they are the only active admin of an
 * organisation, which would otherwise be left without anyone who can manage it.
 */
export async function deleteMyAccount(
  ctx: AppContext,
  auth: Auth,
  confirmEmail: string,
): Promise<void> {
  if (!isDeletionConfirmed(auth.user.email, confirmEmail)) {
    throw badInput(
      'confirmEmail',
      'Type the e-mail address of this account to confirm.',
      'mismatch',
    );
  }
  await ctx.database.db.transaction(async (tx) => {
    const memberships = await listMembershipsOfUser(tx, auth.user.id);
    const adminOf = orgsWhereActiveAdmin(memberships);
    const otherAdmins = await countOtherActiveAdmins(tx, adminOf, auth.user.id);
    const orphaned = orgsLeftWithoutAdmin(memberships, otherAdmins);
    if (orphaned.length > 0) {
      const names = memberships
        .filter((m) => orphaned.includes(m.orgId))
        .map((m) => m.organisation)
        .join(', ');
      throw conflict(
        `You are the last active admin of ${names}; make someone else admin first.`,
        'last_admin',
      );
    }
    await deleteUser(tx, auth.user.id);
  });
}
