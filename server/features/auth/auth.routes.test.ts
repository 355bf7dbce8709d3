import { hash, parseOptions } from '@node-rs/argon2';
import { and, eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CSRF_HEADER,
  SESSION_COOKIE,
  acceptedResponse,
  sessionResponse,
} from '../../../common/auth.ts';
import { memberships, oneTimeTokens, sessions, users } from '../../db/schema.ts';
import {
  createActor,
  createOrg,
  createTestContext,
  linkIn,
  mailsTo,
  request,
  signInAs,
  tokenOf,
  type Actor,
  type TestContext,
} from '../../testing/harness.ts';
import { ACCOUNT_ATTEMPTS_MAX, ADDRESS_ATTEMPTS_MAX } from './auth.limits.ts';
import { issueLink } from './links.service.ts';
import { hashSecret } from './tokens.ts';
import { PASSWORD_HASH_OPTIONS } from './passwords.ts';

const PASSWORD = 'correct horse battery';
const CHEAP_HASH = { memoryCost: 1024, timeCost: 1, parallelism: 1 };

let t: TestContext;
let org: { id: string; slug: string };

beforeAll(async () => {
  t = await createTestContext();
  org = await createOrg(t, 'Gemeente Velsen');
});
afterAll(async () => {
  await t.close();
});

let addressCounter = 0;
/** A client address of its own, so the per-address limit of one test does not spill into another. */
function freshAddress(): string {
  addressCounter += 1;
  return `10.0.${Math.floor(addressCounter / 250)}.${(addressCounter % 250) + 1}`;
}

function post(
  url: string,
  payload: unknown,
  options: { actor?: Actor | null; remoteAddress?: string } = {},
): Promise<LightMyRequestResponse> {
  return request(t, options.actor ?? null, {
    method: 'POST',
    url: `/api/v1${url}`,
    payload: payload as Record<string, unknown>,
    remoteAddress: options.remoteAddress ?? freshAddress(),
  });
}

function sessionCookieOf(response: LightMyRequestResponse) {
  return response.cookies.find((c) => c.name === SESSION_COOKIE);
}

async function sessionOf(cookie: string) {
  const response = await t.app.inject({
    method: 'GET',
    url: '/api/v1/session',
    cookies: { [SESSION_COOKIE]: cookie },
  });
  return sessionResponse.parse(response.json());
}

async function countSessions(userId: string): Promise<number> {
  return (await t.database.db.select().from(sessions).where(eq(sessions.userId, userId))).length;
}

async function userRow(userId: string) {
  const [row] = await t.database.db.select().from(users).where(eq(users.id, userId));
  if (!row) throw new Error('user not found');
  return row;
}

async function setMembershipStatus(
  userId: string,
  status: 'invited' | 'active' | 'deactivated',
): Promise<void> {
  await t.database.db.update(memberships).set({ status }).where(eq(memberships.userId, userId));
}

/** An account with a password, a membership in `org` and no session yet. */
async function createAccount(options: { password?: string | null } = {}) {
  const actor = await createActor(t, {
    org,
    ...(options.password === null ? {} : { password: options.password ?? PASSWORD }),
  });
  await t.database.db.delete(sessions).where(eq(sessions.userId, actor.userId));
  return actor;
}

/** What the public auth endpoints can change: people, sessions, links and sent mail. */
async function snapshotOfAuthState() {
  const db = t.database.db;
  const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
  return {
    users: (await db.select().from(users)).sort(byId),
    memberships: (await db.select().from(memberships)).length,
    sessions: (await db.select({ id: sessions.id }).from(sessions)).sort(byId),
    tokens: (await db.select().from(oneTimeTokens)).sort(byId),
    mails: (await t.mailer.listOutbox()).length,
  };
}

function expectProblem(response: LightMyRequestResponse, status: number, code: string) {
  expect(response.statusCode).toBe(status);
  expect(response.headers['content-type']).toContain('application/problem+json');
  expect(response.json()).toMatchObject({ status, code });
}

function expectFieldProblem(response: LightMyRequestResponse, field: string) {
  expect(response.statusCode).toBe(400);
  const body = response.json<{ errors?: { field: string }[] }>();
  expect(body.errors?.map((e) => e.field)).toContain(field);
}

describe('GET /session', () => {
  it('is all null when signed out', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/session' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      user: null,
      memberships: [],
      csrfToken: null,
      expiresAt: null,
    });
  });

  it('shows the signed-in person with their active memberships', async () => {
    const actor = await createActor(t, { org, role: 'facilitator' });
    const session = await sessionOf(actor.cookie);
    expect(session.user?.email).toBe(actor.email);
    expect(session.memberships).toEqual([
      { orgId: org.id, orgSlug: org.slug, orgName: 'Gemeente Velsen', role: 'facilitator' },
    ]);
  });
});

