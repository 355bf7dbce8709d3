import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../../common/auth.ts';
import { collabDefaults } from '../../../common/collab.ts';
import {
  collabToken,
  joinLookup,
  joinResult,
  lab,
  type Lab,
  type LabStatus,
} from '../../../common/labs.ts';
import { problem } from '../../../common/problem.ts';
import { collabTokens, labParticipants } from '../../db/schema.ts';
import {
  createActor,
  createOrg,
  createTestContext,
  request,
  type Actor,
  type TestContext,
} from '../../testing/harness.ts';
import { WRONG_CODES_MAX } from './join.limits.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(async () => {
  await t.close();
});

interface Org {
  id: string;
  slug: string;
}

let orgA: Org;
let facilitatorA: Actor;
let memberA: Actor;
let adminB: Actor;

beforeEach(async () => {
  orgA = await createOrg(t, 'IJmond');
  const orgB = await createOrg(t, 'Zuid-Kennemerland');
  facilitatorA = await createActor(t, { org: orgA, role: 'facilitator', name: 'Jeroen Bakker' });
  memberA = await createActor(t, { org: orgA, role: 'member', name: 'Fatima El Amrani' });
  adminB = await createActor(t, { org: orgB, role: 'admin', name: 'Bram Buiten' });
});

async function createLab(context: TestContext, org: Org, actor: Actor): Promise<Lab> {
  const response = await request(context, actor, {
    method: 'POST',
    url: `/api/v1/orgs/${org.slug}/labs`,
    payload: { title: 'Binnenstadslab IJmuiden', kind: 'local' },
  });
  expect(response.statusCode, response.body).toBe(201);
  return lab.parse(response.json());
}

async function moveTo(
  context: TestContext,
  org: Org,
  actor: Actor,
  labId: string,
  statuses: LabStatus[],
): Promise<Lab> {
  let last: Lab | null = null;
  for (const status of statuses) {
    const response = await request(context, actor, {
      method: 'POST',
      url: `/api/v1/orgs/${org.slug}/labs/${labId}/status`,
      payload: { status },
    });
    expect(response.statusCode, response.body).toBe(200);
    last = lab.parse(response.json());
  }
  if (!last) throw new Error('no status given');
  return last;
}

async function openLab(context: TestContext = t, org: Org = orgA, actor: Actor = facilitatorA) {
  const created = await createLab(context, org, actor);
  const opened = await moveTo(context, org, actor, created.id, ['open']);
  return { lab: opened, code: opened.joinCode ?? '' };
}

// A well-formed code that is not this lab's (another lab drawing it is a one-in-244-million chance).
function wrongCodeFor(code: string): string {
  return code === 'YYYYYY' ? 'XXXXXX' : 'YYYYYY';
}

function lookup(code: string, remoteAddress = '127.0.0.1') {
  return request(t, null, {
    method: 'POST',
    url: '/api/v1/join/lookup',
    payload: { code },
    remoteAddress,
  });
}

function guestJoin(
  context: TestContext,
  code: string,
  displayName: string | undefined,
  remoteAddress = '127.0.0.1',
) {
  return request(context, null, {
    method: 'POST',
    url: '/api/v1/join',
    payload: displayName === undefined ? { code } : { code, displayName },
    remoteAddress,
  });
}

function asGuest(secret: string | null) {
  return { authorization: `Guest ${secret ?? ''}` };
}

async function participantRows(labId: string) {
  return t.database.db.select().from(labParticipants).where(eq(labParticipants.labId, labId));
}

