import JSZip from 'jszip';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { rawTables, type ReportDocument } from '../../../../common/reports.ts';
import { renderReportDocx } from './docx.ts';
import { readDocx, readPdfText, type PdfText } from './extract.testing.ts';
import { escapeMarkdown, renderReportMarkdown } from './markdown.ts';
import { renderReportPdf } from './pdf.ts';
import { FIXTURE_SECTION_TITLES, fixtureRaw, fixtureReport } from './report.fixture.ts';
import { renderRawCsv, renderRawXlsx } from './tabular.ts';

/** The numbers a reader sees, as written (Dutch notation). */
function numbersIn(text: string): Set<string> {
  return new Set(text.match(/\d+(?:[.,]\d+)*/g) ?? []);
}

/** Markdown's reading text: escapes undone, list markers (drawn as labels elsewhere) removed. */
function markdownContent(markdown: string): string {
  return markdown
    .split('\n')
    .map((line) => line.replace(/^\s*(?:\d+\.|-)\s+/, ''))
    .join('\n')
    .replace(/\\(.)/g, '$1');
}

let report: ReportDocument;
let pdf: Buffer;
let pdfText: PdfText;
let docx: { body: string; footer: string };
let markdown: string;

beforeAll(async () => {
  report = fixtureReport();
  pdf = await renderReportPdf(report);
  pdfText = await readPdfText(pdf);
  docx = await readDocx(await renderReportDocx(report));
  markdown = renderReportMarkdown(report);
}, 60_000);

/** Every number the fixture's blocks and cover put on paper. */
const FIXTURE_NUMBERS = [
  '27',
  '6',
  '2019',
  '12,5',
  '1945',
  '14',
  '9',
  '4,6',
  '3,8',
  '4,2',
  '4,4',
  '2,1',
  '3,7',
  '3,1',
  '4,7',
  '2,9',
  '3,3',
  '3,9',
  '2,2',
  '3,6',
  '2027',
  '2030',
];

describe('renderReportPdf', () => {
  it('contains every section title, every number, the accents and the licence line', () => {
    for (const title of FIXTURE_SECTION_TITLES) expect(pdfText.content).toContain(title);
    // The cover's title wraps over two lines.
    expect(pdfText.content.replace(/\s+/g, ' ')).toContain(
      'Regiolab IJmond: café, haven en één binnenstad',
    );
    expect(pdfText.content).toContain('Ĳzersterk ŀ');
    const numbers = numbersIn(pdfText.content);
    for (const number of FIXTURE_NUMBERS) expect(numbers, number).toContain(number);
    expect(pdfText.content).toContain(report.licence.line);
    expect(pdfText.content).not.toContain('Pagina 1 van');
    expect(pdfText.all).toContain('Pagina 1 van');
  });

  it('puts the licence line and the page number in the footer of every page', async () => {
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const task = pdfjs.getDocument({ data: new Uint8Array(pdf) });
    const loaded = await task.promise;
    expect(loaded.numPages).toBeGreaterThan(3);
    const pages = pdfText.all.split('\n').join(' ');
    for (let n = 1; n <= loaded.numPages; n += 1) {
      expect(pages).toContain(`Pagina ${n} van ${loaded.numPages}`);
    }
    expect(pages.split(report.licence.line).length - 1).toBe(loaded.numPages + 1);
    await task.destroy();
  });

  it('is a tagged PDF in Dutch with a structure tree, alt text on figures and embedded fonts', () => {
    const raw = pdf.toString('latin1');
    expect(raw).toMatch(/\/MarkInfo \d+ 0 R/);
    expect(raw).toMatch(/\/Marked true/);
    expect(raw).toContain('/StructTreeRoot');
    expect(raw).toContain('/Lang (nl-NL)');
    expect(raw).toContain('/DisplayDocTitle true');
    for (const tag of ['H1', 'H2', 'H3', 'P', 'L', 'LI', 'Lbl', 'LBody', 'Table', 'TR', 'TH']) {
      expect(raw, tag).toContain(`/S /${tag}\n`);
    }
    expect(raw).toContain('/S /Figure');
    expect(raw).toContain('/Alt (Staafdiagram: anders consumeren scoort het hoogst met 4,6.)');
    const fonts = raw.match(/\/Type \/FontDescriptor/g) ?? [];
    const embedded = raw.match(/\/FontFile[23]? \d+ 0 R/g) ?? [];
    expect(fonts.length).toBeGreaterThan(1);
    expect(embedded.length).toBe(fonts.length);
    expect(raw).not.toMatch(/\/BaseFont \/(Helvetica|Times|Courier)/);
  });
});

