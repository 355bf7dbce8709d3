// The report as a tagged, accessible PDF (PDF/UA-minded): A4, Noto fonts embedded, a structure tree
// (H1/H2/P/L/LI/Table/Figure) in reading order, charts drawn as vector graphics with their alt
// text, and the licence line on the cover and in every footer. No browser involved: pdfkit.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import type { ChartData, ReportBlock, ReportDocument } from '../../../../common/reports.ts';
import { richBlocks, type RichBlock, type RichSpan } from '../../../../common/richtext.ts';
import { chartTable, coverFacts, formatCell, formatNumber, versionLine } from './content.ts';

type Doc = PDFKit.PDFDocument;
type Struct = PDFKit.PDFStructureElement;

// ---------------------------------------------------------------------------------------------
// Fonts: Noto Sans for headings, tables and captions, Noto Serif for running text. Fontsource
// ships each face cut into Unicode subsets; "latin" covers Dutch (é, ë, ï) and "latin-ext" the
// rest of Europe (ĳ, ŀ, ł), so each run of text is set in whichever subset has its characters.

type Family = 'sans' | 'serif';
type Subset = 'latin' | 'latin-ext';
interface FontStyle {
  family: Family;
  bold: boolean;
  italic: boolean;
}

const require = createRequire(import.meta.url);
const PACKAGES: Record<Family, string> = {
  sans: '@fontsource/noto-sans',
  serif: '@fontsource/noto-serif',
};
const SUBSETS: readonly Subset[] = ['latin', 'latin-ext'];

function fontKey(style: FontStyle, subset: Subset): string {
  return `${style.family}-${subset}-${style.bold ? 700 : 400}-${style.italic ? 'italic' : 'normal'}`;
}

let fontFiles: Map<string, Buffer> | null = null;
/** Every face read once per process; pdfkit embeds only the glyphs a document uses. */
function loadFontFiles(): Map<string, Buffer> {
  if (fontFiles) return fontFiles;
  const files = new Map<string, Buffer>();
  for (const family of ['sans', 'serif'] as const) {
    const name = family === 'sans' ? 'noto-sans' : 'noto-serif';
    for (const subset of SUBSETS) {
      for (const bold of [false, true]) {
        for (const italic of [false, true]) {
          const file = `${PACKAGES[family]}/files/${name}-${subset}-${bold ? 700 : 400}-${italic ? 'italic' : 'normal'}.woff`;
          files.set(fontKey({ family, bold, italic }, subset), readFileSync(require.resolve(file)));
        }
      }
    }
  }
  fontFiles = files;
  return files;
}

type Ranges = [number, number][];
let coverage: Record<Subset, Ranges> | null = null;
/** The code point ranges of each subset, as Fontsource declares them (its unicode.json). */
function loadCoverage(): Record<Subset, Ranges> {
  if (coverage) return coverage;
  const declared = JSON.parse(
    readFileSync(require.resolve('@fontsource/noto-sans/unicode.json'), 'utf8'),
  ) as Record<string, string>;
  const parse = (ranges: string | undefined): Ranges =>
    (ranges ?? '').split(',').map((part) => {
      const [from = '0', to] = part.trim().replace(/^U\+/i, '').split('-');
      return [parseInt(from, 16), parseInt(to ?? from, 16)];
    });
  coverage = { latin: parse(declared.latin), 'latin-ext': parse(declared['latin-ext']) };
  return coverage;
}

function subsetOf(codePoint: number): Subset | null {
  const ranges = loadCoverage();
  for (const subset of SUBSETS) {
    if (ranges[subset].some(([from, to]) => codePoint >= from && codePoint <= to)) return subset;
  }
  return null;
}

/** The text cut into runs that one subset can show; characters no subset has become "?". */
function fontRuns(text: string, style: FontStyle): { text: string; font: string }[] {
  // Almost all text is plain Latin-1: one run, no per-character work.
  if (!/[\u0100-\u1fff\u2070-\uffff]/.test(text)) {
    return text === '' ? [] : [{ text, font: fontKey(style, 'latin') }];
  }
  const runs: { text: string; font: string }[] = [];
  for (const char of text) {
    const subset = subsetOf(char.codePointAt(0) ?? 0);
    const font = fontKey(style, subset ?? 'latin');
    const shown = subset ? char : '?';
    const last = runs.at(-1);
    if (last && last.font === font) last.text += shown;
    else runs.push({ text: shown, font });
  }
  return runs;
}

// ---------------------------------------------------------------------------------------------
// Page geometry and type

