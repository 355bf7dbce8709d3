import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { canvasSynthesis } from '../../../common/synthesis.ts';
import {
  canvasRoots,
  dotKey,
  type CanvasConfig,
  type NoteValue,
} from '../../../common/activities/canvas.ts';
import type { SynthesisTarget } from '../registry.types.ts';
import { synthesiseCanvas } from './canvas.synthesis.ts';

const config: CanvasConfig = {
  kind: 'canvas',
  placeId: null,
  sections: [
    { key: 'wonen', title: 'Wonen', prompt: '', colour: '#123456' },
    { key: 'werken', title: 'Werken', prompt: '', colour: '#654321' },
  ],
};

const target: SynthesisTarget = {
  labId: '00000000-0000-4000-8000-000000000001',
  activityId: '00000000-0000-4000-8000-000000000002',
  config,
  title: 'Canvas IJmuiden',
  anonymous: false,
};

function putNote(doc: Y.Doc, id: string, section: string, order: number, text = id): void {
  const note: NoteValue = {
    id,
    section,
    text,
    colour: 'yellow',
    authorId: 'p1',
    authorName: 'Anna',
    clusterId: null,
    order,
    createdAt: 1,
  };
  doc.getMap(canvasRoots.notes).set(id, note);
}

describe('synthesiseCanvas', () => {
  it('lists every configured section in order with its notes in display order and their dots', () => {
    const doc = new Y.Doc();
    putNote(doc, 'b', 'wonen', 2);
    putNote(doc, 'a', 'wonen', 1);
    putNote(doc, 'c', 'werken', 1);
    putNote(doc, 'x', 'verdwenen', 1);
    doc.getMap(canvasRoots.dots).set(dotKey('p1', 'b'), 2);
    doc.getMap(canvasRoots.dots).set(dotKey('p2', 'b'), 1);
    doc.getMap(canvasRoots.dots).set(dotKey('p2', 'c'), 1);
    doc.getMap(canvasRoots.dots).set(dotKey('p2', 'gone'), 3);

    const part = canvasSynthesis.parse(synthesiseCanvas(doc, target));
    expect(part.sections.map((s) => [s.key, s.notes.map((n) => [n.id, n.dots])])).toEqual([
      [
        'wonen',
        [
          ['a', 0],
          ['b', 3],
        ],
      ],
      ['werken', [['c', 1]]],
    ]);
    expect(part.topNotes.map((n) => n.id)).toEqual(['b', 'c']);
    expect(part.sections[0]?.notes[0]).toMatchObject({ authorName: 'Anna', sectionKey: 'wonen' });
    expect(part).toMatchObject({
      notesHidden: false,
      tallyHidden: false,
      title: 'Canvas IJmuiden',
    });
  });

  it('gives no author names in an anonymous lab', () => {
    const doc = new Y.Doc();
    putNote(doc, 'a', 'wonen', 1);
    const part = canvasSynthesis.parse(synthesiseCanvas(doc, { ...target, anonymous: true }));
    expect(part.sections[0]?.notes[0]?.authorName).toBeNull();
  });

  it('keeps at most ten top notes, ties in display order', () => {
    const doc = new Y.Doc();
    for (let i = 0; i < 12; i += 1) {
      putNote(doc, `n${i}`, 'wonen', i);
      doc.getMap(canvasRoots.dots).set(dotKey('p1', `n${i}`), i === 11 ? 5 : 1);
    }
    const part = canvasSynthesis.parse(synthesiseCanvas(doc, target));
    expect(part.topNotes.map((n) => n.id)).toEqual([
      'n11',
      ...Array.from({ length: 9 }, (_, i) => `n${i}`),
    ]);
  });
});
