import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import fc from 'fast-check';
import QRCode from 'qrcode';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { defaultBuiltinTemplate } from '../../../common/canvas-templates.ts';
import { activityDocumentName, controlDocumentName } from '../../../common/collab.ts';
import {
  activity,
  canMoveLab,
  JOIN_CODE_ALPHABET,
  JOIN_CODE_LENGTH,
  joinResult,
  lab,
  labList,
  labStatuses,
  participant,
  participantList,
  type Lab,
  type LabStatus,
} from '../../../common/labs.ts';
import { problem } from '../../../common/problem.ts';
import {
  activities,
  collabTokens,
  labFacilitators,
  labParticipants,
  labs,
} from '../../db/schema.ts';
import type { CollabControl } from '../../http/context.ts';
import {
  createActor,
  createOrg,
  createTestContext,
  request,
  type Actor,
  type TestContext,
} from '../../testing/harness.ts';
import { resolveSession } from '../auth/sessions.service.ts';
import { moveLab } from './labs.service.ts';

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
let orgB: Org;
let adminA: Actor;
let facilitatorA: Actor;
let otherFacilitatorA: Actor;
let memberA: Actor;
let adminB: Actor;

/** What the fake realtime side was asked to do. */
let collabCalls: string[];
const fakeCollab: CollabControl = {
  disconnectParticipant(labId, participantId) {
    collabCalls.push(`disconnect ${labId} ${participantId}`);
  },
  reconnectLab(labId) {
    collabCalls.push(`reconnect ${labId}`);
  },
};

beforeEach(async () => {
  collabCalls = [];
  t.ctx.collab = fakeCollab;
  orgA = await createOrg(t, 'IJmond');
  orgB = await createOrg(t, 'Zuid-Kennemerland');
  adminA = await createActor(t, { org: orgA, role: 'admin', name: 'Anna Admin' });
  facilitatorA = await createActor(t, { org: orgA, role: 'facilitator', name: 'Jeroen Bakker' });
  otherFacilitatorA = await createActor(t, { org: orgA, role: 'facilitator', name: 'Els Visser' });
  memberA = await createActor(t, { org: orgA, role: 'member', name: 'Kees Molenaar' });
  adminB = await createActor(t, { org: orgB, role: 'admin' });
});
afterEach(() => {
  delete t.ctx.collab;
});

const base = (org: Org) => `/api/v1/orgs/${org.slug}/labs`;

async function addPlace(org: Org, actor: Actor, name: string, municipality = name) {
  const response = await request(t, actor, {
    method: 'POST',
    url: `/api/v1/orgs/${org.slug}/places`,
    payload: { name, municipality },
  });
  expect(response.statusCode).toBe(201);
  return response.json<{ id: string; name: string }>();
}

async function createLab(org: Org, actor: Actor, body: object = {}): Promise<Lab> {
  const response = await request(t, actor, {
    method: 'POST',
    url: base(org),
    payload: { title: 'Binnenstadslab IJmuiden', kind: 'local', ...body },
  });
  expect(response.statusCode, response.body).toBe(201);
  return lab.parse(response.json());
}

async function move(org: Org, actor: Actor | null, labId: string, status: LabStatus) {
  return request(t, actor, {
    method: 'POST',
    url: `${base(org)}/${labId}/status`,
    payload: { status },
  });
}

async function moveTo(org: Org, actor: Actor, labId: string, statuses: LabStatus[]): Promise<Lab> {
  let last: Lab | null = null;
  for (const status of statuses) {
    const response = await move(org, actor, labId, status);
    expect(response.statusCode, response.body).toBe(200);
    last = lab.parse(response.json());
  }
  if (!last) throw new Error('no status given');
  return last;
}

async function labRow(labId: string) {
  const [row] = await t.database.db.select().from(labs).where(eq(labs.id, labId));
  return row;
}

async function labRowsOf(org: Org) {
  return t.database.db.select().from(labs).where(eq(labs.orgId, org.id));
}

async function joinAsGuest(code: string, displayName = 'Gast') {
  const response = await request(t, null, {
    method: 'POST',
    url: '/api/v1/join',
    payload: { code, displayName },
  });
  expect(response.statusCode, response.body).toBe(201);
  return joinResult.parse(response.json());
}

function fieldsOf(body: unknown): string[] {
  return (problem.parse(body).errors ?? []).map((error) => error.field);
}

