// `npm run bench:report -- --notes N`: how long a report of a lab with N notes takes to render as
// PDF and DOCX, how big the PDF is and the process's peak memory: first for the PDF alone (the
// DOCX renderer is not even loaded yet), then separately for the DOCX. Beside it, in the same run,
// a baseline: the same text as a plain, untagged pdfkit document in the same fonts,
// without charts, tables or structure, so the ratio shows what layout and tagging cost. Progress
// goes to stderr; the last line of stdout is one JSON object. Exit 0 whenever it ran.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import PDFDocument from 'pdfkit';
import type {
  ReportBlock,
  ReportDocument,
  ReportRawData,
  ReportSection,
} from '../common/reports.ts';
import { renderReportPdf } from '../server/features/reports/export/pdf.ts';

const MIN_NOTES = 1;
const MAX_NOTES = 100_000;
const RUNS = 3;
const KIB_PER_MIB = 1024;

/** The one JSON line the benchmark ends with. */
export interface ReportBenchSummary {
  notes: number;
  pages: number;
  pdf_ms: number;
  docx_ms: number;
  pdf_bytes: number;
  docx_bytes: number;
  baseline_pdf_ms: number;
  baseline_pdf_bytes: number;
  ratio_pdf: number;
  /** Resident memory with the PDF renderer loaded, before the first render. */
  start_rss_mb: number;
  /** Peak resident memory up to the end of the PDF renders (start-up included). */
  peak_rss_mb: number;
  /** Peak resident memory during the DOCX renders, counted from what the PDF phase left. */
  docx_peak_rss_mb: number;
  /** The machine's one-minute load average at the end: how busy the shared cores were. */
  load_1m: number;
}

function log(line: string): void {
  process.stderr.write(`bench: ${line}\n`);
}

function parseNotes(argv: string[]): number {
  const { values } = parseArgs({
    args: argv,
    options: { notes: { type: 'string', short: 'n' } },
    strict: true,
  });
  const notes = Number(values.notes ?? 1000);
  if (!Number.isInteger(notes) || notes < MIN_NOTES || notes > MAX_NOTES) {
    throw new Error(
      `--notes must be a whole number from ${MIN_NOTES} to ${MAX_NOTES} (got ${values.notes ?? 'nothing'})`,
    );
  }
  return notes;
}

// ---------------------------------------------------------------------------------------------
// A realistic report: the canvas of the "Canvas Nieuwe Binnensteden" with N notes grouped into
// themes per section, a trend scan with its three charts, quotes, actions and conclusions.

