// The trend scan over real sockets with the real provider (docs/COLLAB_SPEC.md, T4, T11, T14,
// T20, T21): what one person scores reaches the others and the tables; what breaks a rule does not.
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
  chooseTheme,
  setRespondentPlace,
  setScore,
} from '../../../common/activities/trendscan.doc.ts';
import {
  personItemKey,
  trendscanConfig,
  trendscanRoots,
  type TrendscanConfig,
} from '../../../common/activities/trendscan.ts';
import {
  addConfiguredActivity,
  addParticipant,
  createLab,
  refusedWith,
  sleep,
  storedDoc,
  useCollabServer,
  waitAcknowledged,
  waitFor,
  waitSynced,
  type TestClient,
} from '../../collab/collab.testing.ts';
import { labPlaces, labs, labTrendScores, places } from '../../db/schema.ts';

const config: TrendscanConfig = trendscanConfig.parse({
  kind: 'trendscan',
  items: [
    { key: 'anders-werken', trendKey: 'anders-werken', kind: 'trend', title: 'Anders werken' },
    {
      key: 'anders-vervoeren',
      trendKey: 'anders-vervoeren',
      kind: 'trend',
      title: 'Anders vervoeren',
    },
  ],
});

const collab = useCollabServer();
const open = (name: string, token: string): TestClient => collab.open(name, token);

/** A lab (live unless said otherwise) with a trend scan, one place, two guests and a facilitator. */
async function scanLab(status: 'live' | 'closed' = 'live') {
  const { labId } = await createLab(collab.t, { status });
  const db = collab.t.database.db;
  const [lab] = await db.select({ orgId: labs.orgId }).from(labs).where(eq(labs.id, labId));
  const [place] = await db
    .insert(places)
    .values({ orgId: lab?.orgId ?? '', name: 'IJmuiden', municipality: 'Velsen' })
    .returning({ id: places.id });
  if (!place) throw new Error('place not created');
  await db.insert(labPlaces).values({ labId, placeId: place.id });
  const activity = await addConfiguredActivity(collab.t, labId, config, 'Trendscan');
  return {
    labId,
    placeId: place.id,
    activityId: activity.activityId,
    name: activity.name,
    anna: await addParticipant(collab.t, labId, { name: 'Anna' }),
    bram: await addParticipant(collab.t, labId, { name: 'Bram' }),
    fien: await addParticipant(collab.t, labId, { role: 'facilitator', name: 'Fien' }),
  };
}

describe('trend scan over real sockets', () => {
  it("T4, T11, T20, T21: a score reaches others and the tables; writing someone else's score or choosing as a participant is refused", async () => {
    const lab = await scanLab();
    const a = open(lab.name, lab.anna.token);
    const b = open(lab.name, lab.bram.token);
    const f = open(lab.name, lab.fien.token);
    await Promise.all([waitSynced(a), waitSynced(b), waitSynced(f)]);

    setRespondentPlace(a.doc, lab.anna.participantId, lab.placeId);
    setScore(a.doc, lab.anna.participantId, 'anders-werken', { relevance: 5, impact: 4 });
    await waitAcknowledged(a);
    const annasKey = personItemKey(lab.anna.participantId, 'anders-werken');
    await waitFor('Bram sees Anna’s score', () =>
      b.doc.getMap(trendscanRoots.scores).has(annasKey),
    );

    // T4: Bram overwrites Anna's score.
    b.doc.getMap(trendscanRoots.scores).set(annasKey, { relevance: 1 });
    expect(await refusedWith(b, 4422)).toMatch(/someone else/);

    // T11: a participant cannot choose a theme.
    const again = open(lab.name, lab.bram.token);
    await waitSynced(again);
    chooseTheme(again.doc, config, {
      itemKey: 'anders-werken',
      trendKey: 'anders-werken',
      title: 'Anders werken',
    });
    expect(await refusedWith(again, 4422)).toMatch(/only facilitators/);

    // The facilitator may.
    chooseTheme(f.doc, config, {
      itemKey: 'anders-werken',
      trendKey: 'anders-werken',
      title: 'Anders werken',
    });
    await waitAcknowledged(f);
    await waitFor('Anna sees the chosen theme', () =>
      a.doc.getMap(trendscanRoots.chosen).has('anders-werken'),
    );
    await sleep(100);
    expect(a.doc.getMap(trendscanRoots.scores).get(annasKey)).toEqual({
      relevance: 5,
      impact: 4,
    });

    await collab.server.server.flush();
    const rows = await collab.t.database.db
      .select()
      .from(labTrendScores)
      .where(eq(labTrendScores.activityId, lab.activityId));
    expect(rows).toEqual([
      expect.objectContaining({
        participantId: lab.anna.participantId,
        itemKey: 'anders-werken',
        placeId: lab.placeId,
        relevance: 5,
        impact: 4,
        uncertainty: null,
      }),
    ]);
    const [stored] = await collab.t.database.db
      .select({ themes: labs.themes })
      .from(labs)
      .where(eq(labs.id, lab.labId));
    expect(stored?.themes).toEqual([
      {
        key: 'anders-werken',
        label: 'Anders werken',
        trendKey: 'anders-werken',
        activityId: lab.activityId,
      },
    ]);
  });

  it('T14: in a closed lab everyone reads only; a score is neither applied nor stored', async () => {
    const lab = await scanLab('closed');
    const a = open(lab.name, lab.anna.token);
    const f = open(lab.name, lab.fien.token);
    await Promise.all([waitSynced(a), waitSynced(f)]);
    expect(a.scope()).toBe('readonly');
    expect(f.scope()).toBe('readonly');

    setScore(a.doc, lab.anna.participantId, 'anders-werken', { relevance: 3 });
    expect(await refusedWith(a, 4403)).toMatch(/read-only/);
    chooseTheme(f.doc, config, {
      itemKey: 'anders-werken',
      trendKey: 'anders-werken',
      title: 'Anders werken',
    });
    expect(await refusedWith(f, 4403)).toMatch(/read-only/);
    await sleep(200);
    const stored = await storedDoc(collab.t, lab.name);
    expect(stored.getMap(trendscanRoots.scores).size).toBe(0);
    expect(stored.getMap(trendscanRoots.chosen).size).toBe(0);
  });
});
