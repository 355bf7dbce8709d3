import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { problem } from '../../../common/problem.ts';
import {
  reportState,
  reportVersion,
  reportVersionList,
  reportVersionSummary,
  type ReportEditorial,
  type ReportState,
} from '../../../common/reports.ts';
import { richDocFromText } from '../../../common/richtext.ts';
import { labReports, labReportVersions } from '../../db/schema.ts';
import {
  createActor,
  createOrg,
  createTestContext,
  request,
  type Actor,
  type TestContext,
} from '../../testing/harness.ts';
import {
  addGuestNotes,
  answerPoll,
  generateNow,
  makeReportLab,
  type ReportLab,
} from './reports.testing.ts';

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
  facilitatorA = await createActor(t, { org: orgA, role: 'facilitator', name: 'Jeroen Bakker' });
  memberA = await createActor(t, { org: orgA, role: 'member', name: 'Kees Molenaar' });
  adminB = await createActor(t, { org: orgB, role: 'admin' });
});

const reportUrl = (org: Org, labId: string) => `/api/v1/orgs/${org.slug}/labs/${labId}/report`;

async function call(
  actor: Actor | null,
  method: 'GET' | 'POST' | 'PUT',
  url: string,
  payload?: object,
) {
  return request(t, actor, { method, url, ...(payload ? { payload } : {}) });
}

async function stateOf(lab: ReportLab, actor: Actor = facilitatorA): Promise<ReportState> {
  const response = await call(actor, 'GET', reportUrl(orgA, lab.labId));
  expect(response.statusCode, response.body).toBe(200);
  return reportState.parse(response.json());
}

/** A live lab with two notes (one with dots) and a poll answer, generated once. */
async function generatedLab(options: { anonymous?: boolean } = {}): Promise<ReportLab> {
  const lab = await makeReportLab(t, orgA, facilitatorA, options);
  await addGuestNotes(t, lab, [
    { section: lab.sections[0], text: 'De haven en de vis maken IJmuiden uniek', dots: 2 },
    { section: lab.sections[1], text: 'Leegstaande winkels ombouwen tot woningen' },
  ]);
  await answerPoll(t, lab, 'wonen');
  await generateNow(t, lab, orgA.id, facilitatorA.userId);
  return lab;
}

function editorial(state: ReportState, patch: Partial<ReportEditorial>): ReportEditorial {
  return { ...state.editorial, ...patch };
}

async function storedReport(labId: string) {
  const [row] = await t.database.db.select().from(labReports).where(eq(labReports.labId, labId));
  return row ?? null;
}

describe('GET /orgs/:orgSlug/labs/:labId/report', () => {
  it('401 when signed out', async () => {
    const lab = await makeReportLab(t, orgA, facilitatorA);
    const response = await call(null, 'GET', reportUrl(orgA, lab.labId));
    expect(response.statusCode).toBe(401);
    expect(problem.parse(response.json()).code).toBe('unauthenticated');
  });

  it("404 for another organisation's admin, through either organisation", async () => {
    const lab = await makeReportLab(t, orgA, facilitatorA);
    expect((await call(adminB, 'GET', reportUrl(orgA, lab.labId))).statusCode).toBe(404);
    expect((await call(adminB, 'GET', reportUrl(orgB, lab.labId))).statusCode).toBe(404);
  });

  it('400 naming labId when it is not a uuid', async () => {
    const response = await call(facilitatorA, 'GET', reportUrl(orgA, 'not-a-lab'));
    expect(response.statusCode).toBe(400);
    expect(problem.parse(response.json()).errors?.map((e) => e.field)).toContain('labId');
  });

  it('gives an idle report before the first generation, and the generated preview after it', async () => {
    const lab = await makeReportLab(t, orgA, facilitatorA);
    const before = await stateOf(lab);
    expect(before).toMatchObject({
      labId: lab.labId,
      labStatus: 'live',
      canGenerate: true,
      can: { edit: true, publish: true },
      job: { status: 'idle', progress: 0, error: null },
      preview: null,
      sections: [],
      versions: [],
      stale: false,
    });

    await addGuestNotes(t, lab, [{ section: lab.sections[0], text: 'Vis en staal', dots: 1 }]);
    await generateNow(t, lab, orgA.id, facilitatorA.userId);
    const after = await stateOf(lab);
    expect(after.job).toMatchObject({ status: 'ready', progress: 100, step: null, error: null });
    expect(after.preview?.version).toBe(0);
    expect(after.preview?.cover).toMatchObject({
      title: 'Binnenstadslab IJmuiden',
      question: 'Hoe blijft de binnenstad van IJmuiden levendig?',
      orgName: 'IJmond',
      facilitators: ['Jeroen Bakker'],
      anonymous: false,
    });
    expect(after.sections.map((s) => s.key)).toEqual([
      'question',
      `activity:${lab.canvasId}`,
      `activity:${lab.pollId}`,
      'synthesis',
    ]);
    expect(after.quotableNotes).toEqual([
      expect.objectContaining({ text: 'Vis en staal', author: 'Gast Gerda', dots: 1 }),
    ]);
    expect(after.preview?.licence.line).toBe(`© ${new Date().getFullYear()} IJmond · CC BY-SA 4.0`);
    expect(after.stale).toBe(false);
  });

  it('lets a member read the report but not edit it', async () => {
    const lab = await generatedLab();
    const state = await stateOf(lab, memberA);
    expect(state.can).toEqual({ edit: false, publish: false });
    expect(state.preview).not.toBeNull();
    const refused = await call(memberA, 'POST', `${reportUrl(orgA, lab.labId)}/versions`);
    expect(refused.statusCode).toBe(403);
  });

  it('says the report is stale once the room wrote something after the generation', async () => {
    const lab = await generatedLab();
    expect((await stateOf(lab)).stale).toBe(false);
    await addGuestNotes(t, lab, [{ section: lab.sections[0], text: 'Nog een idee' }]);
    expect((await stateOf(lab)).stale).toBe(true);
  });
});