const MARGIN = { top: 62, bottom: 72, left: 62, right: 62 };
const FOOTER_OFFSET = 42;
const BODY_SIZE = 10.5;
const LINE_GAP = 2.5;
const INK = '#1a1a1a';
const MUTED = '#555555';
const RULE = '#9a9a9a';
const HEADER_FILL = '#e8edf2';
const SERIES_COLOURS = ['#1f5f99', '#b3541e', '#2e7d32', '#6a1b9a', '#8d6e00'];
// Series differ by line pattern and marker too, so a chart does not rely on colour alone.
const SERIES_DASHES: (number[] | null)[] = [null, [5, 3], [1.5, 2.5], [7, 2, 1.5, 2], [3, 3]];
/** Points a one-line text stays below its box's width, so rounding never hides a wrap. */
const ONE_LINE_SLACK = 1;
/** Room a heading needs below it so it never ends a page alone. */
const KEEP_WITH_NEXT = 48;

const sans: FontStyle = { family: 'sans', bold: false, italic: false };
const sansBold: FontStyle = { family: 'sans', bold: true, italic: false };
const serif: FontStyle = { family: 'serif', bold: false, italic: false };

interface Span {
  text: string;
  bold?: boolean;
  italic?: boolean;
  href?: string | null;
}

interface TextBox {
  family: Family;
  size: number;
  colour?: string;
  x?: number;
  y?: number;
  width?: number;
  align?: 'left' | 'right' | 'center';
  bold?: boolean;
  italic?: boolean;
}

/** A structure element with the options pdfkit 0.20 reads but @types/pdfkit does not list. */
function struct(
  doc: Doc,
  tag: string,
  options: PDFKit.Mixins.StructureElementOptions & {
    bbox?: [number, number, number, number];
    scope?: 'Column' | 'Row';
  } = {},
  children?: PDFKit.PDFStructureElementChild,
): Struct {
  return doc.struct(tag, options, children);
}

class Layout {
  readonly doc: Doc;
  constructor(doc: Doc) {
    this.doc = doc;
  }

  get left(): number {
    return MARGIN.left;
  }
  get width(): number {
    return this.doc.page.width - MARGIN.left - MARGIN.right;
  }
  get bottom(): number {
    return this.doc.page.height - MARGIN.bottom;
  }

  /** Starts a new page when less than `height` is left; call only between marked contents. */
  ensureSpace(height: number): void {
    if (this.doc.y + height > this.bottom) this.newPage();
  }

  newPage(): void {
    this.doc.addPage();
    this.doc.x = this.left;
  }

  useFont(style: FontStyle, size: number): void {
    this.doc.font(fontKey(style, 'latin')).fontSize(size);
  }

  /** Height of text set in the box's main face; close enough for runs in another subset. */
  measure(text: string, box: TextBox): number {
    this.useFont(
      { family: box.family, bold: box.bold ?? false, italic: box.italic ?? false },
      box.size,
    );
    const shown = text === '' ? ' ' : text;
    const width = box.width ?? this.width;
    // Most table cells are one short line. Its height is one line plus the gap, summed the way
    // heightOfString sums it, without pdfkit wrapping the text into lines only to count them.
    if (!/[\t\n\r\u00ad]/.test(shown) && this.doc.widthOfString(shown) <= width - ONE_LINE_SLACK) {
      const y = this.doc.y;
      return y + (this.doc.currentLineHeight(true) + LINE_GAP) - y;
    }
    return this.doc.heightOfString(shown, { width, lineGap: LINE_GAP });
  }

  /** Writes spans as one flowing paragraph, switching faces per mark and per Unicode subset. */
  write(spans: Span[], box: TextBox): void {
    const doc = this.doc;
    const pieces: { text: string; font: string; href: string | null }[] = [];
    for (const span of spans) {
      const style: FontStyle = {
        family: box.family,
        bold: span.bold ?? box.bold ?? false,
        italic: span.italic ?? box.italic ?? false,
      };
      for (const run of fontRuns(span.text, style)) {
        pieces.push({ ...run, href: span.href ?? null });
      }
    }
    if (pieces.length === 0) pieces.push({ text: ' ', font: fontKey(sans, 'latin'), href: null });
    doc.fillColor(box.colour ?? INK).fontSize(box.size);
    const options = {
      width: box.width ?? this.width,
      lineGap: LINE_GAP,
      align: box.align ?? 'left',
    };
    pieces.forEach((piece, index) => {
      doc.font(piece.font);
      const continued = index < pieces.length - 1;
      const extra = piece.href
        ? { link: piece.href, underline: true }
        : { link: null, underline: false };
      if (index === 0) {
        doc.text(piece.text, box.x ?? this.left, box.y ?? doc.y, {
          ...options,
          ...extra,
          continued,
        });
      } else {
        doc.text(piece.text, { ...options, ...extra, continued });
      }
    });
    doc.x = this.left;
  }

