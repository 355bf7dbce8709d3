import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { place, placeList, region, regionList } from '../../../common/places.ts';
import { memberships, places, regionPlaces, regions } from '../../db/schema.ts';
import {
  createActor,
  createOrg,
  createTestContext,
  request,
  type Actor,
  type TestContext,
} from '../../testing/harness.ts';

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
let facilitatorA: Actor;
let memberA: Actor;
let adminB: Actor;

beforeEach(async () => {
  orgA = await createOrg(t, 'IJmond');
  orgB = await createOrg(t, 'Zuid-Kennemerland');
  facilitatorA = await createActor(t, { org: orgA, role: 'facilitator' });
  memberA = await createActor(t, { org: orgA, role: 'member' });
  adminB = await createActor(t, { org: orgB, role: 'admin' });
});

const ijmuiden = {
  name: 'IJmuiden',
  municipality: 'Velsen',
  cbsCode: 'GM0453',
  description: 'Havenstad aan zee.',
  dnaTags: ['staal', 'vis', 'haven', 'vis'],
};

async function addPlace(org: Org, actor: Actor, body: object = ijmuiden) {
  const response = await request(t, actor, {
    method: 'POST',
    url: `/api/v1/orgs/${org.slug}/places`,
    payload: body,
  });
  expect(response.statusCode).toBe(201);
  return place.parse(response.json());
}

async function addRegion(org: Org, actor: Actor, body: object) {
  const response = await request(t, actor, {
    method: 'POST',
    url: `/api/v1/orgs/${org.slug}/regions`,
    payload: body,
  });
  expect(response.statusCode).toBe(201);
  return region.parse(response.json());
}

async function placeRows(org: Org) {
  return t.database.db.select().from(places).where(eq(places.orgId, org.id));
}

async function regionRows(org: Org) {
  return t.database.db.select().from(regions).where(eq(regions.orgId, org.id));
}

describe('GET /orgs/:orgSlug/places', () => {
  const url = () => `/api/v1/orgs/${orgA.slug}/places`;

  it('answers 401 when signed out and 404 for another organisation', async () => {
    expect((await request(t, null, { method: 'GET', url: url() })).statusCode).toBe(401);
    expect((await request(t, adminB, { method: 'GET', url: url() })).statusCode).toBe(404);
  });

  it('answers 404 for an invited or deactivated member', async () => {
    for (const status of ['invited', 'deactivated'] as const) {
      const person = await createActor(t);
      await t.database.db
        .insert(memberships)
        .values({ orgId: orgA.id, userId: person.userId, role: 'facilitator', status });
      expect((await request(t, person, { method: 'GET', url: url() })).statusCode).toBe(404);
    }
  });

  it("lists the organisation's own places with their regions to any member", async () => {
    const mine = await addPlace(orgA, facilitatorA);
    await addPlace(orgB, adminB);
    const ijmond = await addRegion(orgA, facilitatorA, { name: 'IJmond', placeIds: [mine.id] });
    const response = await request(t, memberA, { method: 'GET', url: url() });
    expect(response.statusCode).toBe(200);
    const list = placeList.parse(response.json());
    expect(list.places).toHaveLength(1);
    expect(list.places[0]).toMatchObject({
      id: mine.id,
      regions: [{ id: ijmond.id, name: 'IJmond' }],
    });
  });
});

