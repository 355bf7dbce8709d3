// Signing in (password or link), accepting invitations, verifying addresses and passwords.
import type {
  AcceptInviteRequest,
  ChangePasswordRequest,
  PasswordResetConfirm,
  SignInRequest,
} from '../../../common/auth.ts';
import type { Db } from '../../db/client.ts';
import type { AppContext } from '../../http/context.ts';
import { badInput, HttpProblem } from '../../http/problem.ts';
import { passwordResetMail, signInLinkMail, verifyEmailMail } from './auth.mails.ts';
import { maySignIn, needsCurrentPassword } from './auth.policy.ts';
import {
  activateInvitedMembership,
  findUserByEmail,
  findUserById,
  listMembershipStatuses,
  markEmailVerified,
  updatePasswordHash,
  updateUserName,
} from './auth.repo.ts';
import { voidTokens } from './links.repo.ts';
import { issueLink, redeemLink } from './links.service.ts';
import { hashPassword, isHashOutdated, verifyPassword } from './passwords.ts';
import type { UserRow } from './sessions.repo.ts';
import {
  endAllSessions,
  endSession,
  resolveSession,
  startSession,
  type Auth,
} from './sessions.service.ts';

/** The browser asking: what a new session records about it, and the session it may already hold. */
export interface Client {
  userAgent: string;
  /** The session the request came with, if any; signing in again replaces it. */
  currentSessionId: string | null;
}

/** A freshly started session: the cookie secret and the person as GET /session shows them. */
export interface SignedIn {
  secret: string;
  expiresAt: Date;
  auth: Auth;
}

function invalidCredentials(): HttpProblem {
  return new HttpProblem(
    401,
    'invalid_credentials',
    'The e-mail address or password is not right.',
  );
}

function accountDeactivated(): HttpProblem {
  return new HttpProblem(
    403,
    'account_deactivated',
    'Your account is deactivated in every organisation you belong to; ask an admin of one of them to reactivate it.',
  );
}

function tokenInvalid(
  detail = 'This link is unknown, already used or expired; ask for a new one.',
): HttpProblem {
  return new HttpProblem(400, 'token_invalid', detail, {
    errors: [{ field: 'token', code: 'token_invalid', message: detail }],
  });
}

async function maySignInNow(db: Db, userId: string): Promise<boolean> {
  return maySignIn(await listMembershipStatuses(db, userId));
}

// Starts a session and loads it the way every later request will see it.
async function openSession(
  db: Db,
  ctx: AppContext,
  userId: string,
  client: Client,
): Promise<SignedIn> {
  if (client.currentSessionId) await endSession(db, client.currentSessionId);
  const { secret, expiresAt } = await startSession(db, ctx.config, userId, client.userAgent);
  const auth = await resolveSession(db, ctx.config, secret);
  if (!auth) throw new Error('a session that was just started cannot be found');
  return { secret, expiresAt, auth };
}

/**
 * Signs in with e-mail and password. Unknown address, link-only account and wrong password all
 * answer the same 401 after the same amount of work; a right password on an account that is
 * deactivated everywhere answers 403 account_deactivated, which only the owner can learn.
 */
export async function signInWithPassword(
  ctx: AppContext,
  input: SignInRequest,
  client: Client,
): Promise<SignedIn> {
  const db = ctx.database.db;
  const user = await findUserByEmail(db, input.email);
  const isPasswordRight = await verifyPassword(user?.passwordHash ?? null, input.password);
  if (!user || !isPasswordRight) throw invalidCredentials();
  if (!(await maySignInNow(db, user.id))) throw accountDeactivated();
  if (user.passwordHash && isHashOutdated(user.passwordHash)) {
    await updatePasswordHash(db, user.id, await hashPassword(input.password), new Date());
  }
  return openSession(db, ctx, user.id, client);
}

function linkValidMinutes(ctx: AppContext): number {
  return ctx.config.LINK_TTL_MINUTES;
}

// Finds the account a link mail may go to: it exists and is allowed to sign in.
async function findAccountForLink(db: Db, email: string): Promise<UserRow | null> {
  const user = await findUserByEmail(db, email);
  if (!user || !(await maySignInNow(db, user.id))) return null;
  return user;
}

/** Mails a one-time sign-in link when the address has an account that may sign in; silent otherwise. */
export async function requestSignInLink(ctx: AppContext, email: string): Promise<void> {
  const user = await findAccountForLink(ctx.database.db, email);
  if (!user) return;
  const link = await issueLink(ctx.database.db, ctx.config, {
    userId: user.id,
    purpose: 'sign_in',
  });
  await ctx.mailer.send(
    signInLinkMail({ to: user.email, url: link.url, validMinutes: linkValidMinutes(ctx) }),
  );
}

/** Signs in with a mailed link; following it also proves the person reads that address. */
export function signInWithLink(ctx: AppContext, token: string, client: Client): Promise<SignedIn> {
  // One transaction: a refused sign-in leaves the link unused and the address unverified.
  return ctx.database.db.transaction(async (tx) => {
    const link = await redeemLink(tx, token, 'sign_in');
    if (!link) throw tokenInvalid();
    if (!(await maySignInNow(tx, link.userId))) throw accountDeactivated();
    await markEmailVerified(tx, link.userId, new Date());
    return openSession(tx, ctx, link.userId, client);
  });
}

