import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../common/auth.ts';
import { problem } from '../../common/problem.ts';
import { createTestContext, type TestContext } from '../testing/harness.ts';

let t: TestContext;
let https: TestContext;
const logLines: string[] = [];

beforeAll(async () => {
  const logStream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logLines.push(chunk.toString());
      done();
    },
  });
  t = await createTestContext({ SECURITY_CONTACT: 'mailto:cert@velsen.example' }, { logStream });
  https = await createTestContext({ PUBLIC_URL: 'https://stadshart.example.nl' });
});
afterAll(async () => {
  await t.close();
  await https.close();
});

describe('the HTTP app', () => {
  it('sends a strict CSP without inline scripts, nosniff and frame-ancestors on every response', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/healthz' });
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['strict-transport-security']).toBeUndefined();
  });

  it('adds HSTS only when the public URL is https', async () => {
    const response = await https.app.inject({ method: 'GET', url: '/healthz' });
    expect(response.headers['strict-transport-security']).toMatch(/max-age=\d+/);
  });

  it('returns a request id on every response', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(response.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('serves security.txt with the configured contact', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/.well-known/security.txt' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('Contact: mailto:cert@velsen.example');
    expect(response.body).toMatch(/Expires: \d{4}-/);
  });

  it('answers unknown API paths with a problem+json 404', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toContain('application/problem+json');
    const body = problem.parse(response.json());
    expect(body.code).toBe('not_found');
    expect(body.detail).toContain('/api/v1/nothing-here');
  });

  it('generates the OpenAPI document from the route schemas', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    const document = response.json<{ openapi: string; paths: Record<string, unknown> }>();
    expect(document.openapi).toMatch(/^3\./);
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/api/v1/session', '/healthz', '/readyz']),
    );
  });

  it('sends old links to the API reference to the reference page of the web app', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/docs' });
    expect(response.statusCode).toBe(301);
    expect(response.headers.location).toBe('/api-reference');
  });

  it('refuses mutations from a foreign Origin before anything else happens', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      headers: { origin: 'https://evil.example' },
      payload: { email: 'a@example.nl', password: 'whatever-long-enough' },
    });
    expect(response.statusCode).toBe(403);
    expect(problem.parse(response.json()).code).toBe('csrf_failed');
  });

  it('never writes cookies, passwords or tokens to the log', async () => {
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in?token=query-secret-123',
      cookies: { [SESSION_COOKIE]: 'cookie-secret-456' },
      payload: { email: 'someone@example.nl', password: 'password-secret-789' },
    });
    const log = logLines.join('');
    expect(log).toContain('/api/v1/auth/sign-in');
    for (const secret of ['query-secret-123', 'cookie-secret-456', 'password-secret-789']) {
      expect(log).not.toContain(secret);
    }
  });
});