describe('POST /auth/sign-in', () => {
  it('signs in with the right password and sets a strict session cookie', async () => {
    const account = await createAccount();
    const response = await post('/auth/sign-in', {
      email: account.email.toUpperCase(),
      password: PASSWORD,
    });
    expect(response.statusCode).toBe(200);
    const body = sessionResponse.parse(response.json());
    expect(body.user?.id).toBe(account.userId);
    expect(body.user?.hasPassword).toBe(true);
    expect(body.memberships.map((m) => m.orgSlug)).toEqual([org.slug]);
    expect(body.csrfToken).toEqual(expect.any(String));

    const cookie = sessionCookieOf(response);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie?.secure).toBeFalsy();
    // Cookie dates have whole seconds.
    const cookieExpiry = cookie?.expires?.getTime() ?? 0;
    expect(Math.abs(cookieExpiry - Date.parse(body.expiresAt ?? ''))).toBeLessThan(1000);
    expect((await sessionOf(cookie?.value ?? '')).user?.id).toBe(account.userId);
  });

  it('answers an unknown address, a wrong password and a link-only account the same way', async () => {
    const account = await createAccount();
    const linkOnly = await createAccount({ password: null });
    const answers = await Promise.all([
      post('/auth/sign-in', { email: 'nobody-here@example.nl', password: PASSWORD }),
      post('/auth/sign-in', { email: account.email, password: 'not the password' }),
      post('/auth/sign-in', { email: linkOnly.email, password: PASSWORD }),
    ]);
    const details = answers.map((response) => {
      expectProblem(response, 401, 'invalid_credentials');
      expect(sessionCookieOf(response)).toBeUndefined();
      return response.json<{ detail: string }>().detail;
    });
    expect(new Set(details).size).toBe(1);
    expect(await countSessions(account.userId)).toBe(0);
  });

  it("does not open one account with another person's password", async () => {
    const victim = await createAccount();
    const intruder = await createAccount({ password: 'the intruder own password' });
    const response = await post('/auth/sign-in', {
      email: victim.email,
      password: 'the intruder own password',
    });
    expectProblem(response, 401, 'invalid_credentials');
    expect(await countSessions(victim.userId)).toBe(0);
    expect(await countSessions(intruder.userId)).toBe(0);
  });

  it('refuses bad input naming the field, and starts no session', async () => {
    const account = await createAccount();
    expectFieldProblem(
      await post('/auth/sign-in', { email: 'not-an-address', password: 'x' }),
      'email',
    );
    expectFieldProblem(await post('/auth/sign-in', { email: account.email }), 'password');
    expect(await countSessions(account.userId)).toBe(0);
  });

  it('tells a person deactivated everywhere so, but only once the password is right', async () => {
    const account = await createAccount();
    await setMembershipStatus(account.userId, 'deactivated');
    expectProblem(
      await post('/auth/sign-in', { email: account.email, password: 'wrong password here' }),
      401,
      'invalid_credentials',
    );
    expectProblem(
      await post('/auth/sign-in', { email: account.email, password: PASSWORD }),
      403,
      'account_deactivated',
    );
    expect(await countSessions(account.userId)).toBe(0);
  });

  it('lets in someone with only an invited membership, or with none at all', async () => {
    const invited = await createAccount();
    await setMembershipStatus(invited.userId, 'invited');
    expect(
      (await post('/auth/sign-in', { email: invited.email, password: PASSWORD })).statusCode,
    ).toBe(200);
    const loner = await createActor(t, { password: PASSWORD });
    const response = await post('/auth/sign-in', { email: loner.email, password: PASSWORD });
    expect(response.statusCode).toBe(200);
    expect(sessionResponse.parse(response.json()).memberships).toEqual([]);
  });

  it('replaces the session the browser already had', async () => {
    const actor = await createActor(t, { org, password: PASSWORD });
    const response = await post(
      '/auth/sign-in',
      { email: actor.email, password: PASSWORD },
      { actor },
    );
    expect(response.statusCode).toBe(200);
    expect((await sessionOf(actor.cookie)).user).toBeNull();
    expect(await countSessions(actor.userId)).toBe(1);
  });

  it('upgrades a hash made with weaker parameters at the next sign-in', async () => {
    const account = await createAccount();
    expect(parseOptions((await userRow(account.userId)).passwordHash ?? '').memoryCost).toBe(1024);
    await post('/auth/sign-in', { email: account.email, password: PASSWORD });
    const upgraded = (await userRow(account.userId)).passwordHash ?? '';
    expect(parseOptions(upgraded)).toMatchObject({
      memoryCost: PASSWORD_HASH_OPTIONS.memoryCost,
      timeCost: PASSWORD_HASH_OPTIONS.timeCost,
      parallelism: PASSWORD_HASH_OPTIONS.parallelism,
    });
    expect(
      (await post('/auth/sign-in', { email: account.email, password: PASSWORD })).statusCode,
    ).toBe(200);
  });

  it(`limits one account to ${ACCOUNT_ATTEMPTS_MAX} attempts, without locking out others on the same address`, async () => {
    const target = await createAccount();
    const colleague = await createAccount();
    const townHall = freshAddress();
    for (let attempt = 1; attempt <= ACCOUNT_ATTEMPTS_MAX; attempt++) {
      const response = await post(
        '/auth/sign-in',
        { email: target.email, password: `guess number ${attempt}` },
        { remoteAddress: townHall },
      );
      expectProblem(response, 401, 'invalid_credentials');
    }
    // Even the right password is refused now, from this address or any other.
    for (const address of [townHall, freshAddress()]) {
      const limited = await post(
        '/auth/sign-in',
        { email: target.email, password: PASSWORD },
        { remoteAddress: address },
      );
      expectProblem(limited, 429, 'rate_limited');
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    }
    const other = await post(
      '/auth/sign-in',
      { email: colleague.email, password: PASSWORD },
      { remoteAddress: townHall },
    );
    expect(other.statusCode).toBe(200);
  });
});

