import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultReportEditorial, REPORT_QUOTES_MAX } from '../../../common/reports.ts';
import {
  isEditorialDirty,
  moveSection,
  orderSections,
  setQuoted,
  setSectionVisible,
} from './editorialDraft.ts';

const sections = ['question', 'synthesis', 'quotes', 'conclusions'].map((key) => ({
  key,
  title: key.toUpperCase(),
  hidden: false,
}));

describe('the editorial draft', () => {
  it('orders listed sections first, skips unknown keys and keeps the rest in generated order', () => {
    const editorial = { ...defaultReportEditorial(), order: ['quotes', 'gone', 'question'] };
    expect(orderSections(sections, editorial).map((s) => s.key)).toEqual([
      'quotes',
      'question',
      'synthesis',
      'conclusions',
    ]);
  });

  it('moves a section one place and leaves the ends alone', () => {
    const start = defaultReportEditorial();
    const down = moveSection(start, sections, 'question', 1);
    expect(down.order).toEqual(['synthesis', 'question', 'quotes', 'conclusions']);
    expect(moveSection(start, sections, 'question', -1)).toBe(start);
    expect(moveSection(start, sections, 'conclusions', 1)).toBe(start);
  });

  it('keeps every section exactly once however it is moved (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.constantFrom(...sections.map((s) => s.key)), fc.constantFrom<-1 | 1>(-1, 1)),
        ),
        (moves) => {
          let editorial = defaultReportEditorial();
          for (const [key, offset] of moves) {
            editorial = moveSection(editorial, sections, key, offset);
          }
          const keys = orderSections(sections, editorial).map((s) => s.key);
          expect([...keys].sort()).toEqual(sections.map((s) => s.key).sort());
        },
      ),
    );
  });

  it('hides and shows a section', () => {
    const hidden = setSectionVisible(defaultReportEditorial(), 'synthesis', false);
    expect(hidden.hidden).toEqual(['synthesis']);
    expect(orderSections(sections, hidden).find((s) => s.key === 'synthesis')?.isHidden).toBe(true);
    expect(setSectionVisible(hidden, 'synthesis', true).hidden).toEqual([]);
  });

  it('adds quotes in the order they are ticked, never more than the limit', () => {
    let editorial = setQuoted(defaultReportEditorial(), 'b', true);
    editorial = setQuoted(editorial, 'a', true);
    expect(editorial.quotedNoteIds).toEqual(['b', 'a']);
    expect(setQuoted(editorial, 'b', false).quotedNoteIds).toEqual(['a']);
    let full = defaultReportEditorial();
    for (let i = 0; i < REPORT_QUOTES_MAX + 3; i += 1) full = setQuoted(full, `n${i}`, true);
    expect(full.quotedNoteIds).toHaveLength(REPORT_QUOTES_MAX);
  });

  it('counts as changed only when the meaning changed', () => {
    const saved = defaultReportEditorial();
    const spelledOut = { ...saved, order: sections.map((s) => s.key), attribution: '  ' };
    expect(isEditorialDirty(saved, spelledOut, sections)).toBe(false);
    expect(isEditorialDirty(saved, moveSection(saved, sections, 'quotes', -1), sections)).toBe(
      true,
    );
    expect(isEditorialDirty(saved, { ...saved, licence: 'CC0-1.0' }, sections)).toBe(true);
    expect(isEditorialDirty(saved, setQuoted(saved, 'x', true), sections)).toBe(true);
  });
});