  /** Draws decoration that is not content (rules, fills), marked as an artifact. */
  artifact(draw: () => void): void {
    this.doc.markContent('Artifact', { type: 'Layout' });
    draw();
    this.doc.endMarkedContent();
  }
}

// ---------------------------------------------------------------------------------------------
// Blocks

function writeHeading(layout: Layout, parent: Struct, tag: string, text: string, size: number) {
  const box: TextBox = { family: 'sans', bold: true, size };
  layout.ensureSpace(layout.measure(text, box) + KEEP_WITH_NEXT);
  layout.doc.moveDown(0.4);
  parent.add(struct(layout.doc, tag, {}, () => layout.write([{ text }], box)));
  layout.doc.moveDown(0.3);
}

function writeParagraph(layout: Layout, parent: Struct, spans: Span[], tag = 'P') {
  const box: TextBox = { family: 'serif', size: BODY_SIZE };
  // A paragraph may flow over a page break, but never starts on the page's last line.
  layout.ensureSpace(BODY_SIZE * 2.6);
  parent.add(struct(layout.doc, tag, {}, () => layout.write(spans, box)));
  layout.doc.moveDown(0.55);
}

interface ListItem {
  label: string;
  spans: Span[];
  depth: number;
}

function writeList(layout: Layout, parent: Struct, items: ListItem[]) {
  const doc = layout.doc;
  const list = struct(doc, 'L');
  parent.add(list);
  for (const item of items) {
    const indent = 14 + item.depth * 16;
    const box: TextBox = {
      family: 'serif',
      size: BODY_SIZE,
      x: layout.left + indent + 14,
      width: layout.width - indent - 14,
    };
    layout.ensureSpace(BODY_SIZE * 1.6);
    const y = doc.y;
    const entry = struct(doc, 'LI');
    list.add(entry);
    entry.add(
      struct(doc, 'Lbl', {}, () =>
        layout.write([{ text: item.label }], {
          family: 'serif',
          size: BODY_SIZE,
          x: layout.left + indent,
          y,
          width: 14,
        }),
      ),
    );
    entry.add(struct(doc, 'LBody', {}, () => layout.write(item.spans, { ...box, y })));
    entry.end();
    doc.moveDown(0.25);
  }
  list.end();
  doc.moveDown(0.4);
}

function writeQuote(layout: Layout, parent: Struct, spans: Span[], author: string | null) {
  const doc = layout.doc;
  const box: TextBox = {
    family: 'serif',
    italic: true,
    size: BODY_SIZE + 0.5,
    x: layout.left + 18,
    width: layout.width - 18,
  };
  const text = spans.map((s) => s.text).join('');
  const height = layout.measure(text, box) + (author ? 16 : 0);
  layout.ensureSpace(Math.min(height, BODY_SIZE * 4));
  const top = doc.y;
  const quote = struct(doc, 'BlockQuote');
  parent.add(quote);
  quote.add(struct(doc, 'P', {}, () => layout.write(spans, { ...box, y: top })));
  if (author) {
    quote.add(
      struct(doc, 'P', {}, () =>
        layout.write([{ text: `— ${author}` }], {
          family: 'sans',
          size: 9,
          colour: MUTED,
          x: layout.left + 18,
          width: layout.width - 18,
        }),
      ),
    );
  }
  quote.end();
  const end = doc.y;
  // The bar beside the quote; when the quote crossed a page, it marks the part on this page.
  const from = end < top ? MARGIN.top : top;
  layout.artifact(() => {
    doc
      .moveTo(layout.left + 4, from)
      .lineTo(layout.left + 4, end)
      .lineWidth(2.5)
      .strokeColor(RULE)
      .stroke();
  });
  doc.moveDown(0.6);
}

// Tables -----------------------------------------------------------------------------------------

const CELL_PAD = 4;
const TABLE_SIZE = 9;

function columnWidths(columns: string[], rows: string[][], total: number): number[] {
  // Wider columns for longer text, within bounds, so a short number column stays narrow.
  const weights = columns.map((column, i) => {
    let longest = column.length;
    for (const row of rows.slice(0, 200)) longest = Math.max(longest, (row[i] ?? '').length);
    return Math.min(Math.max(longest, 6), 60);
  });
  const sum = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => (w / sum) * total);
}

