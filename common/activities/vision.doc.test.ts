import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addSuggestion,
  countOpenSuggestions,
  decideSuggestion,
  measureVisionText,
  readSuggestions,
  readVisionText,
  visionFragment,
  withdrawSuggestion,
} from './vision.doc.ts';
import { visionConfig, visionRoots } from './vision.ts';

type Node = Y.XmlElement | Y.XmlText;

/** An element as the rich-text editor stores it: node name, attributes, children. */
function element(name: string, children: Node[], attributes: Record<string, string> = {}) {
  const node = new Y.XmlElement(name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
  node.insert(0, children);
  return node;
}

function text(value: string, format?: Record<string, unknown>): Y.XmlText {
  const node = new Y.XmlText();
  node.insert(0, value, format);
  return node;
}

function docWith(...blocks: Node[]): Y.Doc {
  const doc = new Y.Doc();
  visionFragment(doc).insert(0, blocks);
  return doc;
}

const paragraph = (...children: Node[]) => element('paragraph', children);

describe('readVisionText', () => {
  it('is empty for an empty statement or one of empty paragraphs', () => {
    expect(readVisionText(new Y.Doc())).toBe('');
    expect(readVisionText(docWith(paragraph(), paragraph(text('  '))))).toBe('');
  });

  it('separates paragraphs and headings by a blank line and leaves formatting out', () => {
    const doc = docWith(
      element('heading', [text('IJmuiden 2030')], { level: '3' }),
      paragraph(
        text('In 2030 is de haven '),
        text('het hart', { bold: true }),
        text(' van de stad.'),
      ),
      paragraph(),
      paragraph(text('Bewoners wonen boven de winkels.', { italic: true })),
    );
    expect(readVisionText(doc)).toBe(
      'IJmuiden 2030\n\nIn 2030 is de haven het hart van de stad.\n\nBewoners wonen boven de winkels.',
    );
  });

  it('keeps line breaks inside a paragraph', () => {
    const doc = docWith(paragraph(text('Eerste regel'), element('hardBreak', []), text('tweede')));
    expect(readVisionText(doc)).toBe('Eerste regel\ntweede');
  });

  it('writes lists as one block of "- " or numbered lines, nested lists indented', () => {
    const item = (...children: Node[]) => element('listItem', children);
    const doc = docWith(
      paragraph(text('Wat we willen:')),
      element('bulletList', [
        item(paragraph(text('meer groen'))),
        item(
          paragraph(text('minder leegstand')),
          element('orderedList', [item(paragraph(text('wonen'))), item(paragraph(text('werken')))]),
        ),
      ]),
      paragraph(text('Slot.')),
    );
    expect(readVisionText(doc)).toBe(
      'Wat we willen:\n\n- meer groen\n- minder leegstand\n  1. wonen\n  2. werken\n\nSlot.',
    );
  });

  it('reads blocks inside other containers (a quote) and text placed straight in the fragment', () => {
    const doc = docWith(element('blockquote', [paragraph(text('Citaat'))]), text('los'));
    expect(readVisionText(doc)).toBe('Citaat\n\nlos');
  });

  it('is pure: reading changes nothing in the document', () => {
    const doc = docWith(paragraph(text('Eén zin.')));
    const before = Y.encodeStateAsUpdate(doc);
    readVisionText(doc);
    measureVisionText(doc);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });
});

describe('measureVisionText', () => {
  it('counts characters plus one per node', () => {
    expect(measureVisionText(new Y.Doc())).toBe(0);
    // paragraph + text node + 5 characters; empty paragraph 1.
    expect(measureVisionText(docWith(paragraph(text('hallo')), paragraph()))).toBe(8);
  });
});

describe('suggestions', () => {
  it('are added open, read oldest first, decided and withdrawn', () => {
    const doc = new Y.Doc();
    const later = addSuggestion(
      doc,
      { text: 'Meer bankjes', quote: null, authorId: 'p2', authorName: 'Bram' },
      { id: 's2', now: 20 },
    );
    addSuggestion(
      doc,
      { text: 'Groene kades', quote: 'grijze kades', authorId: 'p1', authorName: 'Anna' },
      { id: 's1', now: 10 },
    );
    expect(later.status).toBe('open');
    expect(readSuggestions(doc).map((s) => s.id)).toEqual(['s1', 's2']);
    expect(countOpenSuggestions(doc)).toBe(2);

    expect(decideSuggestion(doc, 's1', 'accepted')).toBe(true);
    expect(readSuggestions(doc)[0]).toMatchObject({
      id: 's1',
      status: 'accepted',
      quote: 'grijze kades',
    });
    expect(countOpenSuggestions(doc)).toBe(1);
    expect(decideSuggestion(doc, 'onbekend', 'rejected')).toBe(false);

    expect(withdrawSuggestion(doc, 's2')).toBe(true);
    expect(withdrawSuggestion(doc, 's2')).toBe(false);
    expect(readSuggestions(doc).map((s) => s.id)).toEqual(['s1']);
  });

  it('skips values that are not suggestions or carry another id', () => {
    const doc = new Y.Doc();
    const map = doc.getMap(visionRoots.suggestions);
    map.set('x', { text: 'geen suggestie' });
    map.set('y', {
      id: 'z',
      text: 'ander id',
      quote: null,
      authorId: 'p',
      authorName: '',
      createdAt: 1,
      status: 'open',
    });
    expect(readSuggestions(doc)).toEqual([]);
  });
});

describe('visionConfig', () => {
  it('fills in the defaults and checks the year and places', () => {
    const config = visionConfig.parse({ kind: 'vision' });
    expect(config).toMatchObject({ targetYear: 2030, placeIds: [], editors: 'everyone' });
    expect(config.prompt.length).toBeGreaterThan(0);
    expect(visionConfig.safeParse({ kind: 'vision', targetYear: 2024 }).success).toBe(false);
    expect(visionConfig.safeParse({ kind: 'vision', targetYear: 2101 }).success).toBe(false);
    expect(visionConfig.safeParse({ kind: 'vision', targetYear: 2040.5 }).success).toBe(false);
    const place = '6f1c0a9e-3b5d-4c2a-9e8f-1a2b3c4d5e6f';
    expect(visionConfig.safeParse({ kind: 'vision', placeIds: [place, place] }).success).toBe(
      false,
    );
    expect(visionConfig.safeParse({ kind: 'vision', placeIds: ['ijmuiden'] }).success).toBe(false);
    expect(visionConfig.safeParse({ kind: 'vision', prompt: 'x'.repeat(601) }).success).toBe(false);
    expect(visionConfig.safeParse({ kind: 'vision', editors: 'guests' }).success).toBe(false);
  });
});
