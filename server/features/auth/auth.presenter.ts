// What leaves the server about the signed-in person and their session.
import type { AcceptedResponse, SessionResponse, SessionUser } from '../../../common/auth.ts';
import type { UserRow } from './sessions.repo.ts';
import { initialsOf, type Auth } from './sessions.service.ts';

/** The public face of a user row in a session answer. */
export function presentSessionUser(user: UserRow): SessionUser {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    initials: initialsOf(user.name, user.email),
    emailVerified: user.emailVerifiedAt !== null,
    hasPassword: user.passwordHash !== null,
    locale: user.locale,
  };
}

/** GET /session: who is signed in, their organisations and the CSRF token; all null when signed out. */
export function presentSession(auth: Auth | null): SessionResponse {
  if (!auth) return { user: null, memberships: [], csrfToken: null, expiresAt: null };
  return {
    user: presentSessionUser(auth.user),
    memberships: auth.memberships,
    csrfToken: auth.session.csrfToken,
    expiresAt: auth.session.expiresAt.toISOString(),
  };
}

/** The answer to a request whose outcome is not revealed, e.g. "if that address has an account, a link is on its way". */
export function presentAccepted(): AcceptedResponse {
  return { ok: true };
}