function rowHeight(layout: Layout, cells: string[], widths: number[], bold: boolean): number {
  let height = 0;
  cells.forEach((cell, i) => {
    const box: TextBox = {
      family: 'sans',
      bold,
      size: TABLE_SIZE,
      width: (widths[i] ?? 0) - 2 * CELL_PAD,
    };
    height = Math.max(height, layout.measure(cell, box));
  });
  return height + 2 * CELL_PAD;
}

function drawRow(
  layout: Layout,
  cells: string[],
  widths: number[],
  options: { header: boolean; tagged: Struct | null; height: number },
): void {
  const doc = layout.doc;
  const top = doc.y;
  const height = options.height;
  layout.artifact(() => {
    if (options.header) {
      doc.rect(layout.left, top, layout.width, height).fill(HEADER_FILL);
    }
    doc
      .moveTo(layout.left, top + height)
      .lineTo(layout.left + layout.width, top + height)
      .lineWidth(options.header ? 0.9 : 0.4)
      .strokeColor(RULE)
      .stroke();
  });
  const tr = options.tagged ? struct(doc, 'TR') : null;
  if (tr && options.tagged) options.tagged.add(tr);
  if (!tr) doc.markContent('Artifact', { type: 'Pagination' });
  let x = layout.left;
  cells.forEach((cell, i) => {
    const width = widths[i] ?? 0;
    const box: TextBox = {
      family: 'sans',
      bold: options.header,
      size: TABLE_SIZE,
      x: x + CELL_PAD,
      y: top + CELL_PAD,
      width: width - 2 * CELL_PAD,
    };
    if (tr) {
      tr.add(
        struct(doc, options.header ? 'TH' : 'TD', options.header ? { scope: 'Column' } : {}, () =>
          layout.write([{ text: cell }], box),
        ),
      );
    } else {
      layout.write([{ text: cell }], box);
    }
    x += width;
  });
  if (tr) tr.end();
  else doc.endMarkedContent();
  doc.y = top + height;
  doc.x = layout.left;
}

function writeTable(
  layout: Layout,
  parent: Struct,
  input: { caption: string | null; columns: string[]; rows: string[][] },
) {
  const doc = layout.doc;
  const widths = columnWidths(input.columns, input.rows, layout.width);
  const headerHeight = rowHeight(layout, input.columns, widths, true);
  const first = input.rows[0];
  const firstRow = first
    ? rowHeight(
        layout,
        input.columns.map((_c, i) => first[i] ?? ''),
        widths,
        false,
      )
    : 0;
  const captionBox: TextBox = { family: 'sans', bold: true, size: 9.5 };
  const captionHeight = input.caption ? layout.measure(input.caption, captionBox) + 4 : 0;
  // A caption and header row never stand alone at the foot of a page.
  layout.ensureSpace(captionHeight + headerHeight + firstRow);
  const table = struct(doc, 'Table');
  parent.add(table);
  if (input.caption) {
    const caption = input.caption;
    table.add(struct(doc, 'Caption', {}, () => layout.write([{ text: caption }], captionBox)));
    doc.moveDown(0.2);
  }
  drawRow(layout, input.columns, widths, { header: true, tagged: table, height: headerHeight });
  input.rows.forEach((row, index) => {
    const cells = input.columns.map((_c, i) => row[i] ?? '');
    const height = index === 0 ? firstRow : rowHeight(layout, cells, widths, false);
    if (doc.y + height > layout.bottom) {
      layout.newPage();
      // The repeated header helps the eye; it is an artifact so a screen reader hears it once.
      drawRow(layout, input.columns, widths, { header: true, tagged: null, height: headerHeight });
    }
    drawRow(layout, cells, widths, { header: false, tagged: table, height });
  });
  table.end();
  doc.moveDown(0.8);
}

// Charts -----------------------------------------------------------------------------------------

function clampRatio(value: number, min: number, max: number): number {
  if (max <= min) return 0;
  return Math.min(Math.max((value - min) / (max - min), 0), 1);
}

function label(
  layout: Layout,
  text: string,
  x: number,
  y: number,
  width: number,
  align: 'left' | 'right' | 'center',
  size = 8,
) {
  layout.write([{ text }], { family: 'sans', size, x, y, width, align, colour: MUTED });
}

function chartHeight(data: ChartData): number {
  switch (data.chart) {
    case 'bar':
      return data.bars.length * 18 + 24;
    case 'matrix':
      return 300;
    case 'radar':
      return 290 + Math.ceil(data.series.length / 3) * 14;
  }
}

