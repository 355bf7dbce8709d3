import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { LOGO_MAX_BYTES, member, memberList, organisation } from '../../../common/orgs.ts';
import type { MembershipStatus, OrgRole } from '../../../common/roles.ts';
import { memberships, oneTimeTokens, organisations, users } from '../../db/schema.ts';
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
import { hashSecret } from '../auth/tokens.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(async () => {
  await t.close();
});

// A real 1×1 PNG, and the first bytes of the other kinds we meet.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00]);
const WEBP = Buffer.concat([
  Buffer.from('RIFF'),
  Buffer.from([0x1a, 0, 0, 0]),
  Buffer.from('WEBPVP8L'),
  Buffer.alloc(14),
]);
const GIF = Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1');
const HTML = Buffer.from('<html><script>alert(document.cookie)</script></html>');

interface Org {
  id: string;
  slug: string;
}

/** Adds a person with a membership of the given status directly in the database. */
async function addMembership(
  org: Org,
  role: OrgRole,
  status: MembershipStatus,
  person?: Actor,
): Promise<Actor> {
  const actor = person ?? (await createActor(t));
  await t.database.db
    .insert(memberships)
    // A deactivated member here is one who had joined; withdrawn invitations get tests of their own.
    .values({
      orgId: org.id,
      userId: actor.userId,
      role,
      status,
      joinedAt: status === 'invited' ? null : new Date(),
    });
  return actor;
}

async function membershipOf(org: Org, userId: string) {
  const rows = await t.database.db
    .select()
    .from(memberships)
    .where(and(eq(memberships.orgId, org.id), eq(memberships.userId, userId)));
  return rows[0] ?? null;
}

async function organisationRow(org: Org) {
  const [row] = await t.database.db
    .select()
    .from(organisations)
    .where(eq(organisations.id, org.id));
  return row;
}

function uploadLogo(actor: Actor | null, org: Org, body: Buffer, contentType: string) {
  return request(t, actor, {
    method: 'PUT',
    url: `/api/v1/orgs/${org.slug}/logo`,
    headers: { 'content-type': contentType },
    payload: body,
  });
}

let orgA: Org;
let orgB: Org;
let adminA: Actor;
let memberA: Actor;
let adminB: Actor;

beforeEach(async () => {
  orgA = await createOrg(t, 'Gemeente Velsen');
  orgB = await createOrg(t, 'Gemeente Beverwijk');
  adminA = await createActor(t, { org: orgA, role: 'admin', name: 'Anna Admin' });
  memberA = await createActor(t, { org: orgA, role: 'member' });
  adminB = await createActor(t, { org: orgB, role: 'admin' });
});

describe('GET /orgs', () => {
  it('answers 401 when signed out', async () => {
    const response = await request(t, null, { method: 'GET', url: '/api/v1/orgs' });
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ code: 'unauthenticated' });
  });

  it('lists only the organisations where I am an active member, with my role', async () => {
    await addMembership(orgB, 'facilitator', 'invited', memberA);
    const orgC = await createOrg(t, 'Gemeente Heemskerk');
    await addMembership(orgC, 'facilitator', 'deactivated', memberA);
    const orgD = await createOrg(t, 'Gemeente Uitgeest');
    await addMembership(orgD, 'facilitator', 'active', memberA);

    const response = await request(t, memberA, { method: 'GET', url: '/api/v1/orgs' });
    expect(response.statusCode).toBe(200);
    const body = response.json<{ organisations: unknown[] }>();
    // By name: Uitgeest before Velsen.
    expect(body.organisations.map((o) => organisation.parse(o))).toEqual([
      expect.objectContaining({ slug: orgD.slug, myRole: 'facilitator', memberCount: 1 }),
      expect.objectContaining({ slug: orgA.slug, myRole: 'member', memberCount: 2 }),
    ]);
  });
});

