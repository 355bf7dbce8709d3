import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addDevelopment,
  chooseTheme,
  deleteDevelopment,
  moveChosenTheme,
  setRespondentPlace,
  setScore,
} from '../../../common/activities/trendscan.doc.ts';
import {
  developmentItemKey,
  personItemKey,
  trendscanConfig,
  trendscanRoots,
  type TrendscanConfig,
} from '../../../common/activities/trendscan.ts';
import { LAB_THEMES_MAX, type LabTheme } from '../../../common/labs.ts';
import {
  activities,
  labParticipants,
  labPlaces,
  labs,
  labTrendScores,
  places,
} from '../../db/schema.ts';
import { createOrg, createTestContext, type TestContext } from '../../testing/harness.ts';
import { mergeThemes, projectTrendscan } from './trendscan.repo.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(async () => {
  await t.close();
});

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

/** A regional lab with one trend scan, two places (one outside the lab) and the named guests. */
async function createScanLab(people: string[], themes: LabTheme[] = []) {
  const org = await createOrg(t);
  const db = t.database.db;
  const [lab] = await db
    .insert(labs)
    .values({ orgId: org.id, title: 'Lab IJmond', kind: 'regional', status: 'live', themes })
    .returning();
  if (!lab) throw new Error('lab not created');
  const [activity] = await db
    .insert(activities)
    .values({ labId: lab.id, position: 0, kind: 'trendscan', title: 'Trendscan', config })
    .returning();
  if (!activity) throw new Error('activity not created');
  const placeRows = await db
    .insert(places)
    .values([
      { orgId: org.id, name: 'IJmuiden', municipality: 'Velsen' },
      { orgId: org.id, name: 'Beverwijk', municipality: 'Beverwijk' },
    ])
    .returning();
  const [ijmuiden, beverwijk] = placeRows;
  if (!ijmuiden || !beverwijk) throw new Error('places not created');
  await db.insert(labPlaces).values({ labId: lab.id, placeId: ijmuiden.id });
  const rows = await db
    .insert(labParticipants)
    .values(people.map((displayName) => ({ labId: lab.id, kind: 'guest' as const, displayName })))
    .returning();
  return {
    target: { labId: lab.id, activityId: activity.id, config },
    ids: rows.map((r) => r.id),
    inLab: ijmuiden.id,
    outsideLab: beverwijk.id,
  };
}

async function scoresOf(activityId: string) {
  const rows = await t.database.db
    .select()
    .from(labTrendScores)
    .where(eq(labTrendScores.activityId, activityId));
  return rows
    .map((r) => ({
      participantId: r.participantId,
      itemKey: r.itemKey,
      placeId: r.placeId,
      relevance: r.relevance,
      impact: r.impact,
      uncertainty: r.uncertainty,
      comment: r.comment,
    }))
    .sort((a, b) => (a.participantId + a.itemKey).localeCompare(b.participantId + b.itemKey));
}

async function themesOf(labId: string): Promise<unknown> {
  const [row] = await t.database.db
    .select({ themes: labs.themes })
    .from(labs)
    .where(eq(labs.id, labId));
  return row?.themes;
}

