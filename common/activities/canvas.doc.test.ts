import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addNote,
  clearDots,
  deleteCluster,
  deleteNote,
  dotsLeft,
  moveNote,
  notesBySection,
  orderBetween,
  placeDot,
  readClusters,
  readDots,
  readNote,
  readNotes,
  renameCluster,
  setCluster,
  takeBackDot,
  updateNote,
  type NewNote,
} from './canvas.doc.ts';
import { canvasRoots, dotKey } from './canvas.ts';
import type { VoteState } from './control.ts';

const ANNA = 'anna';
const BRAM = 'bram';
const vote: VoteState = { open: true, dotsPerPerson: 2, sectionKey: null, revealed: false };

const input = (overrides: Partial<NewNote> = {}): NewNote => ({
  section: 'wonen',
  text: 'Meer groen',
  colour: 'yellow',
  authorId: ANNA,
  authorName: 'Anna',
  ...overrides,
});

/** Counts the transactions a helper runs, so each writer is seen to make one update. */
function transactionsDuring(doc: Y.Doc, work: () => void): number {
  let count = 0;
  const onUpdate = () => {
    count += 1;
  };
  doc.on('update', onUpdate);
  work();
  doc.off('update', onUpdate);
  return count;
}

describe('canvas document', () => {
  it('adds notes at the end of their section, each with a fresh id', () => {
    const doc = new Y.Doc();
    const first = addNote(doc, input());
    const second = addNote(doc, input({ text: 'Bankjes' }));
    const elsewhere = addNote(doc, input({ section: 'werken' }));
    expect(first.id).not.toBe(second.id);
    expect(
      notesBySection(doc)
        .get('wonen')
        ?.map((n) => n.text),
    ).toEqual(['Meer groen', 'Bankjes']);
    expect(notesBySection(doc).get('werken')).toEqual([elsewhere]);
    expect(readNote(doc, first.id)).toEqual(first);
  });

  it('skips invalid entries and entries stored under another key', () => {
    const doc = new Y.Doc();
    const note = addNote(doc, input());
    doc.getMap(canvasRoots.notes).set('junk', { text: 'no note' });
    doc.getMap(canvasRoots.notes).set('copy', note);
    doc.getMap(canvasRoots.dots).set('no-separator', 1);
    doc.getMap(canvasRoots.dots).set(dotKey(ANNA, note.id), 0);
    expect(readNotes(doc)).toEqual([note]);
    expect(readDots(doc)).toEqual([]);
  });

  it('updates, moves and deletes notes, each in one transaction', () => {
    const doc = new Y.Doc();
    const note = addNote(doc, input());
    expect(transactionsDuring(doc, () => updateNote(doc, note.id, { text: 'Anders' }))).toBe(1);
    expect(readNote(doc, note.id)?.text).toBe('Anders');
    expect(moveNote(doc, note.id, 'werken', 7)).toBe(true);
    expect(readNote(doc, note.id)).toMatchObject({ section: 'werken', order: 7 });
    expect(updateNote(doc, 'missing', { text: 'x' })).toBe(false);
    expect(moveNote(doc, 'missing', 'werken', 1)).toBe(false);
    expect(deleteNote(doc, 'missing')).toBe(false);
  });

  it('deletes a note together with everyone’s dots on it, in one transaction', () => {
    const doc = new Y.Doc();
    const note = addNote(doc, input());
    const other = addNote(doc, input());
    placeDot(doc, ANNA, note.id, vote);
    placeDot(doc, BRAM, note.id, vote);
    placeDot(doc, BRAM, other.id, vote);
    expect(transactionsDuring(doc, () => deleteNote(doc, note.id))).toBe(1);
    expect(readDots(doc)).toEqual([{ participantId: BRAM, noteId: other.id, count: 1 }]);
  });

  it('clusters notes of one section, renames and dissolves clusters', () => {
    const doc = new Y.Doc();
    const a = addNote(doc, input());
    const b = addNote(doc, input({ section: 'werken' }));
    const cluster = setCluster(doc, { section: 'wonen', name: ' Groen ' }, [a.id, b.id]);
    expect(readClusters(doc)).toEqual([{ id: cluster.id, section: 'wonen', name: 'Groen' }]);
    expect(readNote(doc, a.id)?.clusterId).toBe(cluster.id);
    expect(readNote(doc, b.id)?.clusterId).toBeNull();
    expect(renameCluster(doc, cluster.id, 'Natuur')).toBe(true);
    expect(readClusters(doc)[0]?.name).toBe('Natuur');
    // Moving within the section keeps the cluster.
    moveNote(doc, a.id, 'wonen', 3);
    expect(readNote(doc, a.id)?.clusterId).toBe(cluster.id);
    expect(deleteCluster(doc, cluster.id)).toBe(true);
    expect(readClusters(doc)).toEqual([]);
    expect(readNote(doc, a.id)?.clusterId).toBeNull();
    expect(renameCluster(doc, cluster.id, 'x')).toBe(false);
    expect(deleteCluster(doc, cluster.id)).toBe(false);
  });

  it('a note moved to another section leaves its cluster', () => {
    const doc = new Y.Doc();
    const a = addNote(doc, input());
    setCluster(doc, { section: 'wonen', name: 'Groen' }, [a.id]);
    moveNote(doc, a.id, 'werken', 0);
    expect(readNote(doc, a.id)?.clusterId).toBeNull();
  });

  it('places dots up to the limit and takes them back', () => {
    const doc = new Y.Doc();
    const note = addNote(doc, input());
    expect(dotsLeft(doc, ANNA, vote)).toBe(2);
    expect(placeDot(doc, ANNA, note.id, vote)).toBe(true);
    expect(placeDot(doc, ANNA, note.id, vote)).toBe(true);
    expect(placeDot(doc, ANNA, note.id, vote)).toBe(false);
    expect(dotsLeft(doc, ANNA, vote)).toBe(0);
    expect(readDots(doc)).toEqual([{ participantId: ANNA, noteId: note.id, count: 2 }]);
    expect(takeBackDot(doc, ANNA, note.id, vote)).toBe(true);
    expect(takeBackDot(doc, ANNA, note.id, vote)).toBe(true);
    expect(takeBackDot(doc, ANNA, note.id, vote)).toBe(false);
    expect(doc.getMap(canvasRoots.dots).size).toBe(0);
  });

  it('places no dots without an open vote, on missing notes or outside the vote’s section', () => {
    const doc = new Y.Doc();
    const note = addNote(doc, input());
    expect(placeDot(doc, ANNA, note.id, null)).toBe(false);
    expect(placeDot(doc, ANNA, note.id, { ...vote, open: false })).toBe(false);
    expect(placeDot(doc, ANNA, 'missing', vote)).toBe(false);
    expect(placeDot(doc, ANNA, note.id, { ...vote, sectionKey: 'werken' })).toBe(false);
    expect(dotsLeft(doc, ANNA, null)).toBe(0);
    placeDot(doc, ANNA, note.id, vote);
    expect(takeBackDot(doc, ANNA, note.id, { ...vote, open: false })).toBe(false);
  });

  it('does not count dots left on a note that is gone', () => {
    const doc = new Y.Doc();
    const note = addNote(doc, input());
    placeDot(doc, ANNA, note.id, vote);
    doc.getMap(canvasRoots.notes).delete(note.id);
    expect(dotsLeft(doc, ANNA, vote)).toBe(2);
  });

  it('clears all dots', () => {
    const doc = new Y.Doc();
    const note = addNote(doc, input());
    placeDot(doc, ANNA, note.id, vote);
    placeDot(doc, BRAM, note.id, vote);
    clearDots(doc);
    expect(readDots(doc)).toEqual([]);
  });

  it('orderBetween sorts strictly between its neighbours', () => {
    const order = fc.double({ min: -1e6, max: 1e6, noNaN: true });
    fc.assert(
      fc.property(order, order, (x, y) => {
        const [a, b] = x < y ? [x, y] : [y, x];
        expect(orderBetween(null, b)).toBeLessThan(b);
        expect(orderBetween(a, null)).toBeGreaterThan(a);
        const between = orderBetween(a, b);
        expect(between).toBeGreaterThanOrEqual(a);
        expect(between).toBeLessThanOrEqual(b);
        // Strict whenever floating point leaves room between the two.
        if (a < b && (a + b) / 2 !== a && (a + b) / 2 !== b) {
          expect(between).toBeGreaterThan(a);
          expect(between).toBeLessThan(b);
        }
      }),
    );
    expect(orderBetween(null, null)).toBe(0);
  });

  it('moving a note between two others puts it between them', () => {
    const doc = new Y.Doc();
    const [a, b, c] = [1, 2, 3].map((n) => addNote(doc, input({ text: `n${n}` })));
    if (!a || !b || !c) throw new Error('notes not added');
    moveNote(doc, c.id, 'wonen', orderBetween(a.order, b.order));
    expect(
      notesBySection(doc)
        .get('wonen')
        ?.map((n) => n.text),
    ).toEqual(['n1', 'n3', 'n2']);
  });
});