describe('bad input to the public auth endpoints', () => {
  it('names the field and changes nothing, even next to a working link', async () => {
    const account = await createAccount();
    const link = (purpose: 'sign_in' | 'reset_password' | 'verify_email') =>
      issueLink(t.database.db, t.config, { userId: account.userId, purpose });
    const signIn = tokenOf((await link('sign_in')).url);
    const reset = tokenOf((await link('reset_password')).url);
    const verify = tokenOf((await link('verify_email')).url);
    const invited = await createActor(t);
    await t.database.db
      .insert(memberships)
      .values({ orgId: org.id, userId: invited.userId, role: 'member', status: 'invited' });
    const invitation = tokenOf(
      (
        await issueLink(t.database.db, t.config, {
          userId: invited.userId,
          purpose: 'invite',
          orgId: org.id,
        })
      ).url,
    );
    const cases: [string, Record<string, unknown>, string][] = [
      ['/auth/sign-in', { email: account.email, password: '' }, 'password'],
      ['/auth/magic-link', { email: `${account.email}>` }, 'email'],
      ['/auth/magic-link/consume', { token: signIn.slice(0, 10) }, 'token'],
      ['/auth/invite/accept', { token: invitation, name: 'Femke', password: 'short' }, 'password'],
      ['/auth/invite/accept', { token: invitation, password: 'long enough password' }, 'name'],
      ['/auth/verify-email', { token: [verify] }, 'token'],
      ['/auth/password-reset', { email: 'no address' }, 'email'],
      ['/auth/password-reset/confirm', { token: reset, password: 'short' }, 'password'],
    ];
    const before = await snapshotOfAuthState();
    for (const [url, payload, field] of cases) {
      const response = await post(url, payload);
      expectProblem(response, 400, 'validation_failed');
      expectFieldProblem(response, field);
    }
    expect(await snapshotOfAuthState()).toEqual(before);
  });
});

describe('rate limit per client address', () => {
  it(`allows ${ADDRESS_ATTEMPTS_MAX} link requests from one address, then answers 429`, async () => {
    const venue = freshAddress();
    for (let i = 0; i < ADDRESS_ATTEMPTS_MAX; i++) {
      const response = await post(
        '/auth/magic-link',
        { email: `visitor-${i}@example.nl` },
        { remoteAddress: venue },
      );
      expect(response.statusCode).toBe(202);
    }
    const limited = await post(
      '/auth/magic-link',
      { email: 'one-more@example.nl' },
      { remoteAddress: venue },
    );
    expectProblem(limited, 429, 'rate_limited');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    const elsewhere = await post('/auth/magic-link', { email: 'one-more@example.nl' });
    expect(elsewhere.statusCode).toBe(202);
  });
});

describe('secure cookies', () => {
  it('marks the cookie Secure when PUBLIC_URL is https', async () => {
    const secure = await createTestContext({ PUBLIC_URL: 'https://stadshart.example' });
    try {
      const actor = await createActor(secure, { password: PASSWORD });
      const response = await secure.app.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-in',
        payload: { email: actor.email, password: PASSWORD },
      });
      expect(response.statusCode).toBe(200);
      expect(sessionCookieOf(response)).toMatchObject({
        secure: true,
        httpOnly: true,
        sameSite: 'Lax',
      });
    } finally {
      await secure.close();
    }
  });
});

