// Every export of the demo IJmond lab's report holds every section and the synthesis's numbers:
// the PDF read back with pdf.js, the DOCX from its XML, the Markdown as text, CSV and XLSX as rows.
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportVersion, type ReportDocument } from '../../../common/reports.ts';
import { synthesis as synthesisSchema, type Synthesis } from '../../../common/synthesis.ts';
import { createTestContext, request, type Actor, type TestContext } from '../../testing/harness.ts';
import { formatNumber } from './export/content.ts';
import { flatten, readDocx, readPdfText } from './export/extract.testing.ts';
import { roundTwo } from './reports.text.ts';
import { finaliseDemoReport } from './reports.testing.ts';

let t: TestContext;
let facilitator: Actor;
let document: ReportDocument;
let synthesis: Synthesis;
let base: string;

beforeAll(async () => {
  t = await createTestContext();
  const demo = await finaliseDemoReport(t);
  facilitator = demo.facilitator;
  base = demo.reportUrl;
  document = reportVersion.parse(
    (await request(t, facilitator, { method: 'GET', url: `${base}/versions/1` })).json(),
  ).document;
  synthesis = synthesisSchema.parse(
    (
      await request(t, facilitator, { method: 'GET', url: `/api/v1/labs/${demo.labId}/synthesis` })
    ).json(),
  );
}, 60_000);
afterAll(async () => {
  await t.close();
});

async function download(file: string): Promise<Buffer> {
  const response = await request(t, facilitator, {
    method: 'GET',
    url: `${base}/versions/1/export/${file}`,
  });
  expect(response.statusCode, `${file}: ${response.body.slice(0, 200)}`).toBe(200);
  return response.rawPayload;
}

/** Pieces of text every rendering of the report must contain, each as a reader sees it. */
function expectedPieces(): string[] {
  const pieces = [document.cover.title, ...document.sections.map((s) => s.title)];
  for (const part of synthesis.activities) {
    if (part.kind === 'poll') {
      for (const c of part.counts) pieces.push(`${c.label} ${formatNumber(c.count)}`);
    }
    if (part.kind === 'trendscan') {
      for (const item of part.ranking) {
        pieces.push(`${item.title} ${formatNumber(roundTwo(item.relevance.mean))}`);
      }
    }
    if (part.kind === 'actions') {
      for (const action of part.actions) pieces.push(`${action.title} ${action.owner}`);
    }
  }
  return pieces.map(flatten);
}

function missingFrom(text: string): string[] {
  const flat = flatten(text);
  return expectedPieces().filter((piece) => !flat.includes(piece));
}

describe('the exports of the demo IJmond report', () => {
  it('PDF: every section title and the synthesis numbers in the reading text', async () => {
    // Poll counts, trend means and actions besides the titles: the check has numbers to miss.
    expect(expectedPieces().length).toBeGreaterThan(document.sections.length + 10);
    const pdf = await download('report.pdf');
    const { content, all } = await readPdfText(pdf);
    expect(missingFrom(content)).toEqual([]);
    expect(all).toContain(document.licence.line);
  }, 60_000);

  it('DOCX: the same titles and numbers, the licence line in the footer', async () => {
    const { body, footer } = await readDocx(await download('report.docx'));
    expect(missingFrom(body)).toEqual([]);
    expect(flatten(footer)).toContain(flatten(document.licence.line));
  });

  it('Markdown: the same titles and numbers', async () => {
    const markdown = (await download('report.md')).toString('utf8').replace(/\|/g, ' ');
    expect(missingFrom(markdown.replace(/\\/g, ''))).toEqual([]);
  });

  it('CSV and XLSX: one row per note and per action of the synthesis', async () => {
    const noteCount = synthesis.activities.reduce(
      (sum, part) =>
        sum + (part.kind === 'canvas' ? part.sections.flatMap((s) => s.notes).length : 0),
      0,
    );
    const actionCount = synthesis.activities.reduce(
      (sum, part) => sum + (part.kind === 'actions' ? part.actions.length : 0),
      0,
    );
    const notes = Papa.parse(
      (await download('notes.csv')).toString('utf8').replace(/^\uFEFF/, ''),
      {
        header: true,
        skipEmptyLines: true,
      },
    );
    expect(notes.data).toHaveLength(noteCount);
    const book = new ExcelJS.Workbook();
    // exceljs types its input as a Node Buffer of a narrower kind than the one inject returns.
    await book.xlsx.load(
      (await download('data.xlsx')) as unknown as Parameters<typeof book.xlsx.load>[0],
    );
    // One header row plus one row per note and per action.
    expect(book.worksheets.map((sheet) => sheet.actualRowCount)).toEqual(
      expect.arrayContaining([noteCount + 1, actionCount + 1]),
    );
  });
});