/** A small deterministic generator, so every run renders the same document. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const WORDS = (
  'binnenstad winkels wonen boven leegstand terras plein haven markt parkeren fiets groen ' +
  'ondernemers gemeente samen café bewoners jongeren ouderen evenementen cultuur kunst zaterdag ' +
  'bereikbaarheid verblijven werken ontmoeten kansen regionaal samenwerken identiteit staal vis ' +
  'één keer per maand pop-up erfgoed kade straat gevel verlichting veiligheid horeca bezoekers ' +
  'ijzersterk duurzaam circulair deelauto bibliotheek zorg school schoon levendig avond'
).split(' ');

const SECTIONS = [
  'DNA & identiteit',
  'Positie in de regio',
  'Winkelen',
  'Wonen',
  'Werken',
  'Verblijven en ontmoeten',
  'Kansen',
  'Belemmeringen',
  'Regionale samenwerking',
];
const TRENDS = [
  'Anders samenleven',
  'Anders produceren',
  'Anders consumeren',
  'Anders werken',
  'Anders investeren',
  'Anders vervoeren',
];
const PEOPLE = ['Anna', 'Kees', 'Fatima', 'Jeroen', 'Els', 'Mehmet', 'Sanne', 'Piet', 'Noor'];

function sentence(random: () => number, min: number, max: number): string {
  const length = min + Math.floor(random() * (max - min + 1));
  const words = Array.from({ length }, () => WORDS[Math.floor(random() * WORDS.length)] ?? '');
  const text = words.join(' ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}

const round1 = (value: number) => Math.round(value * 10) / 10;

/** Builds the report document and raw data of a lab whose canvas holds `noteCount` notes. */
export function buildBenchReport(noteCount: number): {
  document: ReportDocument;
  raw: ReportRawData;
} {
  const random = seeded(noteCount);
  const raw: ReportRawData = { notes: [], votes: [], scores: [], actions: [] };
  const canvasBlocks: ReportBlock[] = [];
  const perSection = SECTIONS.map(
    (_s, i) => Math.floor(noteCount / SECTIONS.length) + (i < noteCount % SECTIONS.length ? 1 : 0),
  );
  SECTIONS.forEach((section, s) => {
    canvasBlocks.push({ type: 'heading', text: section });
    const count = perSection[s] ?? 0;
    const groups = Math.max(1, Math.ceil(count / 12));
    for (let g = 0; g < groups; g += 1) {
      const rows: (string | number | null)[][] = [];
      const inGroup = Math.min(12, count - g * 12);
      for (let n = 0; n < inGroup; n += 1) {
        const text = sentence(random, 4, 22);
        const author = PEOPLE[Math.floor(random() * PEOPLE.length)] ?? null;
        const dots = Math.floor(random() * 8);
        rows.push([text, author, dots]);
        raw.notes.push({
          id: `n${raw.notes.length + 1}`,
          activity: 'Canvas Nieuwe Binnensteden',
          section,
          text,
          author,
          dots,
          createdAt: new Date(Date.UTC(2026, 2, 12, 9, 30) + raw.notes.length * 4000).toISOString(),
        });
        if (dots > 0) {
          raw.votes.push({ activity: 'Stippen', target: text, voter: author, count: dots });
        }
      }
      if (rows.length === 0) continue;
      const theme = sentence(random, 1, 3);
      canvasBlocks.push({
        type: 'paragraph',
        text: `Thema "${theme}": ${rows.length} notities, samen ${rows.reduce((sum, r) => sum + Number(r[2]), 0)} stippen.`,
      });
      canvasBlocks.push({
        type: 'table',
        caption: `${section}: ${theme}`,
        columns: ['Notitie', 'Auteur', 'Stippen'],
        rows,
      });
    }
  });

  const scores = TRENDS.map(() => ({
    relevance: round1(1 + random() * 4),
    impact: round1(1 + random() * 4),
    uncertainty: round1(1 + random() * 4),
  }));
  for (const [t, trend] of TRENDS.entries()) {
    for (const person of PEOPLE) {
      raw.scores.push({
        activity: 'Trendscan',
        item: trend,
        place: 'IJmuiden',
        participant: person,
        relevance: Math.round(scores[t]?.relevance ?? 3),
        impact: Math.round(scores[t]?.impact ?? 3),
        uncertainty: Math.round(scores[t]?.uncertainty ?? 3),
      });
    }
  }
  const trendBlocks: ReportBlock[] = [
    { type: 'paragraph', text: sentence(random, 30, 60) },
    {
      type: 'chart',
      caption: 'Relevantie per trend (1 tot 5)',
      alt: 'Staafdiagram van de gemiddelde relevantie per trend.',
      data: {
        chart: 'bar',
        min: 1,
        max: 5,
        bars: TRENDS.map((label, i) => ({ label, value: scores[i]?.relevance ?? null })),
      },
    },
    {
      type: 'chart',
      caption: 'Impact tegen onzekerheid',
      alt: 'Matrix van impact tegen onzekerheid per trend.',
      data: {
        chart: 'matrix',
        xLabel: 'Onzekerheid',
        yLabel: 'Impact',
        min: 1,
        max: 5,
        split: 3,
        points: TRENDS.map((label, i) => ({
          label,
          x: scores[i]?.uncertainty ?? null,
          y: scores[i]?.impact ?? null,
        })),
      },
    },
    {
      type: 'chart',
      caption: 'Relevantie, impact en onzekerheid',
      alt: 'Radar met de drie scores per trend.',
      data: {
        chart: 'radar',
        min: 1,
        max: 5,
        axes: TRENDS,
        series: [
          { label: 'Relevantie', values: scores.map((s) => s.relevance) },
          { label: 'Impact', values: scores.map((s) => s.impact) },
          { label: 'Onzekerheid', values: scores.map((s) => s.uncertainty) },
        ],
      },
    },
  ];

  const actionCount = Math.max(5, Math.round(noteCount / 50));
  for (let a = 0; a < actionCount; a += 1) {
    raw.actions.push({
      activity: 'Acties',
      title: sentence(random, 4, 10),
      owner: PEOPLE[a % PEOPLE.length] ?? '',
      horizon: a % 2 === 0 ? 'Deze raadsperiode' : '4 jaar',
      status: a % 3 === 0 ? 'bevestigd' : 'voorgesteld',
      dots: Math.floor(random() * 12),
      links: TRENDS[a % TRENDS.length] ?? '',
    });
  }

  const sections: ReportSection[] = [
    {
      key: 'introduction',
      title: 'Inleiding',
      activityKind: null,
      blocks: [
        {
          type: 'rich',
          doc: {
            type: 'doc',
            content: [1, 2, 3].map(() => ({
              type: 'paragraph' as const,
              content: [{ type: 'text' as const, text: sentence(random, 40, 80) }],
            })),
          },
        },
      ],
    },
    {
      key: 'question',
      title: 'Vraag en programma',
      activityKind: null,
      blocks: [
        { type: 'paragraph', text: sentence(random, 20, 40) },
        {
          type: 'list',
          ordered: true,
          items: ['Canvas', 'Trendscan', 'Scenario’s', 'Acties'],
        },
      ],
    },
    {
      key: 'activity:00000000-0000-4000-8000-000000000001',
      title: 'Canvas Nieuwe Binnensteden',
      activityKind: 'canvas',
      blocks: canvasBlocks,
    },
    {
      key: 'activity:00000000-0000-4000-8000-000000000002',
      title: 'Trendscan',
      activityKind: 'trendscan',
      blocks: trendBlocks,
    },
    {
      key: 'activity:00000000-0000-4000-8000-000000000003',
      title: 'Acties',
      activityKind: 'actions',
      blocks: [
        {
          type: 'table',
          caption: 'Afgesproken acties',
          columns: ['Actie', 'Eigenaar', 'Termijn', 'Status', 'Stippen'],
          rows: raw.actions.map((a) => [a.title, a.owner, a.horizon, a.status, a.dots]),
        },
      ],
    },
    {
      key: 'quotes',
      title: 'Citaten',
      activityKind: null,
      blocks: raw.notes.slice(0, 8).map((note) => ({
        type: 'quote' as const,
        text: note.text,
        author: note.author,
      })),
    },
    {
      key: 'conclusions',
      title: 'Conclusies',
      activityKind: null,
      blocks: [
        { type: 'paragraph', text: sentence(random, 40, 80) },
        { type: 'list', ordered: false, items: [1, 2, 3, 4].map(() => sentence(random, 6, 14)) },
      ],
    },
  ];

  return {
    raw,
    document: {
      labId: '00000000-0000-4000-8000-000000000000',
      version: 1,
      generatedAt: '2026-03-12T16:00:00.000Z',
      cover: {
        title: 'Binnenstadslab IJmuiden',
        question: 'Hoe wordt het centrum van IJmuiden in 2030 een plek waar je wilt blijven?',
        orgName: 'Gemeente Velsen',
        places: ['IJmuiden'],
        region: 'IJmond',
        date: '2026-03-12T09:00:00.000Z',
        venue: 'Stadhuis Velsen',
        facilitators: ['Jeroen Bakker'],
        participantCount: PEOPLE.length,
        anonymous: false,
      },
      sections,
      licence: {
        code: 'CC-BY-SA-4.0',
        attribution: '',
        line: '© 2026 Gemeente Velsen · CC BY-SA 4.0',
      },
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The baseline: every word of the report as plain paragraphs in one embedded face, untagged.

function plainText(document: ReportDocument): string[] {
  const lines: string[] = [document.cover.title, document.cover.question];
  for (const section of document.sections) {
    lines.push(section.title);
    for (const block of section.blocks) {
      if (block.type === 'paragraph' || block.type === 'heading') lines.push(block.text);
      else if (block.type === 'list') lines.push(...block.items);
      else if (block.type === 'quote') lines.push(block.text);
      else if (block.type === 'table') {
        lines.push(block.caption, ...block.rows.map((row) => row.join(' · ')));
      } else if (block.type === 'chart') lines.push(block.caption);
    }
  }
  return lines;
}

async function renderBaselinePdf(document: ReportDocument): Promise<Buffer> {
  const require = createRequire(import.meta.url);
  const doc = new PDFDocument({ size: 'A4', margin: 62, font: '' });
  doc.registerFont(
    'serif',
    require.resolve('@fontsource/noto-serif/files/noto-serif-latin-400-normal.woff'),
  );
  doc.font('serif').fontSize(10.5);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) =>
    doc.on('end', () => resolve(Buffer.concat(chunks))),
  );
  for (const line of plainText(document)) doc.text(line, { lineGap: 2.5 }).moveDown(0.3);
  doc.end();
  return done;
}

// ---------------------------------------------------------------------------------------------

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await work();
  return { ms: performance.now() - start, value };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

const roundTenth = (value: number) => Math.round(value * 10) / 10;

function countPages(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type \/Page\b/g)?.length ?? 0;
}