describe('POST /auth/magic-link and /auth/magic-link/consume', () => {
  async function requestLink(email: string): Promise<string> {
    const response = await post('/auth/magic-link', { email });
    expect(response.statusCode).toBe(202);
    const [mail] = await mailsTo(t, email);
    if (!mail) throw new Error(`no mail to ${email}`);
    return tokenOf(linkIn(mail.text));
  }

  it('answers 202 for an unknown address and sends nothing', async () => {
    const response = await post('/auth/magic-link', { email: 'unknown-person@example.nl' });
    expect(response.statusCode).toBe(202);
    expect(acceptedResponse.parse(response.json())).toEqual({ ok: true });
    expect(await mailsTo(t, 'unknown-person@example.nl')).toEqual([]);
  });

  it('mails a bilingual link that signs in once and verifies the address', async () => {
    const account = await createAccount({ password: null });
    await t.database.db
      .update(users)
      .set({ emailVerifiedAt: null })
      .where(eq(users.id, account.userId));
    const response = await post('/auth/magic-link', { email: account.email });
    expect(response.statusCode).toBe(202);
    expect(response.json()).toEqual({ ok: true });
    const [mail] = await mailsTo(t, account.email);
    expect(mail?.subject).toMatch(/inloglink.*sign-in link/i);
    const text = mail?.text ?? '';
    expect(text.indexOf('Hallo')).toBeGreaterThanOrEqual(0);
    expect(text.indexOf('Hallo')).toBeLessThan(text.indexOf('Hello'));
    const link = linkIn(text);
    expect(link.startsWith(`${t.config.PUBLIC_URL}/auth/link#token=`)).toBe(true);

    const consumed = await post('/auth/magic-link/consume', { token: tokenOf(link) });
    expect(consumed.statusCode).toBe(200);
    const body = sessionResponse.parse(consumed.json());
    expect(body.user).toMatchObject({ id: account.userId, emailVerified: true });
    expect(sessionCookieOf(consumed)?.httpOnly).toBe(true);

    const again = await post('/auth/magic-link/consume', { token: tokenOf(link) });
    expectProblem(again, 400, 'token_invalid');
    expectFieldProblem(again, 'token');
  });

  it('refuses an expired link', async () => {
    const account = await createAccount();
    const token = await requestLink(account.email);
    await t.database.db
      .update(oneTimeTokens)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(oneTimeTokens.id, hashSecret(token)));
    expectProblem(await post('/auth/magic-link/consume', { token }), 400, 'token_invalid');
    expect(await countSessions(account.userId)).toBe(0);
  });

  it('refuses a link made for another purpose', async () => {
    const account = await createAccount();
    const reset = await issueLink(t.database.db, t.config, {
      userId: account.userId,
      purpose: 'reset_password',
    });
    expectProblem(
      await post('/auth/magic-link/consume', { token: tokenOf(reset.url) }),
      400,
      'token_invalid',
    );
  });

  it('refuses bad input naming the field', async () => {
    expectFieldProblem(await post('/auth/magic-link', { email: 'nope' }), 'email');
    expectFieldProblem(await post('/auth/magic-link/consume', { token: 'short' }), 'token');
  });

  it('sends nothing to, and does not sign in, a person deactivated everywhere', async () => {
    const account = await createAccount();
    const token = await requestLink(account.email);
    await setMembershipStatus(account.userId, 'deactivated');
    expect((await post('/auth/magic-link', { email: account.email })).statusCode).toBe(202);
    expect(await mailsTo(t, account.email)).toHaveLength(1);
    expectProblem(await post('/auth/magic-link/consume', { token }), 403, 'account_deactivated');
    // Refused without using up the link: after reactivation it still works.
    await setMembershipStatus(account.userId, 'active');
    expect((await post('/auth/magic-link/consume', { token })).statusCode).toBe(200);
  });

  it(`limits link requests for one account to ${ACCOUNT_ATTEMPTS_MAX}`, async () => {
    const account = await createAccount();
    for (let i = 0; i < ACCOUNT_ATTEMPTS_MAX; i++) {
      expect((await post('/auth/magic-link', { email: account.email })).statusCode).toBe(202);
    }
    expectProblem(await post('/auth/magic-link', { email: account.email }), 429, 'rate_limited');
    expect(await mailsTo(t, account.email)).toHaveLength(ACCOUNT_ATTEMPTS_MAX);
  });
});