describe('GET /orgs/:orgSlug/labs', () => {
  it('answers 401 when signed out and 404 for another organisation', async () => {
    expect((await request(t, null, { method: 'GET', url: base(orgA) })).statusCode).toBe(401);
    expect((await request(t, adminB, { method: 'GET', url: base(orgA) })).statusCode).toBe(404);
  });

  it('shows members the labs that are not drafts, facilitators and admins all of them', async () => {
    const draft = await createLab(orgA, facilitatorA, { title: 'In voorbereiding' });
    const open = await createLab(orgA, facilitatorA, { title: 'Open lab' });
    await moveTo(orgA, facilitatorA, open.id, ['open']);
    await createLab(orgB, adminB, { title: 'Van een ander' });

    const asMember = await request(t, memberA, { method: 'GET', url: base(orgA) });
    expect(asMember.statusCode).toBe(200);
    expect(labList.parse(asMember.json()).labs.map((l) => l.id)).toEqual([open.id]);

    for (const actor of [otherFacilitatorA, adminA]) {
      const all = labList.parse(
        (await request(t, actor, { method: 'GET', url: base(orgA) })).json(),
      );
      expect(all.labs.map((l) => l.id).sort()).toEqual([draft.id, open.id].sort());
    }
    const [summary] = labList.parse(
      (await request(t, memberA, { method: 'GET', url: base(orgA) })).json(),
    ).labs;
    expect(Object.keys(summary ?? {}).sort()).toEqual(
      ['id', 'kind', 'participantCount', 'places', 'startsAt', 'status', 'title', 'venue'].sort(),
    );
  });
});

describe('POST /orgs/:orgSlug/labs', () => {
  const post = (actor: Actor | null, org: Org, payload: object) =>
    request(t, actor, { method: 'POST', url: base(org), payload });

  it('answers 401 signed out, 404 for another organisation, 403 for a member; creates nothing', async () => {
    const body = { title: 'Lab', kind: 'local' };
    expect((await post(null, orgA, body)).statusCode).toBe(401);
    expect((await post(adminB, orgA, body)).statusCode).toBe(404);
    const asMember = await post(memberA, orgA, body);
    expect(asMember.statusCode).toBe(403);
    expect(await labRowsOf(orgA)).toEqual([]);
  });

  it('answers 400 naming the field and creates nothing', async () => {
    const theirs = await addPlace(orgB, adminB, 'Haarlem');
    const theirRegion = await request(t, adminB, {
      method: 'POST',
      url: `/api/v1/orgs/${orgB.slug}/regions`,
      payload: { name: 'Kennemerland', placeIds: [theirs.id] },
    });
    const cases: [string, object][] = [
      ['title', { title: ' ', kind: 'local' }],
      ['kind', { title: 'Lab', kind: 'global' }],
      ['placeIds', { title: 'Lab', kind: 'local', placeIds: [theirs.id] }],
      [
        'regionId',
        { title: 'Lab', kind: 'regional', regionId: theirRegion.json<{ id: string }>().id },
      ],
      ['facilitatorIds', { title: 'Lab', kind: 'local', facilitatorIds: [memberA.userId] }],
      ['facilitatorIds', { title: 'Lab', kind: 'local', facilitatorIds: [adminB.userId] }],
      ['templateId', { title: 'Lab', kind: 'local', templateId: theirs.id }],
    ];
    for (const [field, body] of cases) {
      const response = await post(facilitatorA, orgA, body);
      expect(response.statusCode, field).toBe(400);
      expect(fieldsOf(response.json()), field).toContain(field);
    }
    expect(await labRowsOf(orgA)).toEqual([]);
  });

  it('creates a draft local lab with one canvas from the default template, facilitated by its creator', async () => {
    const ijmuiden = await addPlace(orgA, facilitatorA, 'IJmuiden', 'Velsen');
    const created = await createLab(orgA, facilitatorA, {
      title: 'Binnenstadslab IJmuiden',
      question: 'Hoe wordt het centrum weer levendig?',
      placeIds: [ijmuiden.id],
      startsAt: '2026-02-06T19:00:00+01:00',
      venue: 'Stadhuis Velsen',
      facilitatorIds: [otherFacilitatorA.userId],
    });
    expect(created).toMatchObject({
      orgSlug: orgA.slug,
      title: 'Binnenstadslab IJmuiden',
      kind: 'local',
      status: 'draft',
      places: [{ id: ijmuiden.id, name: 'IJmuiden', municipality: 'Velsen' }],
      venue: 'Stadhuis Velsen',
      joinCode: null,
      participantCount: 0,
      anonymous: false,
      controlDocumentName: controlDocumentName(created.id),
      can: { edit: true, facilitate: true, join: false },
    });
    expect(created.startsAt).toBe('2026-02-06T18:00:00.000Z');
    expect(created.facilitators.map((f) => f.name).sort()).toEqual(['Els Visser', 'Jeroen Bakker']);
    expect(created.activities).toHaveLength(1);
    const [canvas] = created.activities;
    expect(canvas).toMatchObject({
      title: 'Canvas IJmuiden',
      kind: 'canvas',
      position: 0,
      documentName: activityDocumentName(created.id, canvas?.id ?? ''),
      config: { kind: 'canvas', placeId: ijmuiden.id, sections: defaultBuiltinTemplate.sections },
    });
  });

  it('gives a regional lab one canvas per place plus a regional one', async () => {
    const names = ['Heemskerk', 'IJmuiden', 'Beverwijk'];
    const placeIds: string[] = [];
    for (const name of names) placeIds.push((await addPlace(orgA, facilitatorA, name)).id);
    const region = await request(t, facilitatorA, {
      method: 'POST',
      url: `/api/v1/orgs/${orgA.slug}/regions`,
      payload: { name: 'IJmond', placeIds },
    });
    const regionId = region.json<{ id: string }>().id;

    const explicit = await createLab(orgA, facilitatorA, { kind: 'regional', placeIds, regionId });
    expect(explicit.places.map((p) => p.name)).toEqual(names);
    expect(
      explicit.activities.map((a) => [a.title, a.config.kind === 'canvas' && a.config.placeId]),
    ).toEqual([
      ['Canvas Heemskerk', placeIds[0]],
      ['Canvas IJmuiden', placeIds[1]],
      ['Canvas Beverwijk', placeIds[2]],
      ['Canvas regio IJmond', null],
    ]);
    expect(explicit.activities.map((a) => a.position)).toEqual([0, 1, 2, 3]);

    // Named only by its region, a regional lab takes the region's places (by name).
    const byRegion = await createLab(orgA, facilitatorA, { kind: 'regional', regionId });
    expect(byRegion.places.map((p) => p.name)).toEqual(['Beverwijk', 'Heemskerk', 'IJmuiden']);
    expect(byRegion.activities).toHaveLength(4);
  });

  it('uses the chosen template, and a thematic lab without places gets one canvas named after it', async () => {
    const templates = await request(t, memberA, {
      method: 'GET',
      url: `/api/v1/orgs/${orgA.slug}/canvas-templates`,
    });
    const blank = templates
      .json<{ templates: { id: string; builtinKey: string | null }[] }>()
      .templates.find((template) => template.builtinKey === 'leeg');
    const created = await createLab(orgA, facilitatorA, {
      kind: 'thematic',
      templateId: blank?.id,
    });
    expect(created.activities).toMatchObject([
      {
        title: 'Leeg canvas',
        config: { kind: 'canvas', placeId: null, sections: [{ key: 'ideeen' }] },
      },
    ]);
  });
});

