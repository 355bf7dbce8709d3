import { getSchema, type JSONContent } from '@tiptap/core';
import { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  measureVisionText,
  readVisionText,
  visionFragment,
} from '../../../common/activities/vision.doc.ts';
import { visionConfig } from '../../../common/activities/vision.ts';
import { visionExtensions } from './visionExtensions.ts';
import {
  coveredPlaces,
  findQuote,
  measureDocument,
  paragraphsOf,
  replacementOf,
  selectedPassage,
} from './visionModel.ts';

const schema = getSchema(visionExtensions());

const text = (value: string, marks?: string[]): JSONContent => ({
  type: 'text',
  text: value,
  ...(marks ? { marks: marks.map((type) => ({ type })) } : {}),
});
const paragraph = (...content: JSONContent[]): JSONContent => ({ type: 'paragraph', content });

const statement: JSONContent = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 4 }, content: [text('IJmuiden in 2030')] },
    paragraph(text('De haven is '), text('het hart', ['bold']), text(' van de stad.')),
    paragraph(text('Wie hier woont,'), { type: 'hardBreak' }, text('werkt om de hoek.')),
    {
      type: 'bulletList',
      content: [
        { type: 'listItem', content: [paragraph(text('groene kades'))] },
        { type: 'listItem', content: [paragraph(text('volle winkels', ['italic']))] },
      ],
    },
  ],
};

function pmDoc(json: JSONContent): ProseMirrorNode {
  return ProseMirrorNode.fromJSON(schema, json);
}

function yDocOf(json: JSONContent): Y.Doc {
  const doc = new Y.Doc();
  prosemirrorJSONToYXmlFragment(schema, json, visionFragment(doc));
  return doc;
}

describe('the statement as the editor stores it', () => {
  it('reads as plain text with blank lines between blocks (readVisionText)', () => {
    expect(readVisionText(yDocOf(statement))).toBe(
      'IJmuiden in 2030\n\nDe haven is het hart van de stad.\n\nWie hier woont,\nwerkt om de hoek.\n\n- groene kades\n- volle winkels',
    );
  });

  it('measures the same in the editor as on the server', () => {
    expect(measureDocument(pmDoc(statement))).toBe(measureVisionText(yDocOf(statement)));
    const empty: JSONContent = { type: 'doc', content: [paragraph()] };
    expect(measureDocument(pmDoc(empty))).toBe(measureVisionText(yDocOf(empty)));
  });
});

describe('findQuote', () => {
  const doc = pmDoc(statement);

  it('finds a passage inside a paragraph, across formatting', () => {
    const range = findQuote(doc, 'haven is het hart');
    expect(range).not.toBeNull();
    if (!range) return;
    expect(doc.textBetween(range.from, range.to)).toBe('haven is het hart');
  });

  it('ignores differences in white space and line breaks, also across blocks', () => {
    const range = findQuote(doc, '  van de stad.\n\nWie   hier');
    expect(range).not.toBeNull();
    if (!range) return;
    expect(doc.textBetween(range.from, range.to, '\n')).toBe('van de stad.\nWie hier');
    expect(findQuote(doc, 'woont, werkt')).not.toBeNull();
  });

  it('answers null for a passage that is gone or empty', () => {
    expect(findQuote(doc, 'grijze kades')).toBeNull();
    expect(findQuote(doc, '   ')).toBeNull();
  });

  it('finds what selectedPassage took from the same document', () => {
    const start = findQuote(doc, 'het hart')?.from ?? 0;
    const end = findQuote(doc, 'werkt om')?.to ?? 0;
    const passage = selectedPassage(doc, start, end);
    expect(passage).toBe('het hart van de stad.\n\nWie hier woont,\nwerkt om');
    expect(findQuote(doc, passage)).toEqual({ from: start, to: end });
    expect(selectedPassage(doc, start, start)).toBe('');
  });
});

describe('what a suggestion becomes', () => {
  it('is text, one paragraph per non-empty line, never parsed as HTML', () => {
    expect(paragraphsOf('Eerste <b>regel</b>\n\n  tweede  ')).toEqual([
      paragraph(text('Eerste <b>regel</b>')),
      paragraph(text('tweede')),
    ]);
    expect(replacementOf('Eén regel')).toEqual([text('Eén regel')]);
    expect(replacementOf('a\nb')).toHaveLength(2);
  });
});

describe('coveredPlaces', () => {
  it('names the chosen places of the lab, in the lab order', () => {
    const places = [
      { id: '0b8f6f0e-6c0a-4d8e-9a51-2b1d6c1f0a01', name: 'IJmuiden', municipality: 'Velsen' },
      { id: '0b8f6f0e-6c0a-4d8e-9a51-2b1d6c1f0a02', name: 'Beverwijk', municipality: 'Beverwijk' },
    ];
    const config = visionConfig.parse({
      kind: 'vision',
      placeIds: [places[1]?.id, places[0]?.id, '0b8f6f0e-6c0a-4d8e-9a51-2b1d6c1f0a09'],
    });
    expect(coveredPlaces({ places }, config)).toEqual(['IJmuiden', 'Beverwijk']);
    expect(coveredPlaces({ places }, visionConfig.parse({ kind: 'vision' }))).toEqual([]);
  });
});