describe('POST /auth/invite/accept', () => {
  async function invite(options: { password?: string } = {}) {
    const [user] = await t.database.db
      .insert(users)
      .values({
        email: `invitee-${Math.random().toString(36).slice(2)}@example.nl`,
        passwordHash: options.password ? await hash(options.password, CHEAP_HASH) : null,
      })
      .returning();
    if (!user) throw new Error('user not created');
    await t.database.db
      .insert(memberships)
      .values({ orgId: org.id, userId: user.id, role: 'facilitator', status: 'invited' });
    const link = await issueLink(t.database.db, t.config, {
      userId: user.id,
      purpose: 'invite',
      orgId: org.id,
    });
    return { user, token: tokenOf(link.url) };
  }

  async function membershipStatus(userId: string) {
    const [row] = await t.database.db
      .select()
      .from(memberships)
      .where(eq(memberships.userId, userId));
    return row?.status;
  }

  it('sets name and password, verifies the address, activates the membership and signs in', async () => {
    const { user, token } = await invite();
    const response = await post('/auth/invite/accept', {
      token,
      name: '  Femke Jansen ',
      password: 'a long new password',
    });
    expect(response.statusCode).toBe(200);
    const body = sessionResponse.parse(response.json());
    expect(body.user).toMatchObject({
      id: user.id,
      name: 'Femke Jansen',
      initials: 'FJ',
      emailVerified: true,
      hasPassword: true,
    });
    expect(body.memberships).toEqual([
      { orgId: org.id, orgSlug: org.slug, orgName: 'Gemeente Velsen', role: 'facilitator' },
    ]);
    expect(sessionCookieOf(response)?.httpOnly).toBe(true);
    expect(await membershipStatus(user.id)).toBe('active');
    const signIn = await post('/auth/sign-in', {
      email: user.email,
      password: 'a long new password',
    });
    expect(signIn.statusCode).toBe(200);
    expectProblem(
      await post('/auth/invite/accept', { token, name: 'Again', password: 'a long new password' }),
      400,
      'token_invalid',
    );
  });

  it('refuses bad input naming the field, and changes nothing', async () => {
    const { user, token } = await invite();
    expectFieldProblem(
      await post('/auth/invite/accept', { token, name: 'Femke', password: 'too short' }),
      'password',
    );
    expectFieldProblem(
      await post('/auth/invite/accept', { token, name: '   ', password: 'a long new password' }),
      'name',
    );
    expect(await membershipStatus(user.id)).toBe('invited');
    expect((await userRow(user.id)).passwordHash).toBeNull();
    const accepted = await post('/auth/invite/accept', {
      token,
      name: 'Femke',
      password: 'a long new password',
    });
    expect(accepted.statusCode).toBe(200);
  });

  it("activates only the inviting organisation's membership, not another open invitation", async () => {
    const { user, token } = await invite();
    const otherOrg = await createOrg(t, 'Gemeente Heemskerk');
    await t.database.db
      .insert(memberships)
      .values({ orgId: otherOrg.id, userId: user.id, role: 'admin', status: 'invited' });
    const response = await post('/auth/invite/accept', {
      token,
      name: 'Femke',
      password: 'a long new password',
    });
    expect(response.statusCode).toBe(200);
    expect(sessionResponse.parse(response.json()).memberships.map((m) => m.orgId)).toEqual([
      org.id,
    ]);
    const [other] = await t.database.db
      .select()
      .from(memberships)
      .where(and(eq(memberships.userId, user.id), eq(memberships.orgId, otherOrg.id)));
    expect(other?.status).toBe('invited');
  });

  it('refuses an invitation that was withdrawn', async () => {
    const { user, token } = await invite();
    await setMembershipStatus(user.id, 'deactivated');
    expectProblem(
      await post('/auth/invite/accept', { token, name: 'Femke', password: 'a long new password' }),
      400,
      'token_invalid',
    );
    expect((await userRow(user.id)).passwordHash).toBeNull();
  });

  it('signs a person who already had a password out of their other sessions', async () => {
    const { user, token } = await invite({ password: PASSWORD });
    const elsewhere = await signInAs(t, user.id, user.email);
    const response = await post('/auth/invite/accept', {
      token,
      name: 'Femke',
      password: 'a long new password',
    });
    expect(response.statusCode).toBe(200);
    expect((await sessionOf(elsewhere.cookie)).user).toBeNull();
    expect(await countSessions(user.id)).toBe(1);
  });
});

describe('POST /auth/verify-email and /auth/verify-email/resend', () => {
  it('needs a signed-in person to resend', async () => {
    expectProblem(await post('/auth/verify-email/resend', {}), 401, 'unauthenticated');
  });

  it('mails a verification link that verifies the address once', async () => {
    const actor = await createActor(t, { org });
    await t.database.db
      .update(users)
      .set({ emailVerifiedAt: null })
      .where(eq(users.id, actor.userId));
    const resend = await request(t, actor, {
      method: 'POST',
      url: '/api/v1/auth/verify-email/resend',
    });
    expect(resend.statusCode).toBe(202);
    expect(acceptedResponse.parse(resend.json())).toEqual({ ok: true });
    const [mail] = await mailsTo(t, actor.email);
    const link = linkIn(mail?.text ?? '');
    expect(link.startsWith(`${t.config.PUBLIC_URL}/auth/verify#token=`)).toBe(true);

    const verified = await post('/auth/verify-email', { token: tokenOf(link) });
    expect(verified.statusCode).toBe(200);
    expect(acceptedResponse.parse(verified.json())).toEqual({ ok: true });
    expect((await sessionOf(actor.cookie)).user?.emailVerified).toBe(true);
    expectProblem(await post('/auth/verify-email', { token: tokenOf(link) }), 400, 'token_invalid');
  });

  it('sends nothing when the address is already verified', async () => {
    const actor = await createActor(t, { org });
    const resend = await request(t, actor, {
      method: 'POST',
      url: '/api/v1/auth/verify-email/resend',
    });
    expect(resend.statusCode).toBe(202);
    expect(await mailsTo(t, actor.email)).toEqual([]);
  });

  it('refuses bad input naming the field', async () => {
    expectFieldProblem(await post('/auth/verify-email', {}), 'token');
    expectFieldProblem(await post('/auth/verify-email', { token: 'x'.repeat(201) }), 'token');
  });
});

