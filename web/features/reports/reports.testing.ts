// Test support for the report page: i18n with the namespaces it uses, a document with every kind
// of block, a report state around it, and a fake fetch that records what the page sends.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { vi } from 'vitest';
import {
  defaultReportEditorial,
  reportDocument,
  reportState,
  type ReportDocument,
  type ReportState,
} from '../../../common/reports.ts';
import { commonMessages } from '../../i18n/common.messages.ts';
import { reportsMessages } from './reports.messages.ts';

export const LAB_ID = '0d9b8c7a-6e5f-4a3b-9c2d-1e0f9a8b7c6d';
export const ACTIVITY_ID = '6f1c2d3e-4b5a-4c6d-8e7f-0a1b2c3d4e5f';

/** Starts i18next in Dutch with the common and reports messages. */
export async function initReportI18n(): Promise<void> {
  await i18next.use(initReactI18next).init({
    lng: 'nl',
    fallbackLng: 'nl',
    defaultNS: 'common',
    resources: { nl: { common: commonMessages.nl, reports: reportsMessages.nl } },
    interpolation: { escapeValue: false },
  });
}

/** Strips tags and decodes the few entities React writes, leaving the text a reader hears. */
export function textOf(html: string): string {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

/** A document with one block of every type, parsed by the contract so it cannot drift from it. */
export function documentWithEveryBlock(): ReportDocument {
  return reportDocument.parse({
    labId: LAB_ID,
    version: 0,
    generatedAt: '2026-03-02T10:00:00.000Z',
    cover: {
      title: 'Regiolab Kustdorpen',
      question: 'Hoe houden we de dorpskernen levendig?',
      orgName: 'Gemeente Duinrand',
      places: ['Zeedorp', 'Heidekerk'],
      region: 'Duinstreek',
      date: '2026-02-20T09:00:00.000Z',
      venue: 'Het oude raadhuis',
      facilitators: ['Fien Begeleider'],
      participantCount: 14,
      anonymous: false,
    },
    sections: [
      {
        key: 'question',
        title: 'Vraag en programma',
        activityKind: null,
        blocks: [
          { type: 'paragraph', text: 'Een <b>vetgedrukte</b> poging.' },
          { type: 'heading', text: 'Het programma' },
          { type: 'list', ordered: true, items: ['Canvas', 'Trendscan'] },
          { type: 'list', ordered: false, items: ['Koffie'] },
        ],
      },
      {
        key: `activity:${ACTIVITY_ID}`,
        title: 'Trendscan',
        activityKind: 'trendscan',
        blocks: [
          {
            type: 'table',
            caption: 'Scores per trend',
            columns: ['Trend', 'Relevantie'],
            rows: [
              ['Anders werken', 4.5],
              ['Anders vervoeren', null],
            ],
          },
          {
            type: 'chart',
            caption: 'Relevantie per trend',
            alt: 'Anders werken scoort het hoogst, met 4,5.',
            data: {
              chart: 'bar',
              min: 0,
              max: 5,
              bars: [
                { label: 'Anders werken', value: 4.5 },
                { label: 'Anders vervoeren', value: null },
              ],
            },
          },
          {
            type: 'chart',
            caption: 'Impact en onzekerheid',
            alt: 'Twee trends in het kwadrant met veel impact.',
            data: {
              chart: 'matrix',
              xLabel: 'Onzekerheid',
              yLabel: 'Impact',
              min: 1,
              max: 5,
              split: 3,
              points: [{ label: 'Deelplatforms', x: 2, y: 4.25 }],
            },
          },
          {
            type: 'chart',
            caption: 'Profiel per plaats',
            alt: 'Zeedorp scoort hoger op identiteit dan Heidekerk.',
            data: {
              chart: 'radar',
              min: 0,
              max: 5,
              axes: ['Economie', 'Identiteit', 'Levendigheid'],
              series: [
                { label: 'Zeedorp', values: [3, 5, 4] },
                { label: 'Heidekerk', values: [2, null, 3] },
              ],
            },
          },
        ],
      },
      {
        key: 'quotes',
        title: 'Citaten',
        activityKind: null,
        blocks: [{ type: 'quote', text: 'Maak van de markt een huiskamer.', author: 'Anna' }],
      },
      {
        key: 'conclusions',
        title: 'Conclusies',
        activityKind: null,
        blocks: [
          {
            type: 'rich',
            doc: {
              type: 'doc',
              content: [
                { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Kern' }] },
                {
                  type: 'paragraph',
                  content: [
                    { type: 'text', text: 'Lees ' },
                    {
                      type: 'text',
                      text: 'de barometer',
                      marks: [{ type: 'link', attrs: { href: 'https://example.org/barometer' } }],
                    },
                    { type: 'text', text: ' en ' },
                    { type: 'text', text: 'vooral dit', marks: [{ type: 'bold' }] },
                  ],
                },
                {
                  type: 'bulletList',
                  content: [
                    {
                      type: 'listItem',
                      content: [
                        { type: 'paragraph', content: [{ type: 'text', text: 'Eerste punt' }] },
                        {
                          type: 'orderedList',
                          content: [
                            {
                              type: 'listItem',
                              content: [
                                {
                                  type: 'paragraph',
                                  content: [{ type: 'text', text: 'Genest punt' }],
                                },
                              ],
                            },
                          ],
                        },
                      ],
                    },
                  ],
                },
                {
                  type: 'blockquote',
                  content: [
                    { type: 'paragraph', content: [{ type: 'text', text: 'Een rijk citaat' }] },
                  ],
                },
              ],
            },
          },
        ],
      },
    ],
    licence: {
      code: 'CC-BY-SA-4.0',
      attribution: '',
      line: '© 2026 Gemeente Duinrand · CC BY-SA 4.0',
    },
  });
}

/** A report state for an editor, with `change` applied on top. */
export function stateWith(change: Partial<ReportState> = {}): ReportState {
  return reportState.parse({
    labId: LAB_ID,
    labTitle: 'Regiolab Kustdorpen',
    labStatus: 'closed',
    canGenerate: true,
    can: { edit: true, publish: true },
    job: {
      status: 'ready',
      progress: 100,
      step: null,
      error: null,
      requestedAt: '2026-03-02T09:59:00.000Z',
      finishedAt: '2026-03-02T10:00:00.000Z',
    },
    editorial: defaultReportEditorial(),
    preview: documentWithEveryBlock(),
    sections: [
      { key: 'question', title: 'Vraag en programma', hidden: false },
      { key: `activity:${ACTIVITY_ID}`, title: 'Trendscan', hidden: false },
      { key: 'quotes', title: 'Citaten', hidden: false },
      { key: 'conclusions', title: 'Conclusies', hidden: false },
    ],
    quotableNotes: [
      {
        id: 'note-1',
        activityTitle: 'Canvas',
        sectionTitle: 'Kansen',
        text: 'Maak van de markt een huiskamer.',
        author: 'Anna',
        dots: 3,
      },
      {
        id: 'note-2',
        activityTitle: 'Canvas',
        sectionTitle: 'Knelpunten',
        text: 'Te weinig groen',
        author: null,
        dots: 1,
      },
    ],
    versions: [],
    stale: false,
    ...change,
  });
}

export interface RecordedRequest {
  method: string;
  url: string;
  body: unknown;
}

/**
 * Replaces the global fetch with one that answers from `answer` and records every request;
 * returns the record. Restore with vi.unstubAllGlobals().
 */
export function stubFetch(
  answer: (request: RecordedRequest) => { status: number; body?: unknown },
): RecordedRequest[] {
  const requests: RecordedRequest[] = [];
  vi.stubGlobal('fetch', (url: string, init: RequestInit = {}) => {
    const request: RecordedRequest = {
      method: init.method ?? 'GET',
      url,
      body: typeof init.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined,
    };
    requests.push(request);
    const { status, body } = answer(request);
    return Promise.resolve(
      new Response(body === undefined ? null : JSON.stringify(body), {
        status,
        headers: { 'content-type': 'application/json' },
      }),
    );
  });
  return requests;
}