describe('GET /orgs/:orgSlug', () => {
  it('answers 401 when signed out', async () => {
    const response = await request(t, null, { method: 'GET', url: `/api/v1/orgs/${orgA.slug}` });
    expect(response.statusCode).toBe(401);
  });

  it('answers 404 for another organisation, for invited and for deactivated members', async () => {
    const invited = await addMembership(orgA, 'admin', 'invited');
    const deactivated = await addMembership(orgA, 'admin', 'deactivated');
    for (const actor of [adminB, invited, deactivated]) {
      const response = await request(t, actor, { method: 'GET', url: `/api/v1/orgs/${orgA.slug}` });
      expect(response.statusCode).toBe(404);
      expect(response.json()).toMatchObject({ code: 'not_found' });
    }
  });

  it('answers 404, like any unknown organisation, for a malformed slug', async () => {
    const response = await request(t, adminA, { method: 'GET', url: '/api/v1/orgs/NOT_A_SLUG' });
    expect(response.statusCode).toBe(404);
  });

  it('shows the organisation to a member with their role', async () => {
    const response = await request(t, memberA, { method: 'GET', url: `/api/v1/orgs/${orgA.slug}` });
    expect(response.statusCode).toBe(200);
    expect(organisation.parse(response.json())).toEqual({
      id: orgA.id,
      slug: orgA.slug,
      name: 'Gemeente Velsen',
      primaryColour: '#1a5a96',
      hasLogo: false,
      logoUrl: null,
      myRole: 'member',
      memberCount: 2,
      createdAt: expect.any(String) as string,
    });
  });
});

describe('PATCH /orgs/:orgSlug', () => {
  const patch = (actor: Actor | null, org: Org, payload: unknown) =>
    request(t, actor, {
      method: 'PATCH',
      url: `/api/v1/orgs/${org.slug}`,
      payload: payload as object,
    });

  it('answers 401 when signed out', async () => {
    expect((await patch(null, orgA, { name: 'X' })).statusCode).toBe(401);
  });

  it('answers 404 for another organisation and 403 for a plain member', async () => {
    expect((await patch(adminB, orgA, { name: 'Overgenomen' })).statusCode).toBe(404);
    const response = await patch(memberA, orgA, { name: 'Overgenomen' });
    expect(response.statusCode).toBe(403);
    expect((await organisationRow(orgA))?.name).toBe('Gemeente Velsen');
  });

  it('answers 400 naming the field and changes nothing', async () => {
    const emptyName = await patch(adminA, orgA, { name: '  ', primaryColour: '#000000' });
    expect(emptyName.statusCode).toBe(400);
    expect(emptyName.json()).toMatchObject({
      errors: [expect.objectContaining({ field: 'name' })],
    });
    const badColour = await patch(adminA, orgA, { primaryColour: 'red' });
    expect(badColour.statusCode).toBe(400);
    expect(badColour.json()).toMatchObject({
      errors: [expect.objectContaining({ field: 'primaryColour' })],
    });
    const row = await organisationRow(orgA);
    expect(row).toMatchObject({ name: 'Gemeente Velsen', primaryColour: '#1a5a96' });
  });

  it('renames and recolours for an admin', async () => {
    const response = await patch(adminA, orgA, { name: ' IJmond ', primaryColour: '#AA3300' });
    expect(response.statusCode).toBe(200);
    expect(organisation.parse(response.json())).toMatchObject({
      name: 'IJmond',
      primaryColour: '#AA3300',
      myRole: 'admin',
    });
    expect(await organisationRow(orgA)).toMatchObject({ name: 'IJmond', primaryColour: '#AA3300' });
  });
});