describe('POST /auth/password-reset and /auth/password-reset/confirm', () => {
  async function requestReset(email: string): Promise<string> {
    expect((await post('/auth/password-reset', { email })).statusCode).toBe(202);
    const [mail] = await mailsTo(t, email);
    return tokenOf(linkIn(mail?.text ?? ''));
  }

  it('answers 202 for an unknown address and sends nothing', async () => {
    const response = await post('/auth/password-reset', { email: 'nobody-reset@example.nl' });
    expect(response.statusCode).toBe(202);
    expect(acceptedResponse.parse(response.json())).toEqual({ ok: true });
    expect(await mailsTo(t, 'nobody-reset@example.nl')).toEqual([]);
  });

  it('sets the new password, ends every other session and signs in', async () => {
    const account = await createAccount();
    const laptop = await signInAs(t, account.userId, account.email);
    const phone = await signInAs(t, account.userId, account.email);
    const token = await requestReset(account.email);
    const [mail] = await mailsTo(t, account.email);
    expect(mail?.text.indexOf('Hallo')).toBeLessThan(mail?.text.indexOf('Hello') ?? 0);

    const response = await post('/auth/password-reset/confirm', {
      token,
      password: 'a brand new passphrase',
    });
    expect(response.statusCode).toBe(200);
    expect(sessionResponse.parse(response.json()).user?.id).toBe(account.userId);
    expect((await sessionOf(laptop.cookie)).user).toBeNull();
    expect((await sessionOf(phone.cookie)).user).toBeNull();
    expect(await countSessions(account.userId)).toBe(1);
    expect((await sessionOf(sessionCookieOf(response)?.value ?? '')).user?.id).toBe(account.userId);

    expectProblem(
      await post('/auth/sign-in', { email: account.email, password: PASSWORD }),
      401,
      'invalid_credentials',
    );
    expect(
      (await post('/auth/sign-in', { email: account.email, password: 'a brand new passphrase' }))
        .statusCode,
    ).toBe(200);
    expectProblem(
      await post('/auth/password-reset/confirm', { token, password: 'yet another passphrase' }),
      400,
      'token_invalid',
    );
  });

  it('only the newest reset link works', async () => {
    const account = await createAccount();
    const first = await requestReset(account.email);
    const second = await requestReset(account.email);
    expect(second).not.toBe(first);
    expectProblem(
      await post('/auth/password-reset/confirm', {
        token: first,
        password: 'a brand new passphrase',
      }),
      400,
      'token_invalid',
    );
    expect(
      (
        await post('/auth/password-reset/confirm', {
          token: second,
          password: 'a brand new passphrase',
        })
      ).statusCode,
    ).toBe(200);
  });

  it('refuses a short password naming the field, and changes nothing', async () => {
    const account = await createAccount();
    const token = await requestReset(account.email);
    const before = (await userRow(account.userId)).passwordHash;
    expectFieldProblem(
      await post('/auth/password-reset/confirm', { token, password: 'short' }),
      'password',
    );
    expectFieldProblem(await post('/auth/password-reset', { email: '' }), 'email');
    expect((await userRow(account.userId)).passwordHash).toBe(before);
    expect(
      (await post('/auth/password-reset/confirm', { token, password: 'a brand new passphrase' }))
        .statusCode,
    ).toBe(200);
  });
});

