// Turns a finalised report version into the content of a best-practice draft: the metadata from
// its cover and the lab's themes, and a body in the knowledge base's rich text. Pure: the service
// reads the rows, this decides the words.
import {
  KNOWLEDGE_SUMMARY_MAX,
  KNOWLEDGE_TAG_MAX,
  KNOWLEDGE_TAGS_MAX,
  KNOWLEDGE_TITLE_MAX,
} from '../../../common/knowledge.ts';
import type { LabTheme } from '../../../common/labs.ts';
import type {
  ReportBlock,
  ReportDocument,
  ReportRawData,
  ReportSection,
} from '../../../common/reports.ts';
import { richDoc, type RichDoc, type RichNode } from '../../../common/richtext.ts';

export type ReportDraftMode = 'full' | 'summary';

/** What a report contributes to a new knowledge item. */
export interface ReportDraft {
  title: string;
  summary: string;
  places: string[];
  region: string | null;
  trends: string[];
  body: RichDoc;
}

const numberFormat = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 2 });
const dateFormat = new Intl.DateTimeFormat('nl-NL', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'Europe/Amsterdam',
});

/** How many notes the summary quotes as the room's strongest contributions. */
const TOP_NOTES = 5;

function clip(text: string, max: number): string {
  const trimmed = text.trim();
  return trimmed.length <= max ? trimmed : `${trimmed.slice(0, max - 1).trimEnd()}…`;
}

// Tags are unique regardless of case and fit the contract's limits, whatever the report holds.
function tags(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const value of values) {
    const tag = clip(value, KNOWLEDGE_TAG_MAX);
    if (tag === '' || seen.has(tag.toLowerCase())) continue;
    seen.add(tag.toLowerCase());
    out.push(tag);
    if (out.length === KNOWLEDGE_TAGS_MAX) break;
  }
  return out;
}

function cell(value: string | number | null): string {
  if (value === null) return '–';
  return typeof value === 'number' ? numberFormat.format(value) : value;
}

function text(value: string): RichNode {
  return { type: 'text', text: value };
}

// A newline in report text is a line break, not a new paragraph.
function inline(value: string): RichNode[] {
  const lines = value.split('\n');
  return lines.flatMap((line, index): RichNode[] => [
    ...(index > 0 ? [{ type: 'hardBreak' as const }] : []),
    ...(line === '' ? [] : [text(line)]),
  ]);
}

function paragraph(value: string): RichNode {
  return { type: 'paragraph', content: inline(value) };
}

function paragraphs(value: string): RichNode[] {
  return value
    .split(/\n{2,}/)
    .map((chunk) => chunk.trim())
    .filter((chunk) => chunk !== '')
    .map(paragraph);
}

function heading(value: string, level: 2 | 3): RichNode {
  return { type: 'heading', attrs: { level }, content: inline(value) };
}

function list(items: readonly string[], ordered = false): RichNode[] {
  const kept = items.filter((item) => item.trim() !== '');
  if (kept.length === 0) return [];
  return [
    {
      type: ordered ? 'orderedList' : 'bulletList',
      content: kept.map((item) => ({ type: 'listItem', content: [paragraph(item)] })),
    },
  ];
}

function captioned(caption: string, lines: readonly string[]): RichNode[] {
  return [...(caption.trim() ? [paragraph(caption)] : []), ...list(lines)];
}

/** A table as "label: value" lines: the first column names the row, the others follow. */
function tableLines(block: Extract<ReportBlock, { type: 'table' }>): string[] {
  return block.rows.map((row) => {
    const [first = null, ...rest] = row;
    if (rest.length === 0) return cell(first);
    if (rest.length === 1) return `${cell(first)}: ${cell(rest[0] ?? null)}`;
    const values = rest.map((value, index) => `${block.columns[index + 1] ?? ''}: ${cell(value)}`);
    return `${cell(first)} — ${values.join(', ')}`;
  });
}