describe('GET /orgs/:orgSlug/labs/:labId', () => {
  const get = (actor: Actor | null, org: Org, labId: string) =>
    request(t, actor, { method: 'GET', url: `${base(org)}/${labId}` });

  it('answers 401 signed out and 404 for another organisation or its labs', async () => {
    const mine = await createLab(orgA, facilitatorA);
    const theirs = await createLab(orgB, adminB);
    expect((await get(null, orgA, mine.id)).statusCode).toBe(401);
    expect((await get(adminB, orgA, mine.id)).statusCode).toBe(404);
    expect((await get(adminA, orgA, theirs.id)).statusCode).toBe(404);
  });

  it('answers 400 naming labId for a malformed id', async () => {
    const response = await get(memberA, orgA, 'not-a-uuid');
    expect(response.statusCode).toBe(400);
    expect(fieldsOf(response.json())).toEqual(['labId']);
  });

  it('hides a draft from members but shows it to facilitators and admins', async () => {
    const draft = await createLab(orgA, facilitatorA);
    expect((await get(memberA, orgA, draft.id)).statusCode).toBe(404);
    const asOtherFacilitator = lab.parse((await get(otherFacilitatorA, orgA, draft.id)).json());
    expect(asOtherFacilitator.can).toEqual({ edit: false, facilitate: false, join: false });
    const asAdmin = lab.parse((await get(adminA, orgA, draft.id)).json());
    expect(asAdmin.can).toEqual({ edit: true, facilitate: true, join: false });
  });

  it('shows the join code only to those who may facilitate the lab', async () => {
    const opened = await createLab(orgA, facilitatorA);
    const { joinCode } = await moveTo(orgA, facilitatorA, opened.id, ['open']);
    expect(joinCode).toMatch(/^[A-Z0-9]{6}$/);
    const asMember = lab.parse((await get(memberA, orgA, opened.id)).json());
    expect(asMember).toMatchObject({ status: 'open', joinCode: null });
    expect(asMember.can).toEqual({ edit: false, facilitate: false, join: true });
    expect(lab.parse((await get(otherFacilitatorA, orgA, opened.id)).json()).joinCode).toBeNull();
    expect(lab.parse((await get(adminA, orgA, opened.id)).json()).joinCode).toBe(joinCode);
    expect(lab.parse((await get(facilitatorA, orgA, opened.id)).json()).joinCode).toBe(joinCode);
  });

  it('counts participants who were not removed', async () => {
    const opened = await createLab(orgA, facilitatorA);
    const { joinCode } = await moveTo(orgA, facilitatorA, opened.id, ['open']);
    await joinAsGuest(joinCode ?? '', 'Een');
    const two = await joinAsGuest(joinCode ?? '', 'Twee');
    await request(t, facilitatorA, {
      method: 'POST',
      url: `${base(orgA)}/${opened.id}/participants/${two.participant.id}/remove`,
    });
    expect(lab.parse((await get(memberA, orgA, opened.id)).json()).participantCount).toBe(1);
  });
});