describe('POST /orgs/:orgSlug/places', () => {
  const post = (actor: Actor | null, org: Org, payload: object) =>
    request(t, actor, { method: 'POST', url: `/api/v1/orgs/${org.slug}/places`, payload });

  it('answers 401 when signed out, 404 for another organisation, 403 for a member', async () => {
    expect((await post(null, orgA, ijmuiden)).statusCode).toBe(401);
    expect((await post(adminB, orgA, ijmuiden)).statusCode).toBe(404);
    expect((await post(memberA, orgA, ijmuiden)).statusCode).toBe(403);
    expect(await placeRows(orgA)).toEqual([]);
  });

  it.each([
    ['name', { ...ijmuiden, name: '   ' }],
    ['municipality', { ...ijmuiden, municipality: undefined }],
    ['cbsCode', { ...ijmuiden, cbsCode: '0453' }],
    ['dnaTags.0', { ...ijmuiden, dnaTags: ['x'.repeat(41)] }],
    ['description', { ...ijmuiden, description: 'x'.repeat(2001) }],
  ])('answers 400 naming %s and stores nothing', async (field, body) => {
    const response = await post(facilitatorA, orgA, body);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ errors: [expect.objectContaining({ field })] });
    expect(await placeRows(orgA)).toEqual([]);
  });

  it('adds a place in the documented shape, tags trimmed and without repeats', async () => {
    const response = await post(facilitatorA, orgA, { ...ijmuiden, name: ' IJmuiden ' });
    expect(response.statusCode).toBe(201);
    expect(place.parse(response.json())).toEqual({
      id: expect.any(String) as string,
      name: 'IJmuiden',
      municipality: 'Velsen',
      cbsCode: 'GM0453',
      description: 'Havenstad aan zee.',
      dnaTags: ['staal', 'vis', 'haven'],
      regions: [],
      createdAt: expect.any(String) as string,
      updatedAt: expect.any(String) as string,
    });
  });

  it('fills in what is optional', async () => {
    const added = await addPlace(orgA, facilitatorA, {
      name: 'Velsen-Noord',
      municipality: 'Velsen',
    });
    expect(added).toMatchObject({ cbsCode: null, description: '', dnaTags: [] });
  });

  it('answers 409 for a place with the same name and municipality in any case', async () => {
    await addPlace(orgA, facilitatorA);
    const response = await post(facilitatorA, orgA, {
      name: 'ijmuiden',
      municipality: 'VELSEN',
    });
    expect(response.statusCode).toBe(409);
    expect(await placeRows(orgA)).toHaveLength(1);
    // Another organisation may keep a place of the same name, and so may another municipality.
    await addPlace(orgB, adminB);
    await addPlace(orgA, facilitatorA, { name: 'IJmuiden', municipality: 'Elders' });
  });
});