describe('POST /orgs/:orgSlug/labs/:labId/report/generate', () => {
  it('401 when signed out', async () => {
    const lab = await makeReportLab(t, orgA, facilitatorA);
    const response = await call(null, 'POST', `${reportUrl(orgA, lab.labId)}/generate`);
    expect(response.statusCode).toBe(401);
  });

  it("404 for another organisation's admin, and nothing is queued", async () => {
    const lab = await makeReportLab(t, orgA, facilitatorA);
    const response = await call(adminB, 'POST', `${reportUrl(orgA, lab.labId)}/generate`);
    expect(response.statusCode).toBe(404);
    expect(await storedReport(lab.labId)).toBeNull();
  });

  it('400 naming labId for a malformed id', async () => {
    const response = await call(facilitatorA, 'POST', `${reportUrl(orgA, 'x')}/generate`);
    expect(response.statusCode).toBe(400);
    expect(problem.parse(response.json()).errors?.map((e) => e.field)).toContain('labId');
  });

  it('409 with a clear message while the lab is open but not started', async () => {
    const lab = await makeReportLab(t, orgA, facilitatorA, { live: false });
    const response = await call(facilitatorA, 'POST', `${reportUrl(orgA, lab.labId)}/generate`);
    expect(response.statusCode).toBe(409);
    expect(problem.parse(response.json()).detail).toContain('has not started');
    expect((await stateOf(lab)).canGenerate).toBe(false);
    expect(await storedReport(lab.labId)).toBeNull();
  });

  it('503 with a clear message when this server runs no job queue', async () => {
    const lab = await makeReportLab(t, orgA, facilitatorA);
    const response = await call(facilitatorA, 'POST', `${reportUrl(orgA, lab.labId)}/generate`);
    expect(response.statusCode).toBe(503);
    expect(problem.parse(response.json()).detail).toContain('no background jobs');
    expect(await storedReport(lab.labId)).toBeNull();
  });

  it('403 for a member who does not steer the lab', async () => {
    const lab = await makeReportLab(t, orgA, facilitatorA);
    const response = await call(memberA, 'POST', `${reportUrl(orgA, lab.labId)}/generate`);
    expect(response.statusCode).toBe(403);
  });
});