describe('the logo', () => {
  it('answers 401 to every logo request when signed out', async () => {
    expect((await uploadLogo(null, orgA, PNG, 'image/png')).statusCode).toBe(401);
    for (const method of ['GET', 'DELETE'] as const) {
      const response = await request(t, null, { method, url: `/api/v1/orgs/${orgA.slug}/logo` });
      expect(response.statusCode).toBe(401);
    }
  });

  it("answers 404 for another organisation's logo and 403 when a member uploads", async () => {
    expect((await uploadLogo(adminB, orgA, PNG, 'image/png')).statusCode).toBe(404);
    for (const method of ['GET', 'DELETE'] as const) {
      const response = await request(t, adminB, { method, url: `/api/v1/orgs/${orgA.slug}/logo` });
      expect(response.statusCode).toBe(404);
    }
    expect((await uploadLogo(memberA, orgA, PNG, 'image/png')).statusCode).toBe(403);
    const remove = await request(t, memberA, {
      method: 'DELETE',
      url: `/api/v1/orgs/${orgA.slug}/logo`,
    });
    expect(remove.statusCode).toBe(403);
    expect((await organisationRow(orgA))?.logo).toBeNull();
  });

  it('lets neither another organisation nor a plain member remove or replace an existing logo', async () => {
    expect((await uploadLogo(adminA, orgA, PNG, 'image/png')).statusCode).toBe(200);
    const url = `/api/v1/orgs/${orgA.slug}/logo`;
    expect((await request(t, adminB, { method: 'DELETE', url })).statusCode).toBe(404);
    expect((await request(t, memberA, { method: 'DELETE', url })).statusCode).toBe(403);
    expect((await uploadLogo(adminB, orgA, JPEG, 'image/jpeg')).statusCode).toBe(404);
    expect((await uploadLogo(memberA, orgA, JPEG, 'image/jpeg')).statusCode).toBe(403);
    const row = await organisationRow(orgA);
    expect(row?.logoMediaType).toBe('image/png');
    expect(row?.logo?.equals(PNG)).toBe(true);
  });

  it.each([
    ['a GIF declared as image/png', GIF, 'image/png'],
    ['an HTML page declared as image/png', HTML, 'image/png'],
    ['a PNG declared as image/jpeg', PNG, 'image/jpeg'],
    ['an empty body', Buffer.alloc(0), 'image/webp'],
    ['a GIF as image/gif', GIF, 'image/gif'],
    ['an SVG', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), 'image/svg+xml'],
    ['HTML as text/html', HTML, 'text/html'],
  ])('refuses %s with 415 and says which types are accepted', async (_what, body, type) => {
    const response = await uploadLogo(adminA, orgA, body, type);
    expect(response.statusCode).toBe(415);
    const problem = response.json<{ code: string; detail: string }>();
    expect(problem.code).toBe('unsupported_media_type');
    expect(problem.detail).toContain('image/png, image/jpeg, image/webp');
    expect((await organisationRow(orgA))?.logo).toBeNull();
  });

  it('refuses a logo larger than LOGO_MAX_BYTES with 413', async () => {
    const tooBig = Buffer.concat([PNG, Buffer.alloc(LOGO_MAX_BYTES)]);
    const response = await uploadLogo(adminA, orgA, tooBig, 'image/png');
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({ code: 'payload_too_large' });
    expect((await organisationRow(orgA))?.logo).toBeNull();
  });

  it.each([
    ['image/png', PNG],
    ['image/jpeg', JPEG],
    ['image/webp', WEBP],
  ])('stores a %s logo and serves the exact bytes with safe headers', async (type, bytes) => {
    const upload = await uploadLogo(adminA, orgA, bytes, type);
    expect(upload.statusCode).toBe(200);
    const body = organisation.parse(upload.json());
    expect(body.hasLogo).toBe(true);
    expect(body.logoUrl).toMatch(new RegExp(`^/api/v1/orgs/${orgA.slug}/logo\\?v=\\d+$`));

    const served = await request(t, memberA, { method: 'GET', url: body.logoUrl ?? '' });
    expect(served.statusCode).toBe(200);
    expect(served.rawPayload.equals(bytes)).toBe(true);
    expect(served.headers['content-type']).toBe(type);
    expect(served.headers['x-content-type-options']).toBe('nosniff');
    expect(served.headers['content-security-policy']).toBe("default-src 'none'");
    expect(served.headers['cache-control']).toMatch(/^private\b/);
  });

  it('accepts a Content-Type with parameters', async () => {
    const upload = await uploadLogo(adminA, orgA, PNG, 'Image/PNG; charset=binary');
    expect(upload.statusCode).toBe(200);
  });

  it('answers 404 for a missing logo and removes a logo for an admin', async () => {
    const missing = await request(t, memberA, {
      method: 'GET',
      url: `/api/v1/orgs/${orgA.slug}/logo`,
    });
    expect(missing.statusCode).toBe(404);
    await uploadLogo(adminA, orgA, PNG, 'image/png');
    const removed = await request(t, adminA, {
      method: 'DELETE',
      url: `/api/v1/orgs/${orgA.slug}/logo`,
    });
    expect(removed.statusCode).toBe(200);
    expect(organisation.parse(removed.json())).toMatchObject({ hasLogo: false, logoUrl: null });
    const gone = await request(t, memberA, {
      method: 'GET',
      url: `/api/v1/orgs/${orgA.slug}/logo`,
    });
    expect(gone.statusCode).toBe(404);
  });

  it('leaves JSON parsing of other routes alone', async () => {
    const response = await request(t, adminA, {
      method: 'PATCH',
      url: `/api/v1/orgs/${orgA.slug}`,
      headers: { 'content-type': 'image/png' },
      payload: PNG,
    });
    expect(response.statusCode).toBe(415);
  });
});