describe('POST /join/lookup', () => {
  it('answers 400 naming code for a malformed code', async () => {
    for (const code of ['ABC', 'ABCDEFG', 'AB0DEF', '']) {
      const response = await lookup(code, '10.1.0.1');
      expect(response.statusCode, code).toBe(400);
      const fields = new Set(problem.parse(response.json()).errors?.map((e) => e.field));
      expect([...fields]).toEqual(['code']);
    }
  });

  it('answers 404 join_code_unknown for a code no open lab has', async () => {
    const { code } = await openLab();
    const response = await lookup(wrongCodeFor(code), '10.1.0.2');
    expect(response.statusCode).toBe(404);
    expect(problem.parse(response.json())).toMatchObject({ code: 'join_code_unknown' });
  });

  it('names the open lab behind a code, typed with spaces and in lower case', async () => {
    const { lab: opened, code } = await openLab();
    const typed = `${code.slice(0, 3).toLowerCase()} ${code.slice(3)}`;
    const response = await lookup(typed, '10.1.0.3');
    expect(response.statusCode).toBe(200);
    expect(joinLookup.parse(response.json())).toEqual({
      labId: opened.id,
      title: 'Binnenstadslab IJmuiden',
      orgName: 'IJmond',
      status: 'open',
      hasRoom: true,
    });
  });

  it('forgets the code of a lab that went back to draft or was closed', async () => {
    const first = await openLab();
    await moveTo(t, orgA, facilitatorA, first.lab.id, ['draft']);
    expect((await lookup(first.code, '10.1.0.4')).statusCode).toBe(404);
    const second = await openLab();
    await moveTo(t, orgA, facilitatorA, second.lab.id, ['live']);
    expect((await lookup(second.code, '10.1.0.4')).statusCode).toBe(200);
    await moveTo(t, orgA, facilitatorA, second.lab.id, ['closed']);
    expect((await lookup(second.code, '10.1.0.4')).statusCode).toBe(404);
  });
});

describe('the wrong-code limit', () => {
  it('counts only wrong codes: a room behind one address keeps joining while someone mistypes', async () => {
    const { code } = await openLab();
    const wrong = wrongCodeFor(code);
    const address = '10.2.0.1';
    for (let i = 1; i <= WRONG_CODES_MAX; i++) {
      expect((await lookup(wrong, address)).statusCode, `wrong code ${i}`).toBe(404);
      // People typing the right code from the same address are never held up meanwhile.
      if (i % 10 === 5 || i === WRONG_CODES_MAX - 1) {
        expect((await lookup(code, address)).statusCode, `right code after ${i}`).toBe(200);
        expect((await guestJoin(t, code, `Gast ${i}`, address)).statusCode).toBe(201);
      }
    }
    const blocked = await lookup(wrong, address);
    expect(blocked.statusCode).toBe(429);
    expect(problem.parse(blocked.json()).code).toBe('rate_limited');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(blocked.headers['retry-after'])).toBeLessThanOrEqual(600);
    // Past the limit the address learns nothing, so a right code is refused too until the window ends.
    expect((await lookup(code, address)).statusCode).toBe(429);
    expect((await guestJoin(t, code, 'Laat', address)).statusCode).toBe(429);
  });

  it('counts per address, and wrong codes through /join count with those through /join/lookup', async () => {
    const { code } = await openLab();
    const wrong = wrongCodeFor(code);
    for (let i = 0; i < WRONG_CODES_MAX / 2; i++) {
      expect((await lookup(wrong, '10.3.0.1')).statusCode).toBe(404);
      const viaJoin = await guestJoin(t, wrong, 'Gast', '10.3.0.1');
      expect(viaJoin.statusCode).toBe(404);
      expect(problem.parse(viaJoin.json()).code).toBe('join_code_unknown');
    }
    expect((await lookup(wrong, '10.3.0.1')).statusCode).toBe(429);
    expect((await lookup(wrong, '10.3.0.2')).statusCode).toBe(404);
    expect((await lookup(code, '10.3.0.2')).statusCode).toBe(200);
  });

  it('does not count malformed codes, which cannot name a lab anyway', async () => {
    for (let i = 0; i <= WRONG_CODES_MAX; i++) {
      expect((await lookup('000000', '10.4.0.1')).statusCode).toBe(400);
    }
    const { code } = await openLab();
    expect((await lookup(code, '10.4.0.1')).statusCode).toBe(200);
  });
});

