import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { problem } from '../../../common/problem.ts';
import { reportState, type ReportState } from '../../../common/reports.ts';
import { activities, labReports } from '../../db/schema.ts';
import {
  createActor,
  createOrg,
  createTestContext,
  request,
  type Actor,
  type TestContext,
} from '../../testing/harness.ts';
import { addGuestNotes, makeReportLab, type ReportLab } from './reports.testing.ts';

let t: TestContext;
let org: { id: string; slug: string };
let facilitator: Actor;
beforeAll(async () => {
  t = await createTestContext({}, { jobs: true });
  org = await createOrg(t, 'IJmond');
  facilitator = await createActor(t, { org, role: 'facilitator', name: 'Jeroen Bakker' });
});
afterAll(async () => {
  await t.close();
});

const reportUrl = (labId: string) => `/api/v1/orgs/${org.slug}/labs/${labId}/report`;

async function stateOf(lab: ReportLab): Promise<ReportState> {
  const response = await request(t, facilitator, { method: 'GET', url: reportUrl(lab.labId) });
  expect(response.statusCode, response.body).toBe(200);
  return reportState.parse(response.json());
}

/** Polls GET …/report as the web app does until the job has finished; returns every state seen. */
async function waitForJob(lab: ReportLab): Promise<ReportState[]> {
  const seen: ReportState[] = [];
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const state = await stateOf(lab);
    seen.push(state);
    if (state.job.status === 'ready' || state.job.status === 'failed') return seen;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the job did not finish: ${JSON.stringify(seen.at(-1)?.job)}`);
}

async function generate(lab: ReportLab) {
  return request(t, facilitator, { method: 'POST', url: `${reportUrl(lab.labId)}/generate` });
}

describe('the report-generate job', () => {
  it('runs from POST …/generate to ready, its progress reaching 100', async () => {
    const lab = await makeReportLab(t, org, facilitator);
    await addGuestNotes(t, lab, [{ section: lab.sections[0], text: 'Staal en vis', dots: 1 }]);
    const queued = await generate(lab);
    expect(queued.statusCode, queued.body).toBe(202);
    const answer = reportState.parse(queued.json());
    expect(['queued', 'running', 'ready']).toContain(answer.job.status);
    expect(answer.job.requestedAt).not.toBeNull();

    const seen = await waitForJob(lab);
    const last = seen.at(-1);
    expect(last?.job).toMatchObject({ status: 'ready', progress: 100, error: null });
    expect(last?.job.finishedAt).not.toBeNull();
    expect(last?.preview?.sections.map((s) => s.key)).toContain(`activity:${lab.canvasId}`);
    expect(last?.quotableNotes.map((note) => note.text)).toEqual(['Staal en vis']);
  });

  it('409 while a generation is queued or running, and the job stays as it was', async () => {
    const lab = await makeReportLab(t, org, facilitator);
    await t.database.db.insert(labReports).values({
      labId: lab.labId,
      orgId: org.id,
      jobStatus: 'running',
      progress: 40,
      step: 'synthesis',
      requestedAt: new Date(),
    });
    const response = await generate(lab);
    expect(response.statusCode).toBe(409);
    expect(problem.parse(response.json()).detail).toContain('already being generated');
    expect((await stateOf(lab)).job).toMatchObject({ status: 'running', progress: 40 });
  });

  it('takes over a generation that has been running for too long (a stopped server)', async () => {
    const lab = await makeReportLab(t, org, facilitator);
    await t.database.db.insert(labReports).values({
      labId: lab.labId,
      orgId: org.id,
      jobStatus: 'running',
      progress: 40,
      requestedAt: new Date(Date.now() - 60 * 60 * 1000),
    });
    expect((await generate(lab)).statusCode).toBe(202);
    expect((await waitForJob(lab)).at(-1)?.job.status).toBe('ready');
  });

  it('fails with a reason a person can act on, keeps the previous generation, and succeeds on retry', async () => {
    const lab = await makeReportLab(t, org, facilitator);
    await addGuestNotes(t, lab, [{ section: lab.sections[0], text: 'Eerste versie' }]);
    expect((await generate(lab)).statusCode).toBe(202);
    const first = (await waitForJob(lab)).at(-1);
    expect(first?.job.status).toBe('ready');

    // An activity whose settings no longer read (a defect in the data) stops the build.
    const [poll] = await t.database.db
      .select()
      .from(activities)
      .where(eq(activities.id, lab.pollId));
    await t.database.db
      .update(activities)
      .set({ config: { kind: 'poll', question: 42 } })
      .where(eq(activities.id, lab.pollId));
    expect((await generate(lab)).statusCode).toBe(202);
    const failed = (await waitForJob(lab)).at(-1);
    expect(failed?.job.status).toBe('failed');
    expect(failed?.job.error).toContain('Wat eerst?');
    expect(failed?.job.error).toContain('beheerder');
    expect(failed?.job.error).not.toMatch(/\n\s+at |Error:|ZodError/);
    // The previous generation is still there to read and finalise.
    expect(failed?.preview).toEqual(first?.preview);
    expect(failed?.quotableNotes).toEqual(first?.quotableNotes);

    await t.database.db
      .update(activities)
      .set({ config: poll?.config })
      .where(eq(activities.id, lab.pollId));
    expect((await generate(lab)).statusCode).toBe(202);
    const retried = (await waitForJob(lab)).at(-1);
    expect(retried?.job).toMatchObject({ status: 'ready', progress: 100, error: null });
  });
});
