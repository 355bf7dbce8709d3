import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { canvasRoots, dotKey, noteValue } from '../../common/activities/canvas.ts';
import { extractMarkers, noteMarker } from './markers.ts';
import { encodeUpdate } from './protocol.ts';
import { createRandom } from './stats.ts';
import { createNote, moveNote } from './workload.ts';

const documentName =
  'lab.00000000-0000-4000-8000-000000000000.activity.11111111-1111-4111-8111-111111111111';
const author = { participantId: '22222222-2222-4222-8222-222222222222', name: 'Deelnemer 1' };

function framesOf(doc: Y.Doc, write: () => void): Uint8Array[] {
  const frames: Uint8Array[] = [];
  const listener = (update: Uint8Array) => frames.push(encodeUpdate(documentName, update));
  doc.on('update', listener);
  write();
  doc.off('update', listener);
  return frames;
}

describe('delivery markers', () => {
  it('finds the marker of a note write inside the Yjs update frame', () => {
    const doc = new Y.Doc();
    const note = createNote({
      author,
      sectionKeys: ['dna', 'kansen'],
      random: createRandom(1),
      marker: noteMarker(4711),
      seq: 4711,
    });
    const [frame] = framesOf(doc, () => doc.getMap(canvasRoots.notes).set(note.id, note));
    expect(extractMarkers(frame!)).toEqual({ notes: [4711], dots: [] });
  });

  it('finds the new marker when a note is moved, not the old one', () => {
    const doc = new Y.Doc();
    const notes = doc.getMap(canvasRoots.notes);
    const random = createRandom(2);
    const note = createNote({
      author,
      sectionKeys: ['dna', 'kansen'],
      random,
      marker: noteMarker(1),
      seq: 1,
    });
    notes.set(note.id, note);
    const moved = moveNote(note, { sectionKeys: ['dna', 'kansen'], random, marker: noteMarker(2) });
    const [frame] = framesOf(doc, () => notes.set(note.id, moved));
    expect(moved.section).not.toBe(note.section);
    expect(extractMarkers(frame!).notes).toEqual([2]);
  });

  it('finds a dot key, and tells it apart from the note id alone', () => {
    const doc = new Y.Doc();
    const noteId = '33333333-3333-4333-8333-333333333333';
    const [frame] = framesOf(doc, () =>
      doc.getMap(canvasRoots.dots).set(dotKey(author.participantId, noteId), 1),
    );
    expect(extractMarkers(frame!)).toEqual({
      notes: [],
      dots: [`${author.participantId}|${noteId}`],
    });
  });

  it('finds several markers in one frame and none in a frame without them', () => {
    const doc = new Y.Doc();
    const notes = doc.getMap(canvasRoots.notes);
    const random = createRandom(3);
    const [frame] = framesOf(doc, () =>
      doc.transact(() => {
        for (const seq of [7, 8, 9]) {
          const note = createNote({
            author,
            sectionKeys: ['dna'],
            random,
            marker: noteMarker(seq),
            seq,
          });
          notes.set(note.id, note);
        }
      }),
    );
    expect(extractMarkers(frame!).notes.sort()).toEqual([7, 8, 9]);
    expect(extractMarkers(encodeUpdate(documentName, Uint8Array.of(0, 0)))).toEqual({
      notes: [],
      dots: [],
    });
  });

  it('skips look-alikes: a bar without ids around it, a marker without digits or end', () => {
    const key = `${author.participantId}|33333333-3333-4333-8333-333333333333`;
    const text = `|a|b bench~x~ bench~12 ${key} bench~34~ x|`;
    expect(extractMarkers(Buffer.from(text, 'latin1'))).toEqual({ notes: [34], dots: [key] });
  });

  it('generates notes the canvas schema accepts', () => {
    const random = createRandom(4);
    const note = createNote({
      author,
      sectionKeys: ['dna', 'wonen'],
      random,
      marker: noteMarker(5),
      seq: 5,
    });
    expect(noteValue.parse(note)).toEqual(note);
    expect(note.authorId).toBe(author.participantId);
    expect(note.authorName).toBe(author.name);
    expect(
      noteValue.parse(moveNote(note, { sectionKeys: ['dna', 'wonen'], random, marker: 'x' })),
    ).toBeTruthy();
  });
});
