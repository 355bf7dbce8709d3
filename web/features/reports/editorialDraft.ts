// The facilitator's unsaved edits of a report (order, hidden sections, quotes, licence), as pure
// functions over the editorial object the API stores, so the form and the tests share the rules.
import {
  REPORT_QUOTES_MAX,
  type ReportEditorial,
  type ReportState,
} from '../../../common/reports.ts';

type SectionEntry = ReportState['sections'][number];

/** A section as the editor lists it: in the wanted order, with whether it is hidden. */
export interface OrderedSection {
  key: string;
  title: string;
  isHidden: boolean;
}

/**
 * Lists the generated sections in the order the editorial asks for: listed keys first (keys of
 * sections that no longer exist are skipped), then the rest in their generated order.
 */
export function orderSections(
  sections: readonly SectionEntry[],
  editorial: Pick<ReportEditorial, 'order' | 'hidden'>,
): OrderedSection[] {
  const byKey = new Map(sections.map((section) => [section.key, section]));
  const listed = editorial.order.filter(
    (key, index, all) => byKey.has(key) && all.indexOf(key) === index,
  );
  const rest = sections.map((section) => section.key).filter((key) => !listed.includes(key));
  return [...listed, ...rest].map((key) => ({
    key,
    title: byKey.get(key)?.title ?? key,
    isHidden: editorial.hidden.includes(key),
  }));
}

/** Moves a section one place up (-1) or down (+1); at either end nothing changes. */
export function moveSection(
  editorial: ReportEditorial,
  sections: readonly SectionEntry[],
  key: string,
  offset: -1 | 1,
): ReportEditorial {
  const keys = orderSections(sections, editorial).map((section) => section.key);
  const from = keys.indexOf(key);
  const to = from + offset;
  if (from < 0 || to < 0 || to >= keys.length) return editorial;
  const order = [...keys];
  order.splice(from, 1);
  order.splice(to, 0, key);
  return { ...editorial, order };
}

/** Shows or hides a section in the report. */
export function setSectionVisible(
  editorial: ReportEditorial,
  key: string,
  isVisible: boolean,
): ReportEditorial {
  const others = editorial.hidden.filter((hidden) => hidden !== key);
  return { ...editorial, hidden: isVisible ? others : [...others, key] };
}

/** True when another quote may still be chosen. */
export function canAddQuote(editorial: ReportEditorial): boolean {
  return editorial.quotedNoteIds.length < REPORT_QUOTES_MAX;
}

/** Adds a note to the quotes (at the end, within the limit) or removes it. */
export function setQuoted(
  editorial: ReportEditorial,
  noteId: string,
  isQuoted: boolean,
): ReportEditorial {
  const others = editorial.quotedNoteIds.filter((id) => id !== noteId);
  if (!isQuoted) return { ...editorial, quotedNoteIds: others };
  if (others.length >= REPORT_QUOTES_MAX) return editorial;
  return { ...editorial, quotedNoteIds: [...others, noteId] };
}

/** The editorial in a form where equal meaning gives equal JSON (order spelled out in full). */
function normalise(editorial: ReportEditorial, sections: readonly SectionEntry[]): string {
  return JSON.stringify({
    ...editorial,
    order: orderSections(sections, editorial).map((section) => section.key),
    hidden: [...editorial.hidden].sort(),
    attribution: editorial.attribution.trim(),
  });
}

/** True when the draft says something different from what the server last stored. */
export function isEditorialDirty(
  saved: ReportEditorial,
  draft: ReportEditorial,
  sections: readonly SectionEntry[],
): boolean {
  return normalise(saved, sections) !== normalise(draft, sections);
}