describe('GET /orgs/:orgSlug/members', () => {
  it('answers 401 when signed out, 404 for another organisation, 403 for a facilitator', async () => {
    const url = `/api/v1/orgs/${orgA.slug}/members`;
    expect((await request(t, null, { method: 'GET', url })).statusCode).toBe(401);
    expect((await request(t, adminB, { method: 'GET', url })).statusCode).toBe(404);
    const facilitator = await createActor(t, { org: orgA, role: 'facilitator' });
    expect((await request(t, facilitator, { method: 'GET', url })).statusCode).toBe(403);
  });

  it('lists every membership with its status for an admin', async () => {
    const invited = await addMembership(orgA, 'facilitator', 'invited');
    const deactivated = await addMembership(orgA, 'member', 'deactivated');
    await addMembership(orgB, 'member', 'active', memberA);
    const response = await request(t, adminA, {
      method: 'GET',
      url: `/api/v1/orgs/${orgA.slug}/members`,
    });
    expect(response.statusCode).toBe(200);
    const list = memberList.parse(response.json());
    expect(list.members).toHaveLength(4);
    const byId = new Map(list.members.map((m) => [m.userId, m]));
    expect(byId.get(adminA.userId)).toMatchObject({
      email: adminA.email,
      name: 'Anna Admin',
      initials: 'AA',
      role: 'admin',
      status: 'active',
    });
    expect(byId.get(invited.userId)).toMatchObject({ role: 'facilitator', status: 'invited' });
    expect(byId.get(deactivated.userId)).toMatchObject({ status: 'deactivated' });
    expect(byId.has(adminB.userId)).toBe(false);
  });
});