describe('PATCH /orgs/:orgSlug/labs/:labId', () => {
  const patch = (actor: Actor | null, org: Org, labId: string, payload: object) =>
    request(t, actor, { method: 'PATCH', url: `${base(org)}/${labId}`, payload });

  it('answers 401, 404 for another organisation, 403 to those who may not facilitate; changes nothing', async () => {
    const mine = await createLab(orgA, facilitatorA, { title: 'Oud' });
    await moveTo(orgA, facilitatorA, mine.id, ['open']);
    expect((await patch(null, orgA, mine.id, { title: 'Nieuw' })).statusCode).toBe(401);
    expect((await patch(adminB, orgA, mine.id, { title: 'Nieuw' })).statusCode).toBe(404);
    expect((await patch(memberA, orgA, mine.id, { title: 'Nieuw' })).statusCode).toBe(403);
    expect((await patch(otherFacilitatorA, orgA, mine.id, { title: 'Nieuw' })).statusCode).toBe(
      403,
    );
    expect((await labRow(mine.id))?.title).toBe('Oud');
  });

  it('answers 400 naming the field and changes nothing', async () => {
    const mine = await createLab(orgA, facilitatorA, { title: 'Oud' });
    const theirs = await addPlace(orgB, adminB, 'Haarlem');
    const cases: [string, object][] = [
      ['title', { title: '' }],
      ['placeIds', { title: 'Nieuw', placeIds: [theirs.id] }],
      ['facilitatorIds', { title: 'Nieuw', facilitatorIds: [memberA.userId] }],
      ['anonymous', { anonymous: 'ja' }],
    ];
    for (const [field, body] of cases) {
      const response = await patch(facilitatorA, orgA, mine.id, body);
      expect(response.statusCode, field).toBe(400);
      expect(fieldsOf(response.json())).toContain(field);
    }
    expect((await labRow(mine.id))?.title).toBe('Oud');
  });

  it('changes the given fields; facilitatorIds replaces the others but keeps the creator', async () => {
    const mine = await createLab(orgA, facilitatorA, {
      facilitatorIds: [otherFacilitatorA.userId],
    });
    const place = await addPlace(orgA, facilitatorA, 'Beverwijk');
    const response = await patch(adminA, orgA, mine.id, {
      title: 'Binnenstadslab Beverwijk',
      anonymous: true,
      placeIds: [place.id],
      facilitatorIds: [adminA.userId],
    });
    expect(response.statusCode).toBe(200);
    const changed = lab.parse(response.json());
    expect(changed).toMatchObject({
      title: 'Binnenstadslab Beverwijk',
      anonymous: true,
      places: [{ id: place.id }],
      activities: mine.activities,
    });
    expect(changed.facilitators.map((f) => f.name).sort()).toEqual(['Anna Admin', 'Jeroen Bakker']);
  });

  it('answers 409 lab_closed once the lab is closed', async () => {
    const mine = await createLab(orgA, facilitatorA, { title: 'Oud' });
    await moveTo(orgA, facilitatorA, mine.id, ['open', 'closed']);
    const response = await patch(facilitatorA, orgA, mine.id, { title: 'Nieuw' });
    expect(response.statusCode).toBe(409);
    expect(problem.parse(response.json()).code).toBe('lab_closed');
    expect((await labRow(mine.id))?.title).toBe('Oud');
  });
});

describe('DELETE /orgs/:orgSlug/labs/:labId', () => {
  const remove = (actor: Actor | null, org: Org, labId: string) =>
    request(t, actor, { method: 'DELETE', url: `${base(org)}/${labId}` });

  it('answers 401, 404 for another organisation, 403 to a member, 400 for a bad id', async () => {
    const mine = await createLab(orgA, facilitatorA);
    expect((await remove(null, orgA, mine.id)).statusCode).toBe(401);
    expect((await remove(adminB, orgA, mine.id)).statusCode).toBe(404);
    // A member cannot see a draft at all, so they learn nothing about it either.
    expect((await remove(memberA, orgA, mine.id)).statusCode).toBe(404);
    expect((await remove(otherFacilitatorA, orgA, mine.id)).statusCode).toBe(403);
    const badId = await remove(facilitatorA, orgA, 'x');
    expect(badId.statusCode).toBe(400);
    expect(fieldsOf(badId.json())).toEqual(['labId']);
    expect(await labRow(mine.id)).toBeDefined();
  });

  it('deletes a draft and refuses a lab that has been opened', async () => {
    const draft = await createLab(orgA, facilitatorA);
    expect((await remove(facilitatorA, orgA, draft.id)).statusCode).toBe(204);
    expect(await labRow(draft.id)).toBeUndefined();
    const opened = await createLab(orgA, facilitatorA);
    await moveTo(orgA, facilitatorA, opened.id, ['open']);
    expect((await remove(facilitatorA, orgA, opened.id)).statusCode).toBe(409);
    expect(await labRow(opened.id)).toBeDefined();
  });
});

