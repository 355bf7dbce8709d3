// The report as Markdown (CommonMark with GitHub tables): the same words and numbers as the PDF,
// with charts as tables of their numbers. Everything people typed is escaped, so a note that
// looks like Markdown or HTML is shown as written and never becomes a link, heading or tag.
import type { ReportBlock, ReportDocument } from '../../../../common/reports.ts';
import { richBlocks, type RichBlock, type RichSpan } from '../../../../common/richtext.ts';
import { chartTable, coverFacts, formatCell, versionLine } from './content.ts';

/** Text as Markdown shows it literally: punctuation that means something is backslash-escaped. */
export function escapeMarkdown(text: string): string {
  return (
    text
      .replace(/\r\n?/g, '\n')
      .split('\n')
      .map((line) =>
        line
          .replace(/[\\`*_[\]<>|~&]/g, (char) => `\\${char}`)
          // What only means something at the start of a line: headings, quotes, list markers.
          .replace(/^(\s*)([#>+\-=])/, '$1\\$2')
          .replace(/^(\s*\d+)([.)])/, '$1\\$2'),
      )
      // A line break inside a paragraph stays a break instead of ending the block.
      .join('  \n')
  );
}

function escapeCell(text: string): string {
  return escapeMarkdown(text).replace(/ {2}\n/g, '<br>');
}

function spansToMarkdown(spans: RichSpan[]): string {
  return spans
    .map((span) => {
      if (span.text === '\n') return '  \n';
      let text = escapeMarkdown(span.text);
      if (text.trim() === '') return text;
      if (span.italic) text = `*${text}*`;
      if (span.bold) text = `**${text}**`;
      if (span.href) text = `[${text}](<${span.href.replace(/[<>\s]/g, encodeURIComponent)}>)`;
      return text;
    })
    .join('');
}

function table(columns: string[], rows: string[][], caption: string | null): string {
  const lines: string[] = [];
  if (caption) lines.push(`**${escapeMarkdown(caption)}**`, '');
  lines.push(`| ${columns.map(escapeCell).join(' | ')} |`);
  lines.push(`| ${columns.map(() => '---').join(' | ')} |`);
  for (const row of rows) {
    lines.push(`| ${columns.map((_c, i) => escapeCell(row[i] ?? '')).join(' | ')} |`);
  }
  return lines.join('\n');
}

function richToMarkdown(blocks: RichBlock[]): string[] {
  const out: string[] = [];
  let list: string[] = [];
  const counters: number[] = [];
  const flush = () => {
    if (list.length > 0) out.push(list.join('\n'));
    list = [];
    counters.length = 0;
  };
  for (const block of blocks) {
    const text = spansToMarkdown(block.spans);
    if (block.type === 'bulletItem' || block.type === 'orderedItem') {
      counters.length = block.level + 1;
      counters[block.level] = (counters[block.level] ?? 0) + 1;
      const marker = block.type === 'orderedItem' ? `${counters[block.level] ?? 1}.` : '-';
      list.push(`${'   '.repeat(block.level)}${marker} ${text}`);
      continue;
    }
    flush();
    if (block.type === 'heading') out.push(`${block.level === 3 ? '####' : '###'} ${text}`);
    else if (block.type === 'quote') out.push(`> ${text.replace(/\n/g, '\n> ')}`);
    else if (text.trim() !== '') out.push(text);
  }
  flush();
  return out;
}

function blockToMarkdown(block: ReportBlock): string[] {
  switch (block.type) {
    case 'paragraph':
      return [escapeMarkdown(block.text)];
    case 'heading':
      return [`### ${escapeMarkdown(block.text)}`];
    case 'list':
      return [
        block.items
          .map((item, i) => `${block.ordered ? `${i + 1}.` : '-'} ${escapeMarkdown(item)}`)
          .join('\n'),
      ];
    case 'table':
      return [
        table(
          block.columns,
          block.rows.map((row) => row.map(formatCell)),
          block.caption,
        ),
      ];
    case 'chart': {
      const numbers = chartTable(block.data);
      return [
        table(numbers.columns, numbers.rows, block.caption),
        `*${escapeMarkdown(block.alt)}*`,
      ];
    }
    case 'quote':
      return [
        `> ${escapeMarkdown(block.text).replace(/\n/g, '\n> ')}${
          block.author ? `\n>\n> — ${escapeMarkdown(block.author)}` : ''
        }`,
      ];
    case 'rich':
      return richToMarkdown(richBlocks(block.doc));
  }
}

/** Renders a report version as Markdown; the same version always gives the same text. */
export function renderReportMarkdown(report: ReportDocument): string {
  const { cover } = report;
  const parts: string[] = [`# ${escapeMarkdown(cover.title)}`];
  if (cover.question.trim() !== '') parts.push(`*${escapeMarkdown(cover.question)}*`);
  parts.push(
    coverFacts(cover)
      .map((fact) => `- **${escapeMarkdown(fact.label)}:** ${escapeMarkdown(fact.value)}`)
      .join('\n'),
  );
  parts.push(escapeMarkdown(versionLine(report)));
  for (const section of report.sections) {
    parts.push(`## ${escapeMarkdown(section.title)}`);
    for (const block of section.blocks) parts.push(...blockToMarkdown(block));
  }
  parts.push('---', escapeMarkdown(report.licence.line));
  return `${parts.join('\n\n')}\n`;
}