describe('renderReportDocx', () => {
  it('uses Heading styles and holds the same titles and numbers, licence in the footer', async () => {
    for (const title of FIXTURE_SECTION_TITLES) expect(docx.body).toContain(title);
    const numbers = numbersIn(docx.body);
    for (const number of FIXTURE_NUMBERS) expect(numbers, number).toContain(number);
    expect(docx.footer).toContain(report.licence.line);
    const zip = await JSZip.loadAsync(await renderReportDocx(report));
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    expect(xml).toContain('<w:pStyle w:val="Heading1"/>');
    expect(xml).toContain('<w:pStyle w:val="Heading2"/>');
    expect(xml).toContain('<w:tblHeader/>');
  });
});

describe('renderReportMarkdown', () => {
  it('holds the same titles and numbers and escapes what people typed', () => {
    const content = markdownContent(markdown);
    for (const title of FIXTURE_SECTION_TITLES) expect(markdown).toContain(`## ${title}`);
    const numbers = numbersIn(content);
    for (const number of FIXTURE_NUMBERS) expect(numbers, number).toContain(number);
    expect(markdown).toContain('Staal en vis: \\*echt\\* IJmuiden');
    expect(markdown).toContain('De haven als \\[huiskamer\\]');
    expect(markdown).toContain('[de website](<https://example.nl/ijmond>)');
    expect(markdown.trimEnd().endsWith(report.licence.line)).toBe(true);
  });

  it('escapes HTML, headings and list markers at the start of a line', () => {
    expect(escapeMarkdown('<script>alert(1)</script>')).toBe('\\<script\\>alert(1)\\</script\\>');
    expect(escapeMarkdown('# kop\n- punt\n1. een')).toBe('\\# kop  \n\\- punt  \n1\\. een');
  });
});

describe('the same content in every format', () => {
  it('gives PDF, DOCX and Markdown the same section titles and the same numbers', () => {
    const pdfNumbers = numbersIn(pdfText.content);
    const docxNumbers = numbersIn(docx.body);
    const mdNumbers = numbersIn(markdownContent(markdown));
    expect([...pdfNumbers].sort()).toEqual([...docxNumbers].sort());
    expect([...mdNumbers].sort()).toEqual([...docxNumbers].sort());
    const titlesIn = (text: string) => FIXTURE_SECTION_TITLES.filter((t) => text.includes(t));
    expect(titlesIn(pdfText.content)).toEqual(FIXTURE_SECTION_TITLES);
    expect(titlesIn(docx.body)).toEqual(FIXTURE_SECTION_TITLES);
    expect(titlesIn(markdown)).toEqual(FIXTURE_SECTION_TITLES);
  });
});

describe('renderRawCsv', () => {
  it('writes RFC 4180 with a BOM, CRLF, quoting and defused formulas', () => {
    const csv = renderRawCsv(fixtureRaw(), 'notes');
    expect(csv.startsWith('\uFEFFactivity,section,text,author,dots,createdAt\r\n')).toBe(true);
    const parsed = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data[0]).toEqual([...rawTables.notes]);
    expect(parsed.data[1]).toEqual([
      'Canvas Nieuwe Binnensteden',
      'Verblijven',
      'Meer groen op het Plein 1945',
      'Anna',
      '14',
      '2019-02-06T09:40:00.000Z',
    ]);
    expect(parsed.data[2]?.[2]).toBe('\'=HYPERLINK("http://evil.example","klik")');
    expect(parsed.data[2]?.[3]).toBe('');
    expect(parsed.data[3]?.[2]).toBe('Wonen boven winkels, "echt" doen\nmet één regel erbij');
    const actions = Papa.parse<string[]>(renderRawCsv(fixtureRaw(), 'actions').slice(1), {
      skipEmptyLines: true,
    });
    expect(actions.data[1]?.[1]).toBe("'@Leegstand aanpakken met pop-ups");
    for (const table of ['votes', 'scores'] as const) {
      const lines = renderRawCsv(fixtureRaw(), table).slice(1).split('\r\n');
      expect(lines[0]).toBe(rawTables[table].join(','));
    }
  });
});

describe('renderRawXlsx', () => {
  it('has one sheet per table with a bold frozen header and the same values', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(
      (await renderRawXlsx(fixtureRaw())) as unknown as Parameters<typeof workbook.xlsx.load>[0],
    );
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      'Notities',
      'Stemmen',
      'Scores',
      'Acties',
    ]);
    const notes = workbook.getWorksheet('Notities');
    expect(notes?.getRow(1).values).toEqual([undefined, ...rawTables.notes]);
    expect(notes?.getRow(1).font?.bold).toBe(true);
    expect(notes?.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(notes?.getRow(2).getCell(5).value).toBe(14);
    expect(notes?.getRow(3).getCell(3).value).toBe('=HYPERLINK("http://evil.example","klik")');
    expect(notes?.getRow(3).getCell(3).type).toBe(ExcelJS.ValueType.String);
    const scores = workbook.getWorksheet('Scores');
    expect(scores?.getRow(2).getCell(5).value).toBe(5);
  });
});