describe('POST /orgs/:orgSlug/labs/:labId/status', () => {
  it('answers 401, 404 for another organisation, 403 to a member, 400 for an unknown status', async () => {
    const mine = await createLab(orgA, facilitatorA);
    await moveTo(orgA, facilitatorA, mine.id, ['open']);
    expect((await move(orgA, null, mine.id, 'live')).statusCode).toBe(401);
    expect((await move(orgA, adminB, mine.id, 'live')).statusCode).toBe(404);
    expect((await move(orgA, memberA, mine.id, 'live')).statusCode).toBe(403);
    const bad = await move(orgA, facilitatorA, mine.id, 'published' as LabStatus);
    expect(bad.statusCode).toBe(400);
    expect(fieldsOf(bad.json())).toEqual(['status']);
    expect((await labRow(mine.id))?.status).toBe('open');
  });

  it('opens with a fresh code, keeps it live, and takes it away on closing', async () => {
    const mine = await createLab(orgA, facilitatorA);
    const opened = await moveTo(orgA, facilitatorA, mine.id, ['open']);
    expect(opened.status).toBe('open');
    expect(opened.joinCode).toHaveLength(JOIN_CODE_LENGTH);
    expect([...(opened.joinCode ?? '')].every((c) => JOIN_CODE_ALPHABET.includes(c))).toBe(true);
    expect((await labRow(mine.id))?.openedAt).toBeInstanceOf(Date);
    const live = await moveTo(orgA, facilitatorA, mine.id, ['live']);
    expect(live.joinCode).toBe(opened.joinCode);
    expect(collabCalls).toEqual([]);
    const closed = await moveTo(orgA, facilitatorA, mine.id, ['closed']);
    expect(closed).toMatchObject({ status: 'closed', joinCode: null });
    expect(closed.can).toEqual({ edit: false, facilitate: true, join: false });
    expect((await labRow(mine.id))?.closedAt).toBeInstanceOf(Date);
    expect(collabCalls).toEqual([`reconnect ${mine.id}`]);
  });

  it('refuses a move the lifecycle does not allow, naming both statuses', async () => {
    const mine = await createLab(orgA, facilitatorA);
    await moveTo(orgA, facilitatorA, mine.id, ['open', 'live']);
    const response = await move(orgA, facilitatorA, mine.id, 'open');
    expect(response.statusCode).toBe(409);
    expect(problem.parse(response.json())).toMatchObject({ code: 'conflict' });
    expect(problem.parse(response.json()).detail).toMatch(/live.*open/);
  });

  it('draws again when a fresh code is taken by another lab', async () => {
    const first = await createLab(orgA, facilitatorA);
    const { joinCode: taken } = await moveTo(orgA, facilitatorA, first.id, ['open']);
    const second = await createLab(orgA, facilitatorA);
    const draws = [taken ?? '', 'KKKKKK'];
    const auth = await resolveSession(t.database.db, t.config, facilitatorA.cookie);
    if (!auth) throw new Error('no session');
    const opened = await moveLab(
      t.ctx,
      { auth, orgId: orgA.id, orgSlug: orgA.slug, role: 'facilitator' },
      second.id,
      'open',
      { newJoinCode: () => draws.shift() ?? 'MMMMMM' },
    );
    expect(opened.joinCode).toBe('KKKKKK');
    expect(draws).toEqual([]);
  });

  it('property: the stored status only follows the lifecycle, and a code exists exactly while open or live', async () => {
    const mine = await createLab(orgA, facilitatorA);
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom(...labStatuses), { maxLength: 8 }),
        async (moves) => {
          // Each run starts from a fresh draft; a lab that was opened cannot be deleted, so reset by SQL.
          await t.database.db
            .update(labs)
            .set({ status: 'draft', joinCode: null })
            .where(eq(labs.id, mine.id));
          let current: LabStatus = 'draft';
          for (const to of moves) {
            const response = await move(orgA, facilitatorA, mine.id, to);
            const allowed = canMoveLab(current, to);
            expect(response.statusCode).toBe(allowed ? 200 : 409);
            if (allowed) current = to;
            const row = await labRow(mine.id);
            expect(row?.status).toBe(current);
            const hasCode = row?.joinCode !== null;
            expect(hasCode).toBe(current === 'open' || current === 'live');
          }
        },
      ),
      { numRuns: 25 },
    );
  });
});