/** The process's peak resident memory in MB since start or since the last resetPeakRss(). */
function readPeakRssMb(): number {
  try {
    // VmHWM can be reset (below); resourceUsage().maxRSS cannot, so it is only the fallback.
    const status = readFileSync('/proc/self/status', 'utf8');
    const kib = Number(/^VmHWM:\s+(\d+)\s+kB/m.exec(status)?.[1]);
    if (Number.isFinite(kib) && kib > 0) return roundTenth(kib / KIB_PER_MIB);
  } catch {
    // Not Linux: fall through.
  }
  return roundTenth(process.resourceUsage().maxRSS / KIB_PER_MIB);
}

/** Starts a new peak from the current resident memory (Linux: clear_refs 5); false elsewhere. */
function resetPeakRss(): boolean {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
}

const rssMb = () => roundTenth(process.memoryUsage().rss / KIB_PER_MIB / KIB_PER_MIB);

async function main(): Promise<void> {
  const notes = parseNotes(process.argv.slice(2));
  const { document } = buildBenchReport(notes);
  log(`report of ${notes} notes: ${document.sections.length} sections`);
  // Only pdfkit and the PDF renderer are loaded at this point; DOCX comes after the PDF's peak.
  const startRss = rssMb();
  log(`RSS before rendering: ${startRss} MB`);

  // Phase 1, the PDF. Warm-up first: fonts read and parsed once, code compiled; the first request
  // of a server pays this.
  const warm = await timed(() => renderReportPdf(buildBenchReport(20).document));
  log(`warm-up PDF of 20 notes: ${roundTenth(warm.ms)} ms`);
  const pdfTimes: number[] = [];
  let pdf: Buffer = Buffer.alloc(0);
  for (let run = 1; run <= RUNS; run += 1) {
    const p = await timed(() => renderReportPdf(document));
    pdfTimes.push(p.ms);
    pdf = p.value;
    log(`pdf run ${run}: ${roundTenth(p.ms)} ms, RSS ${rssMb()} MB`);
  }
  // Start-up, warm-up and the three renders: what a server process rendering this PDF reaches.
  const pdfPeak = readPeakRssMb();

  // Phase 2, the baseline, outside both peaks.
  const baseTimes: number[] = [];
  let baseline: Buffer = Buffer.alloc(0);
  for (let run = 1; run <= RUNS; run += 1) {
    const b = await timed(() => renderBaselinePdf(document));
    baseTimes.push(b.ms);
    baseline = b.value;
    log(`baseline run ${run}: ${roundTenth(b.ms)} ms`);
  }

  // Phase 3, the DOCX, with the peak restarted from the RSS the earlier phases left behind.
  const isolated = resetPeakRss();
  const { renderReportDocx } = await import('../server/features/reports/export/docx.ts');
  const docxTimes: number[] = [];
  let docx: Buffer = Buffer.alloc(0);
  for (let run = 1; run <= RUNS; run += 1) {
    const d = await timed(() => renderReportDocx(document));
    docxTimes.push(d.ms);
    docx = d.value;
    log(`docx run ${run}: ${roundTenth(d.ms)} ms, RSS ${rssMb()} MB`);
  }
  const docxPeak = readPeakRssMb();
  if (!isolated) log('could not reset the peak RSS: docx_peak_rss_mb covers the whole run');

  const pdfMs = median(pdfTimes);
  const baselineMs = median(baseTimes);
  const summary: ReportBenchSummary = {
    notes,
    pages: countPages(pdf),
    pdf_ms: roundTenth(pdfMs),
    docx_ms: roundTenth(median(docxTimes)),
    pdf_bytes: pdf.length,
    docx_bytes: docx.length,
    baseline_pdf_ms: roundTenth(baselineMs),
    baseline_pdf_bytes: baseline.length,
    ratio_pdf: roundTenth(pdfMs / Math.max(baselineMs, 0.1)),
    start_rss_mb: startRss,
    peak_rss_mb: pdfPeak,
    docx_peak_rss_mb: docxPeak,
    load_1m: roundTenth(loadavg()[0] ?? 0),
  };
  log(
    `pdf ${summary.pdf_ms} ms (${summary.pages} pages, ${summary.pdf_bytes} bytes), docx ${summary.docx_ms} ms, baseline ${summary.baseline_pdf_ms} ms, peak RSS ${summary.peak_rss_mb} MB (PDF) and ${summary.docx_peak_rss_mb} MB (DOCX), load ${summary.load_1m}`,
  );
  process.stdout.write(`${JSON.stringify(summary)}\n`);
}

if (import.meta.main)
  main().catch((error: unknown) => {
    log(`could not run: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  });
