import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { problem } from '../../../common/problem.ts';
import { builtinCatalogue } from '../../../common/trends.builtin.ts';
import {
  development,
  trend,
  trendCatalogue,
  type Development,
  type Trend,
  type TrendCatalogue,
} from '../../../common/trends.ts';
import { seedDemoIfEmpty } from '../../db/seed.ts';
import { developments, organisations, trends } from '../../db/schema.ts';
import {
  createActor,
  createOrg,
  createTestContext,
  request,
  type Actor,
  type TestContext,
} from '../../testing/harness.ts';
import { ensureTrendCatalogue } from './trends.service.ts';

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
let memberA: Actor;
let adminB: Actor;

beforeEach(async () => {
  orgA = await createOrg(t, 'IJmond');
  orgB = await createOrg(t, 'Zuid-Kennemerland');
  adminA = await createActor(t, { org: orgA, role: 'admin' });
  facilitatorA = await createActor(t, { org: orgA, role: 'facilitator' });
  memberA = await createActor(t, { org: orgA, role: 'member' });
  adminB = await createActor(t, { org: orgB, role: 'admin' });
});

const orgUrl = (org: Org) => `/api/v1/orgs/${org.slug}`;
const trendsUrl = (org: Org) => `${orgUrl(org)}/trends`;

async function catalogue(org: Org, actor: Actor, query = ''): Promise<TrendCatalogue> {
  const response = await request(t, actor, { method: 'GET', url: `${trendsUrl(org)}${query}` });
  expect(response.statusCode, response.body).toBe(200);
  return trendCatalogue.parse(response.json());
}

// What the database holds for an organisation, to show that a refused request changed nothing.
async function snapshot(org: Org) {
  const [trendRows, developmentRows] = await Promise.all([
    t.database.db.select().from(trends).where(eq(trends.orgId, org.id)).orderBy(trends.id),
    t.database.db
      .select()
      .from(developments)
      .where(eq(developments.orgId, org.id))
      .orderBy(developments.id),
  ]);
  return { trendRows, developmentRows };
}

async function firstTrend(org: Org = orgA): Promise<Trend> {
  const found = (await catalogue(org, org === orgA ? adminA : adminB)).trends[0];
  if (!found) throw new Error('no trend');
  return found;
}

function fieldsOf(body: unknown): string[] {
  return (problem.parse(body).errors ?? []).map((error) => error.field);
}

describe('GET /orgs/:orgSlug/trends', () => {
  it('answers 401 when signed out and 404 for another organisation, creating nothing', async () => {
    expect((await request(t, null, { method: 'GET', url: trendsUrl(orgA) })).statusCode).toBe(401);
    expect((await request(t, adminB, { method: 'GET', url: trendsUrl(orgA) })).statusCode).toBe(
      404,
    );
    expect(await snapshot(orgA)).toEqual({ trendRows: [], developmentRows: [] });
  });

  it('gives every member the six built-in trends with their developments, in order', async () => {
    const { trends: list } = await catalogue(orgA, memberA);
    expect(list.map((item) => [item.key, item.title, item.position])).toEqual(
      builtinCatalogue.map((builtin, index) => [builtin.key, builtin.title, index]),
    );
    expect(list.map((item) => item.key)).toEqual([
      'anders-samenleven',
      'anders-produceren',
      'anders-consumeren',
      'anders-werken',
      'anders-investeren',
      'anders-vervoeren',
    ]);
    for (const [index, item] of list.entries()) {
      const builtin = builtinCatalogue[index];
      expect(item.archived).toBe(false);
      expect(item.developments.map((d) => [d.key, d.title, d.position])).toEqual(
        builtin?.developments.map((d, position) => [d.key, d.title, position]),
      );
    }
    await catalogue(orgA, facilitatorA);
    const rows = await snapshot(orgA);
    expect(rows.trendRows).toHaveLength(6);
    expect(rows.developmentRows).toHaveLength(
      builtinCatalogue.reduce((sum, builtin) => sum + builtin.developments.length, 0),
    );
    expect(await snapshot(orgB)).toEqual({ trendRows: [], developmentRows: [] });
  });

  it('creates the built-ins once when several first reads arrive at the same moment', async () => {
    const answers = await Promise.all(
      Array.from({ length: 4 }, () => request(t, memberA, { method: 'GET', url: trendsUrl(orgA) })),
    );
    expect(answers.map((answer) => answer.statusCode)).toEqual([200, 200, 200, 200]);
    // Requests may happen to run one after the other; direct calls overlap surely.
    await Promise.all(
      Array.from({ length: 8 }, () => ensureTrendCatalogue(t.database.db, orgB.id)),
    );
    for (const org of [orgA, orgB]) {
      const rows = await snapshot(org);
      expect(rows.trendRows.map((row) => row.key).sort()).toEqual(
        builtinCatalogue.map((builtin) => builtin.key).sort(),
      );
      expect(rows.developmentRows).toHaveLength(
        builtinCatalogue.reduce((sum, builtin) => sum + builtin.developments.length, 0),
      );
    }
  });

  it('shows archived items only to admins who ask, and 400 names a bad archived value', async () => {
    for (const actor of [memberA, facilitatorA]) {
      const answer = await request(t, actor, {
        method: 'GET',
        url: `${trendsUrl(orgA)}?archived=include`,
      });
      expect(answer.statusCode).toBe(403);
    }
    const bad = await request(t, adminA, { method: 'GET', url: `${trendsUrl(orgA)}?archived=yes` });
    expect(bad.statusCode).toBe(400);
    expect(fieldsOf(bad.json())).toContain('archived');
    expect((await catalogue(orgA, adminA, '?archived=include')).trends).toHaveLength(6);
  });
});

