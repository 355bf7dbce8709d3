import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { knowledgeItem, type KnowledgeItem } from '../../../common/knowledge.ts';
import { problem } from '../../../common/problem.ts';
import type { ReportDocument, ReportRawData } from '../../../common/reports.ts';
import { richBlocks, richDoc, richPlainText } from '../../../common/richtext.ts';
import {
  knowledgeItemEvents,
  knowledgeItems,
  labFacilitators,
  labReportVersions,
  labs,
} from '../../db/schema.ts';
import {
  createActor,
  createOrg,
  createTestContext,
  request,
  type Actor,
  type TestContext,
} from '../../testing/harness.ts';
import { addGuestNotes, generateNow, makeReportLab } from '../reports/reports.testing.ts';

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
let labFacilitator: Actor;
let otherFacilitator: Actor;
let adminA: Actor;
let memberA: Actor;
let adminB: Actor;

beforeEach(async () => {
  orgA = await createOrg(t, 'Regio IJmond');
  orgB = await createOrg(t, 'Gemeente Alkmaar');
  labFacilitator = await createActor(t, { org: orgA, role: 'facilitator', name: 'Jeroen Bakker' });
  otherFacilitator = await createActor(t, { org: orgA, role: 'facilitator' });
  adminA = await createActor(t, { org: orgA, role: 'admin' });
  memberA = await createActor(t, { org: orgA, role: 'member' });
  adminB = await createActor(t, { org: orgB, role: 'admin' });
});

const labId0 = '00000000-0000-4000-8000-000000000001';
const section = (suffix: string) => `activity:${labId0.slice(0, -1)}${suffix}`;

function demoDocument(labId: string): ReportDocument {
  return {
    labId,
    version: 1,
    generatedAt: '2019-02-07T09:00:00.000Z',
    cover: {
      title: 'Regiolab IJmond',
      question:
        'Hoe versterken Heemskerk, IJmuiden en Beverwijk elkaar in plaats van te concurreren?',
      orgName: 'Regio IJmond',
      places: ['Heemskerk', 'IJmuiden', 'Beverwijk'],
      region: 'IJmond',
      date: '2019-02-06T13:00:00.000Z',
      venue: 'Raadhuis Heemskerk',
      facilitators: ['Jeroen Bakker'],
      participantCount: 24,
      anonymous: false,
    },
    sections: [
      {
        key: 'introduction',
        title: 'Inleiding',
        activityKind: null,
        blocks: [
          {
            type: 'rich',
            doc: {
              type: 'doc',
              content: [
                { type: 'paragraph', content: [{ type: 'text', text: 'Drie kernen, één regio.' }] },
              ],
            },
          },
        ],
      },
      {
        key: 'question',
        title: 'Vraag en programma',
        activityKind: null,
        blocks: [
          { type: 'paragraph', text: 'De vraag van de middag.' },
          { type: 'list', ordered: true, items: ['Canvas', 'Trendscan', 'Scenario’s', 'Acties'] },
        ],
      },
      {
        key: section('2'),
        title: 'Canvas Nieuwe Binnensteden',
        activityKind: 'canvas',
        blocks: [
          { type: 'heading', text: 'DNA en identiteit' },
          { type: 'list', ordered: false, items: ['Staal en vis', 'De haven'] },
        ],
      },
      {
        key: section('3'),
        title: 'Trendscan',
        activityKind: 'trendscan',
        blocks: [
          {
            type: 'chart',
            caption: 'Relevantie per trend',
            alt: 'Anders consumeren scoort het hoogst.',
            data: {
              chart: 'bar',
              min: 1,
              max: 5,
              bars: [
                { label: 'Anders consumeren', value: 4.5 },
                { label: 'Anders werken', value: 3.25 },
              ],
            },
          },
          {
            type: 'chart',
            caption: 'Impact en onzekerheid',
            alt: 'Een matrix.',
            data: {
              chart: 'matrix',
              xLabel: 'Impact',
              yLabel: 'Onzekerheid',
              min: 1,
              max: 5,
              split: 3,
              points: [{ label: 'Anders vervoeren', x: 4, y: null }],
            },
          },
          {
            type: 'chart',
            caption: 'Per plaats',
            alt: 'Een radar.',
            data: {
              chart: 'radar',
              min: 1,
              max: 5,
              axes: ['Economie', 'Identiteit'],
              series: [{ label: 'IJmuiden', values: [3, 4] }],
            },
          },
        ],
      },
      {
        key: section('4'),
        title: 'Scenario’s',
        activityKind: 'scenarios',
        blocks: [
          { type: 'heading', text: 'Acties en hoe robuust ze zijn' },
          {
            type: 'table',
            caption: 'Acties en de scenario’s waarin ze standhouden',
            columns: ['Actie', 'Bedacht in', 'Houdt stand in', 'Robuust'],
            rows: [
              ['Regionale binnenstadsmanager', 'Slim en rond', '4 van 4', 'Ja'],
              ['Gratis parkeren', 'Traag en lineair', '1 van 4', 'Nee'],
            ],
          },
          { type: 'quote', text: 'Samen staan we sterker.', author: 'Gast Gerda' },
        ],
      },
      {
        key: 'conclusions',
        title: 'Conclusies',
        activityKind: null,
        blocks: [
          {
            type: 'rich',
            doc: {
              type: 'doc',
              content: [
                {
                  type: 'paragraph',
                  content: [{ type: 'text', text: 'De drie kernen kiezen elk een eigen profiel.' }],
                },
              ],
            },
          },
        ],
      },
    ],
    licence: { code: 'CC-BY-4.0', attribution: 'Regio IJmond en partners', line: '…' },
  };
}

