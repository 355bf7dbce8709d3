import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../common/auth.ts';
import { problem } from '../../common/problem.ts';
import {
  createActor,
  createOrg,
  createTestContext,
  request,
  type TestContext,
} from '../testing/harness.ts';

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

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Every operation the OpenAPI document lists, as "METHOD /path/{param}". */
async function documentedOperations(): Promise<{ method: Method; path: string }[]> {
  const response = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
  const paths = response.json<{ paths: Record<string, Record<string, unknown>> }>().paths;
  return Object.entries(paths).flatMap(([path, operations]) =>
    Object.keys(operations).map((method) => ({ method: method.toUpperCase() as Method, path })),
  );
}

function fillIn(path: string, values: Record<string, string>): string {
  return path.replace(/\{(\w+)\}/g, (_whole, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`no value for {${name}} in ${path}`);
    return value;
  });
}

// The endpoints a stranger must be able to reach: signing in and following mailed links.
const publicOperations = new Set([
  'GET /api/v1/session',
  'POST /api/v1/auth/sign-in',
  'POST /api/v1/auth/magic-link',
  'POST /api/v1/auth/magic-link/consume',
  'POST /api/v1/auth/invite/accept',
  'POST /api/v1/auth/verify-email',
  'POST /api/v1/auth/password-reset',
  'POST /api/v1/auth/password-reset/confirm',
  'GET /healthz',
  'GET /readyz',
  // Joining a lab by its code: guests have no account (docs/labs.md).
  'POST /api/v1/join/lookup',
  'POST /api/v1/join',
  // A published knowledge item; a visitor gets 404 for anything not public (docs/knowledge.md).
  'GET /api/v1/knowledge/items/{slug}',
  // Searching what is published; a visitor sees only public items (docs/search.md).
  'GET /api/v1/knowledge/search',
]);

// Routes without an org in the path check the session after the body, so they get a valid one.
const validBodies: Record<string, Record<string, unknown>> = {
  'PATCH /api/v1/me': {},
  'DELETE /api/v1/me': { confirmEmail: 'someone@example.nl' },
  'PUT /api/v1/me/password': { newPassword: 'a long enough passphrase' },
};

