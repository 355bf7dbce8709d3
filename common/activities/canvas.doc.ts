// Reading and writing a canvas document (ADR 0002): the web app edits through these, the server
// projects and judges with them, so both read the document the same way.
import type * as Y from 'yjs';
import {
  canvasRoots,
  clusterValue,
  dotKey,
  dotValue,
  noteValue,
  parseDotKey,
  type ClusterValue,
  type NoteColour,
  type NoteValue,
} from './canvas.ts';
import type { VoteState } from './control.ts';

/** The gap between neighbouring notes' order when a note is put at either end of a section. */
const ORDER_STEP = 1;

function notesOf(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(canvasRoots.notes);
}

function clustersOf(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(canvasRoots.clusters);
}

function dotsOf(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(canvasRoots.dots);
}

function newId(): string {
  return globalThis.crypto.randomUUID();
}

/** Sorts notes by their order, then by when they were written, then by id, so every reader agrees. */
function compareNotes(a: NoteValue, b: NoteValue): number {
  return a.order - b.order || a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Returns one stored note, or null when it is absent or not a valid note. */
export function readNote(doc: Y.Doc, noteId: string): NoteValue | null {
  const parsed = noteValue.safeParse(notesOf(doc).get(noteId));
  return parsed.success && parsed.data.id === noteId ? parsed.data : null;
}

/** Returns every valid note, in no particular order; invalid entries are skipped. */
export function readNotes(doc: Y.Doc): NoteValue[] {
  const notes: NoteValue[] = [];
  for (const [key, value] of notesOf(doc).entries()) {
    const parsed = noteValue.safeParse(value);
    if (parsed.success && parsed.data.id === key) notes.push(parsed.data);
  }
  return notes;
}

/** Groups the valid notes by section key, each group in display order. */
export function notesBySection(doc: Y.Doc): Map<string, NoteValue[]> {
  const sections = new Map<string, NoteValue[]>();
  for (const note of readNotes(doc)) {
    const group = sections.get(note.section);
    if (group) group.push(note);
    else sections.set(note.section, [note]);
  }
  for (const group of sections.values()) group.sort(compareNotes);
  return sections;
}

/**
 * Returns an order that sorts between `before` and `after` (null: the start or end of the list).
 * Halving keeps one note's move a single write; equal neighbours give their shared order back.
 */
export function orderBetween(before: number | null, after: number | null): number {
  if (before === null && after === null) return 0;
  if (before === null) return (after as number) - ORDER_STEP;
  if (after === null) return before + ORDER_STEP;
  return before + (after - before) / 2;
}

export interface NewNote {
  section: string;
  text: string;
  colour: NoteColour;
  authorId: string;
  /** '' in an anonymous lab: the name is not stored there at all. */
  authorName: string;
}

/** Adds a note at the end of its section and returns it. */
export function addNote(doc: Y.Doc, input: NewNote): NoteValue {
  let note: NoteValue | undefined;
  doc.transact(() => {
    const section = notesBySection(doc).get(input.section) ?? [];
    const last = section.at(-1);
    note = {
      id: newId(),
      section: input.section,
      text: input.text,
      colour: input.colour,
      authorId: input.authorId,
      authorName: input.authorName,
      clusterId: null,
      order: orderBetween(last?.order ?? null, null),
      createdAt: Date.now(),
    };
    notesOf(doc).set(note.id, note);
  });
  return note as NoteValue;
}

export type NotePatch = Partial<Pick<NoteValue, 'text' | 'colour' | 'clusterId'>>;

/** Changes a note's text, colour or cluster; false when the note does not exist. */
export function updateNote(doc: Y.Doc, noteId: string, patch: NotePatch): boolean {
  let isDone = false;
  doc.transact(() => {
    const note = readNote(doc, noteId);
    if (!note) return;
    notesOf(doc).set(noteId, { ...note, ...patch });
    isDone = true;
  });
  return isDone;
}

/** Puts a note in a section at a given order (see orderBetween); false when it does not exist. */
export function moveNote(doc: Y.Doc, noteId: string, section: string, order: number): boolean {
  let isDone = false;
  doc.transact(() => {
    const note = readNote(doc, noteId);
    if (!note) return;
    // A cluster belongs to one section, so a note that leaves the section leaves its cluster.
    const clusterId = section === note.section ? note.clusterId : null;
    notesOf(doc).set(noteId, { ...note, section, order, clusterId });
    isDone = true;
  });
  return isDone;
}

/** Deletes a note and every dot on it; false when it did not exist. */
export function deleteNote(doc: Y.Doc, noteId: string): boolean {
  let isDone = false;
  doc.transact(() => {
    const notes = notesOf(doc);
    if (!notes.has(noteId)) return;
    notes.delete(noteId);
    const dots = dotsOf(doc);
    for (const key of [...dots.keys()]) {
      if (parseDotKey(key)?.noteId === noteId) dots.delete(key);
    }
    isDone = true;
  });
  return isDone;
}

/** Returns every valid cluster; invalid entries are skipped. */
export function readClusters(doc: Y.Doc): ClusterValue[] {
  const clusters: ClusterValue[] = [];
  for (const [key, value] of clustersOf(doc).entries()) {
    const parsed = clusterValue.safeParse(value);
    if (parsed.success && parsed.data.id === key) clusters.push(parsed.data);
  }
  return clusters;
}

/**
 * Creates a cluster (without `id`) or replaces one, and puts the given notes in it; returns it.
 * Only facilitators may write clusters; the server refuses anyone else.
 */
export function setCluster(
  doc: Y.Doc,
  input: { id?: string; section: string; name: string },
  noteIds: readonly string[] = [],
): ClusterValue {
  const cluster: ClusterValue = {
    id: input.id ?? newId(),
    section: input.section,
    name: input.name.trim(),
  };
  doc.transact(() => {
    clustersOf(doc).set(cluster.id, cluster);
    for (const noteId of noteIds) {
      const note = readNote(doc, noteId);
      if (note && note.section === cluster.section) {
        notesOf(doc).set(noteId, { ...note, clusterId: cluster.id });
      }
    }
  });
  return cluster;
}

/** Renames a cluster; false when it does not exist. */
export function renameCluster(doc: Y.Doc, clusterId: string, name: string): boolean {
  let isDone = false;
  doc.transact(() => {
    const parsed = clusterValue.safeParse(clustersOf(doc).get(clusterId));
    if (!parsed.success) return;
    clustersOf(doc).set(clusterId, { ...parsed.data, name: name.trim() });
    isDone = true;
  });
  return isDone;
}

/** Deletes a cluster and takes its notes out of it (the notes stay); false when it did not exist. */
export function deleteCluster(doc: Y.Doc, clusterId: string): boolean {
  let isDone = false;
  doc.transact(() => {
    const clusters = clustersOf(doc);
    if (!clusters.has(clusterId)) return;
    clusters.delete(clusterId);
    for (const note of readNotes(doc)) {
      if (note.clusterId === clusterId) notesOf(doc).set(note.id, { ...note, clusterId: null });
    }
    isDone = true;
  });
  return isDone;
}

export interface DotEntry {
  participantId: string;
  noteId: string;
  count: number;
}

/** Returns every valid dot entry (one per person and note); invalid entries are skipped. */
export function readDots(doc: Y.Doc): DotEntry[] {
  const dots: DotEntry[] = [];
  for (const [key, value] of dotsOf(doc).entries()) {
    const parsed = parseDotKey(key);
    const count = dotValue.safeParse(value);
    if (parsed && count.success) dots.push({ ...parsed, count: count.data });
  }
  return dots;
}

/**
 * Counts one person's dots on notes that exist. Dots left on a note deleted at the same moment do
 * not count, so nobody loses a dot to a race; the server judges the limit with this same count.
 */
export function countDotsOf(
  participantId: string,
  dots: Iterable<[string, unknown]>,
  existingNotes: { has(noteId: string): boolean },
): number {
  let total = 0;
  for (const [key, count] of dots) {
    const parsed = parseDotKey(key);
    if (!parsed || parsed.participantId !== participantId) continue;
    if (!existingNotes.has(parsed.noteId)) continue;
    if (dotValue.safeParse(count).success) total += count as number;
  }
  return total;
}

function existingNoteIds(doc: Y.Doc): Set<string> {
  return new Set(readNotes(doc).map((n) => n.id));
}

/** How many dots a person may still place; 0 when no vote is open. */
export function dotsLeft(doc: Y.Doc, participantId: string, vote: VoteState | null): number {
  if (!vote?.open) return 0;
  const used = countDotsOf(participantId, dotsOf(doc).entries(), existingNoteIds(doc));
  return Math.max(0, vote.dotsPerPerson - used);
}

/**
 * Places one dot of a person on a note. False, changing nothing, when no vote is open, the note
 * is missing or outside the vote's section, or the person has no dot left.
 */
export function placeDot(
  doc: Y.Doc,
  participantId: string,
  noteId: string,
  vote: VoteState | null,
): boolean {
  let isDone = false;
  doc.transact(() => {
    if (!vote?.open) return;
    const note = readNote(doc, noteId);
    if (!note) return;
    if (vote.sectionKey !== null && note.section !== vote.sectionKey) return;
    if (dotsLeft(doc, participantId, vote) < 1) return;
    const key = dotKey(participantId, noteId);
    const current = dotValue.safeParse(dotsOf(doc).get(key));
    dotsOf(doc).set(key, (current.success ? current.data : 0) + 1);
    isDone = true;
  });
  return isDone;
}

/** Takes one of a person's dots back from a note; false when no vote is open or they had none there. */
export function takeBackDot(
  doc: Y.Doc,
  participantId: string,
  noteId: string,
  vote: VoteState | null,
): boolean {
  let isDone = false;
  doc.transact(() => {
    if (!vote?.open) return;
    const key = dotKey(participantId, noteId);
    const current = dotValue.safeParse(dotsOf(doc).get(key));
    if (!current.success) return;
    if (current.data > 1) dotsOf(doc).set(key, current.data - 1);
    else dotsOf(doc).delete(key);
    isDone = true;
  });
  return isDone;
}

/** Removes every dot (a facilitator starting a fresh vote). */
export function clearDots(doc: Y.Doc): void {
  doc.transact(() => {
    const dots = dotsOf(doc);
    for (const key of [...dots.keys()]) dots.delete(key);
  });
}