describe('POST /orgs/:orgSlug/trends', () => {
  const post = (actor: Actor | null, org: Org, payload: object) =>
    request(t, actor, { method: 'POST', url: trendsUrl(org), payload });

  it('answers 401, 404 for another organisation and 403 to members; adds nothing', async () => {
    await catalogue(orgA, memberA);
    const before = await snapshot(orgA);
    const body = { title: 'Anders wonen' };
    expect((await post(null, orgA, body)).statusCode).toBe(401);
    expect((await post(adminB, orgA, body)).statusCode).toBe(404);
    expect((await post(memberA, orgA, body)).statusCode).toBe(403);
    expect((await post(facilitatorA, orgA, body)).statusCode).toBe(403);
    // A member hears 403 even for a bad body: the role is checked before the body is read.
    expect((await post(memberA, orgA, { title: '' })).statusCode).toBe(403);
    expect(await snapshot(orgA)).toEqual(before);
  });

  it('answers 400 naming the field and adds nothing', async () => {
    await catalogue(orgA, adminA);
    const before = await snapshot(orgA);
    for (const [payload, field] of [
      [{ title: '  ' }, 'title'],
      [{ title: 'x'.repeat(121) }, 'title'],
      [{ title: 'Wonen', description: 'x'.repeat(601) }, 'description'],
      [{ title: 'Wonen', key: 'Met Hoofdletters' }, 'key'],
      [{ title: 'Wonen', key: 'a'.repeat(81) }, 'key'],
    ] as const) {
      const answer = await post(adminA, orgA, payload);
      expect(answer.statusCode, JSON.stringify(payload)).toBe(400);
      expect(fieldsOf(answer.json())).toContain(field);
    }
    expect(await snapshot(orgA)).toEqual(before);
  });

  it('appends a trend with a key made from its title, unique with a suffix', async () => {
    const first = await post(adminA, orgA, { title: '  Anders wónen & zorgen ' });
    expect(first.statusCode, first.body).toBe(201);
    expect(trend.parse(first.json())).toMatchObject({
      key: 'anders-wonen-zorgen',
      title: 'Anders wónen & zorgen',
      description: '',
      position: 6,
      archived: false,
      developments: [],
    });
    const second = trend.parse(
      (await post(adminA, orgA, { title: 'Anders wonen: zorgen' })).json(),
    );
    expect(second.key).toBe('anders-wonen-zorgen-2');
    expect(second.position).toBe(7);
    const fromSymbols = trend.parse((await post(adminA, orgA, { title: '???' })).json());
    expect(fromSymbols.key).toBe('trend');
    const list = await catalogue(orgA, memberA);
    expect(list.trends.map((item) => item.key).slice(6)).toEqual([
      'anders-wonen-zorgen',
      'anders-wonen-zorgen-2',
      'trend',
    ]);
  });

  it('answers 409 naming key when a chosen key is taken by a trend or a development', async () => {
    await catalogue(orgA, adminA);
    const before = await snapshot(orgA);
    for (const key of ['anders-werken', '3d-printen']) {
      const answer = await post(adminA, orgA, { title: 'Dubbel', key });
      expect(answer.statusCode).toBe(409);
      expect(fieldsOf(answer.json())).toEqual(['key']);
    }
    expect(await snapshot(orgA)).toEqual(before);
    // Keys are per organisation: another one may use the same key.
    expect((await post(adminA, orgA, { title: 'Eigen', key: 'eigen-trend' })).statusCode).toBe(201);
    expect((await post(adminB, orgB, { title: 'Eigen', key: 'eigen-trend' })).statusCode).toBe(201);
  });
});