describe('every endpoint', () => {
  it('is documented in the OpenAPI document, as the API map lists it', async () => {
    const documented = (await documentedOperations()).map((o) => `${o.method} ${o.path}`);
    const orgs = '/api/v1/orgs/{orgSlug}';
    expect(documented).toEqual(
      expect.arrayContaining([
        'GET /api/v1/orgs',
        `GET ${orgs}`,
        `PATCH ${orgs}`,
        `PUT ${orgs}/logo`,
        `DELETE ${orgs}/logo`,
        `GET ${orgs}/logo`,
        `GET ${orgs}/members`,
        `POST ${orgs}/invitations`,
        `PATCH ${orgs}/members/{userId}`,
        `POST ${orgs}/members/{userId}/deactivate`,
        `POST ${orgs}/members/{userId}/reactivate`,
        `GET ${orgs}/outbox`,
        `GET ${orgs}/outbox/{messageId}`,
        `GET ${orgs}/places`,
        `POST ${orgs}/places`,
        `POST ${orgs}/places/import`,
        `GET ${orgs}/places/{placeId}`,
        `PATCH ${orgs}/places/{placeId}`,
        `DELETE ${orgs}/places/{placeId}`,
        `GET ${orgs}/regions`,
        `POST ${orgs}/regions`,
        `GET ${orgs}/regions/{regionId}`,
        `PATCH ${orgs}/regions/{regionId}`,
        `DELETE ${orgs}/regions/{regionId}`,
        `GET ${orgs}/labs`,
        `POST ${orgs}/labs`,
        `GET ${orgs}/labs/{labId}`,
        `PATCH ${orgs}/labs/{labId}`,
        `DELETE ${orgs}/labs/{labId}`,
        `POST ${orgs}/labs/{labId}/status`,
        `POST ${orgs}/labs/{labId}/activities`,
        `PUT ${orgs}/labs/{labId}/activities/order`,
        `PATCH ${orgs}/labs/{labId}/activities/{activityId}`,
        `DELETE ${orgs}/labs/{labId}/activities/{activityId}`,
        `GET ${orgs}/labs/{labId}/participants`,
        `POST ${orgs}/labs/{labId}/participants/{participantId}/remove`,
        `GET ${orgs}/labs/{labId}/qr.svg`,
        `GET ${orgs}/canvas-templates`,
        `POST ${orgs}/canvas-templates`,
        `GET ${orgs}/canvas-templates/{templateId}`,
        `PATCH ${orgs}/canvas-templates/{templateId}`,
        `DELETE ${orgs}/canvas-templates/{templateId}`,
        'POST /api/v1/join/lookup',
        'POST /api/v1/join',
        'GET /api/v1/labs/{labId}',
        'POST /api/v1/labs/{labId}/collab-token',
        `GET ${orgs}/trends`,
        `POST ${orgs}/trends`,
        `PUT ${orgs}/trends/order`,
        `PATCH ${orgs}/trends/{trendId}`,
        `DELETE ${orgs}/trends/{trendId}`,
        `POST ${orgs}/trends/{trendId}/developments`,
        `PUT ${orgs}/trends/{trendId}/developments/order`,
        `PATCH ${orgs}/developments/{developmentId}`,
        `DELETE ${orgs}/developments/{developmentId}`,
        `GET ${orgs}/labs/{labId}/actions`,
        `PATCH ${orgs}/labs/{labId}/actions/{activityId}/{actionId}`,
        'GET /api/v1/labs/{labId}/synthesis',
        'POST /api/v1/labs/{labId}/synthesis/groups',
        'GET /api/v1/labs/{labId}/positioning-context',
        `GET ${orgs}/labs/{labId}/report`,
        `POST ${orgs}/labs/{labId}/report/generate`,
        `PUT ${orgs}/labs/{labId}/report/editorial`,
        `POST ${orgs}/labs/{labId}/report/versions`,
        `GET ${orgs}/labs/{labId}/report/versions`,
        `GET ${orgs}/labs/{labId}/report/versions/{version}`,
        `GET ${orgs}/knowledge`,
        `POST ${orgs}/knowledge`,
        `GET ${orgs}/knowledge/{itemId}`,
        `PATCH ${orgs}/knowledge/{itemId}`,
        `POST ${orgs}/knowledge/{itemId}/submit`,
        `POST ${orgs}/knowledge/{itemId}/return`,
        `POST ${orgs}/knowledge/{itemId}/publish`,
        `POST ${orgs}/knowledge/{itemId}/unpublish`,
        `GET ${orgs}/knowledge/{itemId}/history`,
        `GET ${orgs}/knowledge/{itemId}/preview`,
        `POST ${orgs}/knowledge/{itemId}/images`,
        `PATCH ${orgs}/knowledge/{itemId}/images/{imageId}`,
        `DELETE ${orgs}/knowledge/{itemId}/images/{imageId}`,
        `POST ${orgs}/labs/{labId}/report/versions/{version}/publish`,
        `GET ${orgs}/labs/{labId}/report/versions/{version}/export/{file}`,
        'GET /api/v1/knowledge/items/{slug}',
      ]),
    );
  });

  it('answers 401 unauthenticated as a problem when signed out, except the public ones', async () => {
    const org = await createOrg(t, 'Gemeente Velsen');
    const values = {
      orgSlug: org.slug,
      userId: randomUUID(),
      placeId: randomUUID(),
      regionId: randomUUID(),
      messageId: 'abc',
      labId: randomUUID(),
      activityId: randomUUID(),
      participantId: randomUUID(),
      templateId: randomUUID(),
      trendId: randomUUID(),
      developmentId: randomUUID(),
      actionId: 'an-action',
      itemId: randomUUID(),
      imageId: randomUUID(),
      version: '1',
      file: 'report.pdf',
    };
    const guarded = (await documentedOperations()).filter(
      (o) => !publicOperations.has(`${o.method} ${o.path}`),
    );
    expect(guarded.length).toBeGreaterThan(25);
    for (const { method, path } of guarded) {
      const payload = validBodies[`${method} ${path}`];
      const response = await request(t, null, {
        method,
        url: fillIn(path, values),
        ...(payload ? { payload } : {}),
      });
      expect(response.statusCode, `${method} ${path}`).toBe(401);
      expect(response.headers['content-type'], `${method} ${path}`).toContain(
        'application/problem+json',
      );
      expect(problem.parse(response.json()).code, `${method} ${path}`).toBe('unauthenticated');
    }
  });

  it("answers 404 not_found to an admin of another organisation for anything of org A's", async () => {
    const orgA = await createOrg(t, 'Gemeente Velsen');
    const orgB = await createOrg(t, 'Gemeente Beverwijk');
    const facilitatorA = await createActor(t, { org: orgA, role: 'facilitator' });
    const adminB = await createActor(t, { org: orgB, role: 'admin' });
    const created = async (url: string, payload: object) => {
      const response = await request(t, facilitatorA, { method: 'POST', url, payload });
      expect(response.statusCode).toBe(201);
      return response.json<{ id: string }>().id;
    };
    const base = `/api/v1/orgs/${orgA.slug}`;
    const placeId = await created(`${base}/places`, { name: 'IJmuiden', municipality: 'Velsen' });
    const regionId = await created(`${base}/regions`, { name: 'IJmond', placeIds: [placeId] });
    await t.mailer.send({ to: facilitatorA.email, subject: 'Voor A', text: 'Alleen voor A' });
    const messageId =
      (await t.mailer.listOutbox()).find((m) => m.to === facilitatorA.email)?.id ?? '';
    const labId = await created(`${base}/labs`, { title: 'Lab', kind: 'local' });
    const values = {
      orgSlug: orgA.slug,
      userId: facilitatorA.userId,
      placeId,
      regionId,
      messageId,
      labId,
      activityId: randomUUID(),
      participantId: randomUUID(),
      templateId: randomUUID(),
      trendId: randomUUID(),
      developmentId: randomUUID(),
      actionId: 'an-action',
      itemId: randomUUID(),
      imageId: randomUUID(),
      version: '1',
      file: 'report.pdf',
    };

    const orgScoped = (await documentedOperations()).filter((o) => o.path.includes('{orgSlug}'));
    expect(orgScoped.length).toBeGreaterThan(20);
    for (const { method, path } of orgScoped) {
      const response = await request(t, adminB, { method, url: fillIn(path, values) });
      expect(response.statusCode, `${method} ${path}`).toBe(404);
      expect(problem.parse(response.json()).code, `${method} ${path}`).toBe('not_found');
    }
    const stillThere = await request(t, facilitatorA, { method: 'GET', url: `${base}/regions` });
    expect(stillThere.json()).toMatchObject({
      regions: [{ id: regionId, places: [{ id: placeId }] }],
    });
  });

  it("answers 404 to an admin of org A for org B's places, regions, members and mail", async () => {
    const orgA = await createOrg(t, 'Gemeente Velsen');
    const orgB = await createOrg(t, 'Gemeente Beverwijk');
    const adminA = await createActor(t, { org: orgA, role: 'admin' });
    const adminB = await createActor(t, { org: orgB, role: 'admin' });
    const memberB = await createActor(t, { org: orgB, role: 'member' });
    const created = async (url: string, payload: object) => {
      const response = await request(t, adminB, { method: 'POST', url, payload });
      expect(response.statusCode).toBe(201);
      return response.json<{ id: string }>().id;
    };
    const baseB = `/api/v1/orgs/${orgB.slug}`;
    const placeId = await created(`${baseB}/places`, {
      name: 'Beverwijk',
      municipality: 'Beverwijk',
    });
    const regionId = await created(`${baseB}/regions`, { name: 'IJmond', placeIds: [placeId] });
    await t.mailer.send({ to: memberB.email, subject: 'Voor B', text: 'Alleen voor B' });
    const messageId = (await t.mailer.listOutbox()).find((m) => m.to === memberB.email)?.id ?? '';
    const labB = await request(t, adminB, {
      method: 'POST',
      url: `${baseB}/labs`,
      payload: { title: 'Lab van B', kind: 'local' },
    });
    const labId = labB.json<{ id: string }>().id;
    const activityId = labB.json<{ activities: { id: string }[] }>().activities[0]?.id ?? '';
    const templates = await request(t, adminB, { method: 'GET', url: `${baseB}/canvas-templates` });
    const templateId = templates.json<{ templates: { id: string }[] }>().templates[0]?.id ?? '';
    const catalogue = await request(t, adminB, { method: 'GET', url: `${baseB}/trends` });
    const trendB = catalogue.json<{ trends: { id: string; developments: { id: string }[] }[] }>()
      .trends[0];
    const knowledgeB = await request(t, adminB, {
      method: 'POST',
      url: `${baseB}/knowledge`,
      payload: { kind: 'blog', title: 'Alleen van B' },
    });
    const values = {
      orgSlug: orgA.slug,
      userId: memberB.userId,
      placeId,
      regionId,
      messageId,
      labId,
      activityId,
      participantId: randomUUID(),
      templateId,
      trendId: trendB?.id ?? '',
      developmentId: trendB?.developments[0]?.id ?? '',
      actionId: 'an-action',
      itemId: knowledgeB.json<{ id: string }>().id,
      imageId: randomUUID(),
      version: '1',
      file: 'report.pdf',
    };
    const labs = '/api/v1/orgs/{orgSlug}/labs/{labId}';
    const bodies: Record<string, object> = {
      'PATCH /api/v1/orgs/{orgSlug}/members/{userId}': { role: 'admin' },
      'PATCH /api/v1/orgs/{orgSlug}/places/{placeId}': { name: 'Overgenomen' },
      'PATCH /api/v1/orgs/{orgSlug}/regions/{regionId}': { name: 'Overgenomen' },
      [`PATCH ${labs}`]: { title: 'Overgenomen' },
      [`POST ${labs}/status`]: { status: 'open' },
      [`POST ${labs}/activities`]: {
        title: 'Overgenomen',
        kind: 'canvas',
        config: { kind: 'canvas', sections: [{ key: 'a', title: 'A', colour: '#FBE7A1' }] },
      },
      [`PUT ${labs}/activities/order`]: { activityIds: [activityId] },
      [`PATCH ${labs}/activities/{activityId}`]: { title: 'Overgenomen' },
      'PATCH /api/v1/orgs/{orgSlug}/canvas-templates/{templateId}': { name: 'Overgenomen' },
      'PATCH /api/v1/orgs/{orgSlug}/trends/{trendId}': { title: 'Overgenomen' },
      'POST /api/v1/orgs/{orgSlug}/trends/{trendId}/developments': { title: 'Overgenomen' },
      'PUT /api/v1/orgs/{orgSlug}/trends/{trendId}/developments/order': {
        developmentIds: [values.developmentId],
      },
      'PATCH /api/v1/orgs/{orgSlug}/developments/{developmentId}': { title: 'Overgenomen' },
      [`PATCH ${labs}/actions/{activityId}/{actionId}`]: { progress: 50 },
      [`PUT ${labs}/report/editorial`]: {
        introduction: null,
        conclusions: null,
        order: [],
        hidden: [],
        quotedNoteIds: [],
        licence: 'CC-BY-SA-4.0',
        attribution: '',
      },
      'PATCH /api/v1/orgs/{orgSlug}/knowledge/{itemId}': { title: 'Overgenomen' },
      'POST /api/v1/orgs/{orgSlug}/knowledge/{itemId}/return': { note: 'Overgenomen' },
      'PATCH /api/v1/orgs/{orgSlug}/knowledge/{itemId}/images/{imageId}': { alt: 'Overgenomen' },
      [`POST ${labs}/report/versions/{version}/publish`]: { mode: 'full' },
    };

    const itemScoped = (await documentedOperations()).filter((o) =>
      /\{orgSlug\}\/.*\{\w+\}/.test(o.path),
    );
    // 32 before the knowledge base, which adds 9 item-scoped endpoints; the report adds 6 and its
    // export 1; images of knowledge items add 3; the live body's collaboration token 1.
    expect(itemScoped.length).toBe(32 + 9 + 6 + 1 + 3 + 1);
    for (const { method, path } of itemScoped) {
      const payload = bodies[`${method} ${path}`];
      const response = await request(t, adminA, {
        method,
        url: fillIn(path, values),
        ...(payload ? { payload } : {}),
      });
      expect(response.statusCode, `${method} ${path}`).toBe(404);
      expect(problem.parse(response.json()).code, `${method} ${path}`).toBe('not_found');
    }
    const labStill = await request(t, adminB, { method: 'GET', url: `${baseB}/labs/${labId}` });
    expect(labStill.json()).toMatchObject({ title: 'Lab van B', status: 'draft' });
    const region = await request(t, adminB, { method: 'GET', url: `${baseB}/regions/${regionId}` });
    expect(region.json()).toMatchObject({
      name: 'IJmond',
      places: [{ id: placeId, name: 'Beverwijk' }],
    });
    const members = await request(t, adminB, { method: 'GET', url: `${baseB}/members` });
    expect(members.json()).toMatchObject({
      members: expect.arrayContaining([
        expect.objectContaining({ userId: memberB.userId, role: 'member', status: 'active' }),
      ]) as unknown,
    });
  });
});