describe('projectTrendscan', () => {
  it("T20: stores one row per valid score of this lab's participants, with the chosen place of the lab", async () => {
    const { target, ids, inLab, outsideLab } = await createScanLab(['Anna', 'Bram', 'Cas']);
    const [anna = '', bram = '', cas = ''] = ids;
    const doc = new Y.Doc();
    setRespondentPlace(doc, anna, inLab);
    setRespondentPlace(doc, bram, outsideLab);
    setScore(doc, anna, 'anders-werken', { relevance: 5, impact: 4, comment: ' Thuis\u0000werk ' });
    setScore(doc, anna, 'anders-vervoeren', { uncertainty: 2 });
    setScore(doc, bram, 'anders-werken', { relevance: 1 });
    setScore(doc, cas, 'onbekend-item', { relevance: 3 });
    setScore(doc, randomUUID(), 'anders-werken', { relevance: 3 });
    doc.getMap(trendscanRoots.scores).set(personItemKey(cas, 'anders-werken'), { relevance: 9 });

    await projectTrendscan(t.database.db, doc, target);

    expect(await scoresOf(target.activityId)).toEqual(
      [
        {
          participantId: anna,
          itemKey: 'anders-vervoeren',
          placeId: inLab,
          relevance: null,
          impact: null,
          uncertainty: 2,
          comment: null,
        },
        {
          participantId: anna,
          itemKey: 'anders-werken',
          placeId: inLab,
          relevance: 5,
          impact: 4,
          uncertainty: null,
          comment: 'Thuiswerk',
        },
        {
          participantId: bram,
          itemKey: 'anders-werken',
          placeId: null,
          relevance: 1,
          impact: null,
          uncertainty: null,
          comment: null,
        },
      ].sort((a, b) => (a.participantId + a.itemKey).localeCompare(b.participantId + b.itemKey)),
    );
  });

  it('T20: scores of proposed developments count; a deleted development takes its rows along', async () => {
    const { target, ids } = await createScanLab(['Anna']);
    const [anna = ''] = ids;
    const doc = new Y.Doc();
    const development = addDevelopment(doc, {
      trendKey: 'anders-werken',
      title: 'Flexplekken',
      description: '',
      authorId: anna,
      authorName: 'Anna',
    });
    setScore(doc, anna, developmentItemKey(development.id), { relevance: 4 });
    setScore(doc, anna, 'anders-werken', { relevance: 2 });
    await projectTrendscan(t.database.db, doc, target);
    expect((await scoresOf(target.activityId)).map((r) => r.itemKey).sort()).toEqual(
      ['anders-werken', developmentItemKey(development.id)].sort(),
    );

    deleteDevelopment(doc, development.id);
    await projectTrendscan(t.database.db, doc, target);
    expect((await scoresOf(target.activityId)).map((r) => r.itemKey)).toEqual(['anders-werken']);
  });

  it('T21: writes the chosen themes to the lab in order, keeping the themes of others', async () => {
    const byHand: LabTheme = { key: 'groen', label: 'Groen', trendKey: null, activityId: null };
    const other: LabTheme = {
      key: 'x',
      label: 'Uit een andere scan',
      trendKey: 'anders-werken',
      activityId: randomUUID(),
    };
    const { target } = await createScanLab(['Anna'], [byHand, other]);
    const doc = new Y.Doc();
    chooseTheme(doc, config, {
      itemKey: 'anders-werken',
      trendKey: 'anders-werken',
      title: 'Anders werken',
    });
    chooseTheme(doc, config, {
      itemKey: 'anders-vervoeren',
      trendKey: 'anders-vervoeren',
      title: 'Anders vervoeren',
    });
    moveChosenTheme(doc, 'anders-vervoeren', 'up');

    await projectTrendscan(t.database.db, doc, target);

    const ours = (key: string, label: string): LabTheme => ({
      key,
      label,
      trendKey: key,
      activityId: target.activityId,
    });
    expect(await themesOf(target.labId)).toEqual([
      byHand,
      other,
      ours('anders-vervoeren', 'Anders vervoeren'),
      ours('anders-werken', 'Anders werken'),
    ]);

    // Taking a theme off removes it from the lab; our block stays where it was.
    doc.getMap(trendscanRoots.chosen).delete('anders-werken');
    await projectTrendscan(t.database.db, doc, target);
    expect(await themesOf(target.labId)).toEqual([
      byHand,
      other,
      ours('anders-vervoeren', 'Anders vervoeren'),
    ]);
  });

  it('T20: replaces the rows, so a withdrawn score disappears', async () => {
    const { target, ids } = await createScanLab(['Anna', 'Bram']);
    const [anna = '', bram = ''] = ids;
    const doc = new Y.Doc();
    setScore(doc, anna, 'anders-werken', { relevance: 3 });
    setScore(doc, bram, 'anders-werken', { relevance: 4 });
    await projectTrendscan(t.database.db, doc, target);
    setScore(doc, anna, 'anders-werken', { relevance: null });
    await projectTrendscan(t.database.db, doc, target);
    expect((await scoresOf(target.activityId)).map((r) => r.participantId)).toEqual([bram]);
  });
});

describe('mergeThemes', () => {
  const theme = (key: string, activityId: string | null): LabTheme => ({
    key,
    label: key,
    trendKey: null,
    activityId,
  });
  const SCAN = randomUUID();
  const OTHER = randomUUID();

  it('T21: puts this activity’s themes where its first one was, else at the end', () => {
    expect(
      mergeThemes(
        [theme('a', null), theme('old', SCAN), theme('b', OTHER), theme('old2', SCAN)],
        SCAN,
        [theme('n1', SCAN), theme('n2', SCAN)],
      ).map((t) => t.key),
    ).toEqual(['a', 'n1', 'n2', 'b']);
    expect(mergeThemes([theme('a', null)], SCAN, [theme('n1', SCAN)]).map((t) => t.key)).toEqual([
      'a',
      'n1',
    ]);
  });

  it('T21: never keeps more than LAB_THEMES_MAX themes', () => {
    const many = Array.from({ length: LAB_THEMES_MAX }, (_, i) => theme(`o${i}`, OTHER));
    expect(mergeThemes(many, SCAN, [theme('n1', SCAN)])).toHaveLength(LAB_THEMES_MAX);
  });
});