function drawBarChart(layout: Layout, data: Extract<ChartData, { chart: 'bar' }>, top: number) {
  const doc = layout.doc;
  const labelWidth = layout.width * 0.38;
  const barLeft = layout.left + labelWidth + 8;
  const barSpace = layout.width - labelWidth - 8 - 40;
  data.bars.forEach((bar, i) => {
    const y = top + 8 + i * 18;
    label(layout, bar.label, layout.left, y + 2, labelWidth, 'right', 8.5);
    if (bar.value !== null) {
      const width = Math.max(clampRatio(bar.value, data.min, data.max) * barSpace, 0.5);
      doc.rect(barLeft, y, width, 12).fill(SERIES_COLOURS[0] ?? INK);
      label(layout, formatNumber(bar.value), barLeft + width + 4, y + 2, 36, 'left', 8.5);
    } else {
      label(layout, formatNumber(null), barLeft + 4, y + 2, 36, 'left', 8.5);
    }
  });
  doc
    .moveTo(barLeft, top + 4)
    .lineTo(barLeft, top + 8 + data.bars.length * 18)
    .lineWidth(0.6)
    .strokeColor(RULE)
    .stroke();
}

function drawMatrixChart(
  layout: Layout,
  data: Extract<ChartData, { chart: 'matrix' }>,
  top: number,
) {
  const doc = layout.doc;
  const size = 240;
  const left = layout.left + (layout.width - size) / 2;
  const plotTop = top + 10;
  const toX = (v: number) => left + clampRatio(v, data.min, data.max) * size;
  const toY = (v: number) => plotTop + size - clampRatio(v, data.min, data.max) * size;
  doc.rect(left, plotTop, size, size).lineWidth(0.8).strokeColor(RULE).stroke();
  // Quadrant lines at the split value on both axes.
  doc
    .moveTo(toX(data.split), plotTop)
    .lineTo(toX(data.split), plotTop + size)
    .moveTo(left, toY(data.split))
    .lineTo(left + size, toY(data.split))
    .dash(4, { space: 3 })
    .lineWidth(0.8)
    .strokeColor(MUTED)
    .stroke()
    .undash();
  label(layout, data.xLabel, left, plotTop + size + 6, size, 'center', 8.5);
  label(layout, formatNumber(data.max), left + size - 26, plotTop + size + 3, 26, 'right', 7.5);
  doc.save();
  doc.rotate(-90, { origin: [left - 14, plotTop + size / 2] });
  label(layout, data.yLabel, left - 14 - size / 2, plotTop + size / 2 - 4, size, 'center', 8.5);
  doc.restore();
  label(layout, formatNumber(data.min), left - 30, plotTop + size - 4, 26, 'right', 7.5);
  label(layout, formatNumber(data.max), left - 30, plotTop - 2, 26, 'right', 7.5);
  for (const point of data.points) {
    if (point.x === null || point.y === null) continue;
    const x = toX(point.x);
    const y = toY(point.y);
    doc.circle(x, y, 3.2).fill(SERIES_COLOURS[0] ?? INK);
    const text = point.label.length > 32 ? `${point.label.slice(0, 31)}…` : point.label;
    const onLeft = x > left + size * 0.6;
    label(layout, text, onLeft ? x - 126 : x + 5, y - 4, 120, onLeft ? 'right' : 'left', 7.5);
  }
}