describe('POST /join', () => {
  it('answers 400 naming displayName for a guest without a name, and adds nobody', async () => {
    const { lab: opened, code } = await openLab();
    for (const name of [undefined, '   ']) {
      const response = await guestJoin(t, code, name, '10.5.0.1');
      expect(response.statusCode).toBe(400);
      expect(problem.parse(response.json()).errors?.map((e) => e.field)).toEqual(['displayName']);
    }
    expect(await participantRows(opened.id)).toEqual([]);
  });

  it('adds a guest with a secret shown once and stored only as its hash', async () => {
    const { lab: opened, code } = await openLab();
    const response = await guestJoin(t, code, '  Ingrid  ', '10.5.0.2');
    expect(response.statusCode).toBe(201);
    const joined = joinResult.parse(response.json());
    expect(joined).toMatchObject({
      labId: opened.id,
      orgSlug: orgA.slug,
      participant: { displayName: 'Ingrid', kind: 'guest', role: 'participant', removedAt: null },
    });
    const secret = joined.guestSecret ?? '';
    expect(secret.length).toBeGreaterThanOrEqual(40);
    const [row] = await participantRows(opened.id);
    expect(row?.guestSecretHash).toBe(createHash('sha256').update(secret).digest('hex'));
    expect(JSON.stringify(row)).not.toContain(secret);
    // Joining again is a new identity with a new secret.
    const again = joinResult.parse((await guestJoin(t, code, 'Ingrid', '10.5.0.2')).json());
    expect(again.participant.id).not.toBe(joined.participant.id);
    expect(again.guestSecret).not.toBe(secret);
  });

  it('lets a signed-in person join under their account name, once', async () => {
    const { lab: opened, code } = await openLab();
    const join = () =>
      request(t, memberA, {
        method: 'POST',
        url: '/api/v1/join',
        payload: { code, displayName: 'Anders' },
      });
    const first = await join();
    expect(first.statusCode).toBe(201);
    const joined = joinResult.parse(first.json());
    expect(joined).toMatchObject({
      guestSecret: null,
      participant: { displayName: 'Fatima El Amrani', kind: 'member', role: 'participant' },
    });
    const second = joinResult.parse((await join()).json());
    expect(second.participant.id).toBe(joined.participant.id);
    expect(await participantRows(opened.id)).toHaveLength(1);
    // Someone of another organisation who has the code takes part too.
    const outsider = joinResult.parse(
      (await request(t, adminB, { method: 'POST', url: '/api/v1/join', payload: { code } })).json(),
    );
    expect(outsider.participant).toMatchObject({ kind: 'member', role: 'participant' });
  });

  it('makes a lab facilitator who joins a facilitator participant', async () => {
    const { code } = await openLab();
    const response = await request(t, facilitatorA, {
      method: 'POST',
      url: '/api/v1/join',
      payload: { code },
    });
    expect(joinResult.parse(response.json()).participant.role).toBe('facilitator');
  });

  it('needs the CSRF header when a session cookie comes along', async () => {
    const { lab: opened, code } = await openLab();
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/join',
      payload: { code },
      cookies: { [SESSION_COOKIE]: memberA.cookie },
    });
    expect(response.statusCode).toBe(403);
    expect(problem.parse(response.json()).code).toBe('csrf_failed');
    expect(await participantRows(opened.id)).toEqual([]);
  });

  it('answers 404 join_code_unknown for a closed lab', async () => {
    const { lab: opened, code } = await openLab();
    await moveTo(t, orgA, facilitatorA, opened.id, ['closed']);
    const response = await guestJoin(t, code, 'Te laat', '10.5.0.3');
    expect(response.statusCode).toBe(404);
    expect(problem.parse(response.json()).code).toBe('join_code_unknown');
  });
});

