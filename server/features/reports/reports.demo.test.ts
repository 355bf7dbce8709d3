// The report of the finished demo lab for IJmond says what its synthesis says, number for number.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  reportState,
  reportVersion,
  type ReportBlock,
  type ReportDocument,
  type ReportSection,
} from '../../../common/reports.ts';
import { synthesis as synthesisSchema, type Synthesis } from '../../../common/synthesis.ts';
import { demoLabFacts } from '../../db/demo-lab.content.ts';
import { labReportVersions } from '../../db/schema.ts';
import { createTestContext, request, type Actor, type TestContext } from '../../testing/harness.ts';
import { roundTwo } from './reports.text.ts';
import { finaliseDemoReport } from './reports.testing.ts';

let t: TestContext;
let facilitator: Actor;
let labId: string;
let document: ReportDocument;
let synthesis: Synthesis;
let raw: { notes: { dots: number }[]; actions: unknown[] };

beforeAll(async () => {
  t = await createTestContext();
  const demo = await finaliseDemoReport(t);
  facilitator = demo.facilitator;
  labId = demo.labId;
  const url = demo.reportUrl;
  const state = reportState.parse((await request(t, facilitator, { method: 'GET', url })).json());
  expect(state.job.status, state.job.error ?? '').toBe('ready');
  const version = reportVersion.parse(
    (await request(t, facilitator, { method: 'GET', url: `${url}/versions/1` })).json(),
  );
  document = version.document;
  raw = await storedRaw();

  const response = await request(t, facilitator, {
    method: 'GET',
    url: `/api/v1/labs/${labId}/synthesis`,
  });
  expect(response.statusCode).toBe(200);
  synthesis = synthesisSchema.parse(response.json());
});
afterAll(async () => {
  await t.close();
});

async function storedRaw() {
  const [row] = await t.database.db
    .select({ raw: labReportVersions.raw })
    .from(labReportVersions)
    .where(eq(labReportVersions.labId, labId));
  return row?.raw as { notes: { dots: number }[]; actions: unknown[] };
}

function sectionOf(activityId: string): ReportSection {
  const section = document.sections.find((s) => s.key === `activity:${activityId}`);
  if (!section) throw new Error(`no section for ${activityId}`);
  return section;
}

function tables(section: ReportSection) {
  return section.blocks.filter(
    (block): block is Extract<ReportBlock, { type: 'table' }> => block.type === 'table',
  );
}

function charts(section: ReportSection) {
  return section.blocks.filter(
    (block): block is Extract<ReportBlock, { type: 'chart' }> => block.type === 'chart',
  );
}

describe('the report of the demo IJmond lab', () => {
  it('has the cover, the question, a section for every activity in agenda order, and the synthesis', () => {
    expect(document.cover).toMatchObject({ title: demoLabFacts.title, anonymous: false });
    expect([...document.cover.places].sort()).toEqual(['Beverwijk', 'Heemskerk', 'IJmuiden']);
    expect(document.cover.facilitators.length).toBeGreaterThan(0);
    expect(document.cover.participantCount).toBeGreaterThanOrEqual(6);
    expect(document.sections.map((s) => s.key)).toEqual([
      'question',
      ...synthesis.activities.map((part) => `activity:${part.activityId}`),
      'synthesis',
    ]);
    expect(new Set(document.sections.map((s) => s.activityKind))).toEqual(
      new Set([
        null,
        'canvas',
        'poll',
        'trendscan',
        'scenarios',
        'vision',
        'positioning',
        'actions',
      ]),
    );
    expect(document.licence.line).toContain('CC BY-SA 4.0');
  });

  it('shows the poll counts of the synthesis as a bar chart and a table', () => {
    for (const part of synthesis.activities) {
      if (part.kind !== 'poll') continue;
      const section = sectionOf(part.activityId);
      expect(tables(section)[0]?.rows).toEqual(part.counts.map((c) => [c.label, c.count]));
      if (part.type !== 'open') {
        const bar = charts(section)[0]?.data;
        expect(bar?.chart === 'bar' && bar.bars).toEqual(
          part.counts.map((c) => ({ label: c.label, value: c.count })),
        );
      }
    }
  });

  it('ranks the trends with the means of the synthesis, in a matrix and a radar per place', () => {
    const part = synthesis.activities.find((p) => p.kind === 'trendscan');
    if (part?.kind !== 'trendscan') throw new Error('no trend scan');
    const section = sectionOf(part.activityId);
    const ranking = tables(section)[0];
    expect(ranking?.rows.map((row) => [row[0], row[1], row[2], row[3], row[4], row[5]])).toEqual(
      part.ranking.map((item) => [
        item.rank,
        item.title,
        roundTwo(item.relevance.mean),
        roundTwo(item.relevance.sd),
        roundTwo(item.impact.mean),
        roundTwo(item.uncertainty.mean),
      ]),
    );
    const kinds = charts(section).map((chart) => chart.data.chart);
    expect(kinds.filter((k) => k === 'matrix')).toHaveLength(1);
    expect(kinds.filter((k) => k === 'radar')).toHaveLength(Math.max(1, part.perPlace.length));
  });

  it('counts the dots of the synthesis on the canvases and in the raw data', () => {
    let total = 0;
    for (const part of synthesis.activities) {
      if (part.kind !== 'canvas') continue;
      total += part.sections.flatMap((s) => s.notes).reduce((sum, note) => sum + note.dots, 0);
      const top = tables(sectionOf(part.activityId))[0];
      if (part.topNotes.length > 0) {
        expect(top?.rows.map((row) => [row[0], row[2]])).toEqual(
          part.topNotes.map((note) => [note.text, note.dots]),
        );
      }
    }
    expect(total).toBeGreaterThan(0);
    expect(raw.notes.reduce((sum, note) => sum + note.dots, 0)).toBe(total);
  });

  it('lists as many actions as the synthesis, with the same owners and dots', () => {
    const parts = synthesis.activities.filter((p) => p.kind === 'actions');
    const count = parts.reduce((sum, p) => sum + (p.kind === 'actions' ? p.actions.length : 0), 0);
    expect(count).toBeGreaterThan(0);
    expect(raw.actions).toHaveLength(count);
    for (const part of parts) {
      if (part.kind !== 'actions') continue;
      expect(
        tables(sectionOf(part.activityId))[0]?.rows.map((row) => [row[0], row[1], row[4]]),
      ).toEqual(part.actions.map((action) => [action.title, action.owner, action.dots]));
    }
  });

  it('keeps the robust scenario actions, the vision and the positioning agreements', () => {
    for (const part of synthesis.activities) {
      const text = JSON.stringify(sectionOf(part.activityId).blocks);
      if (part.kind === 'scenarios') {
        for (const action of part.actions.filter((a) => a.robust)) {
          expect(text).toContain(action.title);
        }
      }
      if (part.kind === 'vision') {
        expect(sectionOf(part.activityId).blocks.some((b) => b.type === 'rich')).toBe(true);
        expect(text).toContain('In 2030');
      }
      if (part.kind === 'positioning') {
        for (const agreement of part.agreements) expect(text).toContain(agreement.text);
      }
    }
  });
});