describe('PUT /me/password', () => {
  function changePassword(actor: Actor | null, payload: Record<string, unknown>) {
    return request(t, actor, { method: 'PUT', url: '/api/v1/me/password', payload });
  }

  it('needs a signed-in person', async () => {
    expectProblem(
      await changePassword(null, { newPassword: 'a brand new passphrase' }),
      401,
      'unauthenticated',
    );
  });

  it('checks the current password, then ends the other sessions and renews this one', async () => {
    const actor = await createActor(t, { org, password: PASSWORD });
    const elsewhere = await signInAs(t, actor.userId, actor.email);
    const response = await changePassword(actor, {
      currentPassword: PASSWORD,
      newPassword: 'a brand new passphrase',
    });
    expect(response.statusCode).toBe(200);
    const body = sessionResponse.parse(response.json());
    expect(body.user?.id).toBe(actor.userId);
    expect(body.csrfToken).not.toBe(actor.csrfToken);
    const renewed = sessionCookieOf(response)?.value ?? '';
    expect((await sessionOf(renewed)).user?.id).toBe(actor.userId);
    expect((await sessionOf(elsewhere.cookie)).user).toBeNull();
    expect((await sessionOf(actor.cookie)).user).toBeNull();
    expect(
      (await post('/auth/sign-in', { email: actor.email, password: 'a brand new passphrase' }))
        .statusCode,
    ).toBe(200);
  });

  it('refuses a missing or wrong current password and a short new one, changing nothing', async () => {
    const actor = await createActor(t, { org, password: PASSWORD });
    const before = (await userRow(actor.userId)).passwordHash;
    expectFieldProblem(
      await changePassword(actor, { newPassword: 'a brand new passphrase' }),
      'currentPassword',
    );
    const wrong = await changePassword(actor, {
      currentPassword: 'not it at all',
      newPassword: 'a brand new passphrase',
    });
    expectFieldProblem(wrong, 'currentPassword');
    // The web app recognises this code to say "that is not your current password".
    expect(wrong.json()).toMatchObject({
      errors: [{ field: 'currentPassword', code: 'incorrect' }],
    });
    expectFieldProblem(
      await changePassword(actor, { currentPassword: PASSWORD, newPassword: 'short' }),
      'newPassword',
    );
    expect((await userRow(actor.userId)).passwordHash).toBe(before);
    expect((await sessionOf(actor.cookie)).user?.id).toBe(actor.userId);
  });

  it("leaves other people's passwords and sessions alone", async () => {
    const actor = await createActor(t, { org, password: PASSWORD });
    const bystander = await createActor(t, { org, password: PASSWORD });
    const before = (await userRow(bystander.userId)).passwordHash;
    const response = await changePassword(actor, {
      currentPassword: PASSWORD,
      newPassword: 'a brand new passphrase',
    });
    expect(response.statusCode).toBe(200);
    expect((await userRow(bystander.userId)).passwordHash).toBe(before);
    expect((await sessionOf(bystander.cookie)).user?.id).toBe(bystander.userId);
  });

  it('lets a link-only account set its first password without a current one', async () => {
    const actor = await createActor(t, { org });
    const response = await changePassword(actor, { newPassword: 'my first real passphrase' });
    expect(response.statusCode).toBe(200);
    expect(sessionResponse.parse(response.json()).user?.hasPassword).toBe(true);
  });
});

describe('POST /auth/sign-out and /auth/sign-out-everywhere', () => {
  it('needs a signed-in person', async () => {
    expectProblem(await post('/auth/sign-out', undefined), 401, 'unauthenticated');
    expectProblem(await post('/auth/sign-out-everywhere', undefined), 401, 'unauthenticated');
  });

  it('ends this session only and clears the cookie', async () => {
    const actor = await createActor(t, { org });
    const other = await signInAs(t, actor.userId, actor.email);
    const response = await request(t, actor, { method: 'POST', url: '/api/v1/auth/sign-out' });
    expect(response.statusCode).toBe(204);
    expect(response.body).toBe('');
    const cleared = sessionCookieOf(response);
    expect(cleared?.value).toBe('');
    expect(cleared?.expires?.getTime()).toBeLessThan(Date.now());
    expect((await sessionOf(actor.cookie)).user).toBeNull();
    expect((await sessionOf(other.cookie)).user?.id).toBe(actor.userId);
  });

  it("cannot end another person's session: the cookie decides, and tokens do not mix", async () => {
    const actor = await createActor(t, { org });
    const bystander = await createActor(t, { org });
    const mixed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-out',
      cookies: { [SESSION_COOKIE]: actor.cookie },
      headers: { [CSRF_HEADER]: bystander.csrfToken },
    });
    expectProblem(mixed, 403, 'csrf_failed');
    const response = await request(t, actor, { method: 'POST', url: '/api/v1/auth/sign-out' });
    expect(response.statusCode).toBe(204);
    expect((await sessionOf(actor.cookie)).user).toBeNull();
    expect((await sessionOf(bystander.cookie)).user?.id).toBe(bystander.userId);
  });

  it("ends every session of the person, this one included, and no one else's", async () => {
    const actor = await createActor(t, { org });
    const phone = await signInAs(t, actor.userId, actor.email);
    const bystander = await createActor(t, { org });
    const response = await request(t, actor, {
      method: 'POST',
      url: '/api/v1/auth/sign-out-everywhere',
    });
    expect(response.statusCode).toBe(204);
    expect(sessionCookieOf(response)?.value).toBe('');
    expect((await sessionOf(actor.cookie)).user).toBeNull();
    expect((await sessionOf(phone.cookie)).user).toBeNull();
    expect((await sessionOf(bystander.cookie)).user?.id).toBe(bystander.userId);
  });
});

