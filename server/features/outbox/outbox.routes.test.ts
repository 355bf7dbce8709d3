import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../../common/auth.ts';
import { outboxList, outboxMessage } from '../../../common/outbox.ts';
import { memberships } from '../../db/schema.ts';
import { buildApp } from '../../http/app.ts';
import type { Mailer } from '../../mail/mailer.ts';
import {
  createActor,
  createOrg,
  createTestContext,
  request,
  type Actor,
  type TestContext,
} from '../../testing/harness.ts';

let t: TestContext;
let orgA: { id: string; slug: string };
let orgB: { id: string; slug: string };
let adminA: Actor;
let facilitatorA: Actor;
let invitedA: Actor;
let adminB: Actor;

beforeAll(async () => {
  t = await createTestContext();
  orgA = await createOrg(t, 'Velsen');
  orgB = await createOrg(t, 'Beverwijk');
  adminA = await createActor(t, { org: orgA, role: 'admin' });
  facilitatorA = await createActor(t, { org: orgA, role: 'facilitator' });
  invitedA = await createActor(t);
  await t.database.db
    .insert(memberships)
    .values({ orgId: orgA.id, userId: invitedA.userId, role: 'member', status: 'invited' });
  adminB = await createActor(t, { org: orgB, role: 'admin' });
  await t.mailer.send({ to: facilitatorA.email, subject: 'Voor A', text: 'Hallo A' });
  // Addresses are compared without regard to case.
  await t.mailer.send({ to: invitedA.email.toUpperCase(), subject: 'Uitnodiging', text: 'Kom' });
  await t.mailer.send({ to: adminB.email, subject: 'Voor B', text: 'Geheim van B' });
  await t.mailer.send({ to: 'vreemde@example.nl', subject: 'Voor niemand', text: 'Niets' });
});
afterAll(async () => {
  await t.close();
});

async function messageIdTo(address: string): Promise<string> {
  const found = (await t.mailer.listOutbox()).find((m) => m.to === address);
  if (!found) throw new Error(`no mail to ${address}`);
  return found.id;
}

describe('GET /orgs/:orgSlug/outbox', () => {
  const url = () => `/api/v1/orgs/${orgA.slug}/outbox`;

  it('answers 401 when signed out', async () => {
    expect((await request(t, null, { method: 'GET', url: url() })).statusCode).toBe(401);
  });

  it('answers 404 for another organisation and 403 for a facilitator', async () => {
    expect((await request(t, adminB, { method: 'GET', url: url() })).statusCode).toBe(404);
    expect((await request(t, facilitatorA, { method: 'GET', url: url() })).statusCode).toBe(403);
  });

  it('answers 404, like any unknown organisation, for a malformed slug', async () => {
    const response = await request(t, adminA, {
      method: 'GET',
      url: '/api/v1/orgs/..%2F../outbox',
    });
    expect(response.statusCode).toBe(404);
  });

  it("lists only mail to this organisation's members, whatever their status", async () => {
    const response = await request(t, adminA, { method: 'GET', url: url() });
    expect(response.statusCode).toBe(200);
    const list = outboxList.parse(response.json());
    expect(list.enabled).toBe(true);
    expect(list.messages.map((m) => m.subject).sort()).toEqual(['Uitnodiging', 'Voor A']);
    expect(list.messages[0]).not.toHaveProperty('text');
  });

  it('says the outbox is not in use when mail goes over SMTP', async () => {
    const smtp: Mailer = {
      usesOutbox: false,
      send: () => Promise.resolve(),
      listOutbox: () => t.mailer.listOutbox(),
    };
    const app = await buildApp({ ...t.ctx, mailer: smtp }, { logger: false });
    try {
      const response = await app.inject({
        method: 'GET',
        url: url(),
        cookies: { [SESSION_COOKIE]: adminA.cookie },
      });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({ enabled: false, messages: [] });
    } finally {
      await app.close();
    }
  });
});

describe('GET /orgs/:orgSlug/outbox/:messageId', () => {
  const url = (id: string) => `/api/v1/orgs/${orgA.slug}/outbox/${id}`;

  it('answers 401 when signed out', async () => {
    const id = await messageIdTo(facilitatorA.email);
    expect((await request(t, null, { method: 'GET', url: url(id) })).statusCode).toBe(401);
  });

  it('answers 404 for another organisation, and for mail to people outside this one', async () => {
    const own = await messageIdTo(facilitatorA.email);
    expect((await request(t, adminB, { method: 'GET', url: url(own) })).statusCode).toBe(404);
    for (const address of [adminB.email, 'vreemde@example.nl']) {
      const id = await messageIdTo(address);
      const response = await request(t, adminA, { method: 'GET', url: url(id) });
      expect(response.statusCode).toBe(404);
    }
  });

  it('answers 403 to a facilitator, with a problem', async () => {
    const id = await messageIdTo(facilitatorA.email);
    const response = await request(t, facilitatorA, { method: 'GET', url: url(id) });
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ code: 'forbidden' });
  });

  it('answers 400 naming messageId for an id that could leave the folder', async () => {
    for (const id of ['..%2F..%2Fetc%2Fpasswd', 'a.json', '%00']) {
      const response = await request(t, adminA, { method: 'GET', url: url(id) });
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({
        errors: [expect.objectContaining({ field: 'messageId' })],
      });
    }
  });

  it('shows one message with its text', async () => {
    const id = await messageIdTo(facilitatorA.email);
    const response = await request(t, adminA, { method: 'GET', url: url(id) });
    expect(response.statusCode).toBe(200);
    expect(outboxMessage.parse(response.json())).toEqual({
      id,
      to: facilitatorA.email,
      subject: 'Voor A',
      text: 'Hallo A',
      createdAt: expect.any(String) as string,
    });
  });
});

describe('mail to someone who also belongs to another organisation', () => {
  it('stays hidden, so inviting a person cannot hand their reset link to this admin', async () => {
    const orgC = await createOrg(t, 'Heemskerk');
    const adminC = await createActor(t, { org: orgC, role: 'admin' });
    const victim = await createActor(t, { org: orgB, role: 'admin', password: 'a long password' });
    const invited = await request(t, adminC, {
      method: 'POST',
      url: `/api/v1/orgs/${orgC.slug}/invitations`,
      payload: { email: victim.email, role: 'member' },
    });
    expect(invited.statusCode).toBe(201);
    const reset = await request(t, null, {
      method: 'POST',
      url: '/api/v1/auth/password-reset',
      payload: { email: victim.email },
    });
    expect(reset.statusCode).toBe(202);
    const toVictim = (await t.mailer.listOutbox()).filter((m) => m.to === victim.email);
    expect(toVictim).toHaveLength(2);

    for (const [admin, org] of [
      [adminC, orgC],
      [adminB, orgB],
    ] as const) {
      const list = await request(t, admin, {
        method: 'GET',
        url: `/api/v1/orgs/${org.slug}/outbox`,
      });
      expect(outboxList.parse(list.json()).messages.map((m) => m.to)).not.toContain(victim.email);
      for (const message of toVictim) {
        const one = await request(t, admin, {
          method: 'GET',
          url: `/api/v1/orgs/${org.slug}/outbox/${message.id}`,
        });
        expect(one.statusCode).toBe(404);
      }
    }
  });
});
