import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  canvasTemplate,
  canvasTemplateList,
  type CanvasTemplate,
} from '../../../common/canvas-templates.ts';
import { lab } from '../../../common/labs.ts';
import { problem } from '../../../common/problem.ts';
import { seedDemoIfEmpty } from '../../db/seed.ts';
import { ensureBuiltinTemplates } from './templates.service.ts';
import { activities, canvasTemplates, labs, organisations } from '../../db/schema.ts';
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

const base = (org: Org) => `/api/v1/orgs/${org.slug}/canvas-templates`;
const sections = [
  { key: 'sterk', title: 'Wat gaat goed', colour: '#D5EDCB' },
  { key: 'beter', title: 'Wat kan beter', prompt: 'Eén punt per briefje.', colour: '#F3D6D6' },
];

async function list(org: Org, actor: Actor): Promise<CanvasTemplate[]> {
  const response = await request(t, actor, { method: 'GET', url: base(org) });
  expect(response.statusCode).toBe(200);
  return canvasTemplateList.parse(response.json()).templates;
}

async function templateRows(org: Org) {
  return t.database.db.select().from(canvasTemplates).where(eq(canvasTemplates.orgId, org.id));
}

async function addTemplate(org: Org, actor: Actor, body: object = {}): Promise<CanvasTemplate> {
  const response = await request(t, actor, {
    method: 'POST',
    url: base(org),
    payload: { name: 'Terugblik', sections, ...body },
  });
  expect(response.statusCode, response.body).toBe(201);
  return canvasTemplate.parse(response.json());
}

function fieldsOf(body: unknown): string[] {
  return (problem.parse(body).errors ?? []).map((error) => error.field);
}

describe('GET /orgs/:orgSlug/canvas-templates', () => {
  it('answers 401 when signed out and 404 for another organisation, creating nothing', async () => {
    expect((await request(t, null, { method: 'GET', url: base(orgA) })).statusCode).toBe(401);
    expect((await request(t, adminB, { method: 'GET', url: base(orgA) })).statusCode).toBe(404);
    expect(await templateRows(orgA)).toEqual([]);
  });

  it('gives every member the three built-ins on first need, the default first', async () => {
    const templates = await list(orgA, memberA);
    expect(
      templates.map((template) => [template.builtinKey, template.name, template.isDefault]),
    ).toEqual([
      ['nieuwe-binnensteden', 'Canvas Nieuwe Binnensteden', true],
      ['leeg', 'Leeg canvas', false],
      ['negen-blokken', 'Stadsmodel in negen blokken', false],
    ]);
    expect(templates[0]?.sections.map((section) => section.key)).toEqual([
      'dna',
      'positie',
      'winkelen',
      'wonen',
      'werken',
      'verblijven',
      'kansen',
      'belemmeringen',
      'regio',
    ]);
    expect(templates[1]?.sections).toHaveLength(1);
    expect(templates[2]?.sections).toHaveLength(9);
    await list(orgA, memberA);
    expect(await templateRows(orgA)).toHaveLength(3);
    expect(await templateRows(orgB)).toEqual([]);
  });

  it('creates the built-ins once when several first listings arrive at the same moment', async () => {
    const answers = await Promise.all(
      Array.from({ length: 4 }, () => request(t, memberA, { method: 'GET', url: base(orgA) })),
    );
    expect(answers.map((answer) => answer.statusCode)).toEqual([200, 200, 200, 200]);
    // Requests may happen to run one after the other; calls without the HTTP detour overlap surely.
    await Promise.all(
      Array.from({ length: 8 }, () => ensureBuiltinTemplates(t.database.db, orgB.id)),
    );
    expect(await templateRows(orgB)).toHaveLength(3);
    const rows = await templateRows(orgA);
    expect(rows.map((row) => row.builtinKey).sort()).toEqual([
      'leeg',
      'negen-blokken',
      'nieuwe-binnensteden',
    ]);
    expect(rows.filter((row) => row.isDefault)).toHaveLength(1);
  });
});