describe('PATCH and DELETE /orgs/:orgSlug/trends/:trendId', () => {
  const patch = (actor: Actor | null, org: Org, trendId: string, payload: object) =>
    request(t, actor, { method: 'PATCH', url: `${trendsUrl(org)}/${trendId}`, payload });
  const remove = (actor: Actor | null, org: Org, trendId: string) =>
    request(t, actor, { method: 'DELETE', url: `${trendsUrl(org)}/${trendId}` });

  it('answers 401, 404 for another organisation and 403 to members; changes nothing', async () => {
    const target = await firstTrend();
    await firstTrend(orgB);
    const before = await snapshot(orgA);
    const body = { title: 'Nieuw' };
    expect((await patch(null, orgA, target.id, body)).statusCode).toBe(401);
    expect((await patch(adminB, orgA, target.id, body)).statusCode).toBe(404);
    expect((await patch(adminB, orgB, target.id, body)).statusCode).toBe(404);
    expect((await patch(memberA, orgA, target.id, body)).statusCode).toBe(403);
    expect((await remove(null, orgA, target.id)).statusCode).toBe(401);
    expect((await remove(adminB, orgA, target.id)).statusCode).toBe(404);
    expect((await remove(adminB, orgB, target.id)).statusCode).toBe(404);
    expect((await remove(memberA, orgA, target.id)).statusCode).toBe(403);
    expect(await snapshot(orgA)).toEqual(before);
  });

  it('answers 400 naming the field and changes nothing', async () => {
    const target = await firstTrend();
    const second = (await catalogue(orgA, adminA)).trends[1];
    const before = await snapshot(orgA);
    for (const [payload, field] of [
      [{ title: '' }, 'title'],
      [{ archived: 'ja' }, 'archived'],
      [{ key: 'niet goed' }, 'key'],
    ] as const) {
      const answer = await patch(adminA, orgA, target.id, payload);
      expect(answer.statusCode).toBe(400);
      expect(fieldsOf(answer.json())).toContain(field);
    }
    const badId = await remove(adminA, orgA, 'geen-uuid');
    expect(badId.statusCode).toBe(400);
    expect(fieldsOf(badId.json())).toContain('trendId');
    const clash = await patch(adminA, orgA, target.id, { key: second?.key });
    expect(clash.statusCode).toBe(409);
    expect(fieldsOf(clash.json())).toEqual(['key']);
    expect(await snapshot(orgA)).toEqual(before);
  });

  it('changes the given fields and keeps the rest', async () => {
    const target = await firstTrend();
    const answer = await patch(adminA, orgA, target.id, {
      description: 'Een eigen omschrijving.',
      key: 'samenleven',
    });
    expect(answer.statusCode, answer.body).toBe(200);
    expect(trend.parse(answer.json())).toEqual({
      ...target,
      key: 'samenleven',
      description: 'Een eigen omschrijving.',
    });
    // Its own key again is no clash.
    expect((await patch(adminA, orgA, target.id, { key: 'samenleven' })).statusCode).toBe(200);
  });

  it('archives with DELETE: hidden from the default list, shown to admins, restored by PATCH', async () => {
    const target = await firstTrend();
    const gone = await remove(adminA, orgA, target.id);
    expect(gone.statusCode).toBe(204);
    expect(gone.body).toBe('');
    expect((await catalogue(orgA, memberA)).trends.map((item) => item.id)).not.toContain(target.id);
    const withArchived = await catalogue(orgA, adminA, '?archived=include');
    expect(withArchived.trends.find((item) => item.id === target.id)).toMatchObject({
      archived: true,
      position: 0,
    });
    expect((await snapshot(orgA)).trendRows).toHaveLength(6);
    // Archiving twice is harmless.
    expect((await remove(adminA, orgA, target.id)).statusCode).toBe(204);

    const restored = await patch(adminA, orgA, target.id, { archived: false });
    expect(restored.statusCode).toBe(200);
    expect(trend.parse(restored.json()).archived).toBe(false);
    expect((await catalogue(orgA, memberA)).trends[0]).toEqual(target);
  });
});