describe('GET, PATCH and DELETE /orgs/:orgSlug/places/:placeId', () => {
  let mine: { id: string };
  let theirs: { id: string };
  beforeEach(async () => {
    mine = await addPlace(orgA, facilitatorA);
    theirs = await addPlace(orgB, adminB, { name: 'Haarlem', municipality: 'Haarlem' });
  });
  const url = (org: Org, id: string) => `/api/v1/orgs/${org.slug}/places/${id}`;

  it('answers 401 when signed out', async () => {
    for (const method of ['GET', 'PATCH', 'DELETE'] as const) {
      const response = await request(t, null, {
        method,
        url: url(orgA, mine.id),
        ...(method === 'PATCH' ? { payload: { name: 'X' } } : {}),
      });
      expect(response.statusCode).toBe(401);
    }
  });

  it("answers 404 for another organisation, and for org B's place under org A's slug", async () => {
    for (const method of ['GET', 'PATCH', 'DELETE'] as const) {
      const payload = method === 'PATCH' ? { payload: { name: 'Overgenomen' } } : {};
      const foreign = await request(t, adminB, { method, url: url(orgA, mine.id), ...payload });
      expect(foreign.statusCode).toBe(404);
      const smuggled = await request(t, facilitatorA, {
        method,
        url: url(orgA, theirs.id),
        ...payload,
      });
      expect(smuggled.statusCode).toBe(404);
    }
    const [stillTheirs] = await placeRows(orgB);
    expect(stillTheirs).toMatchObject({ id: theirs.id, name: 'Haarlem' });
    expect(await placeRows(orgA)).toHaveLength(1);
  });

  it('answers 403 when a member changes or deletes', async () => {
    const patch = await request(t, memberA, {
      method: 'PATCH',
      url: url(orgA, mine.id),
      payload: { name: 'X' },
    });
    expect(patch.statusCode).toBe(403);
    const remove = await request(t, memberA, { method: 'DELETE', url: url(orgA, mine.id) });
    expect(remove.statusCode).toBe(403);
    expect(await placeRows(orgA)).toMatchObject([{ name: 'IJmuiden' }]);
  });

  it('answers 400 naming the field and changes nothing', async () => {
    const badId = await request(t, memberA, { method: 'GET', url: url(orgA, 'nope') });
    expect(badId.statusCode).toBe(400);
    expect(badId.json()).toMatchObject({ errors: [expect.objectContaining({ field: 'placeId' })] });
    const badName = await request(t, facilitatorA, {
      method: 'PATCH',
      url: url(orgA, mine.id),
      payload: { name: '', description: 'Nieuw' },
    });
    expect(badName.statusCode).toBe(400);
    expect(badName.json()).toMatchObject({ errors: [expect.objectContaining({ field: 'name' })] });
    const badDelete = await request(t, facilitatorA, { method: 'DELETE', url: url(orgA, '1') });
    expect(badDelete.statusCode).toBe(400);
    expect(badDelete.json()).toMatchObject({
      errors: [expect.objectContaining({ field: 'placeId' })],
    });
    expect(await placeRows(orgA)).toMatchObject([
      { name: 'IJmuiden', description: 'Havenstad aan zee.' },
    ]);
  });

  it('shows a place to a member', async () => {
    const response = await request(t, memberA, { method: 'GET', url: url(orgA, mine.id) });
    expect(response.statusCode).toBe(200);
    expect(place.parse(response.json())).toMatchObject({ id: mine.id, name: 'IJmuiden' });
  });

  it('changes only the fields given; a null cbsCode clears it', async () => {
    const response = await request(t, facilitatorA, {
      method: 'PATCH',
      url: url(orgA, mine.id),
      payload: { description: 'Staal en zee.', cbsCode: null },
    });
    expect(response.statusCode).toBe(200);
    expect(place.parse(response.json())).toMatchObject({
      name: 'IJmuiden',
      municipality: 'Velsen',
      cbsCode: null,
      description: 'Staal en zee.',
      dnaTags: ['staal', 'vis', 'haven'],
    });
  });

  it('answers 409 when a change makes it a duplicate', async () => {
    const other = await addPlace(orgA, facilitatorA, { name: 'Santpoort', municipality: 'Velsen' });
    const response = await request(t, facilitatorA, {
      method: 'PATCH',
      url: url(orgA, other.id),
      payload: { name: 'IJMUIDEN' },
    });
    expect(response.statusCode).toBe(409);
  });

  it('deletes a place and takes it out of its regions', async () => {
    const ijmond = await addRegion(orgA, facilitatorA, { name: 'IJmond', placeIds: [mine.id] });
    const response = await request(t, facilitatorA, { method: 'DELETE', url: url(orgA, mine.id) });
    expect(response.statusCode).toBe(204);
    expect(response.body).toBe('');
    expect(await placeRows(orgA)).toEqual([]);
    const after = await request(t, memberA, {
      method: 'GET',
      url: `/api/v1/orgs/${orgA.slug}/regions/${ijmond.id}`,
    });
    expect(region.parse(after.json()).places).toEqual([]);
    const again = await request(t, facilitatorA, { method: 'DELETE', url: url(orgA, mine.id) });
    expect(again.statusCode).toBe(404);
  });
});