const raw: ReportRawData = {
  notes: [
    {
      id: 'n1',
      activity: 'Canvas',
      section: 'DNA',
      text: 'Staal en vis',
      author: null,
      dots: 5,
      createdAt: null,
    },
    {
      id: 'n2',
      activity: 'Canvas',
      section: 'DNA',
      text: 'De haven',
      author: null,
      dots: 2,
      createdAt: null,
    },
    {
      id: 'n3',
      activity: 'Canvas',
      section: 'DNA',
      text: 'Zonder stippen',
      author: null,
      dots: 0,
      createdAt: null,
    },
  ],
  votes: [],
  scores: [],
  actions: [
    {
      activity: 'Acties',
      title: 'Leegstandsfonds opzetten',
      owner: 'Gemeente Velsen',
      horizon: 'Deze raadsperiode',
      status: 'confirmed',
      dots: 4,
      links: '',
    },
  ],
};

/** A closed lab of org A led by labFacilitator, with chosen themes and a finalised version 1. */
async function labWithVersion(): Promise<string> {
  const [lab] = await t.database.db
    .insert(labs)
    .values({
      orgId: orgA.id,
      title: 'Regiolab IJmond',
      kind: 'regional',
      status: 'closed',
      themes: [
        {
          key: 'anders-consumeren',
          label: 'Anders consumeren',
          trendKey: 'anders-consumeren',
          activityId: null,
        },
        { key: 'eigen-thema', label: 'Samenwerking in de regio', trendKey: null, activityId: null },
      ],
    })
    .returning();
  if (!lab) throw new Error('lab not created');
  await t.database.db
    .insert(labFacilitators)
    .values({ labId: lab.id, userId: labFacilitator.userId });
  await t.database.db.insert(labReportVersions).values({
    labId: lab.id,
    version: 1,
    document: demoDocument(lab.id),
    raw,
    licence: 'CC-BY-4.0',
    finalisedBy: labFacilitator.userId,
  });
  return lab.id;
}

const publishUrl = (org: Org, labId: string, version: number | string) =>
  `/api/v1/orgs/${org.slug}/labs/${labId}/report/versions/${version}/publish`;

async function publish(
  actor: Actor | null,
  labId: string,
  mode: string,
  org = orgA,
  version: number | string = 1,
) {
  return request(t, actor, {
    method: 'POST',
    url: publishUrl(org, labId, version),
    payload: { mode },
  });
}

async function itemCount() {
  return (await t.database.db.select({ id: knowledgeItems.id }).from(knowledgeItems)).length;
}

function texts(item: KnowledgeItem): string[] {
  return richBlocks(item.body).map((b) => b.spans.map((s) => s.text).join(''));
}

