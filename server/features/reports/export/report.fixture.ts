// A finalised report with every block type and Dutch text with accents, for the export tests.
import type { ReportDocument, ReportRawData } from '../../../../common/reports.ts';

const ACTIVITY_CANVAS = 'activity:3f0b8c1e-2a4d-4e6f-8a9b-0c1d2e3f4a5b';
const ACTIVITY_TRENDS = 'activity:7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d';

/** The section titles of fixtureReport, in order. */
export const FIXTURE_SECTION_TITLES = [
  'Inleiding',
  'Vraag en programma',
  'Canvas Nieuwe Binnensteden',
  'Trendscan: één blik vooruit',
  'Citaten uit de zaal',
  'Conclusies',
];

/** A report version that uses every block type, chart kind and rich-text form once or more. */
export function fixtureReport(): ReportDocument {
  return {
    labId: '0b6f2a8e-4c1d-4e2f-9a3b-5c6d7e8f9a0b',
    version: 3,
    generatedAt: '2026-03-12T10:15:00.000Z',
    cover: {
      title: 'Regiolab IJmond: café, haven en één binnenstad',
      question: 'Hoe blijven de centra van Beverwijk, Heemskerk en IJmuiden levendig na 2030?',
      orgName: 'Gemeente Velsen',
      places: ['IJmuiden', 'Beverwijk', 'Heemskerk'],
      region: 'IJmond',
      date: '2019-02-06T09:00:00.000Z',
      venue: 'Stadhuis Velsen',
      facilitators: ['Jeroen Bakker', 'Anouk de Vries'],
      participantCount: 27,
      anonymous: false,
    },
    sections: [
      {
        key: 'introduction',
        title: FIXTURE_SECTION_TITLES[0] ?? '',
        activityKind: null,
        blocks: [
          {
            type: 'rich',
            doc: {
              type: 'doc',
              content: [
                {
                  type: 'paragraph',
                  content: [
                    { type: 'text', text: 'Op 6 februari kwamen ' },
                    { type: 'text', text: '27 mensen', marks: [{ type: 'bold' }] },
                    { type: 'text', text: ' bijeen in het ' },
                    { type: 'text', text: 'café', marks: [{ type: 'italic' }] },
                    { type: 'text', text: ' van het stadhuis. Meer op ' },
                    {
                      type: 'text',
                      text: 'de website',
                      marks: [{ type: 'link', attrs: { href: 'https://example.nl/ijmond' } }],
                    },
                    { type: 'text', text: '.' },
                  ],
                },
                {
                  type: 'heading',
                  attrs: { level: 3 },
                  content: [{ type: 'text', text: 'Waarom nu?' }],
                },
                {
                  type: 'bulletList',
                  content: [
                    {
                      type: 'listItem',
                      content: [
                        {
                          type: 'paragraph',
                          content: [{ type: 'text', text: 'Leegstand van 12,5 procent' }],
                        },
                        {
                          type: 'orderedList',
                          content: [
                            {
                              type: 'listItem',
                              content: [
                                {
                                  type: 'paragraph',
                                  content: [{ type: 'text', text: 'Vooral in de Kennemerlaan' }],
                                },
                              ],
                            },
                          ],
                        },
                      ],
                    },
                    {
                      type: 'listItem',
                      content: [
                        {
                          type: 'paragraph',
                          content: [{ type: 'text', text: 'Minder passanten op zaterdag' }],
                        },
                      ],
                    },
                  ],
                },
                {
                  type: 'blockquote',
                  content: [
                    {
                      type: 'paragraph',
                      content: [{ type: 'text', text: 'Eerst samen kijken, dan pas kiezen.' }],
                    },
                  ],
                },
              ],
            },
          },
        ],
      },
      {
        key: 'question',
        title: FIXTURE_SECTION_TITLES[1] ?? '',
        activityKind: null,
        blocks: [
          { type: 'paragraph', text: 'Het lab duurde 3 uur en had 4 werkvormen.' },
          { type: 'heading', text: 'Programma' },
          { type: 'list', ordered: true, items: ['Canvas invullen', 'Trends scoren', 'Acties'] },
        ],
      },
      {
        key: ACTIVITY_CANVAS,
        title: FIXTURE_SECTION_TITLES[2] ?? '',
        activityKind: 'canvas',
        blocks: [
          { type: 'heading', text: 'DNA & identiteit' },
          {
            type: 'list',
            ordered: false,
            items: ['Staal en vis: *echt* IJmuiden', 'De haven als [huiskamer]', 'Ĳzersterk ŀ'],
          },
          {
            type: 'table',
            caption: 'Notities met de meeste stippen',
            columns: ['Notitie', 'Vak', 'Stippen'],
            rows: [
              ['Meer groen op het Plein 1945', 'Verblijven', 14],
              ['Wonen boven winkels', 'Wonen', 9],
              ['=HYPERLINK("x")', 'Kansen', null],
            ],
          },
        ],
      },
      {
        key: ACTIVITY_TRENDS,
        title: FIXTURE_SECTION_TITLES[3] ?? '',
        activityKind: 'trendscan',
        blocks: [
          {
            type: 'chart',
            caption: 'Relevantie per trend (gemiddelde van 1 tot 5)',
            alt: 'Staafdiagram: anders consumeren scoort het hoogst met 4,6.',
            data: {
              chart: 'bar',
              min: 1,
              max: 5,
              bars: [
                { label: 'Anders consumeren', value: 4.6 },
                { label: 'Anders werken', value: 3.8 },
                { label: 'Anders investeren', value: null },
              ],
            },
          },
          {
            type: 'chart',
            caption: 'Impact tegen onzekerheid',
            alt: 'Matrix: anders vervoeren heeft veel impact en is onzeker.',
            data: {
              chart: 'matrix',
              xLabel: 'Onzekerheid',
              yLabel: 'Impact',
              min: 1,
              max: 5,
              split: 3,
              points: [
                { label: 'Anders vervoeren', x: 4.2, y: 4.4 },
                { label: 'Anders produceren', x: 2.1, y: 3.7 },
              ],
            },
          },
          {
            type: 'chart',
            caption: 'Profiel per plaats',
            alt: 'Radar: IJmuiden scoort hoger op identiteit dan Beverwijk.',
            data: {
              chart: 'radar',
              min: 0,
              max: 5,
              axes: ['Economie', 'Identiteit', 'Levendigheid', 'Veerkracht'],
              series: [
                { label: 'IJmuiden', values: [3.1, 4.7, 2.9, 3.3] },
                { label: 'Beverwijk', values: [3.9, 2.2, 3.6, null] },
              ],
            },
          },
        ],
      },
      {
        key: 'quotes',
        title: FIXTURE_SECTION_TITLES[4] ?? '',
        activityKind: null,
        blocks: [
          { type: 'quote', text: 'Eén loket voor ondernemers, dat scheelt.', author: 'Anna' },
          { type: 'quote', text: 'Zonder café geen centrum.', author: null },
        ],
      },
      {
        key: 'conclusions',
        title: FIXTURE_SECTION_TITLES[5] ?? '',
        activityKind: null,
        blocks: [{ type: 'paragraph', text: 'De groep koos 2 topthema’s voor 2027.' }],
      },
    ],
    licence: {
      code: 'CC-BY-SA-4.0',
      attribution: '',
      line: '© 2026 Gemeente Velsen · CC BY-SA 4.0',
    },
  };
}