/**
 * Accepts an invitation: sets name and password, verifies the address, activates the membership
 * of the inviting organisation and signs in. A person who already had a password is signed out
 * elsewhere, as after any password change.
 */
export async function acceptInvitation(
  ctx: AppContext,
  input: AcceptInviteRequest,
  client: Client,
): Promise<SignedIn> {
  // Hash outside the transaction so no connection is held while argon2 works.
  const passwordHash = await hashPassword(input.password);
  return ctx.database.db.transaction(async (tx) => {
    const link = await redeemLink(tx, input.token, 'invite');
    if (!link?.orgId) throw tokenInvalid();
    const now = new Date();
    if (!(await activateInvitedMembership(tx, link.userId, link.orgId, now))) {
      throw tokenInvalid('This invitation has been withdrawn; ask the organisation for a new one.');
    }
    const user = await findUserById(tx, link.userId);
    if (!user) throw tokenInvalid();
    if (user.passwordHash !== null) await endAllSessions(tx, user.id);
    await updateUserName(tx, user.id, input.name, now);
    await updatePasswordHash(tx, user.id, passwordHash, now);
    await markEmailVerified(tx, user.id, now);
    return openSession(tx, ctx, user.id, client);
  });
}

/** Marks the address behind a verification link as verified. */
export async function verifyEmail(ctx: AppContext, token: string): Promise<void> {
  const link = await redeemLink(ctx.database.db, token, 'verify_email');
  if (!link) throw tokenInvalid();
  await markEmailVerified(ctx.database.db, link.userId, new Date());
}

/** Mails a fresh verification link to the signed-in person, unless their address is verified. */
export async function resendVerification(ctx: AppContext, auth: Auth): Promise<void> {
  if (auth.user.emailVerifiedAt !== null) return;
  const db = ctx.database.db;
  await voidTokens(db, auth.user.id, 'verify_email', new Date());
  const link = await issueLink(db, ctx.config, { userId: auth.user.id, purpose: 'verify_email' });
  await ctx.mailer.send(
    verifyEmailMail({ to: auth.user.email, url: link.url, validMinutes: linkValidMinutes(ctx) }),
  );
}

/** Mails a password-reset link when the address has an account that may sign in; silent otherwise. */
export async function requestPasswordReset(ctx: AppContext, email: string): Promise<void> {
  const db = ctx.database.db;
  const user = await findAccountForLink(db, email);
  if (!user) return;
  // Only the newest reset link works, so an older mail lying around is harmless.
  await voidTokens(db, user.id, 'reset_password', new Date());
  const link = await issueLink(db, ctx.config, { userId: user.id, purpose: 'reset_password' });
  await ctx.mailer.send(
    passwordResetMail({ to: user.email, url: link.url, validMinutes: linkValidMinutes(ctx) }),
  );
}

/** Sets a new password from a reset link, ends every session of the person and starts a new one. */
export async function resetPassword(
  ctx: AppContext,
  input: PasswordResetConfirm,
  client: Client,
): Promise<SignedIn> {
  const passwordHash = await hashPassword(input.password);
  return ctx.database.db.transaction(async (tx) => {
    const link = await redeemLink(tx, input.token, 'reset_password');
    if (!link) throw tokenInvalid();
    if (!(await maySignInNow(tx, link.userId))) throw accountDeactivated();
    const now = new Date();
    await updatePasswordHash(tx, link.userId, passwordHash, now);
    await markEmailVerified(tx, link.userId, now);
    await endAllSessions(tx, link.userId);
    return openSession(tx, ctx, link.userId, client);
  });
}

/**
 * Changes the signed-in person's password (checking the current one when there is one), ends
 * all their sessions, this one included, and starts a fresh one for this browser.
 */
export async function changePassword(
  ctx: AppContext,
  auth: Auth,
  input: ChangePasswordRequest,
  client: Client,
): Promise<SignedIn> {
  if (needsCurrentPassword({ hasPassword: auth.user.passwordHash !== null })) {
    if (!input.currentPassword) {
      throw badInput('currentPassword', 'Enter your current password.', 'required');
    }
    if (!(await verifyPassword(auth.user.passwordHash, input.currentPassword))) {
      throw badInput('currentPassword', 'This is not your current password.', 'incorrect');
    }
  }
  const passwordHash = await hashPassword(input.newPassword);
  return ctx.database.db.transaction(async (tx) => {
    await updatePasswordHash(tx, auth.user.id, passwordHash, new Date());
    await endAllSessions(tx, auth.user.id);
    return openSession(tx, ctx, auth.user.id, client);
  });
}

/** Ends the session the request came with. */
export async function signOut(ctx: AppContext, auth: Auth): Promise<void> {
  await endSession(ctx.database.db, auth.session.id);
}

/** Ends every session of the signed-in person, on every device, this one included. */
export async function signOutEverywhere(ctx: AppContext, auth: Auth): Promise<void> {
  await endAllSessions(ctx.database.db, auth.user.id);
}