describe('POST /orgs/:orgSlug/invitations', () => {
  const invite = (actor: Actor | null, org: Org, payload: unknown) =>
    request(t, actor, {
      method: 'POST',
      url: `/api/v1/orgs/${org.slug}/invitations`,
      payload: payload as object,
    });
  const userByEmail = async (email: string) =>
    (
      await t.database.db
        .select()
        .from(users)
        .where(eq(sql`lower(${users.email})`, email))
    )[0];

  it('answers 401 when signed out, 404 for another organisation, 403 for a member', async () => {
    const payload = { email: 'nieuw@velsen.nl', role: 'member' };
    expect((await invite(null, orgA, payload)).statusCode).toBe(401);
    expect((await invite(adminB, orgA, payload)).statusCode).toBe(404);
    expect((await invite(memberA, orgA, payload)).statusCode).toBe(403);
    expect(await userByEmail('nieuw@velsen.nl')).toBeUndefined();
    expect(await mailsTo(t, 'nieuw@velsen.nl')).toEqual([]);
  });

  it('answers 400 naming the field and creates nobody', async () => {
    const badEmail = await invite(adminA, orgA, { email: 'geen-adres', role: 'member' });
    expect(badEmail.statusCode).toBe(400);
    expect(badEmail.json()).toMatchObject({
      errors: [expect.objectContaining({ field: 'email' })],
    });
    const badRole = await invite(adminA, orgA, { email: 'rol@velsen.nl', role: 'owner' });
    expect(badRole.statusCode).toBe(400);
    expect(badRole.json()).toMatchObject({ errors: [expect.objectContaining({ field: 'role' })] });
    expect(await userByEmail('rol@velsen.nl')).toBeUndefined();
    expect(await mailsTo(t, 'rol@velsen.nl')).toEqual([]);
  });

  it('creates the person, an invited membership and mails a link to /welcome', async () => {
    const response = await invite(adminA, orgA, {
      email: '  Wethouder@Velsen.NL ',
      role: 'facilitator',
      name: 'Wim Wethouder',
    });
    expect(response.statusCode).toBe(201);
    const invited = member.parse(response.json());
    expect(invited).toMatchObject({
      email: 'wethouder@velsen.nl',
      name: 'Wim Wethouder',
      initials: 'WW',
      role: 'facilitator',
      status: 'invited',
    });
    expect(await membershipOf(orgA, invited.userId)).toMatchObject({
      status: 'invited',
      role: 'facilitator',
      invitedBy: adminA.userId,
    });

    const [mail] = await mailsTo(t, 'wethouder@velsen.nl');
    expect(mail?.subject).toContain('Gemeente Velsen');
    const text = mail?.text ?? '';
    expect(text.indexOf('Hallo')).toBeLessThan(text.indexOf('Hello'));
    expect(text).toContain('Anna Admin');
    const link = linkIn(text);
    expect(link.startsWith(`${t.config.PUBLIC_URL}/welcome#token=`)).toBe(true);
    const [token] = await t.database.db
      .select()
      .from(oneTimeTokens)
      .where(eq(oneTimeTokens.id, hashSecret(tokenOf(link))));
    expect(token).toMatchObject({
      userId: invited.userId,
      purpose: 'invite',
      orgId: orgA.id,
      usedAt: null,
    });
  });

  it('invites someone who already has an account without touching their name', async () => {
    const response = await invite(adminA, orgA, {
      email: adminB.email.toUpperCase(),
      role: 'member',
      name: 'Iemand Anders',
    });
    expect(response.statusCode).toBe(201);
    expect(member.parse(response.json())).toMatchObject({
      userId: adminB.userId,
      status: 'invited',
    });
    const rows = await t.database.db
      .select()
      .from(users)
      .where(eq(sql`lower(${users.email})`, adminB.email));
    expect(rows).toHaveLength(1);
    expect(rows[0]?.name).not.toBe('Iemand Anders');
  });

  it('sends a fresh link to someone invited already, voiding the old one', async () => {
    const first = await invite(adminA, orgA, { email: 'twee@velsen.nl', role: 'member' });
    expect(first.statusCode).toBe(201);
    const oldToken = tokenOf(linkIn((await mailsTo(t, 'twee@velsen.nl'))[0]?.text ?? ''));

    const again = await invite(adminA, orgA, { email: 'twee@velsen.nl', role: 'facilitator' });
    expect(again.statusCode).toBe(200);
    expect(member.parse(again.json())).toMatchObject({ status: 'invited', role: 'facilitator' });
    const mails = await mailsTo(t, 'twee@velsen.nl');
    expect(mails).toHaveLength(2);
    const newToken = tokenOf(linkIn(mails[0]?.text ?? ''));
    expect(newToken).not.toBe(oldToken);
    const tokens = await t.database.db
      .select()
      .from(oneTimeTokens)
      .where(eq(oneTimeTokens.userId, member.parse(again.json()).userId));
    const byId = new Map(tokens.map((row) => [row.id, row]));
    expect(byId.get(hashSecret(oldToken))?.usedAt).not.toBeNull();
    expect(byId.get(hashSecret(newToken))?.usedAt).toBeNull();
  });

  it('lets the invited person accept with the newest link only, then see the organisation', async () => {
    await invite(adminA, orgA, { email: 'nieuw@velsen.nl', role: 'facilitator' });
    await invite(adminA, orgA, { email: 'nieuw@velsen.nl', role: 'facilitator' });
    const [newest, oldest] = await mailsTo(t, 'nieuw@velsen.nl');
    const accept = (mail: typeof newest) =>
      request(t, null, {
        method: 'POST',
        url: '/api/v1/auth/invite/accept',
        payload: {
          token: tokenOf(linkIn(mail?.text ?? '')),
          name: 'Nina Nieuw',
          password: 'een lang genoeg wachtwoord',
        },
      });
    expect((await accept(oldest)).statusCode).toBe(400);
    const accepted = await accept(newest);
    expect(accepted.statusCode).toBe(200);
    const userId = (await userByEmail('nieuw@velsen.nl'))?.id ?? '';
    expect(await membershipOf(orgA, userId)).toMatchObject({ status: 'active' });
    const session = await signInAs(t, userId, 'nieuw@velsen.nl');
    const response = await request(t, session, { method: 'GET', url: `/api/v1/orgs/${orgA.slug}` });
    expect(organisation.parse(response.json())).toMatchObject({ myRole: 'facilitator' });
  });

  it('answers 409 for an active member and for a deactivated one (reactivate instead)', async () => {
    const active = await invite(adminA, orgA, { email: memberA.email, role: 'admin' });
    expect(active.statusCode).toBe(409);
    expect(active.json()).toMatchObject({ code: 'conflict' });

    const gone = await addMembership(orgA, 'member', 'deactivated');
    const deactivated = await invite(adminA, orgA, { email: gone.email, role: 'member' });
    expect(deactivated.statusCode).toBe(409);
    expect(deactivated.json<{ detail: string }>().detail).toMatch(/reactivate/);
    expect(await membershipOf(orgA, gone.userId)).toMatchObject({ status: 'deactivated' });
    expect(await mailsTo(t, memberA.email)).toEqual([]);
    expect(await mailsTo(t, gone.email)).toEqual([]);
  });
});