/** A chart's data as "label: value" lines, so the numbers survive without a picture. */
function chartLines(block: Extract<ReportBlock, { type: 'chart' }>): string[] {
  const data = block.data;
  switch (data.chart) {
    case 'bar':
      return data.bars.map((bar) => `${bar.label}: ${cell(bar.value)}`);
    case 'matrix':
      return data.points.map(
        (point) =>
          `${point.label}: ${data.xLabel} ${cell(point.x)}, ${data.yLabel} ${cell(point.y)}`,
      );
    case 'radar':
      return data.series.map(
        (series) =>
          `${series.label}: ${data.axes
            .map((axis, index) => `${axis} ${cell(series.values[index] ?? null)}`)
            .join(', ')}`,
      );
  }
}

function convertBlock(block: ReportBlock): RichNode[] {
  switch (block.type) {
    case 'paragraph':
      return paragraphs(block.text);
    case 'heading':
      return [heading(block.text, 3)];
    case 'list':
      return list(block.items, block.ordered);
    case 'table':
      return captioned(block.caption, tableLines(block));
    case 'chart':
      return captioned(block.caption, chartLines(block));
    case 'quote': {
      const said = block.author ? `${block.text}\n— ${block.author}` : block.text;
      return [{ type: 'blockquote', content: [paragraph(said)] }];
    }
    case 'rich':
      return block.doc.content ?? [];
  }
}

function convertSection(section: ReportSection): RichNode[] {
  return [heading(section.title, 2), ...section.blocks.flatMap(convertBlock)];
}

function coverFacts(document: ReportDocument): string[] {
  const cover = document.cover;
  const facts: string[] = [];
  if (cover.date) facts.push(`Datum: ${dateFormat.format(new Date(cover.date))}`);
  if (cover.places.length > 0) facts.push(`Plaatsen: ${cover.places.join(', ')}`);
  if (cover.region) facts.push(`Regio: ${cover.region}`);
  if (cover.venue) facts.push(`Locatie: ${cover.venue}`);
  if (cover.facilitators.length > 0) {
    facts.push(`Begeleiding: ${cover.facilitators.join(', ')}`);
  }
  facts.push(`Deelnemers: ${cover.participantCount}`);
  return facts;
}

const mentionsRobust = /robu/i;
const saysYes = /^(ja|yes|true|1)$/i;

/**
 * The robust actions the scenarios step found, in any scenarios section: the rows a table marks
 * robust, or a list or table under a heading (or caption) about robust actions.
 */
function robustActions(document: ReportDocument): string[] {
  const found: string[] = [];
  for (const section of document.sections) {
    if (section.activityKind !== 'scenarios') continue;
    let underRobustHeading = false;
    for (const block of section.blocks) {
      if (block.type === 'heading') {
        underRobustHeading = mentionsRobust.test(block.text);
      } else if (block.type === 'list' && underRobustHeading) {
        found.push(...block.items);
      } else if (block.type === 'table') {
        // A table with a "robust" yes/no column names them row by row; otherwise a table under
        // a robust heading or caption lists only robust actions.
        const column = block.columns.findIndex((name) => mentionsRobust.test(name));
        if (column > 0) {
          const rows = block.rows.filter((row) => saysYes.test(String(row[column] ?? '')));
          found.push(...rows.map((row) => cell(row[0] ?? null)));
        } else if (underRobustHeading || mentionsRobust.test(block.caption)) {
          found.push(...block.rows.map((row) => cell(row[0] ?? null)));
        }
      }
    }
  }
  return found;
}