function drawRadarChart(layout: Layout, data: Extract<ChartData, { chart: 'radar' }>, top: number) {
  const doc = layout.doc;
  const radius = 105;
  const cx = layout.left + layout.width / 2;
  const cy = top + 20 + radius + 10;
  const count = Math.max(data.axes.length, 1);
  const angle = (i: number) => -Math.PI / 2 + (2 * Math.PI * i) / count;
  const at = (i: number, ratio: number): [number, number] => [
    cx + Math.cos(angle(i)) * radius * ratio,
    cy + Math.sin(angle(i)) * radius * ratio,
  ];
  for (const ring of [0.25, 0.5, 0.75, 1]) {
    data.axes.forEach((_axis, i) => {
      const [x, y] = at(i, ring);
      if (i === 0) doc.moveTo(x, y);
      else doc.lineTo(x, y);
    });
    doc.closePath().lineWidth(0.4).strokeColor('#c8c8c8').stroke();
  }
  data.axes.forEach((axis, i) => {
    const [x, y] = at(i, 1);
    doc.moveTo(cx, cy).lineTo(x, y).lineWidth(0.5).strokeColor(RULE).stroke();
    const [lx, ly] = at(i, 1.12);
    const text = axis.length > 28 ? `${axis.slice(0, 27)}…` : axis;
    const align = Math.abs(lx - cx) < 8 ? 'center' : lx < cx ? 'right' : 'left';
    const boxX = align === 'center' ? lx - 60 : align === 'right' ? lx - 120 : lx;
    label(layout, text, boxX, ly - 4, 120, align, 7.5);
  });
  data.series.forEach((series, s) => {
    const colour = SERIES_COLOURS[s % SERIES_COLOURS.length] ?? INK;
    const dash = SERIES_DASHES[s % SERIES_DASHES.length] ?? null;
    const points = data.axes.map((_a, i) => {
      const value = series.values[i] ?? null;
      return at(i, value === null ? 0 : clampRatio(value, data.min, data.max));
    });
    points.forEach(([x, y], i) => {
      if (i === 0) doc.moveTo(x, y);
      else doc.lineTo(x, y);
    });
    doc.closePath().lineWidth(1.4).strokeColor(colour);
    if (dash) doc.dash(dash[0] ?? 3, { space: dash[1] ?? 2 });
    doc.stroke().undash();
    for (const [x, y] of points) {
      if (s % 2 === 0) doc.circle(x, y, 2.2).fill(colour);
      else doc.rect(x - 2, y - 2, 4, 4).fill(colour);
    }
  });
  // Legend: colour, line pattern and marker per series.
  const legendTop = cy + radius + 28;
  data.series.forEach((series, s) => {
    const colour = SERIES_COLOURS[s % SERIES_COLOURS.length] ?? INK;
    const dash = SERIES_DASHES[s % SERIES_DASHES.length] ?? null;
    const x = layout.left + (s % 3) * (layout.width / 3);
    const y = legendTop + Math.floor(s / 3) * 14;
    doc
      .moveTo(x, y + 4)
      .lineTo(x + 22, y + 4)
      .lineWidth(1.4)
      .strokeColor(colour);
    if (dash) doc.dash(dash[0] ?? 3, { space: dash[1] ?? 2 });
    doc.stroke().undash();
    if (s % 2 === 0) doc.circle(x + 11, y + 4, 2.2).fill(colour);
    else doc.rect(x + 9, y + 2, 4, 4).fill(colour);
    label(layout, series.label, x + 27, y, layout.width / 3 - 30, 'left', 8);
  });
}

function writeChart(
  layout: Layout,
  parent: Struct,
  block: Extract<ReportBlock, { type: 'chart' }>,
) {
  const doc = layout.doc;
  const height = chartHeight(block.data);
  const captionBox: TextBox = { family: 'sans', italic: true, size: 9, colour: MUTED };
  layout.ensureSpace(height + layout.measure(block.caption, captionBox) + 8);
  const top = doc.y;
  const figure = struct(
    doc,
    'Figure',
    { alt: block.alt, bbox: [layout.left, top, layout.left + layout.width, top + height] },
    () => {
      switch (block.data.chart) {
        case 'bar':
          drawBarChart(layout, block.data, top);
          break;
        case 'matrix':
          drawMatrixChart(layout, block.data, top);
          break;
        case 'radar':
          drawRadarChart(layout, block.data, top);
          break;
      }
    },
  );
  parent.add(figure);
  doc.y = top + height + 4;
  doc.x = layout.left;
  parent.add(struct(doc, 'Caption', {}, () => layout.write([{ text: block.caption }], captionBox)));
  doc.moveDown(0.5);
  // The numbers behind the picture, for readers who cannot see it and for anyone who prints it.
  writeTable(layout, parent, { caption: null, ...chartTable(block.data) });
}

function spansOf(spans: RichSpan[]): Span[] {
  return spans.map((s) => ({ text: s.text, bold: s.bold, italic: s.italic, href: s.href }));
}

