import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { setAnswer } from '../../../common/activities/poll.doc.ts';
import { pollConfig, pollRoots, type PollConfig } from '../../../common/activities/poll.ts';
import { activities, labParticipants, labPollAnswers, labs } from '../../db/schema.ts';
import { createOrg, createTestContext, type TestContext } from '../../testing/harness.ts';
import { projectPoll } from './poll.repo.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(async () => {
  await t.close();
});

const choice: PollConfig = pollConfig.parse({
  kind: 'poll',
  question: 'Wat mist u?',
  type: 'multiple',
  options: [
    { key: 'groen', label: 'Groen' },
    { key: 'bankjes', label: 'Bankjes' },
  ],
});
const scale: PollConfig = pollConfig.parse({
  kind: 'poll',
  question: 'Hoe tevreden bent u?',
  type: 'scale',
  scale: { min: 1, max: 5 },
});
const open: PollConfig = pollConfig.parse({ kind: 'poll', question: 'Eén woord?', type: 'open' });

/** A lab with one poll activity and the named guests, straight into the database. */
async function createPollLab(config: PollConfig, people: string[]) {
  const org = await createOrg(t);
  const db = t.database.db;
  const [lab] = await db
    .insert(labs)
    .values({ orgId: org.id, title: 'Binnenstadslab', kind: 'local', status: 'live' })
    .returning();
  if (!lab) throw new Error('lab not created');
  const [activity] = await db
    .insert(activities)
    .values({ labId: lab.id, position: 0, kind: 'poll', title: 'Peiling', config })
    .returning();
  if (!activity) throw new Error('activity not created');
  const rows = await db
    .insert(labParticipants)
    .values(people.map((displayName) => ({ labId: lab.id, kind: 'guest' as const, displayName })))
    .returning();
  return { target: { labId: lab.id, activityId: activity.id, config }, ids: rows.map((r) => r.id) };
}

async function answersOf(activityId: string) {
  const rows = await t.database.db
    .select()
    .from(labPollAnswers)
    .where(eq(labPollAnswers.activityId, activityId));
  return rows.map((r) => ({
    participantId: r.participantId,
    choices: r.choices,
    value: r.value,
    text: r.text,
  }));
}

describe('projectPoll', () => {
  it('W35: stores one row per valid answer of a participant of this lab', async () => {
    const { target, ids } = await createPollLab(choice, ['Anna', 'Bram', 'Cas']);
    const other = await createPollLab(choice, ['Vreemd']);
    const [anna = '', bram = '', cas = ''] = ids;
    const doc = new Y.Doc();
    setAnswer(doc, anna, { choices: ['groen', 'bankjes'] });
    setAnswer(doc, bram, { choices: ['parkeren'] });
    setAnswer(doc, cas, { value: 3 });
    setAnswer(doc, other.ids[0] ?? '', { choices: ['groen'] });
    doc.getMap(pollRoots.answers).set('not-a-uuid', { choices: ['groen'] });

    await projectPoll(t.database.db, doc, target);

    expect(await answersOf(target.activityId)).toEqual([
      { participantId: anna, choices: ['groen', 'bankjes'], value: null, text: null },
    ]);
  });

  it('W35: stores scale and open answers in their own columns', async () => {
    const scaled = await createPollLab(scale, ['Anna']);
    const scaleDoc = new Y.Doc();
    setAnswer(scaleDoc, scaled.ids[0] ?? '', { value: 4 });
    await projectPoll(t.database.db, scaleDoc, scaled.target);
    expect(await answersOf(scaled.target.activityId)).toEqual([
      { participantId: scaled.ids[0], choices: null, value: 4, text: null },
    ]);

    const opened = await createPollLab(open, ['Anna']);
    const openDoc = new Y.Doc();
    setAnswer(openDoc, opened.ids[0] ?? '', { text: 'Gezel\u0000lig' });
    await projectPoll(t.database.db, openDoc, opened.target);
    expect(await answersOf(opened.target.activityId)).toEqual([
      { participantId: opened.ids[0], choices: null, value: null, text: 'Gezellig' },
    ]);
  });

  it('W36: replaces the rows, so a withdrawn answer disappears', async () => {
    const { target, ids } = await createPollLab(open, ['Anna', 'Bram']);
    const doc = new Y.Doc();
    setAnswer(doc, ids[0] ?? '', { text: 'Groen' });
    setAnswer(doc, ids[1] ?? '', { text: 'Rustig' });
    await projectPoll(t.database.db, doc, target);
    doc.getMap(pollRoots.answers).delete(ids[0] ?? '');
    await projectPoll(t.database.db, doc, target);
    expect((await answersOf(target.activityId)).map((a) => a.text)).toEqual(['Rustig']);
  });
});