describe('PATCH /orgs/:orgSlug/members/:userId', () => {
  const changeRole = (actor: Actor | null, org: Org, userId: string, payload: unknown) =>
    request(t, actor, {
      method: 'PATCH',
      url: `/api/v1/orgs/${org.slug}/members/${userId}`,
      payload: payload as object,
    });

  it('answers 401 when signed out', async () => {
    expect((await changeRole(null, orgA, memberA.userId, { role: 'admin' })).statusCode).toBe(401);
  });

  it("answers 404 for another organisation and for a member of org B under org A's slug", async () => {
    expect((await changeRole(adminB, orgA, memberA.userId, { role: 'admin' })).statusCode).toBe(
      404,
    );
    expect((await changeRole(adminA, orgA, adminB.userId, { role: 'member' })).statusCode).toBe(
      404,
    );
    expect(await membershipOf(orgB, adminB.userId)).toMatchObject({ role: 'admin' });
  });

  it('answers 403 for a facilitator', async () => {
    const facilitator = await createActor(t, { org: orgA, role: 'facilitator' });
    const response = await changeRole(facilitator, orgA, memberA.userId, { role: 'admin' });
    expect(response.statusCode).toBe(403);
    expect(await membershipOf(orgA, memberA.userId)).toMatchObject({ role: 'member' });
  });

  it('answers 400 naming the field and changes nothing', async () => {
    const badRole = await changeRole(adminA, orgA, memberA.userId, { role: 'owner' });
    expect(badRole.statusCode).toBe(400);
    expect(badRole.json()).toMatchObject({ errors: [expect.objectContaining({ field: 'role' })] });
    const badId = await changeRole(adminA, orgA, 'not-a-uuid', { role: 'admin' });
    expect(badId.statusCode).toBe(400);
    expect(badId.json()).toMatchObject({ errors: [expect.objectContaining({ field: 'userId' })] });
    expect(await membershipOf(orgA, memberA.userId)).toMatchObject({ role: 'member' });
  });

  it('changes the role', async () => {
    const response = await changeRole(adminA, orgA, memberA.userId, { role: 'facilitator' });
    expect(response.statusCode).toBe(200);
    expect(member.parse(response.json())).toMatchObject({
      userId: memberA.userId,
      role: 'facilitator',
      status: 'active',
    });
    expect(await membershipOf(orgA, memberA.userId)).toMatchObject({ role: 'facilitator' });
  });

  it('refuses to demote the last active admin with 409 last_admin', async () => {
    // An invited or deactivated admin does not count: they cannot manage anything.
    await addMembership(orgA, 'admin', 'invited');
    await addMembership(orgA, 'admin', 'deactivated');
    const response = await changeRole(adminA, orgA, adminA.userId, { role: 'member' });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ code: 'last_admin' });
    expect(await membershipOf(orgA, adminA.userId)).toMatchObject({ role: 'admin' });
  });

  it('lets an admin step down when another admin remains', async () => {
    await changeRole(adminA, orgA, memberA.userId, { role: 'admin' });
    const response = await changeRole(adminA, orgA, adminA.userId, { role: 'member' });
    expect(response.statusCode).toBe(200);
    expect(await membershipOf(orgA, adminA.userId)).toMatchObject({ role: 'member' });
  });

  it('keeps one admin when two admins demote each other at the same moment', async () => {
    await changeRole(adminA, orgA, memberA.userId, { role: 'admin' });
    const results = await Promise.all([
      changeRole(adminA, orgA, memberA.userId, { role: 'member' }),
      changeRole(memberA, orgA, adminA.userId, { role: 'member' }),
    ]);
    // Whichever runs second finds itself demoted (403) or guarding the last admin (409).
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes[0]).toBe(200);
    expect([403, 409]).toContain(codes[1]);
    const states = await t.database.db
      .select()
      .from(memberships)
      .where(and(eq(memberships.orgId, orgA.id), eq(memberships.role, 'admin')));
    expect(states).toHaveLength(1);
  });
});

