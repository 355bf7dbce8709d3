import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { synthesis, type Synthesis } from '../../common/synthesis.ts';
import { lab as labSchema } from '../../common/labs.ts';
import { followedActionList } from '../../common/actions.ts';
import {
  createTestContext,
  request,
  signInAs,
  type Actor,
  type TestContext,
} from '../testing/harness.ts';
import { demoActions, demoLabFacts } from './demo-lab.content.ts';
import { labActions, labNotes, labs, labTrendScores, users } from './schema.ts';
import { seedDemoIfEmpty } from './seed.ts';

let t: TestContext;
let facilitator: Actor;
let labId: string;
let result: Synthesis;
const orgSlug = 'kennisnetwerk-binnensteden';

beforeAll(async () => {
  t = await createTestContext();
  await seedDemoIfEmpty(t.ctx);
  const db = t.database.db;
  const [jeroen] = await db
    .select()
    .from(users)
    .where(eq(users.email, 'begeleider@stadshart.example'));
  facilitator = await signInAs(t, jeroen!.id, jeroen!.email);
  const [finished] = await db.select().from(labs).where(eq(labs.title, demoLabFacts.title));
  labId = finished!.id;
  const response = await request(t, facilitator, {
    method: 'GET',
    url: `/api/v1/labs/${labId}/synthesis`,
  });
  expect(response.statusCode).toBe(200);
  result = synthesis.parse(response.json());
});
afterAll(async () => {
  await t.close();
});

describe('the finished demo lab for IJmond', () => {
  it('is a closed regional lab over the three places that used every method', async () => {
    const response = await request(t, facilitator, {
      method: 'GET',
      url: `/api/v1/orgs/${orgSlug}/labs/${labId}`,
    });
    const lab = labSchema.parse(response.json());
    expect(lab).toMatchObject({ status: 'closed', kind: 'regional' });
    expect(lab.places.map((p) => p.name).sort()).toEqual(['Beverwijk', 'Heemskerk', 'IJmuiden']);
    expect(new Set(lab.activities.map((a) => a.kind))).toEqual(
      new Set(['canvas', 'poll', 'trendscan', 'scenarios', 'vision', 'positioning', 'actions']),
    );
    expect(lab.themes.map((theme) => theme.key)).toHaveLength(4);
    expect(lab.participantCount).toBeGreaterThanOrEqual(6);
  });

  it('has its projections written, as a live lab leaves them', async () => {
    const db = t.database.db;
    expect((await db.select().from(labNotes).where(eq(labNotes.labId, labId))).length).toBe(31);
    expect(
      (await db.select().from(labTrendScores).where(eq(labTrendScores.labId, labId))).length,
    ).toBe(36);
    const actions = await db.select().from(labActions).where(eq(labActions.labId, labId));
    expect(actions.map((a) => a.title).sort()).toEqual(demoActions.map((a) => a.title).sort());
  });

  it('gives a synthesis with every method’s results', () => {
    const kinds = result.activities.map((part) => part.kind);
    expect(new Set(kinds)).toEqual(
      new Set(['canvas', 'poll', 'trendscan', 'scenarios', 'vision', 'positioning', 'actions']),
    );
    const trends = result.activities.find((part) => part.kind === 'trendscan');
    expect(trends?.kind === 'trendscan' && trends.ranking[0]?.itemKey).toBe('anders-consumeren');
    const scenarios = result.activities.find((part) => part.kind === 'scenarios');
    expect(
      scenarios?.kind === 'scenarios' && scenarios.actions.filter((a) => a.robust),
    ).toHaveLength(2);
    const positioning = result.activities.find((part) => part.kind === 'positioning');
    expect(positioning?.kind === 'positioning' && positioning.agreements).toHaveLength(2);
    expect(
      positioning?.kind === 'positioning' && positioning.overlaps.map((o) => o.verdict).sort(),
    ).toEqual(['competition', 'complementary']);
    const vision = result.activities.find((part) => part.kind === 'vision');
    expect(vision?.kind === 'vision' && vision.text).toContain('In 2030');
  });

  it('keeps the follow-up of its actions with their history', async () => {
    const response = await request(t, facilitator, {
      method: 'GET',
      url: `/api/v1/orgs/${orgSlug}/labs/${labId}/actions`,
    });
    expect(response.statusCode).toBe(200);
    const { actions } = followedActionList.parse(response.json());
    const fund = actions.find((a) => a.title === demoActions[0]!.title);
    expect(fund).toMatchObject({ status: 'in-progress', progress: 35 });
    expect(fund?.history).toHaveLength(1);
  });
});
