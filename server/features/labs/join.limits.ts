// The wrong-code limit on joining: only codes that name no open lab count against an address.
import type { FastifyRequest } from 'fastify';
import type { App } from '../../http/context.ts';
import { HttpProblem } from '../../http/problem.ts';

/**
 * Wrong codes one client address may send per window. A room of people behind one address who
 * type the code right never count; docs/labs.md works out why 100 makes guessing hopeless.
 */
export const WRONG_CODES_MAX = 100;
/** The window wrong codes are counted in. */
export const WRONG_CODE_WINDOW_MS = 10 * 60_000;

export interface WrongCodeLimiter {
  /**
   * Runs one code attempt: refused with a 429 while the address is over the limit (right or
   * wrong code, so a blocked guesser learns nothing); counts the attempt when `work` answers
   * join_code_unknown.
   */
  attempt<T>(request: FastifyRequest, work: () => Promise<T>): Promise<T>;
}

function tooManyWrongCodes(ttlInSeconds: number): HttpProblem {
  const seconds = String(Math.max(1, ttlInSeconds));
  return new HttpProblem(
    429,
    'rate_limited',
    `Too many wrong codes from your network; try again in ${seconds} seconds.`,
    { headers: { 'retry-after': seconds } },
  );
}

/**
 * Creates the per-address counter of wrong join codes, shared by the lookup and the join so
 * guesses through either count together. Counts live in the rate-limit plugin's store (this
 * process's memory today), keyed by the client address with IPv6 grouped per /64.
 */
export function createWrongCodeLimiter(app: App): WrongCodeLimiter {
  const perAddress = app.createRateLimit({
    max: WRONG_CODES_MAX,
    timeWindow: WRONG_CODE_WINDOW_MS,
  });
  return {
    async attempt(request, work) {
      const before = await perAddress(request, { increment: false });
      if (!before.isAllowed && before.remaining === 0) throw tooManyWrongCodes(before.ttlInSeconds);
      try {
        return await work();
      } catch (error) {
        if (error instanceof HttpProblem && error.code === 'join_code_unknown') {
          await perAddress(request);
        }
        throw error;
      }
    },
  };
}
