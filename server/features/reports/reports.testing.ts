// Test support for the report feature: a lab that has run, with notes, dots and poll answers
// stored and projected as a live lab leaves them, and a generation run without the queue.
import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import * as Y from 'yjs';
import { canvasRoots, dotKey, type NoteValue } from '../../../common/activities/canvas.ts';
import type { PollConfig } from '../../../common/activities/poll.ts';
import { setAnswer } from '../../../common/activities/poll.doc.ts';
import type { ActivityConfig } from '../../../common/activities/registry.ts';
import { activityDocumentName } from '../../../common/collab.ts';
import { joinResult, lab as labSchema } from '../../../common/labs.ts';
import { moduleFor } from '../../activities/registry.ts';
import { loadDocumentState, mergeDocumentState } from '../../collab/collab.repo.ts';
import { demoLabFacts } from '../../db/demo-lab.content.ts';
import { labs, users } from '../../db/schema.ts';
import { seedDemoIfEmpty } from '../../db/seed.ts';
import { request, signInAs, type Actor, type TestContext } from '../../testing/harness.ts';
import { runReportJob } from './reports.job.ts';
import { claimGeneration } from './reports.repo.ts';

export interface ReportLab {
  labId: string;
  orgSlug: string;
  canvasId: string;
  canvasConfig: ActivityConfig;
  pollId: string;
  pollConfig: ActivityConfig;
  /** The first two section keys of the canvas. */
  sections: [string, string];
  guestId: string;
  guestName: string;
}

const pollConfig: PollConfig = {
  kind: 'poll',
  question: 'Wat pakken we eerst aan?',
  type: 'single',
  options: [
    { key: 'groen', label: 'Meer groen' },
    { key: 'wonen', label: 'Wonen boven winkels' },
  ],
  maxChoices: null,
  scale: null,
};

/** A local lab of `org` led by `actor`, with a canvas and a poll, moved to live, and one guest. */
export async function makeReportLab(
  t: TestContext,
  org: { slug: string },
  actor: Actor,
  options: { anonymous?: boolean; live?: boolean } = {},
): Promise<ReportLab> {
  const base = `/api/v1/orgs/${org.slug}/labs`;
  const created = await request(t, actor, {
    method: 'POST',
    url: base,
    payload: {
      title: 'Binnenstadslab IJmuiden',
      kind: 'local',
      question: 'Hoe blijft de binnenstad van IJmuiden levendig?',
      anonymous: options.anonymous ?? false,
    },
  });
  expect(created.statusCode, created.body).toBe(201);
  const labId = labSchema.parse(created.json()).id;
  const poll = await request(t, actor, {
    method: 'POST',
    url: `${base}/${labId}/activities`,
    payload: { title: 'Wat eerst?', kind: 'poll', config: pollConfig },
  });
  expect(poll.statusCode, poll.body).toBe(201);
  const opened = await request(t, actor, {
    method: 'POST',
    url: `${base}/${labId}/status`,
    payload: { status: 'open' },
  });
  expect(opened.statusCode, opened.body).toBe(200);
  const lab = labSchema.parse(opened.json());
  const joined = await request(t, null, {
    method: 'POST',
    url: '/api/v1/join',
    payload: { code: lab.joinCode, displayName: 'Gast Gerda' },
  });
  expect(joined.statusCode, joined.body).toBe(201);
  const guest = joinResult.parse(joined.json()).participant;
  if (options.live !== false) {
    const live = await request(t, actor, {
      method: 'POST',
      url: `${base}/${labId}/status`,
      payload: { status: 'live' },
    });
    expect(live.statusCode, live.body).toBe(200);
  }
  const canvas = lab.activities.find((a) => a.kind === 'canvas');
  const pollActivity = lab.activities.find((a) => a.kind === 'poll');
  if (canvas?.config.kind !== 'canvas' || !pollActivity) throw new Error('agenda incomplete');
  const [first, second] = canvas.config.sections;
  if (!first || !second) throw new Error('template has fewer than two sections');
  return {
    labId,
    orgSlug: org.slug,
    canvasId: canvas.id,
    canvasConfig: canvas.config,
    pollId: pollActivity.id,
    pollConfig: pollActivity.config,
    sections: [first.key, second.key],
    guestId: guest.id,
    guestName: 'Gast Gerda',
  };
}

