// Puts a generation and the facilitator's edits together into the document every export renders.
// Pure: the same generation, edits, version and year always give the same document.
import {
  attributionLine,
  type QuotableNote,
  type ReportBlock,
  type ReportDocument,
  type ReportEditorial,
  type ReportSection,
} from '../../../common/reports.ts';
import { richPlainText, type RichDoc } from '../../../common/richtext.ts';
import type { GeneratedReport } from './reports.build.ts';
import { sectionTitles } from './reports.text.ts';

/** The keys an editorial may name: the generation's sections and the ones the edits add. */
export function knownSectionKeys(generated: Pick<GeneratedReport, 'sections'>): Set<string> {
  return new Set([
    'introduction',
    'quotes',
    'conclusions',
    ...generated.sections.map((section) => section.key),
  ]);
}

function hasText(doc: RichDoc | null): doc is RichDoc {
  return doc !== null && richPlainText(doc).trim() !== '';
}

function richSection(key: 'introduction' | 'conclusions', doc: RichDoc): ReportSection {
  return { key, title: sectionTitles[key], activityKind: null, blocks: [{ type: 'rich', doc }] };
}

/** The quoted notes that still exist, in the chosen order, each once. */
export function quotedNotes(
  generated: Pick<GeneratedReport, 'quotableNotes'>,
  quotedNoteIds: readonly string[],
): QuotableNote[] {
  const byId = new Map(generated.quotableNotes.map((note) => [note.id, note]));
  const seen = new Set<string>();
  const quoted: QuotableNote[] = [];
  for (const id of quotedNoteIds) {
    const note = byId.get(id);
    if (!note || seen.has(id)) continue;
    seen.add(id);
    quoted.push(note);
  }
  return quoted;
}

function quotesSection(
  generated: GeneratedReport,
  editorial: ReportEditorial,
): ReportSection | null {
  const notes = quotedNotes(generated, editorial.quotedNoteIds);
  if (notes.length === 0) return null;
  const blocks: ReportBlock[] = notes.map((note) => ({
    type: 'quote',
    text: note.text,
    // An anonymous lab names nobody, whatever the stored note says.
    author: generated.cover.anonymous ? null : note.author,
  }));
  return { key: 'quotes', title: sectionTitles.quotes, activityKind: null, blocks };
}

/**
 * The sections between the introduction and the conclusions in their default order: the
 * generation's question and activities, the quotes (when any), then the synthesis.
 */
export function middleSections(
  generated: GeneratedReport,
  editorial: ReportEditorial,
): ReportSection[] {
  const quotes = quotesSection(generated, editorial);
  if (!quotes) return [...generated.sections];
  const synthesisAt = generated.sections.findIndex((section) => section.key === 'synthesis');
  const at = synthesisAt === -1 ? generated.sections.length : synthesisAt;
  return [...generated.sections.slice(0, at), quotes, ...generated.sections.slice(at)];
}

/** Sections named in `order` first, in that order (each once), then the rest as they were. */
export function applyOrder<T extends { key: string }>(
  sections: readonly T[],
  order: readonly string[],
): T[] {
  const byKey = new Map(sections.map((section) => [section.key, section]));
  const placed = new Set<string>();
  const ordered: T[] = [];
  for (const key of order) {
    const section = byKey.get(key);
    if (!section || placed.has(key)) continue;
    placed.add(key);
    ordered.push(section);
  }
  return [...ordered, ...sections.filter((section) => !placed.has(section.key))];
}

/**
 * The report as it reads with these edits: the introduction first and the conclusions last
 * (when written), the other sections in the chosen order with unlisted ones in generated order,
 * the quoted notes as a section of quotes, hidden sections left out, and the licence line for
 * `year`. Version 0 is the preview of the unfinalised draft.
 */
export function composeReport(
  generated: GeneratedReport,
  editorial: ReportEditorial,
  options: { version: number; year: number },
): ReportDocument {
  const hidden = new Set(editorial.hidden);
  const sections = [
    ...(hasText(editorial.introduction)
      ? [richSection('introduction', editorial.introduction)]
      : []),
    ...applyOrder(middleSections(generated, editorial), editorial.order),
    ...(hasText(editorial.conclusions) ? [richSection('conclusions', editorial.conclusions)] : []),
  ].filter((section) => !hidden.has(section.key));
  return {
    labId: generated.labId,
    version: options.version,
    generatedAt: generated.generatedAt,
    cover: generated.cover,
    sections,
    licence: {
      code: editorial.licence,
      attribution: editorial.attribution,
      line: attributionLine({
        attribution: editorial.attribution,
        orgName: generated.cover.orgName,
        year: options.year,
        licence: editorial.licence,
      }),
    },
  };
}