describe('POST /orgs/:orgSlug/canvas-templates', () => {
  const post = (actor: Actor | null, org: Org, payload: object) =>
    request(t, actor, { method: 'POST', url: base(org), payload });

  it('answers 401, 404 for another organisation, 403 to a facilitator; adds nothing', async () => {
    const body = { name: 'Terugblik', sections };
    expect((await post(null, orgA, body)).statusCode).toBe(401);
    expect((await post(adminB, orgA, body)).statusCode).toBe(404);
    expect((await post(facilitatorA, orgA, body)).statusCode).toBe(403);
    expect((await templateRows(orgA)).filter((row) => row.builtinKey === null)).toEqual([]);
  });

  it('answers 400 naming the field and adds nothing', async () => {
    const cases: [string, object][] = [
      ['name', { name: '', sections }],
      ['sections', { name: 'X', sections: [] }],
      ['sections', { name: 'X', sections: [sections[0], sections[0]] }],
      ['sections.0.colour', { name: 'X', sections: [{ ...sections[0], colour: 'groen' }] }],
      ['sections.0.key', { name: 'X', sections: [{ ...sections[0], key: 'Met Spaties' }] }],
    ];
    for (const [field, body] of cases) {
      const response = await post(adminA, orgA, body);
      expect(response.statusCode, field).toBe(400);
      expect(fieldsOf(response.json()), field).toContain(field);
    }
    expect((await templateRows(orgA)).filter((row) => row.builtinKey === null)).toEqual([]);
  });

  it('adds a template; made the default, it takes over from the previous one', async () => {
    const added = await addTemplate(orgA, adminA, { description: 'Voor de evaluatie.' });
    expect(added).toMatchObject({
      name: 'Terugblik',
      description: 'Voor de evaluatie.',
      isDefault: false,
      builtinKey: null,
      sections: [
        { key: 'sterk', title: 'Wat gaat goed', prompt: '', colour: '#D5EDCB' },
        { key: 'beter', prompt: 'Eén punt per briefje.' },
      ],
    });
    const preferred = await addTemplate(orgA, adminA, { name: 'Voorkeur', isDefault: true });
    const templates = await list(orgA, memberA);
    expect(
      templates.filter((template) => template.isDefault).map((template) => template.id),
    ).toEqual([preferred.id]);
    expect(templates[0]?.id).toBe(preferred.id);
    // A new lab without a template starts from the new default.
    const created = await request(t, facilitatorA, {
      method: 'POST',
      url: `/api/v1/orgs/${orgA.slug}/labs`,
      payload: { title: 'Lab', kind: 'thematic' },
    });
    expect(lab.parse(created.json()).activities[0]).toMatchObject({
      title: 'Voorkeur',
      config: { sections: [{ key: 'sterk' }, { key: 'beter' }] },
    });
  });
});

