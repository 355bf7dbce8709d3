// Sign-in, one-time links, passwords and the current session.
import { z } from 'zod';
import { displayName, email, isoDateTime, locale, newPassword, slug, uuid } from './fields.ts';
import { orgRole } from './roles.ts';

/** Header that carries the session's CSRF token on every cookie-authenticated mutation. */
export const CSRF_HEADER = 'x-csrf-token';
/** Name of the session cookie. */
export const SESSION_COOKIE = 'stadshart_session';

export const signInRequest = z.object({
  email,
  password: z.string().min(1).max(1024),
});
export type SignInRequest = z.infer<typeof signInRequest>;

export const magicLinkRequest = z.object({ email });
export type MagicLinkRequest = z.infer<typeof magicLinkRequest>;

/** A one-time token from a mailed link; links carry it in the URL fragment so it is never logged. */
export const oneTimeToken = z.string().min(20).max(200);

export const consumeLinkRequest = z.object({ token: oneTimeToken });
export type ConsumeLinkRequest = z.infer<typeof consumeLinkRequest>;

export const acceptInviteRequest = z.object({
  token: oneTimeToken,
  name: displayName,
  password: newPassword,
});
export type AcceptInviteRequest = z.infer<typeof acceptInviteRequest>;

export const passwordResetRequest = z.object({ email });
export type PasswordResetRequest = z.infer<typeof passwordResetRequest>;

export const passwordResetConfirm = z.object({ token: oneTimeToken, password: newPassword });
export type PasswordResetConfirm = z.infer<typeof passwordResetConfirm>;

export const changePasswordRequest = z.object({
  currentPassword: z.string().max(1024).optional(),
  newPassword,
});
export type ChangePasswordRequest = z.infer<typeof changePasswordRequest>;

/** A membership as the signed-in person sees it in their session. */
export const sessionMembership = z.object({
  orgId: uuid,
  orgSlug: slug,
  orgName: z.string(),
  role: orgRole,
});
export type SessionMembership = z.infer<typeof sessionMembership>;

export const sessionUser = z.object({
  id: uuid,
  email: z.string(),
  name: z.string(),
  initials: z.string(),
  emailVerified: z.boolean(),
  hasPassword: z.boolean(),
  locale,
});
export type SessionUser = z.infer<typeof sessionUser>;

/** What GET /api/v1/session returns: who is signed in (or null) and the token for mutations. */
export const sessionResponse = z.object({
  user: sessionUser.nullable(),
  memberships: z.array(sessionMembership),
  csrfToken: z.string().nullable(),
  expiresAt: isoDateTime.nullable(),
});
export type SessionResponse = z.infer<typeof sessionResponse>;

/** A generic acknowledgement, e.g. "if that address has an account, a link is on its way". */
export const acceptedResponse = z.object({ ok: z.literal(true) });
export type AcceptedResponse = z.infer<typeof acceptedResponse>;
