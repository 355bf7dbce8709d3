import { and, eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../../common/auth.ts';
import { personalDataExport, profile } from '../../../common/account.ts';
import { memberships, oneTimeTokens, sessions, users } from '../../db/schema.ts';
import { issueLink } from '../auth/links.service.ts';
import {
  createActor,
  createOrg,
  createTestContext,
  request,
  signInAs,
  type Actor,
  type TestContext,
} from '../../testing/harness.ts';

// expect.any() is typed `any`; naming it once keeps the assertions typed.
const anyString: unknown = expect.any(String);

let t: TestContext;
let org: { id: string; slug: string };

beforeAll(async () => {
  t = await createTestContext();
  org = await createOrg(t, 'Gemeente Beverwijk');
});
afterAll(async () => {
  await t.close();
});

function expectProblem(response: LightMyRequestResponse, status: number, code: string) {
  expect(response.statusCode).toBe(status);
  expect(response.json()).toMatchObject({ status, code });
}

function expectFieldProblem(response: LightMyRequestResponse, field: string) {
  expect(response.statusCode).toBe(400);
  const body = response.json<{ errors?: { field: string }[] }>();
  expect(body.errors?.map((e) => e.field)).toContain(field);
}

async function userRow(userId: string) {
  const [row] = await t.database.db.select().from(users).where(eq(users.id, userId));
  return row ?? null;
}

const me = (
  actor: Actor | null,
  method: 'GET' | 'PATCH' | 'DELETE',
  payload?: Record<string, unknown>,
) =>
  request(t, actor, {
    method,
    url: '/api/v1/me',
    ...(payload ? { payload } : {}),
  });

describe('GET /me', () => {
  it('needs a signed-in person', async () => {
    expectProblem(await me(null, 'GET'), 401, 'unauthenticated');
  });

  it('returns the profile of the signed-in person', async () => {
    const actor = await createActor(t, {
      org,
      name: 'Joost van Dam',
      password: 'some password 123',
    });
    const response = await me(actor, 'GET');
    expect(response.statusCode).toBe(200);
    const body = profile.parse(response.json());
    expect(body).toMatchObject({
      id: actor.userId,
      email: actor.email,
      name: 'Joost van Dam',
      initials: 'JD',
      function: '',
      municipality: '',
      locale: 'nl',
      emailVerified: true,
      hasPassword: true,
    });
    expect(Object.keys(response.json<object>())).not.toContain('passwordHash');
  });
});

describe('PATCH /me', () => {
  it('needs a signed-in person', async () => {
    expectProblem(await me(null, 'PATCH', { name: 'X' }), 401, 'unauthenticated');
  });

  it('changes only the fields sent', async () => {
    const actor = await createActor(t, { org, name: 'Joost van Dam' });
    const response = await me(actor, 'PATCH', {
      function: ' binnenstadsmanager ',
      municipality: 'Beverwijk',
      locale: 'en',
    });
    expect(response.statusCode).toBe(200);
    expect(profile.parse(response.json())).toMatchObject({
      name: 'Joost van Dam',
      function: 'binnenstadsmanager',
      municipality: 'Beverwijk',
      locale: 'en',
    });
    const renamed = await me(actor, 'PATCH', { name: 'Joost de Vries' });
    expect(renamed.json()).toMatchObject({ name: 'Joost de Vries', municipality: 'Beverwijk' });
    expect((await me(actor, 'GET')).json()).toMatchObject({ name: 'Joost de Vries', locale: 'en' });
  });

  it('refuses bad input naming the field, and changes nothing', async () => {
    const actor = await createActor(t, { org, name: 'Joost van Dam' });
    const before = await userRow(actor.userId);
    expectFieldProblem(await me(actor, 'PATCH', { name: '   ' }), 'name');
    expectFieldProblem(await me(actor, 'PATCH', { locale: 'de', function: 'wethouder' }), 'locale');
    expectFieldProblem(await me(actor, 'PATCH', { function: 'x'.repeat(81) }), 'function');
    expectFieldProblem(await me(actor, 'PATCH', { municipality: 'x'.repeat(121) }), 'municipality');
    expect(await userRow(actor.userId)).toEqual(before);
  });

  it("changes only the signed-in person's profile, never another's", async () => {
    const actor = await createActor(t, { org, name: 'Joost van Dam' });
    const colleague = await createActor(t, { org, name: 'Colleague Person' });
    const before = await userRow(colleague.userId);
    const response = await me(actor, 'PATCH', { name: 'Nieuwe Naam', municipality: 'Velsen' });
    expect(profile.parse(response.json())).toMatchObject({
      id: actor.userId,
      name: 'Nieuwe Naam',
    });
    expect(await userRow(colleague.userId)).toEqual(before);
  });

  it('does not let a person change their address or password hash this way', async () => {
    const actor = await createActor(t, { org });
    const response = await me(actor, 'PATCH', {
      email: 'someone-else@example.nl',
      passwordHash: 'x',
    });
    expect(response.statusCode).toBe(200);
    const row = await userRow(actor.userId);
    expect(row?.email).toBe(actor.email);
    expect(row?.passwordHash).toBeNull();
  });
});

describe('GET /me/export', () => {
  it('needs a signed-in person', async () => {
    const response = await request(t, null, { method: 'GET', url: '/api/v1/me/export' });
    expectProblem(response, 401, 'unauthenticated');
  });

  it('downloads everything held about the person as an attachment, and nothing about others', async () => {
    const otherOrg = await createOrg(t, 'Gemeente Heemskerk');
    const actor = await createActor(t, { org, role: 'admin', name: 'Iris Smit' });
    await t.database.db
      .insert(memberships)
      .values({ orgId: otherOrg.id, userId: actor.userId, role: 'member', status: 'deactivated' });
    await signInAs(t, actor.userId, actor.email);
    const colleague = await createActor(t, { org, name: 'Colleague Person' });
    await createActor(t, { org: otherOrg, name: 'Stranger Person' });

    const response = await request(t, actor, { method: 'GET', url: '/api/v1/me/export' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toBe(
      'attachment; filename="stadshart-mijn-gegevens.json"',
    );
    expect(response.headers['content-type']).toContain('application/json');
    const data = personalDataExport.parse(response.json());
    expect(data.profile).toMatchObject({ id: actor.userId, email: actor.email, name: 'Iris Smit' });
    expect(data.memberships).toEqual([
      {
        organisation: 'Gemeente Beverwijk',
        role: 'admin',
        status: 'active',
        since: anyString,
      },
      {
        organisation: 'Gemeente Heemskerk',
        role: 'member',
        status: 'deactivated',
        since: anyString,
      },
    ]);
    expect(data.sessions).toHaveLength(2);
    expect(data.sessions.every((s) => s.userAgent === 'vitest')).toBe(true);

    const text = response.body;
    for (const foreign of [
      colleague.email,
      colleague.userId,
      'Colleague Person',
      'Stranger Person',
      colleague.cookie,
    ]) {
      expect(text).not.toContain(foreign);
    }
    const [ownSession] = await t.database.db
      .select()
      .from(sessions)
      .where(eq(sessions.userId, actor.userId));
    expect(text).not.toContain(ownSession?.id);
    expect(text).not.toContain(ownSession?.csrfToken);
    expect(text).not.toContain(actor.cookie);
  });
});

describe('DELETE /me', () => {
  it('needs a signed-in person', async () => {
    expectProblem(
      await me(null, 'DELETE', { confirmEmail: 'x@example.nl' }),
      401,
      'unauthenticated',
    );
  });

  it('refuses a missing or different address naming confirmEmail, and deletes nothing', async () => {
    const actor = await createActor(t, { org });
    expectFieldProblem(await me(actor, 'DELETE', {}), 'confirmEmail');
    const wrong = await me(actor, 'DELETE', { confirmEmail: 'someone-else@example.nl' });
    expectFieldProblem(wrong, 'confirmEmail');
    expect(wrong.json()).toMatchObject({ code: 'validation_failed' });
    expect(await userRow(actor.userId)).not.toBeNull();
    expect((await me(actor, 'GET')).statusCode).toBe(200);
  });

  it('deletes the person, their memberships, sessions and links, and clears the cookie', async () => {
    const actor = await createActor(t, { org });
    const phone = await signInAs(t, actor.userId, actor.email);
    await issueLink(t.database.db, t.config, { userId: actor.userId, purpose: 'sign_in' });
    const bystander = await createActor(t, { org });

    const response = await me(actor, 'DELETE', { confirmEmail: `  ${actor.email.toUpperCase()} ` });
    expect(response.statusCode).toBe(204);
    expect(response.body).toBe('');
    const cleared = response.cookies.find((c) => c.name === SESSION_COOKIE);
    expect(cleared?.value).toBe('');

    expect(await userRow(actor.userId)).toBeNull();
    const db = t.database.db;
    expect(await db.select().from(memberships).where(eq(memberships.userId, actor.userId))).toEqual(
      [],
    );
    expect(await db.select().from(sessions).where(eq(sessions.userId, actor.userId))).toEqual([]);
    expect(
      await db.select().from(oneTimeTokens).where(eq(oneTimeTokens.userId, actor.userId)),
    ).toEqual([]);
    expectProblem(await me(phone, 'GET'), 401, 'unauthenticated');
    expect((await me(bystander, 'GET')).statusCode).toBe(200);
  });

  it('refuses with 409 last_admin while the person is the only active admin of an organisation', async () => {
    const lab = await createOrg(t, 'Binnenstadslab IJmond');
    const admin = await createActor(t, { org: lab, role: 'admin' });
    const deactivatedAdmin = await createActor(t, { org: lab, role: 'admin' });
    await t.database.db
      .update(memberships)
      .set({ status: 'deactivated' })
      .where(and(eq(memberships.userId, deactivatedAdmin.userId), eq(memberships.orgId, lab.id)));
    await createActor(t, { org: lab, role: 'facilitator' });

    const refused = await me(admin, 'DELETE', { confirmEmail: admin.email });
    expectProblem(refused, 409, 'last_admin');
    expect(refused.json<{ detail: string }>().detail).toContain('Binnenstadslab IJmond');
    expect(await userRow(admin.userId)).not.toBeNull();

    await createActor(t, { org: lab, role: 'admin' });
    expect((await me(admin, 'DELETE', { confirmEmail: admin.email })).statusCode).toBe(204);
  });
});

describe('a signed-out request with a bad body', () => {
  it('answers 401, not 400: who is asking is checked before what they send', async () => {
    const attempts = [
      { method: 'PATCH' as const, url: '/api/v1/me', payload: { name: '' } },
      { method: 'DELETE' as const, url: '/api/v1/me', payload: {} },
      { method: 'PUT' as const, url: '/api/v1/me/password', payload: { newPassword: 'kort' } },
    ];
    for (const attempt of attempts) {
      const response = await t.app.inject(attempt);
      expect(response.statusCode, `${attempt.method} ${attempt.url}`).toBe(401);
      expect(response.json<{ code: string }>().code).toBe('unauthenticated');
    }
  });
});