function writeRich(layout: Layout, parent: Struct, blocks: RichBlock[]) {
  let index = 0;
  while (index < blocks.length) {
    const block = blocks[index];
    if (!block) break;
    if (block.type === 'bulletItem' || block.type === 'orderedItem') {
      const items: ListItem[] = [];
      const counters: number[] = [];
      while (index < blocks.length) {
        const item = blocks[index];
        if (!item || (item.type !== 'bulletItem' && item.type !== 'orderedItem')) break;
        counters.length = item.level + 1;
        counters[item.level] = (counters[item.level] ?? 0) + 1;
        items.push({
          label: item.type === 'orderedItem' ? `${counters[item.level] ?? 1}.` : '•',
          spans: spansOf(item.spans),
          depth: item.level,
        });
        index += 1;
      }
      writeList(layout, parent, items);
      continue;
    }
    const text = block.spans.map((s) => s.text).join('');
    if (block.type === 'heading') {
      writeHeading(
        layout,
        parent,
        block.level === 3 ? 'H4' : 'H3',
        text,
        block.level === 3 ? 11.5 : 13,
      );
    } else if (block.type === 'quote') {
      writeQuote(layout, parent, spansOf(block.spans), null);
    } else if (text.trim() !== '') {
      writeParagraph(layout, parent, spansOf(block.spans));
    }
    index += 1;
  }
}

function writeBlock(layout: Layout, parent: Struct, block: ReportBlock) {
  switch (block.type) {
    case 'paragraph':
      writeParagraph(layout, parent, [{ text: block.text }]);
      return;
    case 'heading':
      writeHeading(layout, parent, 'H3', block.text, 13);
      return;
    case 'list':
      writeList(
        layout,
        parent,
        block.items.map((item, i) => ({
          label: block.ordered ? `${i + 1}.` : '•',
          spans: [{ text: item }],
          depth: 0,
        })),
      );
      return;
    case 'table':
      writeTable(layout, parent, {
        caption: block.caption,
        columns: block.columns,
        rows: block.rows.map((row) => row.map(formatCell)),
      });
      return;
    case 'chart':
      writeChart(layout, parent, block);
      return;
    case 'quote':
      writeQuote(layout, parent, [{ text: block.text }], block.author);
      return;
    case 'rich':
      writeRich(layout, parent, richBlocks(block.doc));
      return;
  }
}

// ---------------------------------------------------------------------------------------------
// Cover and footers

function writeCover(layout: Layout, root: Struct, report: ReportDocument) {
  const doc = layout.doc;
  const { cover } = report;
  doc.y = MARGIN.top + 90;
  layout.artifact(() => {
    doc.rect(layout.left, MARGIN.top + 60, 48, 5).fill(SERIES_COLOURS[0] ?? INK);
  });
  root.add(
    struct(doc, 'P', {}, () =>
      layout.write([{ text: 'Verslag binnenstadslab' }], {
        family: 'sans',
        size: 11,
        colour: MUTED,
      }),
    ),
  );
  doc.moveDown(0.4);
  root.add(
    struct(doc, 'H1', {}, () =>
      layout.write([{ text: cover.title }], { family: 'sans', bold: true, size: 26 }),
    ),
  );
  doc.moveDown(0.6);
  if (cover.question.trim() !== '') {
    root.add(
      struct(doc, 'P', {}, () =>
        layout.write([{ text: cover.question }], { family: 'serif', size: 14 }),
      ),
    );
    doc.moveDown(1.2);
  }
  for (const fact of coverFacts(cover)) {
    root.add(
      struct(doc, 'P', {}, () =>
        layout.write([{ text: `${fact.label}: `, bold: true }, { text: fact.value }], {
          family: 'sans',
          size: 10.5,
        }),
      ),
    );
    doc.moveDown(0.2);
  }
  doc.moveDown(1);
  root.add(
    struct(doc, 'P', {}, () =>
      layout.write([{ text: versionLine(report) }], { family: 'sans', size: 9.5, colour: MUTED }),
    ),
  );
  doc.y = layout.bottom - 40;
  root.add(
    struct(doc, 'P', {}, () =>
      layout.write([{ text: report.licence.line }], { family: 'sans', size: 9.5, colour: MUTED }),
    ),
  );
}

function writeFooters(layout: Layout, report: ReportDocument) {
  const doc = layout.doc;
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i += 1) {
    doc.switchToPage(i);
    // Footer text sits below the bottom margin; lift the margin so pdfkit adds no page for it.
    const margins = doc.page.margins;
    const saved = margins.bottom;
    margins.bottom = 0;
    const y = doc.page.height - FOOTER_OFFSET;
    doc.markContent('Artifact', { type: 'Pagination' });
    layout.write([{ text: report.licence.line }], {
      family: 'sans',
      size: 8,
      colour: MUTED,
      x: layout.left,
      y,
      width: layout.width * 0.75,
    });
    layout.write([{ text: `Pagina ${i + 1} van ${range.count}` }], {
      family: 'sans',
      size: 8,
      colour: MUTED,
      x: layout.left + layout.width * 0.75,
      y,
      width: layout.width * 0.25,
      align: 'right',
    });
    doc.endMarkedContent();
    margins.bottom = saved;
  }
}