describe('the participant limit', () => {
  let small: TestContext;
  beforeAll(async () => {
    small = await createTestContext({ LAB_MAX_PARTICIPANTS: '2' });
  });
  afterAll(async () => {
    await small.close();
  });

  it('answers 409 lab_full to the third person, and a removal makes room again', async () => {
    const org = await createOrg(small, 'Klein');
    const facilitator = await createActor(small, { org, role: 'facilitator' });
    const member = await createActor(small, { org, role: 'member' });
    const { lab: opened, code } = await openLab(small, org, facilitator);
    const first = joinResult.parse((await guestJoin(small, code, 'Een')).json());
    expect((await guestJoin(small, code, 'Twee')).statusCode).toBe(201);

    const full = await guestJoin(small, code, 'Drie');
    expect(full.statusCode).toBe(409);
    expect(problem.parse(full.json())).toMatchObject({ code: 'lab_full' });
    expect(problem.parse(full.json()).detail).toContain('2');
    const asMember = await request(small, member, {
      method: 'POST',
      url: '/api/v1/join',
      payload: { code },
    });
    expect(asMember.statusCode).toBe(409);
    const looked = await request(small, null, {
      method: 'POST',
      url: '/api/v1/join/lookup',
      payload: { code },
    });
    expect(joinLookup.parse(looked.json()).hasRoom).toBe(false);

    await request(small, facilitator, {
      method: 'POST',
      url: `/api/v1/orgs/${org.slug}/labs/${opened.id}/participants/${first.participant.id}/remove`,
    });
    expect((await guestJoin(small, code, 'Drie')).statusCode).toBe(201);
  });

  it('lets no more in than the limit when many join at once', async () => {
    const org = await createOrg(small, 'Druk');
    const facilitator = await createActor(small, { org, role: 'facilitator' });
    const { lab: opened, code } = await openLab(small, org, facilitator);
    const answers = await Promise.all(
      Array.from({ length: 6 }, (_, i) => guestJoin(small, code, `Gast ${i}`)),
    );
    expect(answers.filter((a) => a.statusCode === 201)).toHaveLength(2);
    expect(answers.filter((a) => a.statusCode === 409)).toHaveLength(4);
    const rows = await small.database.db
      .select()
      .from(labParticipants)
      .where(eq(labParticipants.labId, opened.id));
    expect(rows).toHaveLength(2);
  });
});

describe('GET /labs/:labId', () => {
  const get = (labId: string, headers: Record<string, string> = {}, actor: Actor | null = null) =>
    request(t, actor, { method: 'GET', url: `/api/v1/labs/${labId}`, headers });

  it('answers 401 without credentials or with an unknown or malformed guest secret', async () => {
    const { lab: opened } = await openLab();
    expect((await get(opened.id)).statusCode).toBe(401);
    expect((await get(opened.id, asGuest('x'.repeat(43)))).statusCode).toBe(401);
    expect((await get(opened.id, asGuest('not a secret!'))).statusCode).toBe(401);
    expect((await get(opened.id, { authorization: 'Guest' })).statusCode).toBe(401);
  });

  it('answers 404 to a guest of another lab and to a member who did not join', async () => {
    const one = await openLab();
    const two = await openLab();
    const guest = joinResult.parse((await guestJoin(t, one.code, 'Gast', '10.6.0.1')).json());
    const response = await get(two.lab.id, asGuest(guest.guestSecret));
    expect(response.statusCode).toBe(404);
    expect((await get(one.lab.id, {}, memberA)).statusCode).toBe(404);
    expect((await get(one.lab.id, {}, adminB)).statusCode).toBe(404);
  });

  it('answers 400 naming labId for a malformed id', async () => {
    const { code } = await openLab();
    const guest = joinResult.parse((await guestJoin(t, code, 'Gast', '10.6.0.2')).json());
    const response = await get('nope', asGuest(guest.guestSecret));
    expect(response.statusCode).toBe(400);
    expect(problem.parse(response.json()).errors?.map((e) => e.field)).toEqual(['labId']);
  });

  it('shows the lab to its guest and to a member who joined, without the join code', async () => {
    const { lab: opened, code } = await openLab();
    const guest = joinResult.parse((await guestJoin(t, code, 'Gast', '10.6.0.3')).json());
    const asGuestResponse = await get(opened.id, asGuest(guest.guestSecret));
    expect(asGuestResponse.statusCode).toBe(200);
    const seen = lab.parse(asGuestResponse.json());
    expect(seen).toMatchObject({ id: opened.id, joinCode: null, participantCount: 1 });
    expect(seen.can).toEqual({ edit: false, facilitate: false, join: true });
    expect(seen.activities).toEqual(opened.activities);

    await request(t, memberA, { method: 'POST', url: '/api/v1/join', payload: { code } });
    const asMember = lab.parse((await get(opened.id, {}, memberA)).json());
    expect(asMember.joinCode).toBeNull();
  });

  it('shows the join code to a facilitator, who need not have joined', async () => {
    const { lab: opened, code } = await openLab();
    const seen = lab.parse((await get(opened.id, {}, facilitatorA)).json());
    expect(seen).toMatchObject({ joinCode: code, can: { facilitate: true } });
  });
});