describe('regions', () => {
  let velsen: { id: string };
  let beverwijk: { id: string };
  let haarlem: { id: string };
  beforeEach(async () => {
    velsen = await addPlace(orgA, facilitatorA);
    beverwijk = await addPlace(orgA, facilitatorA, {
      name: 'Beverwijk',
      municipality: 'Beverwijk',
    });
    haarlem = await addPlace(orgB, adminB, { name: 'Haarlem', municipality: 'Haarlem' });
  });
  const listUrl = (org: Org) => `/api/v1/orgs/${org.slug}/regions`;
  const oneUrl = (org: Org, id: string) => `/api/v1/orgs/${org.slug}/regions/${id}`;

  it('answers 401 to every region endpoint when signed out', async () => {
    const ijmond = await addRegion(orgA, facilitatorA, { name: 'IJmond' });
    const calls = [
      { method: 'GET', url: listUrl(orgA) },
      { method: 'POST', url: listUrl(orgA), payload: { name: 'X' } },
      { method: 'GET', url: oneUrl(orgA, ijmond.id) },
      { method: 'PATCH', url: oneUrl(orgA, ijmond.id), payload: { name: 'X' } },
      { method: 'DELETE', url: oneUrl(orgA, ijmond.id) },
    ] as const;
    for (const call of calls) {
      expect((await request(t, null, { ...call })).statusCode).toBe(401);
    }
  });

  it("answers 404 for another organisation, and for org B's region under org A's slug", async () => {
    const ijmond = await addRegion(orgA, facilitatorA, { name: 'IJmond' });
    const kennemerland = await addRegion(orgB, adminB, { name: 'Kennemerland' });
    const asStranger = [
      { method: 'GET', url: listUrl(orgA) },
      { method: 'POST', url: listUrl(orgA), payload: { name: 'X' } },
      { method: 'GET', url: oneUrl(orgA, ijmond.id) },
      { method: 'PATCH', url: oneUrl(orgA, ijmond.id), payload: { name: 'X' } },
      { method: 'DELETE', url: oneUrl(orgA, ijmond.id) },
    ] as const;
    for (const call of asStranger) {
      expect((await request(t, adminB, { ...call })).statusCode).toBe(404);
    }
    for (const method of ['GET', 'PATCH', 'DELETE'] as const) {
      const response = await request(t, facilitatorA, {
        method,
        url: oneUrl(orgA, kennemerland.id),
        ...(method === 'PATCH' ? { payload: { name: 'Ingepikt' } } : {}),
      });
      expect(response.statusCode).toBe(404);
    }
    expect(await regionRows(orgA)).toMatchObject([{ name: 'IJmond' }]);
    expect(await regionRows(orgB)).toMatchObject([{ name: 'Kennemerland' }]);
  });

  it('answers 403 when a member writes', async () => {
    const ijmond = await addRegion(orgA, facilitatorA, { name: 'IJmond' });
    const calls = [
      { method: 'POST', url: listUrl(orgA), payload: { name: 'X' } },
      { method: 'PATCH', url: oneUrl(orgA, ijmond.id), payload: { name: 'X' } },
      { method: 'DELETE', url: oneUrl(orgA, ijmond.id) },
    ] as const;
    for (const call of calls) {
      expect((await request(t, memberA, { ...call })).statusCode).toBe(403);
    }
    expect(await regionRows(orgA)).toMatchObject([{ name: 'IJmond' }]);
  });

  it('answers 400 naming placeIds for a place of another organisation, and stores nothing', async () => {
    const response = await request(t, facilitatorA, {
      method: 'POST',
      url: listUrl(orgA),
      payload: { name: 'Stiekem', placeIds: [velsen.id, haarlem.id] },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      errors: [expect.objectContaining({ field: 'placeIds' })],
    });
    expect(await regionRows(orgA)).toEqual([]);

    const ijmond = await addRegion(orgA, facilitatorA, { name: 'IJmond', placeIds: [velsen.id] });
    const patch = await request(t, facilitatorA, {
      method: 'PATCH',
      url: oneUrl(orgA, ijmond.id),
      payload: { name: 'Hernoemd', placeIds: [haarlem.id] },
    });
    expect(patch.statusCode).toBe(400);
    expect(patch.json()).toMatchObject({
      errors: [expect.objectContaining({ field: 'placeIds' })],
    });
    const unchanged = await request(t, memberA, { method: 'GET', url: oneUrl(orgA, ijmond.id) });
    expect(region.parse(unchanged.json())).toMatchObject({
      name: 'IJmond',
      places: [{ id: velsen.id }],
    });
  });

  it('answers 400 naming the field for schema errors', async () => {
    const noName = await request(t, facilitatorA, {
      method: 'POST',
      url: listUrl(orgA),
      payload: { name: '', placeIds: ['not-a-uuid'] },
    });
    expect(noName.statusCode).toBe(400);
    const fields = noName.json<{ errors: { field: string }[] }>().errors.map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['name', 'placeIds.0']));
    const badId = await request(t, memberA, { method: 'GET', url: oneUrl(orgA, 'x') });
    expect(badId.json()).toMatchObject({
      errors: [expect.objectContaining({ field: 'regionId' })],
    });
    expect(await regionRows(orgA)).toEqual([]);
  });

  it('answers 400 naming the field when changing or deleting, and changes nothing', async () => {
    const ijmond = await addRegion(orgA, facilitatorA, {
      name: 'IJmond',
      description: 'Aan het Noordzeekanaal.',
      placeIds: [velsen.id],
    });
    const patch = (payload: object) =>
      request(t, facilitatorA, { method: 'PATCH', url: oneUrl(orgA, ijmond.id), payload });
    for (const [payload, field] of [
      [{ name: '   ', description: 'Nieuw' }, 'name'],
      [{ description: 'x'.repeat(2001) }, 'description'],
      [{ placeIds: [beverwijk.id, 'geen-id'] }, 'placeIds.1'],
      [{ placeIds: 'IJmuiden' }, 'placeIds'],
    ] as const) {
      const response = await patch(payload);
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ errors: [expect.objectContaining({ field })] });
    }
    const badDelete = await request(t, facilitatorA, {
      method: 'DELETE',
      url: oneUrl(orgA, 'geen-id'),
    });
    expect(badDelete.statusCode).toBe(400);
    expect(badDelete.json()).toMatchObject({
      errors: [expect.objectContaining({ field: 'regionId' })],
    });
    const unchanged = await request(t, memberA, { method: 'GET', url: oneUrl(orgA, ijmond.id) });
    expect(region.parse(unchanged.json())).toMatchObject({
      name: 'IJmond',
      description: 'Aan het Noordzeekanaal.',
      places: [{ id: velsen.id }],
    });
    expect(await regionRows(orgA)).toHaveLength(1);
  });

  it('creates, lists, shows, changes and deletes a region in the documented shape', async () => {
    const created = await request(t, facilitatorA, {
      method: 'POST',
      url: listUrl(orgA),
      payload: {
        name: 'IJmond',
        description: 'Drie gemeenten aan het Noordzeekanaal.',
        placeIds: [velsen.id, beverwijk.id, velsen.id],
      },
    });
    expect(created.statusCode).toBe(201);
    const ijmond = region.parse(created.json());
    expect(ijmond).toEqual({
      id: expect.any(String) as string,
      name: 'IJmond',
      description: 'Drie gemeenten aan het Noordzeekanaal.',
      places: [
        { id: beverwijk.id, name: 'Beverwijk', municipality: 'Beverwijk' },
        { id: velsen.id, name: 'IJmuiden', municipality: 'Velsen' },
      ],
      createdAt: expect.any(String) as string,
      updatedAt: expect.any(String) as string,
    });

    const list = await request(t, memberA, { method: 'GET', url: listUrl(orgA) });
    expect(regionList.parse(list.json()).regions.map((r) => r.id)).toEqual([ijmond.id]);
    const placeView = await request(t, memberA, {
      method: 'GET',
      url: `/api/v1/orgs/${orgA.slug}/places/${velsen.id}`,
    });
    expect(place.parse(placeView.json()).regions).toEqual([{ id: ijmond.id, name: 'IJmond' }]);

    const renamed = await request(t, facilitatorA, {
      method: 'PATCH',
      url: oneUrl(orgA, ijmond.id),
      payload: { name: 'IJmond-regio' },
    });
    expect(renamed.statusCode).toBe(200);
    expect(region.parse(renamed.json())).toMatchObject({ name: 'IJmond-regio' });
    expect(region.parse(renamed.json()).places).toHaveLength(2);

    const narrowed = await request(t, facilitatorA, {
      method: 'PATCH',
      url: oneUrl(orgA, ijmond.id),
      payload: { placeIds: [beverwijk.id] },
    });
    expect(region.parse(narrowed.json()).places.map((p) => p.id)).toEqual([beverwijk.id]);

    const removed = await request(t, facilitatorA, {
      method: 'DELETE',
      url: oneUrl(orgA, ijmond.id),
    });
    expect(removed.statusCode).toBe(204);
    expect(await regionRows(orgA)).toEqual([]);
    const links = await t.database.db
      .select()
      .from(regionPlaces)
      .where(eq(regionPlaces.regionId, ijmond.id));
    expect(links).toEqual([]);
    expect(await placeRows(orgA)).toHaveLength(2);
  });

  it('answers 409 for a second region of the same name', async () => {
    await addRegion(orgA, facilitatorA, { name: 'IJmond' });
    const response = await request(t, facilitatorA, {
      method: 'POST',
      url: listUrl(orgA),
      payload: { name: 'ijmond' },
    });
    expect(response.statusCode).toBe(409);
    expect(await regionRows(orgA)).toHaveLength(1);
  });
});