describe('PUT /orgs/:orgSlug/trends/order', () => {
  const put = (actor: Actor | null, org: Org, payload: object) =>
    request(t, actor, { method: 'PUT', url: `${trendsUrl(org)}/order`, payload });

  it('answers 401, 404 for another organisation and 403 to members; reorders nothing', async () => {
    const ids = (await catalogue(orgA, adminA)).trends.map((item) => item.id);
    const before = await snapshot(orgA);
    const body = { trendIds: [...ids].reverse() };
    expect((await put(null, orgA, body)).statusCode).toBe(401);
    expect((await put(adminB, orgA, body)).statusCode).toBe(404);
    expect((await put(memberA, orgA, body)).statusCode).toBe(403);
    // Another organisation's ids are not its trends.
    expect((await put(adminB, orgB, body)).statusCode).toBe(400);
    expect(await snapshot(orgA)).toEqual(before);
  });

  it('answers 400 naming trendIds unless every trend is listed exactly once', async () => {
    const ids = (await catalogue(orgA, adminA)).trends.map((item) => item.id);
    const before = await snapshot(orgA);
    for (const trendIds of [
      ids.slice(1),
      [...ids.slice(1), ids[1]],
      [...ids, ids[0]],
      ['geen-uuid'],
      [],
    ]) {
      const answer = await put(adminA, orgA, { trendIds });
      expect(answer.statusCode).toBe(400);
      expect(fieldsOf(answer.json()).some((field) => field.startsWith('trendIds'))).toBe(true);
    }
    expect(await snapshot(orgA)).toEqual(before);
  });

  it('puts the trends in the given order, archived ones included', async () => {
    const ids = (await catalogue(orgA, adminA)).trends.map((item) => item.id);
    await request(t, adminA, { method: 'DELETE', url: `${trendsUrl(orgA)}/${ids[2]}` });
    const reversed = [...ids].reverse();
    const answer = await put(adminA, orgA, { trendIds: reversed });
    expect(answer.statusCode, answer.body).toBe(200);
    const result = trendCatalogue.parse(answer.json());
    expect(result.trends.map((item) => [item.id, item.position])).toEqual(
      reversed.map((id, position) => [id, position]),
    );
    expect(result.trends.find((item) => item.id === ids[2])?.archived).toBe(true);
    expect((await catalogue(orgA, memberA)).trends.map((item) => item.id)).toEqual(
      reversed.filter((id) => id !== ids[2]),
    );
  });
});

describe('POST /orgs/:orgSlug/trends/:trendId/developments', () => {
  const post = (actor: Actor | null, org: Org, trendId: string, payload: object) =>
    request(t, actor, {
      method: 'POST',
      url: `${trendsUrl(org)}/${trendId}/developments`,
      payload,
    });

  it('answers 401, 404 for another organisation and 403 to members; adds nothing', async () => {
    const target = await firstTrend();
    await firstTrend(orgB);
    const before = await snapshot(orgA);
    const body = { title: 'Buurtcoöperaties' };
    expect((await post(null, orgA, target.id, body)).statusCode).toBe(401);
    expect((await post(adminB, orgA, target.id, body)).statusCode).toBe(404);
    expect((await post(adminB, orgB, target.id, body)).statusCode).toBe(404);
    expect((await post(memberA, orgA, target.id, body)).statusCode).toBe(403);
    expect(await snapshot(orgA)).toEqual(before);
  });

  it('answers 400 naming the field and adds nothing', async () => {
    const target = await firstTrend();
    const before = await snapshot(orgA);
    for (const [payload, field] of [
      [{}, 'title'],
      [{ title: 'Goed', description: 'x'.repeat(601) }, 'description'],
      [{ title: 'Goed', key: '-fout-' }, 'key'],
    ] as const) {
      const answer = await post(adminA, orgA, target.id, payload);
      expect(answer.statusCode).toBe(400);
      expect(fieldsOf(answer.json())).toContain(field);
    }
    expect(await snapshot(orgA)).toEqual(before);
  });

  it('appends a development with a generated key, unique over trends and developments', async () => {
    const target = await firstTrend();
    const answer = await post(adminA, orgA, target.id, {
      title: 'Anders werken',
      description: 'Een ontwikkeling met de naam van een trend.',
    });
    expect(answer.statusCode, answer.body).toBe(201);
    const added = development.parse(answer.json());
    expect(added).toMatchObject({
      key: 'anders-werken-2',
      position: target.developments.length,
      archived: false,
    });
    const clash = await post(adminA, orgA, target.id, { title: 'Dubbel', key: 'cryptovaluta' });
    expect(clash.statusCode).toBe(409);
    expect(fieldsOf(clash.json())).toEqual(['key']);
    const listed = (await catalogue(orgA, memberA)).trends[0]?.developments.at(-1);
    expect(listed).toEqual(added);
  });
});