describe('POST /labs/:labId/collab-token', () => {
  const post = (labId: string, headers: Record<string, string> = {}, actor: Actor | null = null) =>
    request(t, actor, { method: 'POST', url: `/api/v1/labs/${labId}/collab-token`, headers });

  it('answers 401 without credentials, 404 to a guest of another lab, 400 for a bad id', async () => {
    const one = await openLab();
    const two = await openLab();
    const guest = joinResult.parse((await guestJoin(t, one.code, 'Gast', '10.7.0.1')).json());
    expect((await post(one.lab.id)).statusCode).toBe(401);
    expect((await post(two.lab.id, asGuest(guest.guestSecret))).statusCode).toBe(404);
    expect((await post('nope', asGuest(guest.guestSecret))).statusCode).toBe(400);
    expect(await t.database.db.select().from(collabTokens)).toEqual([]);
  });

  it('gives a guest a short-lived token, stored only as its hash, without needing a CSRF header', async () => {
    const { lab: opened, code } = await openLab();
    const guest = joinResult.parse((await guestJoin(t, code, 'Gast', '10.7.0.2')).json());
    const before = Date.now();
    const response = await post(opened.id, asGuest(guest.guestSecret));
    expect(response.statusCode).toBe(200);
    const token = collabToken.parse(response.json());
    expect(token).toMatchObject({
      participantId: guest.participant.id,
      displayName: 'Gast',
      role: 'participant',
      readOnly: false,
    });
    const ttl = Date.parse(token.expiresAt) - before;
    expect(ttl).toBeGreaterThan(collabDefaults.tokenTtlSeconds * 1000 - 5000);
    expect(ttl).toBeLessThanOrEqual(collabDefaults.tokenTtlSeconds * 1000 + 1000);
    const [row] = await t.database.db
      .select()
      .from(collabTokens)
      .where(eq(collabTokens.participantId, guest.participant.id));
    expect(row).toMatchObject({
      id: createHash('sha256').update(token.token).digest('hex'),
      labId: opened.id,
    });
  });

  it('gives read-only tokens once the lab is closed, and none to participants of a draft', async () => {
    const { lab: opened, code } = await openLab();
    const guest = joinResult.parse((await guestJoin(t, code, 'Gast', '10.7.0.3')).json());
    await moveTo(t, orgA, facilitatorA, opened.id, ['draft']);
    const inDraft = await post(opened.id, asGuest(guest.guestSecret));
    expect(inDraft.statusCode).toBe(409);
    await moveTo(t, orgA, facilitatorA, opened.id, ['open', 'closed']);
    const closed = collabToken.parse((await post(opened.id, asGuest(guest.guestSecret))).json());
    expect(closed.readOnly).toBe(true);
  });

  it('creates a facilitator participant on the first call and reuses it after', async () => {
    const created = await createLab(t, orgA, facilitatorA);
    // A facilitator may connect to a draft to prepare it.
    const first = collabToken.parse((await post(created.id, {}, facilitatorA)).json());
    expect(first).toMatchObject({ role: 'facilitator', readOnly: false });
    const second = collabToken.parse((await post(created.id, {}, facilitatorA)).json());
    expect(second.participantId).toBe(first.participantId);
    expect(second.token).not.toBe(first.token);
    const rows = await participantRows(created.id);
    expect(rows).toMatchObject([
      {
        id: first.participantId,
        kind: 'member',
        role: 'facilitator',
        displayName: 'Jeroen Bakker',
      },
    ]);
  });

  it('gives a member who joined a participant token, and none to a member who did not', async () => {
    const { lab: opened, code } = await openLab();
    expect((await post(opened.id, {}, memberA)).statusCode).toBe(404);
    await request(t, memberA, { method: 'POST', url: '/api/v1/join', payload: { code } });
    const token = collabToken.parse((await post(opened.id, {}, memberA)).json());
    expect(token.role).toBe('participant');
  });
});
