// Setting up a live lab through Stadshart's real HTTP API, and joining it as guests.
import type { z } from 'zod';
import { CSRF_HEADER, SESSION_COOKIE, sessionResponse } from '../../common/auth.ts';
import {
  collabToken,
  GUEST_AUTH_SCHEME,
  joinResult,
  lab as labSchema,
  type Activity,
  type CollabToken,
  type Lab,
} from '../../common/labs.ts';

/** The demo organisation SEED_DEMO creates (server/db/seed.ts). */
export const DEMO_ORG_SLUG = 'kennisnetwerk-binnensteden';
const API = '/api/v1';
const REQUEST_TIMEOUT_MS = 30_000;

/** A failed API call: method, path, status and the problem code, never a token. */
export class ApiError extends Error {
  readonly status: number;
  constructor(method: string, path: string, status: number, body: string) {
    let summary = body.slice(0, 200);
    try {
      const parsed = JSON.parse(body) as { code?: unknown; detail?: unknown };
      summary = `${String(parsed.code)}: ${String(parsed.detail)}`;
    } catch {
      // Not problem+json; the start of the body says enough.
    }
    super(`${method} ${path} answered ${status} (${summary})`);
    this.status = status;
  }
}

interface CallOptions<T> {
  body?: unknown;
  headers?: Record<string, string>;
  schema: z.ZodType<T>;
}

/** Talks to one Stadshart instance; after `signInWithLink` it carries the session and CSRF token. */
export class StadshartApi {
  private readonly baseUrl: string;
  private session: { cookie: string; csrfToken: string } | null = null;

  constructor(baseUrl: string) {
    this.baseUrl = baseUrl;
  }

  /** Consumes the one-time sign-in link the server printed and keeps the session. */
  async signInWithLink(token: string): Promise<void> {
    const response = await this.fetch('POST', `${API}/auth/magic-link/consume`, { token }, {});
    const text = await response.text();
    if (!response.ok) throw new ApiError('POST', '/auth/magic-link/consume', response.status, text);
    const session = sessionResponse.parse(JSON.parse(text));
    const cookie = response.headers
      .getSetCookie()
      .map((header) => header.split(';')[0] ?? '')
      .find((pair) => pair.startsWith(`${SESSION_COOKIE}=`));
    if (!cookie || !session.csrfToken) throw new Error('signing in gave no session cookie');
    this.session = { cookie, csrfToken: session.csrfToken };
  }

  /** Creates a local lab (one canvas activity) in the demo organisation, opens it and makes it live. */
  async createLiveLab(title: string): Promise<Lab> {
    const labsPath = `${API}/orgs/${DEMO_ORG_SLUG}/labs`;
    const created = await this.call('POST', labsPath, {
      body: { title, kind: 'local' },
      schema: labSchema,
    });
    const statusPath = `${labsPath}/${created.id}/status`;
    await this.call('POST', statusPath, { body: { status: 'open' }, schema: labSchema });
    return this.call('POST', statusPath, { body: { status: 'live' }, schema: labSchema });
  }

  /** The signed-in person's collaboration token for a lab (they facilitate it). */
  facilitatorToken(labId: string): Promise<CollabToken> {
    return this.call('POST', `${API}/labs/${labId}/collab-token`, { schema: collabToken });
  }

  /** Joins as a guest with a display name and fetches the guest's collaboration token. */
  async joinAsGuest(
    code: string,
    displayName: string,
  ): Promise<{ participantId: string; token: string }> {
    const guest = new StadshartApi(this.baseUrl);
    const joined = await guest.call('POST', `${API}/join`, {
      body: { code, displayName },
      schema: joinResult,
    });
    if (!joined.guestSecret) throw new Error('joining as a guest gave no guest secret');
    const token = await guest.call('POST', `${API}/labs/${joined.labId}/collab-token`, {
      headers: { authorization: `${GUEST_AUTH_SCHEME} ${joined.guestSecret}` },
      schema: collabToken,
    });
    return { participantId: joined.participant.id, token: token.token };
  }

  /** Calls the API and parses the answer with the contract's schema; throws ApiError on failure. */
  async call<T>(method: string, path: string, options: CallOptions<T>): Promise<T> {
    const headers: Record<string, string> = { ...options.headers };
    if (this.session) {
      headers.cookie = this.session.cookie;
      headers[CSRF_HEADER] = this.session.csrfToken;
    }
    const response = await this.fetch(method, path, options.body, headers);
    const text = await response.text();
    if (!response.ok) throw new ApiError(method, path, response.status, text);
    return options.schema.parse(text === '' ? null : JSON.parse(text));
  }

  private fetch(
    method: string,
    path: string,
    body: unknown,
    headers: Record<string, string>,
  ): Promise<Response> {
    return fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        ...headers,
        // The server refuses a mutation whose Origin is not its PUBLIC_URL, as a browser's would be.
        origin: this.baseUrl,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
  }
}

/** The lab's first canvas activity, which the workload writes to. */
export function findCanvas(lab: Lab): Activity & { config: { kind: 'canvas' } } {
  for (const activity of lab.activities) {
    if (activity.config.kind === 'canvas') return { ...activity, config: activity.config };
  }
  throw new Error(`lab ${lab.id} has no canvas activity`);
}