describe('POST /orgs/:orgSlug/members/:userId/deactivate and /reactivate', () => {
  const act = (actor: Actor | null, org: Org, userId: string, what: 'deactivate' | 'reactivate') =>
    request(t, actor, {
      method: 'POST',
      url: `/api/v1/orgs/${org.slug}/members/${userId}/${what}`,
    });

  it('answers 401 when signed out', async () => {
    for (const what of ['deactivate', 'reactivate'] as const) {
      expect((await act(null, orgA, memberA.userId, what)).statusCode).toBe(401);
    }
  });

  it('answers 404 for another organisation and for a member of org B, 403 for a member', async () => {
    for (const what of ['deactivate', 'reactivate'] as const) {
      expect((await act(adminB, orgA, memberA.userId, what)).statusCode).toBe(404);
      expect((await act(adminA, orgA, adminB.userId, what)).statusCode).toBe(404);
      expect((await act(memberA, orgA, adminA.userId, what)).statusCode).toBe(403);
    }
    expect(await membershipOf(orgA, memberA.userId)).toMatchObject({ status: 'active' });
    expect(await membershipOf(orgB, adminB.userId)).toMatchObject({ status: 'active' });
  });

  it("answers 404 for org B's members under org A's slug, and leaves their membership be", async () => {
    const goneFromB = await addMembership(orgB, 'member', 'deactivated');
    const reactivate = await act(adminA, orgA, goneFromB.userId, 'reactivate');
    expect(reactivate.statusCode).toBe(404);
    expect(reactivate.json()).toMatchObject({ code: 'not_found' });
    expect(await membershipOf(orgB, goneFromB.userId)).toMatchObject({ status: 'deactivated' });

    const activeInB = await addMembership(orgB, 'member', 'active');
    const deactivate = await act(adminA, orgA, activeInB.userId, 'deactivate');
    expect(deactivate.statusCode).toBe(404);
    expect(await membershipOf(orgB, activeInB.userId)).toMatchObject({ status: 'active' });
    const stillIn = await request(t, activeInB, {
      method: 'GET',
      url: `/api/v1/orgs/${orgB.slug}`,
    });
    expect(stillIn.statusCode).toBe(200);
    expect(await membershipOf(orgA, activeInB.userId)).toBeNull();
  });

  it('answers 400 naming userId for a malformed id', async () => {
    for (const what of ['deactivate', 'reactivate'] as const) {
      const response = await act(adminA, orgA, '..%2F..', what);
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({
        errors: [expect.objectContaining({ field: 'userId' })],
      });
    }
  });

  it('deactivates, ends every session of the person at once, and reactivates', async () => {
    const otherDevice = await signInAs(t, memberA.userId, memberA.email);
    const before = await request(t, memberA, { method: 'GET', url: '/api/v1/orgs' });
    expect(before.statusCode).toBe(200);

    const response = await act(adminA, orgA, memberA.userId, 'deactivate');
    expect(response.statusCode).toBe(200);
    expect(member.parse(response.json())).toMatchObject({
      userId: memberA.userId,
      status: 'deactivated',
    });
    for (const session of [memberA, otherDevice]) {
      const after = await request(t, session, { method: 'GET', url: '/api/v1/orgs' });
      expect(after.statusCode).toBe(401);
    }
    const admin = await request(t, adminA, { method: 'GET', url: '/api/v1/orgs' });
    expect(admin.statusCode).toBe(200);

    const back = await act(adminA, orgA, memberA.userId, 'reactivate');
    expect(back.statusCode).toBe(200);
    expect(member.parse(back.json())).toMatchObject({ status: 'active' });
    expect(await membershipOf(orgA, memberA.userId)).toMatchObject({ status: 'active' });
  });

  it('hides the organisation from a deactivated member who signs in again', async () => {
    await act(adminA, orgA, memberA.userId, 'deactivate');
    const fresh = await signInAs(t, memberA.userId, memberA.email);
    const one = await request(t, fresh, { method: 'GET', url: `/api/v1/orgs/${orgA.slug}` });
    expect(one.statusCode).toBe(404);
    const mine = await request(t, fresh, { method: 'GET', url: '/api/v1/orgs' });
    expect(mine.json()).toEqual({ organisations: [] });
  });

  it('refuses to deactivate the last active admin with 409 last_admin', async () => {
    const response = await act(adminA, orgA, adminA.userId, 'deactivate');
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ code: 'last_admin' });
    expect(await membershipOf(orgA, adminA.userId)).toMatchObject({ status: 'active' });
    const still = await request(t, adminA, { method: 'GET', url: '/api/v1/orgs' });
    expect(still.statusCode).toBe(200);
  });

  it('stops an open invitation when the invited person is deactivated', async () => {
    await request(t, adminA, {
      method: 'POST',
      url: `/api/v1/orgs/${orgA.slug}/invitations`,
      payload: { email: 'stop@velsen.nl', role: 'member' },
    });
    const [mail] = await mailsTo(t, 'stop@velsen.nl');
    const token = tokenOf(linkIn(mail?.text ?? ''));
    const invitedId =
      (await t.database.db.select().from(users).where(eq(users.email, 'stop@velsen.nl')))[0]?.id ??
      '';
    expect((await act(adminA, orgA, invitedId, 'deactivate')).statusCode).toBe(200);
    const [row] = await t.database.db
      .select()
      .from(oneTimeTokens)
      .where(eq(oneTimeTokens.id, hashSecret(token)));
    expect(row?.usedAt).not.toBeNull();
  });

  it('withdrawing an invitation does not sign the person out of their other organisations', async () => {
    const invited = await request(t, adminA, {
      method: 'POST',
      url: `/api/v1/orgs/${orgA.slug}/invitations`,
      payload: { email: adminB.email, role: 'member' },
    });
    expect(invited.statusCode).toBe(201);
    const withdrawn = await act(adminA, orgA, adminB.userId, 'deactivate');
    expect(withdrawn.statusCode).toBe(200);
    expect(member.parse(withdrawn.json())).toMatchObject({ status: 'deactivated' });
    const stillIn = await request(t, adminB, { method: 'GET', url: `/api/v1/orgs/${orgB.slug}` });
    expect(stillIn.statusCode).toBe(200);
  });

  it('never makes a withdrawn invitation a membership: reactivating it answers 409, inviting again works', async () => {
    const email = 'nooit-geaccepteerd@velsen.nl';
    const invite = () =>
      request(t, adminA, {
        method: 'POST',
        url: `/api/v1/orgs/${orgA.slug}/invitations`,
        payload: { email, role: 'admin' },
      });
    expect((await invite()).statusCode).toBe(201);
    const userId =
      (await t.database.db.select().from(users).where(eq(users.email, email)))[0]?.id ?? '';
    expect((await act(adminA, orgA, userId, 'deactivate')).statusCode).toBe(200);

    const reactivated = await act(adminA, orgA, userId, 'reactivate');
    expect(reactivated.statusCode).toBe(409);
    expect(await membershipOf(orgA, userId)).toMatchObject({
      status: 'deactivated',
      joinedAt: null,
    });

    const again = await invite();
    expect(again.statusCode).toBe(200);
    expect(member.parse(again.json())).toMatchObject({ status: 'invited', role: 'admin' });
  });

  it('records when a person joins, so a member who left can be reactivated', async () => {
    const email = 'wel-geaccepteerd@velsen.nl';
    await request(t, adminA, {
      method: 'POST',
      url: `/api/v1/orgs/${orgA.slug}/invitations`,
      payload: { email, role: 'member' },
    });
    const [mail] = await mailsTo(t, email);
    const accepted = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/invite/accept',
      payload: {
        token: tokenOf(linkIn(mail?.text ?? '')),
        name: 'Joost',
        password: 'een lang wachtwoord',
      },
    });
    expect(accepted.statusCode).toBe(200);
    const userId =
      (await t.database.db.select().from(users).where(eq(users.email, email)))[0]?.id ?? '';
    expect((await membershipOf(orgA, userId))?.joinedAt).toBeInstanceOf(Date);
    expect((await act(adminA, orgA, userId, 'deactivate')).statusCode).toBe(200);
    const reactivated = await act(adminA, orgA, userId, 'reactivate');
    expect(reactivated.statusCode).toBe(200);
    expect(member.parse(reactivated.json())).toMatchObject({ status: 'active' });
  });

  it('answers 409 when reactivating someone who is still invited', async () => {
    const invited = await addMembership(orgA, 'member', 'invited');
    const response = await act(adminA, orgA, invited.userId, 'reactivate');
    expect(response.statusCode).toBe(409);
    expect(await membershipOf(orgA, invited.userId)).toMatchObject({ status: 'invited' });
  });
});