describe('CSRF', () => {
  it('refuses a cookie-authenticated mutation without the token header', async () => {
    const actor = await createActor(t, { org });
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-out',
      cookies: { [SESSION_COOKIE]: actor.cookie },
    });
    expectProblem(response, 403, 'csrf_failed');
    expect((await sessionOf(actor.cookie)).user?.id).toBe(actor.userId);
  });

  it('refuses a stale token header', async () => {
    const actor = await createActor(t, { org });
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-out-everywhere',
      cookies: { [SESSION_COOKIE]: actor.cookie },
      headers: { [CSRF_HEADER]: 'made-up' },
    });
    expectProblem(response, 403, 'csrf_failed');
  });

  it('refuses requests from a foreign origin, signed in or not', async () => {
    const actor = await createActor(t, { org, password: PASSWORD });
    const signedIn = await request(t, actor, {
      method: 'POST',
      url: '/api/v1/auth/sign-out',
      headers: { origin: 'https://evil.example' },
    });
    expectProblem(signedIn, 403, 'csrf_failed');
    const signIn = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      headers: { origin: 'https://evil.example' },
      payload: { email: actor.email, password: PASSWORD },
    });
    expectProblem(signIn, 403, 'csrf_failed');
    const sameOrigin = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      headers: { origin: t.config.publicOrigin },
      payload: { email: actor.email, password: PASSWORD },
    });
    expect(sameOrigin.statusCode).toBe(200);
  });
});

describe('session timeouts', () => {
  async function resend(actor: Actor) {
    return request(t, actor, { method: 'POST', url: '/api/v1/auth/verify-email/resend' });
  }

  it('ends a session that was idle longer than SESSION_IDLE_MINUTES', async () => {
    const actor = await createActor(t, { org });
    const idleMs = t.config.SESSION_IDLE_MINUTES * 60_000;
    await t.database.db
      .update(sessions)
      .set({ lastSeenAt: new Date(Date.now() - idleMs + 60_000) })
      .where(eq(sessions.userId, actor.userId));
    expect((await resend(actor)).statusCode).toBe(202);
    await t.database.db
      .update(sessions)
      .set({ lastSeenAt: new Date(Date.now() - idleMs - 1000) })
      .where(eq(sessions.userId, actor.userId));
    expectProblem(await resend(actor), 401, 'unauthenticated');
    expect((await sessionOf(actor.cookie)).user).toBeNull();
  });

  it('ends a session past its absolute lifetime, however busy it was', async () => {
    const actor = await createActor(t, { org });
    await t.database.db
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() - 1000), lastSeenAt: new Date() })
      .where(eq(sessions.userId, actor.userId));
    expectProblem(await resend(actor), 401, 'unauthenticated');
  });

  it('honours a small SESSION_IDLE_MINUTES from the configuration', async () => {
    const short = await createTestContext({ SESSION_IDLE_MINUTES: '1' });
    try {
      const actor = await createActor(short);
      await short.database.db
        .update(sessions)
        .set({ lastSeenAt: new Date(Date.now() - 61_000) })
        .where(eq(sessions.userId, actor.userId));
      const response = await request(short, actor, {
        method: 'POST',
        url: '/api/v1/auth/verify-email/resend',
      });
      expectProblem(response, 401, 'unauthenticated');
    } finally {
      await short.close();
    }
  });
});

describe('logging', () => {
  it('never writes passwords, tokens or session secrets to the log', async () => {
    const lines: string[] = [];
    const logged = await createTestContext(
      { LOG_LEVEL: 'trace' },
      { logStream: { write: (line: string) => void lines.push(line) } },
    );
    try {
      const secretPassword = 'hunter2-but-much-longer';
      const actor = await createActor(logged, { password: secretPassword });
      const send = (url: string, payload: Record<string, unknown>) =>
        logged.app.inject({ method: 'POST', url: `/api/v1${url}`, payload });
      const signIn = await send('/auth/sign-in', { email: actor.email, password: secretPassword });
      await send('/auth/sign-in', { email: actor.email, password: `${secretPassword}-wrong` });
      await send('/auth/magic-link', { email: actor.email });
      const [mail] = await mailsTo(logged, actor.email);
      const token = tokenOf(linkIn(mail?.text ?? ''));
      await send('/auth/magic-link/consume', { token });

      const output = lines.join('');
      expect(output).toContain('incoming request');
      for (const secret of [secretPassword, token, actor.cookie, sessionCookieOf(signIn)?.value]) {
        expect(secret && output.includes(secret)).toBe(false);
      }
    } finally {
      await logged.close();
    }
  });
});

describe('OpenAPI', () => {
  it('documents every auth and account endpoint', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    const paths = response.json<{ paths: Record<string, Record<string, unknown>> }>().paths;
    const documented = Object.entries(paths).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(documented).toEqual(
      expect.arrayContaining([
        'GET /api/v1/session',
        'POST /api/v1/auth/sign-in',
        'POST /api/v1/auth/magic-link',
        'POST /api/v1/auth/magic-link/consume',
        'POST /api/v1/auth/invite/accept',
        'POST /api/v1/auth/verify-email',
        'POST /api/v1/auth/verify-email/resend',
        'POST /api/v1/auth/password-reset',
        'POST /api/v1/auth/password-reset/confirm',
        'PUT /api/v1/me/password',
        'POST /api/v1/auth/sign-out',
        'POST /api/v1/auth/sign-out-everywhere',
        'GET /api/v1/me',
        'PATCH /api/v1/me',
        'GET /api/v1/me/export',
        'DELETE /api/v1/me',
      ]),
    );
  });
});
