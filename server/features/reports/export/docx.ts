// The report as a Word document (DOCX) with real Heading styles, so Word's navigation pane, a
// table of contents and screen readers find the structure; charts become a table of their numbers
// with the caption, and the licence line sits in every page's footer.
import {
  AlignmentType,
  Document,
  ExternalHyperlink,
  Footer,
  HeadingLevel,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ParagraphChild,
} from 'docx';
import type { ReportBlock, ReportDocument } from '../../../../common/reports.ts';
import { richBlocks, type RichBlock, type RichSpan } from '../../../../common/richtext.ts';
import { chartTable, coverFacts, formatCell, versionLine } from './content.ts';

const ORDERED = 'stadshart-ordered';
const FONT = 'Noto Sans';

/** Numbered lists restart per list: each gets its own instance of the one numbering definition. */
class Numbering {
  private next = 1;
  take(): number {
    const instance = this.next;
    this.next += 1;
    return instance;
  }
}

function runsOf(spans: RichSpan[] | { text: string }[]): ParagraphChild[] {
  const children: ParagraphChild[] = [];
  for (const span of spans) {
    const rich = span as Partial<RichSpan> & { text: string };
    const lines = rich.text.split('\n');
    lines.forEach((line, i) => {
      const run = new TextRun({
        text: line,
        bold: rich.bold ?? false,
        italics: rich.italic ?? false,
        ...(i > 0 ? { break: 1 } : {}),
        ...(rich.href ? { style: 'Hyperlink' } : {}),
      });
      children.push(rich.href ? new ExternalHyperlink({ link: rich.href, children: [run] }) : run);
    });
  }
  return children;
}

function textTable(columns: string[], rows: string[][]): Table {
  const cell = (text: string, header: boolean) =>
    new TableCell({
      children: [new Paragraph({ children: [new TextRun({ text, bold: header })] })],
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      // tableHeader repeats the row on every page the table crosses and marks it as a header.
      new TableRow({ tableHeader: true, children: columns.map((c) => cell(c, true)) }),
      ...rows.map(
        (row) =>
          new TableRow({
            cantSplit: true,
            children: columns.map((_c, i) => cell(row[i] ?? '', false)),
          }),
      ),
    ],
  });
}

function caption(text: string): Paragraph {
  return new Paragraph({ style: 'Caption', keepNext: true, children: [new TextRun(text)] });
}

function richToDocx(blocks: RichBlock[], numbering: Numbering): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  let instance: number | null = null;
  for (const block of blocks) {
    if (block.type !== 'orderedItem') instance = block.type === 'bulletItem' ? instance : null;
    switch (block.type) {
      case 'heading':
        out.push(
          new Paragraph({
            heading: block.level === 3 ? HeadingLevel.HEADING_3 : HeadingLevel.HEADING_2,
            children: runsOf(block.spans),
          }),
        );
        break;
      case 'bulletItem':
        out.push(
          new Paragraph({
            bullet: { level: Math.min(block.level, 8) },
            children: runsOf(block.spans),
          }),
        );
        break;
      case 'orderedItem':
        instance ??= numbering.take();
        out.push(
          new Paragraph({
            numbering: { reference: ORDERED, level: Math.min(block.level, 8), instance },
            children: runsOf(block.spans),
          }),
        );
        break;
      case 'quote':
        out.push(new Paragraph({ style: 'Quote', children: runsOf(block.spans) }));
        break;
      case 'paragraph':
        if (block.spans.some((s) => s.text.trim() !== '')) {
          out.push(new Paragraph({ children: runsOf(block.spans) }));
        }
        break;
    }
  }
  return out;
}

function blockToDocx(block: ReportBlock, numbering: Numbering): (Paragraph | Table)[] {
  switch (block.type) {
    case 'paragraph':
      return [new Paragraph({ children: runsOf([{ text: block.text }]) })];
    case 'heading':
      return [
        new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(block.text)] }),
      ];
    case 'list': {
      const instance = block.ordered ? numbering.take() : 0;
      return block.items.map(
        (item) =>
          new Paragraph({
            ...(block.ordered
              ? { numbering: { reference: ORDERED, level: 0, instance } }
              : { bullet: { level: 0 } }),
            children: runsOf([{ text: item }]),
          }),
      );
    }
    case 'table':
      return [
        caption(block.caption),
        textTable(
          block.columns,
          block.rows.map((row) => row.map(formatCell)),
        ),
        new Paragraph({}),
      ];
    case 'chart': {
      const numbers = chartTable(block.data);
      return [
        caption(block.caption),
        textTable(numbers.columns, numbers.rows),
        new Paragraph({ children: [new TextRun({ text: block.alt, italics: true })] }),
      ];
    }
    case 'quote':
      return [
        new Paragraph({ style: 'Quote', children: runsOf([{ text: block.text }]) }),
        ...(block.author
          ? [new Paragraph({ style: 'Quote', children: [new TextRun(`— ${block.author}`)] })]
          : []),
      ];
    case 'rich':
      return richToDocx(richBlocks(block.doc), numbering);
  }
}

/** Renders a report version as DOCX with Heading styles and the licence line in the footer. */
export async function renderReportDocx(report: ReportDocument): Promise<Buffer> {
  const { cover } = report;
  const numbering = new Numbering();
  const children: (Paragraph | Table)[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(cover.title)] }),
  ];
  if (cover.question.trim() !== '') {
    children.push(new Paragraph({ style: 'Subtitle', children: [new TextRun(cover.question)] }));
  }
  for (const fact of coverFacts(cover)) {
    children.push(
      new Paragraph({
        children: [new TextRun({ text: `${fact.label}: `, bold: true }), new TextRun(fact.value)],
      }),
    );
  }
  children.push(new Paragraph({ children: [new TextRun(versionLine(report))] }));
  children.push(new Paragraph({ children: [new TextRun(report.licence.line)] }));
  for (const section of report.sections) {
    children.push(
      new Paragraph({
        heading: HeadingLevel.HEADING_1,
        pageBreakBefore: true,
        children: [new TextRun(section.title)],
      }),
    );
    for (const block of section.blocks) children.push(...blockToDocx(block, numbering));
  }

  const document = new Document({
    creator: cover.orgName,
    title: cover.title,
    description: cover.question,
    styles: {
      default: {
        document: { run: { font: FONT, size: 21 } },
        heading1: { run: { font: FONT, size: 36, bold: true }, paragraph: { keepNext: true } },
        heading2: { run: { font: FONT, size: 26, bold: true }, paragraph: { keepNext: true } },
        heading3: { run: { font: FONT, size: 23, bold: true }, paragraph: { keepNext: true } },
      },
    },
    numbering: {
      config: [
        {
          reference: ORDERED,
          levels: Array.from({ length: 9 }, (_v, level) => ({
            level,
            format: LevelFormat.DECIMAL,
            text: `%${level + 1}.`,
            alignment: AlignmentType.START,
            style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } },
          })),
        },
      ],
    },
    sections: [
      {
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                children: [
                  new TextRun(`${report.licence.line} · pagina `),
                  new TextRun({ children: [PageNumber.CURRENT] }),
                ],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(document);
}