/** Changes a stored document as the collaboration server would, then projects it. */
async function changeAndProject(
  t: TestContext,
  lab: ReportLab,
  activityId: string,
  config: ActivityConfig,
  change: (doc: Y.Doc) => void,
): Promise<void> {
  const name = activityDocumentName(lab.labId, activityId);
  const doc = new Y.Doc();
  const stored = await loadDocumentState(t.database.db, name);
  if (stored) Y.applyUpdate(doc, stored);
  change(doc);
  await mergeDocumentState(t.database.db, { name, labId: lab.labId }, Y.encodeStateAsUpdate(doc));
  await moduleFor(config.kind).project(t.database.db, doc, {
    labId: lab.labId,
    activityId,
    config,
  });
}

let counter = 0;

/** Adds notes by the guest to the canvas, each with `dots` dots of the guest; returns their ids. */
export async function addGuestNotes(
  t: TestContext,
  lab: ReportLab,
  notes: { section: string; text: string; dots?: number }[],
): Promise<string[]> {
  const ids = notes.map(() => `note-${(counter += 1)}`);
  await changeAndProject(t, lab, lab.canvasId, lab.canvasConfig, (doc) => {
    notes.forEach((input, index) => {
      const id = ids[index] ?? '';
      const note: NoteValue = {
        id,
        section: input.section,
        text: input.text,
        colour: 'yellow',
        authorId: lab.guestId,
        authorName: lab.guestName,
        clusterId: null,
        order: counter * 10 + index,
        createdAt: Date.now(),
      };
      doc.getMap(canvasRoots.notes).set(id, note);
      if (input.dots) doc.getMap(canvasRoots.dots).set(dotKey(lab.guestId, id), input.dots);
    });
  });
  return ids;
}

/** The guest answers the poll with the option `choice`. */
export async function answerPoll(t: TestContext, lab: ReportLab, choice: string): Promise<void> {
  await changeAndProject(t, lab, lab.pollId, lab.pollConfig, (doc) => {
    setAnswer(doc, lab.guestId, { choices: [choice] });
  });
}

/** Runs a generation as the worker would, without the queue, and waits for it. */
export async function generateNow(
  t: TestContext,
  lab: { labId: string },
  orgId: string,
  requestedBy: string,
): Promise<void> {
  await claimGeneration(t.database.db, {
    labId: lab.labId,
    orgId,
    requestedBy,
    busySince: new Date(),
  });
  await runReportJob(t.ctx, { labId: lab.labId, requestedBy });
}

/** The demo organisation's slug (server/db/seed.ts). */
export const DEMO_ORG_SLUG = 'kennisnetwerk-binnensteden';

export interface DemoReport {
  facilitator: Actor;
  facilitatorId: string;
  labId: string;
  /** /api/v1/orgs/<demo org>/labs/<lab>/report */
  reportUrl: string;
}

/**
 * Seeds the demo content, generates the IJmond lab's report without the queue and finalises it
 * as version 1, signed in as the demo facilitator.
 */
export async function finaliseDemoReport(t: TestContext): Promise<DemoReport> {
  await seedDemoIfEmpty(t.ctx);
  const db = t.database.db;
  const [person] = await db
    .select()
    .from(users)
    .where(eq(users.email, 'begeleider@stadshart.example'));
  const [lab] = await db.select().from(labs).where(eq(labs.title, demoLabFacts.title));
  if (!person || !lab) throw new Error('demo content missing');
  const facilitator = await signInAs(t, person.id, person.email);
  await generateNow(t, { labId: lab.id }, lab.orgId, person.id);
  const reportUrl = `/api/v1/orgs/${DEMO_ORG_SLUG}/labs/${lab.id}/report`;
  const finalised = await request(t, facilitator, { method: 'POST', url: `${reportUrl}/versions` });
  expect(finalised.statusCode, finalised.body).toBe(201);
  return { facilitator, facilitatorId: person.id, labId: lab.id, reportUrl };
}
