// Who calls a lab-scoped endpoint: a guest by `Authorization: Guest <secret>`, or a signed-in person.
import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import { GUEST_AUTH_SCHEME } from '../../../common/labs.ts';
import type { Auth } from '../auth/sessions.service.ts';
import { HttpProblem, unauthenticated } from '../../http/problem.ts';

/** The caller of a lab-scoped endpoint. */
export type LabCaller = { kind: 'guest'; secret: string } | { kind: 'member'; auth: Auth };

// Secrets come from newSecret() (43 base64url characters); the bounds only keep junk out.
const guestHeader = new RegExp(`^${GUEST_AUTH_SCHEME}\\s+([A-Za-z0-9_-]{16,128})\\s*$`, 'i');
const guestScheme = new RegExp(`^${GUEST_AUTH_SCHEME}(\\s|$)`, 'i');

function badGuestSecret(): HttpProblem {
  return new HttpProblem(
    401,
    'unauthenticated',
    `The ${GUEST_AUTH_SCHEME} credentials are malformed; join the lab again with its code.`,
  );
}

/**
 * The guest secret when the request carries the Guest scheme, the session otherwise; a 401 when
 * it has neither. A Guest header wins over a session cookie: the browser tab acts as that guest.
 */
export function readLabCaller(request: FastifyRequest): LabCaller {
  const header = request.headers.authorization;
  if (header !== undefined && guestScheme.test(header)) {
    const secret = guestHeader.exec(header)?.[1];
    if (!secret) throw badGuestSecret();
    return { kind: 'guest', secret };
  }
  if (request.auth) return { kind: 'member', auth: request.auth };
  throw unauthenticated();
}

/** An onRequest hook: a caller with neither a Guest header nor a session gets the 401 first. */
export function guardLabCaller(
  request: FastifyRequest,
  _reply: FastifyReply,
  done: HookHandlerDoneFunction,
): void {
  try {
    readLabCaller(request);
    done();
  } catch (error) {
    done(error as Error);
  }
}