/** Raw data of the fixture's lab, with a formula-looking note and a comma and quote to escape. */
export function fixtureRaw(): ReportRawData {
  return {
    notes: [
      {
        id: 'n1',
        activity: 'Canvas Nieuwe Binnensteden',
        section: 'Verblijven',
        text: 'Meer groen op het Plein 1945',
        author: 'Anna',
        dots: 14,
        createdAt: '2019-02-06T09:40:00.000Z',
      },
      {
        id: 'n2',
        activity: 'Canvas Nieuwe Binnensteden',
        section: 'Kansen',
        text: '=HYPERLINK("http://evil.example","klik")',
        author: null,
        dots: 0,
        createdAt: null,
      },
      {
        id: 'n3',
        activity: 'Canvas Nieuwe Binnensteden',
        section: 'Wonen',
        text: 'Wonen boven winkels, "echt" doen\nmet één regel erbij',
        author: 'Kees',
        dots: 9,
        createdAt: '2019-02-06T09:42:00.000Z',
      },
    ],
    votes: [{ activity: 'Stemmen', target: 'Wonen boven winkels', voter: 'Anna', count: 3 }],
    scores: [
      {
        activity: 'Trendscan',
        item: 'Anders consumeren',
        place: 'IJmuiden',
        participant: 'Anna',
        relevance: 5,
        impact: 4,
        uncertainty: null,
      },
    ],
    actions: [
      {
        activity: 'Acties',
        title: '@Leegstand aanpakken met pop-ups',
        owner: 'Gemeente Velsen',
        horizon: '2027',
        status: 'bevestigd',
        dots: 7,
        links: 'Wonen; Anders consumeren',
      },
    ],
  };
}
