// Attempt limits for sign-in and the mailed links, per account and per client address.
import type { FastifyRequest } from 'fastify';
import type { App } from '../../http/context.ts';
import { HttpProblem } from '../../http/problem.ts';

/** Attempts one account may make per window: enough for typos, too few to guess a password. */
export const ACCOUNT_ATTEMPTS_MAX = 5;
/**
 * Attempts one client address may make per window, across accounts. Much higher than the
 * account limit because a town hall or a conference venue puts many people behind one address.
 */
export const ADDRESS_ATTEMPTS_MAX = 100;
/** The window both limits count in. */
export const ATTEMPT_WINDOW_MS = 15 * 60_000;

export interface AttemptLimiter {
  /** Counts one attempt for this account and the request's address; throws a 429 past either limit. */
  count(request: FastifyRequest, accountKey: string): Promise<void>;
}

type Limit = ReturnType<App['createRateLimit']>;

async function enforce(limit: Limit, request: FastifyRequest): Promise<void> {
  const result = await limit(request);
  if (result.isAllowed || !result.isExceeded) return;
  const seconds = String(Math.max(1, result.ttlInSeconds));
  throw new HttpProblem(
    429,
    'rate_limited',
    `Too many attempts; try again in ${seconds} seconds.`,
    {
      headers: { 'retry-after': seconds },
    },
  );
}

/**
 * Creates the two counters of one action; each action gets its own limiter, so a mistyped
 * password does not also block the sign-in link that rescues the person. Counts live in this process (the plugin's memory
 * store); with several app nodes each node counts on its own until the limits move to Redis.
 */
export function createAttemptLimiter(app: App): AttemptLimiter {
  // The account key is known only once the body is validated; the plugin asks for it per request.
  const accountKeys = new WeakMap<FastifyRequest, string>();
  const perAccount = app.createRateLimit({
    max: ACCOUNT_ATTEMPTS_MAX,
    timeWindow: ATTEMPT_WINDOW_MS,
    keyGenerator: (request) => accountKeys.get(request) ?? '',
  });
  // The plugin's default key is the client address, with IPv6 grouped per /64 network.
  const perAddress = app.createRateLimit({
    max: ADDRESS_ATTEMPTS_MAX,
    timeWindow: ATTEMPT_WINDOW_MS,
  });
  return {
    async count(request, accountKey) {
      accountKeys.set(request, accountKey);
      await enforce(perAddress, request);
      await enforce(perAccount, request);
    },
  };
}