describe('activities', () => {
  let mine: Lab;
  beforeEach(async () => {
    mine = await createLab(orgA, facilitatorA);
  });
  const url = (org: Org, labId: string, rest = '') => `${base(org)}/${labId}/activities${rest}`;
  const poll = {
    title: 'Hoe tevreden bent u?',
    kind: 'poll',
    config: {
      kind: 'poll',
      question: 'Hoe tevreden bent u over het centrum?',
      type: 'scale',
      scale: { min: 1, max: 5 },
    },
  };
  async function activityRows() {
    return t.database.db.select().from(activities).where(eq(activities.labId, mine.id));
  }

  it('POST answers 401, 404, 403 and 400 naming config.kind, adding nothing', async () => {
    expect(
      (await request(t, null, { method: 'POST', url: url(orgA, mine.id), payload: poll }))
        .statusCode,
    ).toBe(401);
    expect(
      (await request(t, adminB, { method: 'POST', url: url(orgA, mine.id), payload: poll }))
        .statusCode,
    ).toBe(404);
    expect(
      (
        await request(t, otherFacilitatorA, {
          method: 'POST',
          url: url(orgA, mine.id),
          payload: poll,
        })
      ).statusCode,
    ).toBe(403);
    const mismatch = await request(t, facilitatorA, {
      method: 'POST',
      url: url(orgA, mine.id),
      payload: { ...poll, kind: 'canvas' },
    });
    expect(mismatch.statusCode).toBe(400);
    expect(fieldsOf(mismatch.json())).toEqual(['config.kind']);
    const noTitle = await request(t, facilitatorA, {
      method: 'POST',
      url: url(orgA, mine.id),
      payload: { ...poll, title: '' },
    });
    expect(fieldsOf(noTitle.json())).toEqual(['title']);
    expect(await activityRows()).toHaveLength(1);
  });

  it('POST refuses a positioning or vision step over places the lab does not have', async () => {
    const stranger = randomUUID();
    for (const config of [
      { kind: 'positioning', placeIds: [stranger, randomUUID()] },
      { kind: 'vision', placeIds: [stranger] },
    ]) {
      const response = await request(t, facilitatorA, {
        method: 'POST',
        url: url(orgA, mine.id),
        payload: { kind: config.kind, title: 'Buiten het lab', config },
      });
      expect(response.statusCode, config.kind).toBe(400);
      expect(fieldsOf(response.json())).toEqual(['config.placeIds']);
    }
    expect(await activityRows()).toHaveLength(1);
  });

  it('POST appends an activity at the end of the agenda', async () => {
    const response = await request(t, facilitatorA, {
      method: 'POST',
      url: url(orgA, mine.id),
      payload: poll,
    });
    expect(response.statusCode).toBe(201);
    const added = activity.parse(response.json());
    expect(added).toMatchObject({
      labId: mine.id,
      position: 1,
      kind: 'poll',
      title: 'Hoe tevreden bent u?',
    });
    expect(added.documentName).toBe(activityDocumentName(mine.id, added.id));
  });

  it('PATCH changes title and settings, refuses another kind, and 404s for an activity of another lab', async () => {
    const [canvas] = mine.activities;
    const other = await createLab(orgA, facilitatorA);
    const activityUrl = url(orgA, mine.id, `/${canvas?.id}`);
    expect(
      (await request(t, null, { method: 'PATCH', url: activityUrl, payload: { title: 'X' } }))
        .statusCode,
    ).toBe(401);
    expect(
      (await request(t, adminB, { method: 'PATCH', url: activityUrl, payload: { title: 'X' } }))
        .statusCode,
    ).toBe(404);
    const foreign = await request(t, facilitatorA, {
      method: 'PATCH',
      url: url(orgA, other.id, `/${canvas?.id}`),
      payload: { title: 'X' },
    });
    expect(foreign.statusCode).toBe(404);
    const wrongKind = await request(t, facilitatorA, {
      method: 'PATCH',
      url: activityUrl,
      payload: { config: poll.config },
    });
    expect(wrongKind.statusCode).toBe(400);
    expect(fieldsOf(wrongKind.json())).toEqual(['config.kind']);
    expect((await activityRows())[0]?.title).toBe(canvas?.title);

    const renamed = await request(t, facilitatorA, {
      method: 'PATCH',
      url: activityUrl,
      payload: {
        title: 'Canvas centrum',
        config: {
          kind: 'canvas',
          sections: [{ key: 'ideeen', title: 'Ideeën', colour: '#FBE7A1' }],
        },
      },
    });
    expect(renamed.statusCode).toBe(200);
    expect(activity.parse(renamed.json())).toMatchObject({
      title: 'Canvas centrum',
      config: { kind: 'canvas', placeId: null, sections: [{ key: 'ideeen', prompt: '' }] },
    });
  });

  it('DELETE removes an activity once', async () => {
    const [canvas] = mine.activities;
    const activityUrl = url(orgA, mine.id, `/${canvas?.id}`);
    expect((await request(t, null, { method: 'DELETE', url: activityUrl })).statusCode).toBe(401);
    expect((await request(t, adminB, { method: 'DELETE', url: activityUrl })).statusCode).toBe(404);
    expect(
      (await request(t, otherFacilitatorA, { method: 'DELETE', url: activityUrl })).statusCode,
    ).toBe(403);
    expect(
      (await request(t, facilitatorA, { method: 'DELETE', url: url(orgA, mine.id, '/x') }))
        .statusCode,
    ).toBe(400);
    expect(
      (await request(t, facilitatorA, { method: 'DELETE', url: activityUrl })).statusCode,
    ).toBe(204);
    expect(
      (await request(t, facilitatorA, { method: 'DELETE', url: activityUrl })).statusCode,
    ).toBe(404);
    expect(await activityRows()).toEqual([]);
  });

  it('PUT order needs every activity exactly once and then reorders the agenda', async () => {
    const added = activity.parse(
      (
        await request(t, facilitatorA, { method: 'POST', url: url(orgA, mine.id), payload: poll })
      ).json(),
    );
    const [canvas] = mine.activities;
    const orderUrl = url(orgA, mine.id, '/order');
    const ids = [added.id, canvas?.id ?? ''];
    expect(
      (await request(t, null, { method: 'PUT', url: orderUrl, payload: { activityIds: ids } }))
        .statusCode,
    ).toBe(401);
    expect(
      (await request(t, adminB, { method: 'PUT', url: orderUrl, payload: { activityIds: ids } }))
        .statusCode,
    ).toBe(404);
    for (const activityIds of [[added.id], [added.id, added.id], [added.id, canvas?.id, mine.id]]) {
      const bad = await request(t, facilitatorA, {
        method: 'PUT',
        url: orderUrl,
        payload: { activityIds },
      });
      expect(bad.statusCode).toBe(400);
      expect(fieldsOf(bad.json())).toEqual(['activityIds']);
    }
    const before = await activityRows();
    expect(before.find((row) => row.id === added.id)?.position).toBe(1);
    const response = await request(t, facilitatorA, {
      method: 'PUT',
      url: orderUrl,
      payload: { activityIds: ids },
    });
    expect(response.statusCode).toBe(200);
    expect(lab.parse(response.json()).activities.map((a) => a.id)).toEqual(ids);
  });

  it('answers 409 lab_closed for every agenda change of a closed lab', async () => {
    const [canvas] = mine.activities;
    await moveTo(orgA, facilitatorA, mine.id, ['open', 'closed']);
    const attempts = [
      { method: 'POST' as const, url: url(orgA, mine.id), payload: poll },
      {
        method: 'PATCH' as const,
        url: url(orgA, mine.id, `/${canvas?.id}`),
        payload: { title: 'X' },
      },
      { method: 'DELETE' as const, url: url(orgA, mine.id, `/${canvas?.id}`) },
      {
        method: 'PUT' as const,
        url: url(orgA, mine.id, '/order'),
        payload: { activityIds: [canvas?.id] },
      },
    ];
    for (const attempt of attempts) {
      const response = await request(t, facilitatorA, attempt);
      expect(response.statusCode, attempt.method).toBe(409);
      expect(problem.parse(response.json()).code).toBe('lab_closed');
    }
    expect(await activityRows()).toHaveLength(1);
  });
});

