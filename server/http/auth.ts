// Who is asking: loads the session behind the cookie and guards mutations against CSRF.
import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import { CSRF_HEADER, SESSION_COOKIE } from '../../common/auth.ts';
import type { OrgRole } from '../../common/roles.ts';
import { hasRoleAtLeast } from '../../common/roles.ts';
import { resolveSession, type Auth } from '../features/auth/sessions.service.ts';
import type { App, AppContext } from './context.ts';
import { HttpProblem, notFound, forbidden, unauthenticated } from './problem.ts';

declare module 'fastify' {
  interface FastifyRequest {
    auth: Auth | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Installs the session lookup and the CSRF guard on every API request. */
export function registerAuth(app: App, ctx: AppContext): void {
  app.decorateRequest('auth', null);
  app.addHook('onRequest', async (request) => {
    // Only the API acts for a person. A page load fetches a dozen files (HTML, scripts, styles,
    // fonts); looking up the session for each would cost two queries apiece for nothing.
    if (!request.url.startsWith('/api/')) return;
    const secret = request.cookies[SESSION_COOKIE];
    request.auth = secret ? await resolveSession(ctx.database.db, ctx.config, secret) : null;
    if (SAFE_METHODS.has(request.method)) return;
    // Browsers always send Origin on cross-site POSTs; a foreign one is refused outright.
    const origin = request.headers.origin;
    if (origin !== undefined && origin !== ctx.config.publicOrigin) {
      throw new HttpProblem(
        403,
        'csrf_failed',
        `Requests from ${origin} are not accepted; use ${ctx.config.publicOrigin}.`,
      );
    }
    // With a session cookie, the request must also prove it read the session's token.
    if (request.auth && request.headers[CSRF_HEADER] !== request.auth.session.csrfToken) {
      throw new HttpProblem(
        403,
        'csrf_failed',
        `The ${CSRF_HEADER} header is missing or stale; reload the page and try again.`,
      );
    }
  });
}

/** Sets the session cookie. */
export function setSessionCookie(
  reply: FastifyReply,
  ctx: AppContext,
  secret: string,
  expiresAt: Date,
): void {
  void reply.setCookie(SESSION_COOKIE, secret, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: ctx.config.isHttps,
    expires: expiresAt,
  });
}

/** Removes the session cookie. */
export function clearSessionCookie(reply: FastifyReply, ctx: AppContext): void {
  void reply.clearCookie(SESSION_COOKIE, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: ctx.config.isHttps,
  });
}

/** The signed-in person, or a 401. */
export function requireAuth(request: FastifyRequest): Auth {
  if (!request.auth) throw unauthenticated();
  return request.auth;
}

export interface OrgActor {
  auth: Auth;
  orgId: string;
  orgSlug: string;
  role: OrgRole;
}

/**
 * The signed-in person as a member of the organisation in the URL. Someone who is not an
 * active member gets a 404, so other organisations' names and contents stay hidden; a member
 * whose role is too weak gets a 403.
 */
export function requireOrgRole(
  request: FastifyRequest,
  orgSlug: string,
  needed: OrgRole = 'member',
): OrgActor {
  const auth = requireAuth(request);
  const membership = auth.memberships.find((m) => m.orgSlug === orgSlug);
  if (!membership) throw notFound('This organisation');
  if (!hasRoleAtLeast(membership.role, needed)) {
    throw forbidden(
      `Only a${needed === 'admin' ? 'n admin' : ` ${needed}`} of this organisation may do this.`,
    );
  }
  return { auth, orgId: membership.orgId, orgSlug: membership.orgSlug, role: membership.role };
}

/**
 * An onRequest hook for routes that need a signed-in person: a stranger gets the 401 before the
 * body is read or validated, so a bad body never answers 400 to someone who is not signed in.
 */
export function guardSignedIn(
  request: FastifyRequest,
  _reply: FastifyReply,
  done: HookHandlerDoneFunction,
): void {
  done(request.auth ? undefined : unauthenticated());
}

/**
 * Runs before the body is read: strangers get their 401 or 404 without uploading anything, and
 * someone who is not an active member cannot tell a bad request from a missing organisation.
 */
export function guardOrgMember(
  request: FastifyRequest,
  _reply: FastifyReply,
  done: HookHandlerDoneFunction,
): void {
  try {
    const { orgSlug } = request.params as { orgSlug?: string };
    if (orgSlug === undefined) requireAuth(request);
    else requireOrgRole(request, orgSlug);
    done();
  } catch (error) {
    done(error as Error);
  }
}
