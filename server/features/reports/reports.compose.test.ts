import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  defaultReportEditorial,
  reportDocument,
  type ReportEditorial,
} from '../../../common/reports.ts';
import { richDocFromText } from '../../../common/richtext.ts';
import type { GeneratedReport } from './reports.build.ts';
import { composeReport, knownSectionKeys } from './reports.compose.ts';

const ACTIVITY_IDS = [
  '11111111-1111-4111-8111-111111111111',
  '22222222-2222-4222-8222-222222222222',
  '33333333-3333-4333-8333-333333333333',
  '44444444-4444-4444-8444-444444444444',
];
const NOTE_IDS = ['n1', 'n2', 'n3', 'n4', 'n5'];

function generation(activityCount: number, anonymous = false): GeneratedReport {
  const activities = ACTIVITY_IDS.slice(0, activityCount).map((id, index) => ({
    key: `activity:${id}`,
    title: `Werkvorm ${index + 1}`,
    activityKind: 'canvas' as const,
    blocks: [{ type: 'paragraph' as const, text: `Resultaat ${index + 1}` }],
  }));
  return {
    labId: ACTIVITY_IDS[0] ?? '',
    generatedAt: '2026-02-06T10:00:00.000Z',
    cover: {
      title: 'Regiolab',
      question: 'Hoe versterken de binnensteden elkaar?',
      orgName: 'Kennisnetwerk',
      places: ['IJmuiden'],
      region: 'IJmond',
      date: null,
      venue: '',
      facilitators: ['Jeroen'],
      participantCount: 3,
      anonymous,
    },
    sections: [
      { key: 'question', title: 'Vraagstuk', activityKind: null, blocks: [] },
      ...activities,
      { key: 'synthesis', title: 'Synthese', activityKind: null, blocks: [] },
    ],
    quotableNotes: NOTE_IDS.map((id) => ({
      id,
      activityTitle: 'Canvas',
      sectionTitle: 'DNA',
      text: `Notitie ${id}`,
      author: `Auteur ${id}`,
      dots: 0,
    })),
    raw: { notes: [], votes: [], scores: [], actions: [] },
  };
}

const anyKey = fc.constantFrom(
  'introduction',
  'question',
  'quotes',
  'synthesis',
  'conclusions',
  ...ACTIVITY_IDS.map((id) => `activity:${id}`),
);

const editorialArb: fc.Arbitrary<ReportEditorial> = fc.record({
  introduction: fc.option(fc.constant(richDocFromText('Welkom bij het verslag.')), { nil: null }),
  conclusions: fc.option(fc.constant(richDocFromText('Wat we meenemen.')), { nil: null }),
  order: fc.array(anyKey, { maxLength: 10 }),
  hidden: fc.array(anyKey, { maxLength: 5 }),
  quotedNoteIds: fc.array(fc.constantFrom(...NOTE_IDS, 'gone'), { maxLength: 6 }),
  licence: fc.constantFrom('CC-BY-SA-4.0', 'CC-BY-4.0', 'CC0-1.0', 'all-rights-reserved'),
  attribution: fc.constantFrom('', 'Gemeente Velsen'),
});

describe('composeReport', () => {
  it('shows every section that is not hidden exactly once, in the chosen order, and never a hidden one', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4 }), editorialArb, (count, editorial) => {
        const generated = generation(count);
        const document = reportDocument.parse(
          composeReport(generated, editorial, { version: 0, year: 2026 }),
        );
        const keys = document.sections.map((section) => section.key);
        const hidden = new Set(editorial.hidden);
        const quoted = editorial.quotedNoteIds.some((id) => NOTE_IDS.includes(id));
        const expected = new Set([
          ...generated.sections.map((section) => section.key),
          ...(editorial.introduction ? ['introduction'] : []),
          ...(editorial.conclusions ? ['conclusions'] : []),
          ...(quoted ? ['quotes'] : []),
        ]);
        // Every present, non-hidden section exactly once; hidden ones never.
        expect(new Set(keys).size).toBe(keys.length);
        expect(new Set(keys)).toEqual(new Set([...expected].filter((key) => !hidden.has(key))));

        // Introduction first, conclusions last.
        if (keys.includes('introduction')) expect(keys[0]).toBe('introduction');
        if (keys.includes('conclusions')) expect(keys.at(-1)).toBe('conclusions');

        // Listed sections come first in the listed order; unlisted ones keep generated order.
        const middle = keys.filter((key) => key !== 'introduction' && key !== 'conclusions');
        const listed = [...new Set(editorial.order)].filter((key) => middle.includes(key));
        expect(middle.slice(0, listed.length)).toEqual(listed);
        const defaultOrder = [
          ...generated.sections.map((s) => s.key).filter((key) => key !== 'synthesis'),
          'quotes',
          'synthesis',
        ];
        const rest = middle.slice(listed.length);
        expect(rest).toEqual(defaultOrder.filter((key) => rest.includes(key)));
      }),
    );
  });

  it('quotes the chosen notes in the chosen order, each once, and only notes that exist', () => {
    fc.assert(
      fc.property(editorialArb, fc.boolean(), (editorial, anonymous) => {
        const document = composeReport(
          generation(2, anonymous),
          { ...editorial, hidden: [] },
          { version: 1, year: 2026 },
        );
        const quotes = document.sections.find((section) => section.key === 'quotes');
        const expected = [...new Set(editorial.quotedNoteIds)].filter((id) =>
          NOTE_IDS.includes(id),
        );
        if (expected.length === 0) {
          expect(quotes).toBeUndefined();
          return;
        }
        expect(quotes?.blocks).toEqual(
          expected.map((id) => ({
            type: 'quote',
            text: `Notitie ${id}`,
            author: anonymous ? null : `Auteur ${id}`,
          })),
        );
      }),
    );
  });

  it('leaves out an introduction without text and writes the licence line for the year', () => {
    const document = composeReport(
      generation(1),
      {
        ...defaultReportEditorial(),
        introduction: { type: 'doc', content: [{ type: 'paragraph' }] },
        attribution: 'Gemeente Velsen',
      },
      { version: 3, year: 2027 },
    );
    expect(document.sections.map((section) => section.key)[0]).toBe('question');
    expect(document.version).toBe(3);
    expect(document.licence).toEqual({
      code: 'CC-BY-SA-4.0',
      attribution: 'Gemeente Velsen',
      line: '© 2027 Gemeente Velsen · CC BY-SA 4.0',
    });
  });

  it('knows the sections an editorial may name', () => {
    expect([...knownSectionKeys(generation(1))].sort()).toEqual(
      [
        'conclusions',
        'introduction',
        'question',
        'quotes',
        'synthesis',
        `activity:${ACTIVITY_IDS[0]}`,
      ].sort(),
    );
  });
});