describe('PUT /orgs/:orgSlug/labs/:labId/report/editorial', () => {
  it('401 when signed out', async () => {
    const lab = await generatedLab();
    const state = await stateOf(lab);
    const response = await call(null, 'PUT', `${reportUrl(orgA, lab.labId)}/editorial`, {
      ...state.editorial,
    });
    expect(response.statusCode).toBe(401);
  });

  it("404 for another organisation's admin, and nothing changes", async () => {
    const lab = await generatedLab();
    const state = await stateOf(lab);
    const response = await call(adminB, 'PUT', `${reportUrl(orgA, lab.labId)}/editorial`, {
      ...editorial(state, { hidden: ['question'] }),
    });
    expect(response.statusCode).toBe(404);
    expect((await stateOf(lab)).editorial.hidden).toEqual([]);
  });

  it('400 naming the field for an unknown section, a foreign note or a malformed body; nothing changes', async () => {
    const lab = await generatedLab();
    const state = await stateOf(lab);
    const url = `${reportUrl(orgA, lab.labId)}/editorial`;
    const cases: [object, string][] = [
      [
        editorial(state, {
          order: ['question', 'activity:00000000-0000-4000-8000-000000000000'],
        }),
        'order.1',
      ],
      [editorial(state, { hidden: ['activity:00000000-0000-4000-8000-000000000000'] }), 'hidden.0'],
      [editorial(state, { quotedNoteIds: ['not-a-note'] }), 'quotedNoteIds.0'],
      [{ ...editorial(state, {}), order: ['kopje'] }, 'order.0'],
      [{ ...editorial(state, {}), licence: 'GPL' }, 'licence'],
    ];
    for (const [payload, field] of cases) {
      const response = await call(facilitatorA, 'PUT', url, payload);
      expect(response.statusCode, field).toBe(400);
      expect(
        problem.parse(response.json()).errors?.map((e) => e.field),
        field,
      ).toContain(field);
    }
    expect((await stateOf(lab)).editorial).toEqual(state.editorial);
  });

  it('409 before the first generation', async () => {
    const lab = await makeReportLab(t, orgA, facilitatorA);
    const state = await stateOf(lab);
    const response = await call(facilitatorA, 'PUT', `${reportUrl(orgA, lab.labId)}/editorial`, {
      ...state.editorial,
    });
    expect(response.statusCode).toBe(409);
  });

  it('applies introduction, order, hidden sections, quotes and licence to the preview', async () => {
    const lab = await generatedLab();
    const state = await stateOf(lab);
    const quoted = state.quotableNotes.find((note) => note.dots === 2);
    const response = await call(facilitatorA, 'PUT', `${reportUrl(orgA, lab.labId)}/editorial`, {
      ...editorial(state, {
        introduction: richDocFromText('Een middag vol ideeën.'),
        conclusions: richDocFromText('We gaan door met de haven.'),
        order: ['synthesis', `activity:${lab.pollId}`],
        hidden: [`activity:${lab.canvasId}`],
        quotedNoteIds: [quoted?.id ?? ''],
        licence: 'CC-BY-4.0',
        attribution: 'Gemeente Velsen',
      }),
    });
    expect(response.statusCode, response.body).toBe(200);
    const after = reportState.parse(response.json());
    expect(after.preview?.sections.map((s) => s.key)).toEqual([
      'introduction',
      'synthesis',
      `activity:${lab.pollId}`,
      'question',
      'quotes',
      'conclusions',
    ]);
    expect(after.preview?.sections.find((s) => s.key === 'quotes')?.blocks).toEqual([
      { type: 'quote', text: 'De haven en de vis maken IJmuiden uniek', author: 'Gast Gerda' },
    ]);
    expect(after.sections.find((s) => s.key === `activity:${lab.canvasId}`)?.hidden).toBe(true);
    expect(after.preview?.licence.line).toContain('Gemeente Velsen · CC BY 4.0');
    expect(after).toEqual(await stateOf(lab));
  });

  it('keeps the edits through a new generation', async () => {
    const lab = await generatedLab();
    const state = await stateOf(lab);
    const saved = await call(facilitatorA, 'PUT', `${reportUrl(orgA, lab.labId)}/editorial`, {
      ...editorial(state, { hidden: ['question'] }),
    });
    expect(saved.statusCode).toBe(200);
    await generateNow(t, lab, orgA.id, facilitatorA.userId);
    const again = await stateOf(lab);
    expect(again.editorial.hidden).toEqual(['question']);
    expect(again.preview?.sections.map((s) => s.key)).not.toContain('question');
  });
});