// ---------------------------------------------------------------------------------------------
// Memory. A 1,000-note report writes a few hundred thousand small operator strings. pdfkit turns
// each into its own byte array, keeps every page's arrays until the document ends (footers need
// the final page count, so pages stay buffered) and queues every piece of output the same way.
// Objects that live that long survive V8's young-generation collections, and the young generation
// grows to hold them: that growth, not the document, was most of the process's peak memory
// (bench/README.md, "bench:report"). So operators are joined per page into a few large buffers,
// and the output is copied into one growing buffer as it arrives.

/** Flush a page's pending operators once they reach this many characters. */
const PAGE_BATCH_CHARS = 64 * 1024;

/**
 * Makes a page collect its operator strings and hand them to pdfkit in large pieces, in order;
 * returns a function that hands over what is still pending (call it when the page is left).
 */
function batchPageWrites(page: PDFKit.PDFPage): () => void {
  const write = page.write.bind(page);
  const end = page.end.bind(page);
  let pending = '';
  const flush = () => {
    if (pending === '') return;
    // Operators are byte strings (pdfkit keeps the low byte of each code unit, as latin1 does).
    write(Buffer.from(pending, 'latin1'));
    pending = '';
  };
  // pdfkit writes every content operator through page.write, and ends the page with page.end.
  page.write = (chunk: unknown) => {
    if (typeof chunk === 'string') {
      pending += `${chunk}\n`;
      if (pending.length >= PAGE_BATCH_CHARS) flush();
      return;
    }
    flush();
    write(chunk);
  };
  page.end = () => {
    flush();
    end();
  };
  return flush;
}

/** The PDF's bytes, copied into one buffer that doubles when full, so no piece is kept. */
class OutputBuffer {
  private bytes = Buffer.allocUnsafe(256 * 1024);
  private length = 0;

  append(chunk: Uint8Array): void {
    if (this.length + chunk.length > this.bytes.length) {
      const grown = Buffer.allocUnsafe(Math.max(this.bytes.length * 2, this.length + chunk.length));
      this.bytes.copy(grown, 0, 0, this.length);
      this.bytes = grown;
    }
    this.bytes.set(chunk, this.length);
    this.length += chunk.length;
  }

  /** The bytes written so far, in a buffer of exactly their size. */
  take(): Buffer {
    return Buffer.from(this.bytes.subarray(0, this.length));
  }
}

/** Renders a report version as a tagged A4 PDF with embedded fonts; same document, same content. */
export async function renderReportPdf(report: ReportDocument): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    // No default Helvetica: every glyph is set in an embedded Noto face.
    font: '',
    autoFirstPage: false,
    bufferPages: true,
    tagged: true,
    lang: 'nl-NL',
    displayTitle: true,
    pdfVersion: '1.7',
    info: {
      Title: report.cover.title,
      Author: report.cover.orgName,
      Subject: report.cover.question,
      Keywords: report.licence.line,
      CreationDate: new Date(report.generatedAt),
    },
  });
  const output = new OutputBuffer();
  doc.on('data', (chunk: Uint8Array) => output.append(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(output.take()));
    doc.on('error', reject);
  });
  // A finished page's operators are joined as soon as the next page starts, not when the
  // document ends, so no page keeps thousands of small strings alive.
  let flushPreviousPage = () => {};
  doc.on('pageAdded', () => {
    flushPreviousPage();
    flushPreviousPage = batchPageWrites(doc.page);
  });
  // One turn of the event loop lets the stream start flowing, so from here on pdfkit hands each
  // piece to the listener as it writes it instead of queueing every piece until the end.
  await new Promise<void>((resolve) => setImmediate(resolve));
  for (const [key, file] of loadFontFiles()) doc.registerFont(key, file);

  const layout = new Layout(doc);
  doc.addPage();
  layout.useFont(serif, BODY_SIZE);
  const root = struct(doc, 'Document');
  doc.addStructure(root);
  writeCover(layout, root, report);

  for (const section of report.sections) {
    layout.newPage();
    const sect = struct(doc, 'Sect');
    root.add(sect);
    doc.outline.addItem(section.title);
    writeHeading(layout, sect, 'H2', section.title, 18);
    for (const block of section.blocks) writeBlock(layout, sect, block);
    sect.end();
  }
  root.end();
  writeFooters(layout, report);
  layout.useFont(sansBold, 8);
  doc.end();
  return finished;
}