function summaryBody(
  document: ReportDocument,
  raw: ReportRawData,
  themes: readonly LabTheme[],
): RichNode[] {
  const nodes: RichNode[] = [];
  if (document.cover.question.trim()) {
    nodes.push(heading('Het vraagstuk', 2), ...paragraphs(document.cover.question));
  }
  nodes.push(...list(coverFacts(document)));

  const agenda = document.sections.filter((section) => section.activityKind !== null);
  if (agenda.length > 0) {
    nodes.push(
      heading('Aanpak', 2),
      paragraph('Het lab werkte in deze stappen:'),
      ...list(
        agenda.map((section) => section.title),
        true,
      ),
    );
  }

  const topNotes = [...raw.notes]
    .filter((note) => note.dots > 0)
    .sort((a, b) => b.dots - a.dots || a.text.localeCompare(b.text))
    .slice(0, TOP_NOTES);
  if (topNotes.length > 0 || themes.length > 0) {
    nodes.push(heading('Belangrijkste uitkomsten', 2));
    if (themes.length > 0) {
      nodes.push(
        paragraph('De deelnemers kozen deze thema’s als belangrijkst:'),
        ...list(themes.map((theme) => theme.label)),
      );
    }
    if (topNotes.length > 0) {
      nodes.push(
        paragraph('De inbreng met de meeste stippen:'),
        ...list(
          topNotes.map(
            (note) => `${note.text} (${note.dots} ${note.dots === 1 ? 'stip' : 'stippen'})`,
          ),
        ),
      );
    }
  }

  const robust = robustActions(document);
  if (robust.length > 0) {
    nodes.push(
      heading('Robuuste acties', 2),
      paragraph('Deze acties houden stand in (bijna) alle scenario’s:'),
      ...list(robust),
    );
  }

  if (raw.actions.length > 0) {
    nodes.push(
      heading('Afgesproken acties', 2),
      ...list(
        raw.actions.map((action) =>
          [
            action.title,
            action.owner && `trekker: ${action.owner}`,
            action.horizon && `termijn: ${action.horizon}`,
          ]
            .filter(Boolean)
            .join(' — '),
        ),
      ),
    );
  }

  const conclusions = document.sections.find((section) => section.key === 'conclusions');
  if (conclusions && conclusions.blocks.length > 0) nodes.push(...convertSection(conclusions));
  return nodes;
}

/**
 * Every section in order, as far as they fit in one rich text; when a very large lab does not
 * fit, the body says so and points to the version's exports, which hold everything.
 */
function fullBody(document: ReportDocument): RichNode[] {
  const nodes: RichNode[] = list(coverFacts(document));
  // Room for the closing note with every title, so adding it can never overflow the limit.
  const reserve = paragraph(`${TRUNCATED} ${document.sections.map((s) => s.title).join(', ')}`);
  const fits = (candidate: RichNode[]) =>
    richDoc.safeParse({ type: 'doc', content: [...candidate, reserve] }).success;
  for (const [index, section] of document.sections.entries()) {
    const next = [...nodes, ...convertSection(section)];
    if (!fits(next)) {
      const left = document.sections.slice(index).map((s) => s.title);
      return [...nodes, paragraph(`${TRUNCATED} Niet opgenomen: ${left.join(', ')}.`)];
    }
    nodes.push(...convertSection(section));
  }
  return nodes;
}

const TRUNCATED =
  'Dit verslag is te lang voor één kennisbankitem; het volledige verslag staat in de PDF- en DOCX-export van deze versie.';

function summaryOf(document: ReportDocument): string {
  const cover = document.cover;
  const where = cover.places.length > 0 ? cover.places.join(', ') : cover.region;
  const lab = where ? `Een binnenstadslab in ${where}.` : 'Een binnenstadslab.';
  const question = cover.question.trim();
  return clip(question ? `${question} ${lab}` : lab, KNOWLEDGE_SUMMARY_MAX);
}

/**
 * The content of a best-practice draft from a finalised report: title, places and region from
 * the cover, trends from the lab's chosen themes that stem from a trend, and a body that is the
 * whole report (`full`) or a shorter best-practice text (`summary`).
 */
export function draftFromReport(
  document: ReportDocument,
  raw: ReportRawData,
  labThemes: readonly LabTheme[],
  mode: ReportDraftMode,
): ReportDraft {
  const body: RichNode[] =
    mode === 'full' ? fullBody(document) : summaryBody(document, raw, labThemes);
  return {
    title: clip(document.cover.title, KNOWLEDGE_TITLE_MAX) || 'Binnenstadslab',
    summary: summaryOf(document),
    places: tags(document.cover.places),
    region: document.cover.region ? clip(document.cover.region, KNOWLEDGE_TAG_MAX) : null,
    trends: tags(labThemes.filter((theme) => theme.trendKey !== null).map((theme) => theme.label)),
    body: { type: 'doc', content: body },
  };
}