describe('POST and GET /orgs/:orgSlug/labs/:labId/report/versions', () => {
  it('401 when signed out, for every version endpoint', async () => {
    const lab = await generatedLab();
    const url = `${reportUrl(orgA, lab.labId)}/versions`;
    expect((await call(null, 'POST', url)).statusCode).toBe(401);
    expect((await call(null, 'GET', url)).statusCode).toBe(401);
    expect((await call(null, 'GET', `${url}/1`)).statusCode).toBe(401);
  });

  it("404 for another organisation's admin, and no version is made", async () => {
    const lab = await generatedLab();
    const url = `${reportUrl(orgA, lab.labId)}/versions`;
    expect((await call(adminB, 'POST', url)).statusCode).toBe(404);
    expect((await call(adminB, 'GET', url)).statusCode).toBe(404);
    expect((await call(adminB, 'GET', `${url}/1`)).statusCode).toBe(404);
    const rows = await t.database.db
      .select()
      .from(labReportVersions)
      .where(eq(labReportVersions.labId, lab.labId));
    expect(rows).toHaveLength(0);
  });

  it('400 naming version when it is not a positive number', async () => {
    const lab = await generatedLab();
    for (const version of ['0', 'eerste']) {
      const response = await call(
        facilitatorA,
        'GET',
        `${reportUrl(orgA, lab.labId)}/versions/${version}`,
      );
      expect(response.statusCode).toBe(400);
      expect(problem.parse(response.json()).errors?.map((e) => e.field)).toContain('version');
    }
  });

  it('409 before the first generation, and no version is made', async () => {
    const lab = await makeReportLab(t, orgA, facilitatorA);
    const response = await call(facilitatorA, 'POST', `${reportUrl(orgA, lab.labId)}/versions`);
    expect(response.statusCode).toBe(409);
    const rows = await t.database.db
      .select()
      .from(labReportVersions)
      .where(eq(labReportVersions.labId, lab.labId));
    expect(rows).toHaveLength(0);
  });

  it('finalises numbered versions that later edits do not change, and 404 for an unknown one', async () => {
    const lab = await generatedLab();
    const url = `${reportUrl(orgA, lab.labId)}/versions`;
    const first = await call(facilitatorA, 'POST', url);
    expect(first.statusCode, first.body).toBe(201);
    expect(reportVersionSummary.parse(first.json())).toMatchObject({
      version: 1,
      title: 'Binnenstadslab IJmuiden',
      finalisedBy: 'Jeroen Bakker',
      licence: 'CC-BY-SA-4.0',
    });

    const state = await stateOf(lab);
    await call(facilitatorA, 'PUT', `${url.replace('/versions', '')}/editorial`, {
      ...editorial(state, { hidden: ['synthesis'], licence: 'CC0-1.0' }),
    });
    const second = await call(facilitatorA, 'POST', url);
    expect(reportVersionSummary.parse(second.json())).toMatchObject({
      version: 2,
      licence: 'CC0-1.0',
    });

    const list = reportVersionList.parse((await call(memberA, 'GET', url)).json());
    expect(list.versions.map((v) => v.version)).toEqual([2, 1]);
    const one = reportVersion.parse((await call(memberA, 'GET', `${url}/1`)).json());
    expect(one.document.version).toBe(1);
    expect(one.document.sections.map((s) => s.key)).toContain('synthesis');
    expect(one.document.sections).toEqual(state.preview?.sections);
    const two = reportVersion.parse((await call(memberA, 'GET', `${url}/2`)).json());
    expect(two.document.sections.map((s) => s.key)).not.toContain('synthesis');
    expect((await stateOf(lab)).versions.map((v) => v.version)).toEqual([2, 1]);

    const [stored] = await t.database.db
      .select()
      .from(labReportVersions)
      .where(eq(labReportVersions.labId, lab.labId))
      .orderBy(labReportVersions.version);
    expect(stored?.raw).toMatchObject({
      notes: expect.arrayContaining([
        expect.objectContaining({ text: 'Leegstaande winkels ombouwen tot woningen' }),
      ]) as unknown,
      votes: expect.arrayContaining([
        expect.objectContaining({ target: 'Wonen boven winkels', voter: 'Gast Gerda', count: 1 }),
      ]) as unknown,
    });

    const missing = await call(memberA, 'GET', `${url}/3`);
    expect(missing.statusCode).toBe(404);
  });
});

describe('anonymity', () => {
  it('names guests by their display name in a lab that is not anonymous', async () => {
    const lab = await generatedLab();
    const state = await stateOf(lab);
    expect(JSON.stringify(state.preview)).toContain('Gast Gerda');
    expect(state.quotableNotes.every((note) => note.author === 'Gast Gerda')).toBe(true);
  });

  it('names nobody who took part in an anonymous lab: not in the document, quotes or raw data', async () => {
    const lab = await generatedLab({ anonymous: true });
    const state = await stateOf(lab);
    const url = reportUrl(orgA, lab.labId);
    await call(facilitatorA, 'PUT', `${url}/editorial`, {
      ...editorial(state, { quotedNoteIds: state.quotableNotes.map((note) => note.id) }),
    });
    const finalised = await call(facilitatorA, 'POST', `${url}/versions`);
    expect(finalised.statusCode).toBe(201);
    const [stored] = await t.database.db
      .select()
      .from(labReportVersions)
      .where(eq(labReportVersions.labId, lab.labId));
    const everything = JSON.stringify([await stateOf(lab), stored?.document, stored?.raw]);
    expect(everything).not.toContain('Gast Gerda');
    expect(everything).toContain('De haven en de vis maken IJmuiden uniek');
    expect((await stateOf(lab)).preview?.cover.anonymous).toBe(true);
  });
});