describe('PATCH and DELETE /orgs/:orgSlug/developments/:developmentId', () => {
  const developmentUrl = (org: Org, id: string) => `${orgUrl(org)}/developments/${id}`;
  const patch = (actor: Actor | null, org: Org, id: string, payload: object) =>
    request(t, actor, { method: 'PATCH', url: developmentUrl(org, id), payload });
  const remove = (actor: Actor | null, org: Org, id: string) =>
    request(t, actor, { method: 'DELETE', url: developmentUrl(org, id) });

  async function firstDevelopment(): Promise<Development> {
    const found = (await firstTrend()).developments[0];
    if (!found) throw new Error('no development');
    return found;
  }

  it('answers 401, 404 for another organisation and 403 to members; changes nothing', async () => {
    const target = await firstDevelopment();
    await firstTrend(orgB);
    const before = await snapshot(orgA);
    for (const send of [
      (actor: Actor | null, org: Org) => patch(actor, org, target.id, { title: 'Nieuw' }),
      (actor: Actor | null, org: Org) => remove(actor, org, target.id),
    ]) {
      expect((await send(null, orgA)).statusCode).toBe(401);
      expect((await send(adminB, orgA)).statusCode).toBe(404);
      expect((await send(adminB, orgB)).statusCode).toBe(404);
      expect((await send(memberA, orgA)).statusCode).toBe(403);
    }
    expect(await snapshot(orgA)).toEqual(before);
  });

  it('answers 400 naming the field and changes nothing', async () => {
    const target = await firstDevelopment();
    const foreignTrend = await firstTrend(orgB);
    const before = await snapshot(orgA);
    for (const [payload, field] of [
      [{ title: '' }, 'title'],
      [{ trendId: 'geen-uuid' }, 'trendId'],
      [{ trendId: foreignTrend.id }, 'trendId'],
      [{ archived: 1 }, 'archived'],
    ] as const) {
      const answer = await patch(adminA, orgA, target.id, payload);
      expect(answer.statusCode, JSON.stringify(payload)).toBe(400);
      expect(fieldsOf(answer.json())).toContain(field);
    }
    const badId = await remove(adminA, orgA, 'geen-uuid');
    expect(badId.statusCode).toBe(400);
    expect(fieldsOf(badId.json())).toContain('developmentId');
    expect(await snapshot(orgA)).toEqual(before);
  });

  it('changes fields and moves a development to the end of another trend', async () => {
    const list = (await catalogue(orgA, adminA)).trends;
    const target = list[0]?.developments[0];
    const destination = list[5];
    if (!target || !destination) throw new Error('catalogue too small');
    const answer = await patch(adminA, orgA, target.id, {
      title: 'Samenleven in lagen',
      trendId: destination.id,
    });
    expect(answer.statusCode, answer.body).toBe(200);
    expect(development.parse(answer.json())).toEqual({
      ...target,
      title: 'Samenleven in lagen',
      position: destination.developments.length,
    });
    const after = (await catalogue(orgA, memberA)).trends;
    expect(after[0]?.developments.map((d) => d.id)).not.toContain(target.id);
    expect(after[5]?.developments.at(-1)?.id).toBe(target.id);
  });

  it('archives with DELETE and restores with PATCH', async () => {
    const target = await firstDevelopment();
    expect((await remove(adminA, orgA, target.id)).statusCode).toBe(204);
    expect((await firstTrend()).developments.map((d) => d.id)).not.toContain(target.id);
    const withArchived = (await catalogue(orgA, adminA, '?archived=include')).trends[0];
    expect(withArchived?.developments[0]).toEqual({ ...target, archived: true });
    const restored = await patch(adminA, orgA, target.id, { archived: false });
    expect(development.parse(restored.json())).toEqual(target);
    expect((await firstTrend()).developments[0]).toEqual(target);
  });
});