describe('participants', () => {
  let mine: Lab;
  let code: string;
  beforeEach(async () => {
    mine = await createLab(orgA, facilitatorA);
    code = (await moveTo(orgA, facilitatorA, mine.id, ['open'])).joinCode ?? '';
  });
  const listUrl = (org: Org, labId: string) => `${base(org)}/${labId}/participants`;
  const removeUrl = (org: Org, labId: string, id: string) => `${listUrl(org, labId)}/${id}/remove`;

  it('GET answers 401, 404 for another organisation, 403 to a member', async () => {
    expect(
      (await request(t, null, { method: 'GET', url: listUrl(orgA, mine.id) })).statusCode,
    ).toBe(401);
    expect(
      (await request(t, adminB, { method: 'GET', url: listUrl(orgA, mine.id) })).statusCode,
    ).toBe(404);
    expect(
      (await request(t, memberA, { method: 'GET', url: listUrl(orgA, mine.id) })).statusCode,
    ).toBe(403);
    expect(
      (await request(t, facilitatorA, { method: 'GET', url: listUrl(orgA, 'x') })).statusCode,
    ).toBe(400);
  });

  it('removing answers 401, 404, 403 and 400, and removes nobody', async () => {
    const guest = await joinAsGuest(code);
    const url = removeUrl(orgA, mine.id, guest.participant.id);
    expect((await request(t, null, { method: 'POST', url })).statusCode).toBe(401);
    expect((await request(t, adminB, { method: 'POST', url })).statusCode).toBe(404);
    expect((await request(t, memberA, { method: 'POST', url })).statusCode).toBe(403);
    const badId = await request(t, facilitatorA, {
      method: 'POST',
      url: removeUrl(orgA, mine.id, 'x'),
    });
    expect(fieldsOf(badId.json())).toEqual(['participantId']);
    const other = await createLab(orgA, facilitatorA);
    const elsewhere = await request(t, facilitatorA, {
      method: 'POST',
      url: removeUrl(orgA, other.id, guest.participant.id),
    });
    expect(elsewhere.statusCode).toBe(404);
    const rows = await t.database.db
      .select()
      .from(labParticipants)
      .where(eq(labParticipants.labId, mine.id));
    expect(rows.every((row) => row.removedAt === null)).toBe(true);
    expect(collabCalls).toEqual([]);
  });

  it('removes a guest: their connections close, their tokens go, and their secret stops working', async () => {
    const guest = await joinAsGuest(code, 'Gast Een');
    const stays = await joinAsGuest(code, 'Gast Twee');
    const asGuest = { authorization: `Guest ${guest.guestSecret}` };
    const token = await request(t, null, {
      method: 'POST',
      url: `/api/v1/labs/${mine.id}/collab-token`,
      headers: asGuest,
    });
    expect(token.statusCode).toBe(200);

    const response = await request(t, facilitatorA, {
      method: 'POST',
      url: removeUrl(orgA, mine.id, guest.participant.id),
    });
    expect(response.statusCode).toBe(200);
    const removed = participant.parse(response.json());
    expect(removed).toMatchObject({
      id: guest.participant.id,
      displayName: 'Gast Een',
      kind: 'guest',
    });
    expect(removed.removedAt).not.toBeNull();
    expect(collabCalls).toEqual([`disconnect ${mine.id} ${guest.participant.id}`]);
    const tokens = await t.database.db
      .select()
      .from(collabTokens)
      .where(eq(collabTokens.participantId, guest.participant.id));
    expect(tokens).toEqual([]);

    for (const [method, path] of [
      ['POST', `/api/v1/labs/${mine.id}/collab-token`],
      ['GET', `/api/v1/labs/${mine.id}`],
    ] as const) {
      const refused = await request(t, null, { method, url: path, headers: asGuest });
      expect(refused.statusCode, path).toBe(403);
      expect(problem.parse(refused.json()).code).toBe('participant_removed');
    }
    // Someone else in the lab is untouched.
    const other = await request(t, null, {
      method: 'POST',
      url: `/api/v1/labs/${mine.id}/collab-token`,
      headers: { authorization: `Guest ${stays.guestSecret}` },
    });
    expect(other.statusCode).toBe(200);

    const list = participantList.parse(
      (await request(t, facilitatorA, { method: 'GET', url: listUrl(orgA, mine.id) })).json(),
    );
    expect(list.participants.map((p) => [p.displayName, p.removedAt !== null])).toEqual([
      ['Gast Een', true],
      ['Gast Twee', false],
    ]);
  });

  it('keeps a removed member out when they join again with the code', async () => {
    const joined = await request(t, memberA, {
      method: 'POST',
      url: '/api/v1/join',
      payload: { code },
    });
    const participantId = joinResult.parse(joined.json()).participant.id;
    await request(t, facilitatorA, {
      method: 'POST',
      url: removeUrl(orgA, mine.id, participantId),
    });
    const again = await request(t, memberA, {
      method: 'POST',
      url: '/api/v1/join',
      payload: { code },
    });
    expect(again.statusCode).toBe(403);
    expect(problem.parse(again.json()).code).toBe('participant_removed');
    const token = await request(t, memberA, {
      method: 'POST',
      url: `/api/v1/labs/${mine.id}/collab-token`,
    });
    expect(token.statusCode).toBe(403);
  });

  it('refuses to remove someone who may facilitate the lab', async () => {
    const joined = await request(t, adminA, {
      method: 'POST',
      url: '/api/v1/join',
      payload: { code },
    });
    const admin = joinResult.parse(joined.json()).participant;
    expect(admin.role).toBe('facilitator');
    const response = await request(t, facilitatorA, {
      method: 'POST',
      url: removeUrl(orgA, mine.id, admin.id),
    });
    expect(response.statusCode).toBe(409);
    expect(collabCalls).toEqual([]);
  });
});

