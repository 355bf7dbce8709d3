// Talks to /api/v1: adds the CSRF token, parses answers with the shared zod schemas, turns problems into ApiError.
import type { z } from 'zod';
import { CSRF_HEADER } from '../../common/auth.ts';
import { problem, type Problem } from '../../common/problem.ts';

/** An API answer that was not a success; `problem` is the server's problem+json body. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;
  constructor(status: number, body: Problem) {
    super(body.detail);
    this.status = status;
    this.problem = body;
  }
}

/** Raised when the server cannot be reached at all. */
export class NetworkError extends Error {}

let csrfToken: string | null = null;
let onSessionLost: (() => void) | null = null;

/**
 * Registers what to do when the server says the session is gone (401): the session provider
 * reloads the session, so the page stops showing a person who is no longer signed in.
 */
export function setSessionLostHandler(handler: (() => void) | null): void {
  onSessionLost = handler;
}

/** Remembers the session's CSRF token for every later mutation. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

interface RequestOptions<S extends z.ZodType> {
  body?: unknown;
  /** Sends bytes as they are (an uploaded file) instead of JSON. */
  raw?: { data: Blob | string; contentType: string };
  /** Sends a multipart form (an upload with fields); the browser sets its boundary. */
  form?: FormData;
  schema?: S;
  /** Extra headers, e.g. a guest's `Authorization: Guest <secret>` for lab-scoped calls. */
  headers?: Record<string, string>;
}

/** Calls the API; resolves with the parsed answer, or rejects with ApiError or NetworkError. */
export async function api<S extends z.ZodType>(
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  options: RequestOptions<S> = {},
): Promise<z.infer<S>> {
  const headers: Record<string, string> = { ...options.headers, accept: 'application/json' };
  if (method !== 'GET' && csrfToken) headers[CSRF_HEADER] = csrfToken;
  let body: BodyInit | undefined;
  if (options.form) {
    body = options.form;
  } else if (options.raw) {
    headers['content-type'] = options.raw.contentType;
    body = options.raw.data;
  } else if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  let response: Response;
  try {
    response = await fetch(`/api/v1${path}`, { method, headers, body, credentials: 'same-origin' });
  } catch {
    throw new NetworkError('network');
  }
  if (!response.ok) {
    // Only a request that carried a session can lose one; sign-in attempts answer 401 too.
    if (response.status === 401 && csrfToken) onSessionLost?.();
    const parsed = problem.safeParse(await response.json().catch(() => null));
    throw new ApiError(
      response.status,
      parsed.success
        ? parsed.data
        : {
            type: 'about:blank',
            title: response.statusText,
            status: response.status,
            detail: response.statusText,
            code: 'internal',
          },
    );
  }
  if (response.status === 204 || !options.schema) return undefined as z.infer<S>;
  return options.schema.parse(await response.json());
}