describe('GET, PATCH and DELETE /orgs/:orgSlug/canvas-templates/:templateId', () => {
  let mine: CanvasTemplate;
  let theirs: CanvasTemplate;
  beforeEach(async () => {
    mine = await addTemplate(orgA, adminA);
    theirs = await addTemplate(orgB, adminB, { name: 'Van B' });
  });
  const url = (org: Org, id: string) => `${base(org)}/${id}`;

  it('answers 401 signed out, and 404 for another organisation or its template', async () => {
    for (const method of ['GET', 'PATCH', 'DELETE'] as const) {
      const payload = method === 'PATCH' ? { payload: { name: 'Overgenomen' } } : {};
      expect(
        (await request(t, null, { method, url: url(orgA, mine.id), ...payload })).statusCode,
      ).toBe(401);
      expect(
        (await request(t, adminB, { method, url: url(orgA, mine.id), ...payload })).statusCode,
      ).toBe(404);
      expect(
        (await request(t, adminA, { method, url: url(orgA, theirs.id), ...payload })).statusCode,
      ).toBe(404);
    }
    const [stillTheirs] = (await templateRows(orgB)).filter((row) => row.id === theirs.id);
    expect(stillTheirs).toMatchObject({ name: 'Van B', archivedAt: null });
  });

  it('shows a template to a member, but lets only an admin change or archive it', async () => {
    const shown = await request(t, memberA, { method: 'GET', url: url(orgA, mine.id) });
    expect(canvasTemplate.parse(shown.json())).toEqual(mine);
    const patch = await request(t, facilitatorA, {
      method: 'PATCH',
      url: url(orgA, mine.id),
      payload: { name: 'X' },
    });
    expect(patch.statusCode).toBe(403);
    expect(
      (await request(t, facilitatorA, { method: 'DELETE', url: url(orgA, mine.id) })).statusCode,
    ).toBe(403);
    const [row] = (await templateRows(orgA)).filter((r) => r.id === mine.id);
    expect(row).toMatchObject({ name: 'Terugblik', archivedAt: null });
  });

  it('answers 400 naming the field and changes nothing', async () => {
    const badId = await request(t, adminA, { method: 'GET', url: url(orgA, 'x') });
    expect(fieldsOf(badId.json())).toEqual(['templateId']);
    for (const [field, body] of [
      ['sections', { name: 'Nieuw', sections: [] }],
      ['name', { name: ' ' }],
      ['isDefault', { isDefault: 'ja' }],
    ] as const) {
      const response = await request(t, adminA, {
        method: 'PATCH',
        url: url(orgA, mine.id),
        payload: body,
      });
      expect(response.statusCode, field).toBe(400);
      expect(fieldsOf(response.json())).toContain(field);
    }
    const [row] = (await templateRows(orgA)).filter((r) => r.id === mine.id);
    expect(row).toMatchObject({ name: 'Terugblik', sections: mine.sections });
  });

  it('changes the given fields; labs keep the sections they started with', async () => {
    const created = lab.parse(
      (
        await request(t, facilitatorA, {
          method: 'POST',
          url: `/api/v1/orgs/${orgA.slug}/labs`,
          payload: { title: 'Lab', kind: 'thematic', templateId: mine.id },
        })
      ).json(),
    );
    const response = await request(t, adminA, {
      method: 'PATCH',
      url: url(orgA, mine.id),
      payload: { name: 'Terugblik 2', sections: [sections[1]] },
    });
    expect(response.statusCode).toBe(200);
    expect(canvasTemplate.parse(response.json())).toMatchObject({
      name: 'Terugblik 2',
      sections: [{ key: 'beter' }],
    });
    const [stored] = await t.database.db
      .select()
      .from(activities)
      .where(eq(activities.labId, created.id));
    expect(stored?.config).toMatchObject({ sections: [{ key: 'sterk' }, { key: 'beter' }] });
  });

  it('keeps one default: unsetting it is refused, choosing another moves it', async () => {
    const [builtinDefault] = await list(orgA, memberA);
    const unset = await request(t, adminA, {
      method: 'PATCH',
      url: url(orgA, builtinDefault?.id ?? ''),
      payload: { isDefault: false },
    });
    expect(unset.statusCode).toBe(409);
    const moved = await request(t, adminA, {
      method: 'PATCH',
      url: url(orgA, mine.id),
      payload: { isDefault: true },
    });
    expect(canvasTemplate.parse(moved.json()).isDefault).toBe(true);
    const defaults = (await templateRows(orgA)).filter((row) => row.isDefault);
    expect(defaults.map((row) => row.id)).toEqual([mine.id]);
  });

  it('archives a template that is not the default; the default cannot be archived', async () => {
    const [builtinDefault] = await list(orgA, memberA);
    const refused = await request(t, adminA, {
      method: 'DELETE',
      url: url(orgA, builtinDefault?.id ?? ''),
    });
    expect(refused.statusCode).toBe(409);
    expect(
      (await request(t, adminA, { method: 'DELETE', url: url(orgA, mine.id) })).statusCode,
    ).toBe(204);
    expect((await request(t, memberA, { method: 'GET', url: url(orgA, mine.id) })).statusCode).toBe(
      404,
    );
    expect((await list(orgA, memberA)).map((template) => template.id)).not.toContain(mine.id);
    // An archived built-in is not brought back by the next listing.
    const blank = (await list(orgA, memberA)).find((template) => template.builtinKey === 'leeg');
    await request(t, adminA, { method: 'DELETE', url: url(orgA, blank?.id ?? '') });
    expect((await list(orgA, memberA)).map((template) => template.builtinKey)).not.toContain(
      'leeg',
    );
    const [archived] = await t.database.db
      .select()
      .from(canvasTemplates)
      .where(and(eq(canvasTemplates.orgId, orgA.id), eq(canvasTemplates.builtinKey, 'leeg')));
    expect(archived?.archivedAt).toBeInstanceOf(Date);
  });
});

describe('the demo seed', () => {
  it('adds a draft regional lab with a canvas per IJmond place and one for the region', async () => {
    const fresh = await createTestContext();
    try {
      expect(await seedDemoIfEmpty(fresh.ctx)).not.toBeNull();
      const [org] = await fresh.database.db.select().from(organisations);
      const [demo] = await fresh.database.db.select().from(labs);
      expect(demo).toMatchObject({
        orgId: org?.id,
        title: 'Regiolab IJmond: binnensteden die elkaar versterken',
        kind: 'regional',
        status: 'draft',
        joinCode: null,
      });
      const agenda = await fresh.database.db
        .select()
        .from(activities)
        .where(eq(activities.labId, demo?.id ?? ''))
        .orderBy(activities.position);
      expect(agenda.map((a) => a.title)).toEqual([
        'Canvas Heemskerk',
        'Canvas IJmuiden',
        'Canvas Beverwijk',
        'Canvas regio IJmond',
      ]);
      const templates = await fresh.database.db.select().from(canvasTemplates);
      expect(templates).toHaveLength(3);
    } finally {
      await fresh.close();
    }
  });
});