describe('drafting a best practice from a report version', () => {
  it('answers 401 signed out, 404 for another organisation or an unknown version, 400 for a bad mode', async () => {
    const labId = await labWithVersion();
    const before = await itemCount();
    expect((await publish(null, labId, 'full')).statusCode).toBe(401);
    for (const [actor, org] of [
      [adminB, orgA],
      [adminB, orgB],
    ] as const) {
      const response = await publish(actor, labId, 'full', org);
      expect(response.statusCode).toBe(404);
      expect(problem.parse(response.json()).code).toBe('not_found');
    }
    expect((await publish(labFacilitator, labId, 'full', orgA, 2)).statusCode).toBe(404);
    expect((await publish(labFacilitator, randomUUID(), 'full')).statusCode).toBe(404);
    const bad = await publish(labFacilitator, labId, 'everything');
    expect(bad.statusCode).toBe(400);
    expect(problem.parse(bad.json()).errors?.map((e) => e.field)).toContain('mode');
    const badVersion = await publish(labFacilitator, labId, 'full', orgA, 0);
    expect(problem.parse(badVersion.json()).errors?.map((e) => e.field)).toContain('version');
    expect(await itemCount()).toBe(before);
  });

  it("is for the lab's facilitators and the organisation's admins only", async () => {
    const labId = await labWithVersion();
    expect((await publish(memberA, labId, 'summary')).statusCode).toBe(403);
    expect((await publish(otherFacilitator, labId, 'summary')).statusCode).toBe(403);
    expect((await publish(adminA, labId, 'summary')).statusCode).toBe(201);
    expect((await publish(labFacilitator, labId, 'summary')).statusCode).toBe(201);
  });

  it('full: a draft with the cover as metadata and every section converted', async () => {
    const labId = await labWithVersion();
    const response = await publish(labFacilitator, labId, 'full');
    expect(response.statusCode, response.body).toBe(201);
    const item = knowledgeItem.parse(response.json());
    expect(item).toMatchObject({
      kind: 'best_practice',
      status: 'draft',
      title: 'Regiolab IJmond',
      places: ['Heemskerk', 'IJmuiden', 'Beverwijk'],
      region: 'IJmond',
      trends: ['Anders consumeren'],
      themes: [],
      licence: 'CC-BY-4.0',
      attribution: 'Regio IJmond en partners',
      source: { labId, version: 1 },
      createdBy: 'Jeroen Bakker',
      membersOnly: false,
    });
    expect(item.summary).toContain('Hoe versterken Heemskerk');
    expect(item.summary).toContain('Heemskerk, IJmuiden, Beverwijk');
    expect(item.attributionLine).toContain('Regio IJmond en partners · CC BY 4.0');
    expect(richDoc.safeParse(item.body).success).toBe(true);
    const headings = richBlocks(item.body)
      .filter((b) => b.type === 'heading' && b.level === 2)
      .map((b) => b.spans.map((s) => s.text).join(''));
    expect(headings).toEqual([
      'Inleiding',
      'Vraag en programma',
      'Canvas Nieuwe Binnensteden',
      'Trendscan',
      'Scenario’s',
      'Conclusies',
    ]);
    const lines = texts(item);
    expect(lines).toEqual(
      expect.arrayContaining([
        'Drie kernen, één regio.',
        'Staal en vis',
        'Anders consumeren: 4,5',
        'Anders werken: 3,25',
        'Anders vervoeren: Impact 4, Onzekerheid –',
        'IJmuiden: Economie 3, Identiteit 4',
        'Regionale binnenstadsmanager — Bedacht in: Slim en rond, Houdt stand in: 4 van 4, Robuust: Ja',
        'Samen staan we sterker.\n— Gast Gerda',
        'Deelnemers: 24',
      ]),
    );
    const [stored] = await t.database.db
      .select()
      .from(knowledgeItems)
      .where(eq(knowledgeItems.id, item.id));
    expect(stored?.bodyText).toBe(richPlainText(item.body));
    expect(stored?.labId).toBe(labId);
    expect(stored?.reportVersion).toBe(1);
    const events = await t.database.db
      .select()
      .from(knowledgeItemEvents)
      .where(eq(knowledgeItemEvents.itemId, item.id));
    expect(events.map((e) => e.action)).toEqual(['created']);
  });

  it('summary: question, approach, main results, robust actions, actions and conclusions', async () => {
    const labId = await labWithVersion();
    const item = knowledgeItem.parse((await publish(labFacilitator, labId, 'summary')).json());
    const lines = texts(item);
    expect(lines).toEqual(
      expect.arrayContaining([
        'Het vraagstuk',
        'Aanpak',
        'Canvas Nieuwe Binnensteden',
        'Belangrijkste uitkomsten',
        'Anders consumeren',
        'Samenwerking in de regio',
        'Staal en vis (5 stippen)',
        'De haven (2 stippen)',
        'Robuuste acties',
        'Regionale binnenstadsmanager',
        'Afgesproken acties',
        'Leegstandsfonds opzetten — trekker: Gemeente Velsen — termijn: Deze raadsperiode',
        'Conclusies',
        'De drie kernen kiezen elk een eigen profiel.',
      ]),
    );
    expect(lines).not.toContain('Gratis parkeren');
    expect(lines.join('\n')).not.toContain('Zonder stippen');
    expect(lines).not.toContain('Staal en vis');
    expect(richPlainText(item.body).length).toBeLessThan(
      richPlainText(knowledgeItem.parse((await publish(labFacilitator, labId, 'full')).json()).body)
        .length,
    );
  });

  it('drafts from a version the report feature finalised', async () => {
    const lab = await makeReportLab(t, orgA, labFacilitator);
    await addGuestNotes(t, lab, [
      { section: lab.sections[0], text: 'Meer groen op het plein', dots: 3 },
      { section: lab.sections[1], text: 'Wonen boven de winkels', dots: 1 },
    ]);
    await generateNow(t, lab, orgA.id, labFacilitator.userId);
    const finalised = await request(t, labFacilitator, {
      method: 'POST',
      url: `/api/v1/orgs/${orgA.slug}/labs/${lab.labId}/report/versions`,
    });
    expect(finalised.statusCode, finalised.body).toBe(201);
    for (const mode of ['full', 'summary']) {
      const response = await publish(labFacilitator, lab.labId, mode);
      expect(response.statusCode, response.body).toBe(201);
      const item = knowledgeItem.parse(response.json());
      expect(item).toMatchObject({
        title: 'Binnenstadslab IJmuiden',
        source: { labId: lab.labId, version: 1 },
      });
      expect(item.summary).toContain('Hoe blijft de binnenstad van IJmuiden levendig?');
      expect(richPlainText(item.body)).toContain('Meer groen op het plein');
    }
  });
});