describe('PUT /orgs/:orgSlug/trends/:trendId/developments/order', () => {
  const put = (actor: Actor | null, org: Org, trendId: string, payload: object) =>
    request(t, actor, {
      method: 'PUT',
      url: `${trendsUrl(org)}/${trendId}/developments/order`,
      payload,
    });

  it('answers 401, 404 for another organisation and 403 to members; reorders nothing', async () => {
    const target = await firstTrend();
    await firstTrend(orgB);
    const before = await snapshot(orgA);
    const body = { developmentIds: target.developments.map((d) => d.id).reverse() };
    expect((await put(null, orgA, target.id, body)).statusCode).toBe(401);
    expect((await put(adminB, orgA, target.id, body)).statusCode).toBe(404);
    expect((await put(adminB, orgB, target.id, body)).statusCode).toBe(404);
    expect((await put(memberA, orgA, target.id, body)).statusCode).toBe(403);
    expect(await snapshot(orgA)).toEqual(before);
  });

  it('answers 400 naming developmentIds unless every development is listed once', async () => {
    const list = (await catalogue(orgA, adminA)).trends;
    const target = list[0];
    if (!target) throw new Error('no trend');
    const ids = target.developments.map((d) => d.id);
    const otherId = list[1]?.developments[0]?.id ?? '';
    const before = await snapshot(orgA);
    for (const developmentIds of [ids.slice(1), [...ids.slice(1), otherId], [...ids, ids[0]]]) {
      const answer = await put(adminA, orgA, target.id, { developmentIds });
      expect(answer.statusCode).toBe(400);
      expect(fieldsOf(answer.json())).toEqual(['developmentIds']);
    }
    expect(await snapshot(orgA)).toEqual(before);
  });

  it("puts the trend's developments in the given order", async () => {
    const target = await firstTrend();
    const reversed = target.developments.map((d) => d.id).reverse();
    const answer = await put(adminA, orgA, target.id, { developmentIds: reversed });
    expect(answer.statusCode, answer.body).toBe(200);
    expect(trend.parse(answer.json()).developments.map((d) => [d.id, d.position])).toEqual(
      reversed.map((id, position) => [id, position]),
    );
    expect((await firstTrend()).developments.map((d) => d.id)).toEqual(reversed);
  });
});

describe('the demo seed', () => {
  it('gives the demo organisation its trend catalogue', async () => {
    const fresh = await createTestContext();
    try {
      expect(await seedDemoIfEmpty(fresh.ctx)).not.toBeNull();
      const [org] = await fresh.database.db.select().from(organisations);
      const rows = await fresh.database.db
        .select()
        .from(trends)
        .where(eq(trends.orgId, org?.id ?? ''))
        .orderBy(trends.position);
      expect(rows.map((row) => row.key)).toEqual(builtinCatalogue.map((builtin) => builtin.key));
    } finally {
      await fresh.close();
    }
  });
});

describe('the API reference', () => {
  it('documents every trend catalogue endpoint', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    const paths = response.json<{ paths: Record<string, Record<string, unknown>> }>().paths;
    const documented = Object.entries(paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(documented).toEqual(
      expect.arrayContaining([
        'GET /api/v1/orgs/{orgSlug}/trends',
        'POST /api/v1/orgs/{orgSlug}/trends',
        'PUT /api/v1/orgs/{orgSlug}/trends/order',
        'PATCH /api/v1/orgs/{orgSlug}/trends/{trendId}',
        'DELETE /api/v1/orgs/{orgSlug}/trends/{trendId}',
        'POST /api/v1/orgs/{orgSlug}/trends/{trendId}/developments',
        'PUT /api/v1/orgs/{orgSlug}/trends/{trendId}/developments/order',
        'PATCH /api/v1/orgs/{orgSlug}/developments/{developmentId}',
        'DELETE /api/v1/orgs/{orgSlug}/developments/{developmentId}',
      ]),
    );
  });
});