describe('GET /orgs/:orgSlug/labs/:labId/qr.svg', () => {
  const url = (org: Org, labId: string) => `${base(org)}/${labId}/qr.svg`;

  it('answers 401, 404 for another organisation, 403 to a member, 409 before opening', async () => {
    const mine = await createLab(orgA, facilitatorA);
    expect(
      (await request(t, facilitatorA, { method: 'GET', url: url(orgA, mine.id) })).statusCode,
    ).toBe(409);
    await moveTo(orgA, facilitatorA, mine.id, ['open']);
    expect((await request(t, null, { method: 'GET', url: url(orgA, mine.id) })).statusCode).toBe(
      401,
    );
    expect((await request(t, adminB, { method: 'GET', url: url(orgA, mine.id) })).statusCode).toBe(
      404,
    );
    expect((await request(t, memberA, { method: 'GET', url: url(orgA, mine.id) })).statusCode).toBe(
      403,
    );
    expect(
      (await request(t, facilitatorA, { method: 'GET', url: url(orgA, 'x') })).statusCode,
    ).toBe(400);
  });

  it('draws the join link as an SVG that is never cached or sniffed', async () => {
    const mine = await createLab(orgA, facilitatorA);
    const { joinCode } = await moveTo(orgA, facilitatorA, mine.id, ['open']);
    const response = await request(t, facilitatorA, { method: 'GET', url: url(orgA, mine.id) });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('image/svg+xml');
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    const expected = await QRCode.toString(`${t.config.PUBLIC_URL}/join/${joinCode}`, {
      type: 'svg',
      errorCorrectionLevel: 'M',
      margin: 2,
    });
    expect(response.body).toBe(expected);
    expect(response.body).toMatch(/^<svg/);
  });
});

describe('lab facilitators table', () => {
  it('holds the creator and the named facilitators once each', async () => {
    const mine = await createLab(orgA, facilitatorA, {
      facilitatorIds: [facilitatorA.userId, otherFacilitatorA.userId, otherFacilitatorA.userId],
    });
    const rows = await t.database.db
      .select()
      .from(labFacilitators)
      .where(eq(labFacilitators.labId, mine.id));
    expect(rows.map((r) => r.userId).sort()).toEqual(
      [facilitatorA.userId, otherFacilitatorA.userId].sort(),
    );
  });
});
