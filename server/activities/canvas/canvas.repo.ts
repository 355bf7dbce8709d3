// The canvas projection: notes and dots of one activity as rows for reports and search. The only
// code that writes lab_notes and lab_votes.
import { eq } from 'drizzle-orm';
import type * as Y from 'yjs';
import { readClusters, readDots, readNotes } from '../../../common/activities/canvas.doc.ts';
import type { NoteValue } from '../../../common/activities/canvas.ts';
import type { Db } from '../../db/client.ts';
import { labNotes, labs, labVotes } from '../../db/schema.ts';
import type { ProjectionTarget } from '../registry.types.ts';
import { findParticipantIds } from '../shared/participants.repo.ts';

type NoteRow = typeof labNotes.$inferInsert;

// PostgreSQL's text cannot hold U+0000; JavaScript strings can. A document value with one must
// not stop the projection of everything else.
const NUL = '\u0000';
const EARLIEST = Date.UTC(2000, 0, 1);
const LATEST = Date.UTC(9999, 11, 31);

function withoutNul(text: string): string {
  return text.replaceAll(NUL, '');
}

/** A timestamp PostgreSQL accepts; an impossible one reads as the moment of projection. */
function toStoredDate(epochMs: number, now: Date): Date {
  return epochMs >= EARLIEST && epochMs <= LATEST ? new Date(epochMs) : now;
}
type VoteRow = typeof labVotes.$inferInsert;

/** Position within the section, counted from 0 in display order. */
function rankWithinSections(notes: NoteValue[]): Map<string, number> {
  const sorted = [...notes].sort(
    (a, b) =>
      a.section.localeCompare(b.section) ||
      a.order - b.order ||
      a.createdAt - b.createdAt ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  const ranks = new Map<string, number>();
  let section: string | null = null;
  let rank = 0;
  for (const note of sorted) {
    if (note.section !== section) {
      section = note.section;
      rank = 0;
    }
    ranks.set(note.id, rank);
    rank += 1;
  }
  return ranks;
}

/** Replaces the activity's note and vote rows with what the canvas document holds, in one transaction. */
export async function projectCanvas(db: Db, doc: Y.Doc, target: ProjectionTarget): Promise<void> {
  if (target.config.kind !== 'canvas') {
    throw new Error(`activity ${target.activityId} is not a canvas`);
  }
  // An id is a key: stripping characters from it could make two notes one, so such notes are left out.
  const notes = readNotes(doc).filter((n) => !n.id.includes(NUL));
  const now = new Date();
  const clusterNames = new Map(readClusters(doc).map((c) => [c.id, c.name]));
  const ranks = rankWithinSections(notes);
  const noteIds = new Set(notes.map((n) => n.id));

  await db.transaction(async (tx) => {
    const [lab] = await tx
      .select({ anonymous: labs.anonymous })
      .from(labs)
      .where(eq(labs.id, target.labId));
    // Only ids of this lab's participants may land in the foreign keys; anything else in the
    // document (a forged or foreign id) is kept as text on the note, never as a reference.
    const participants = await findParticipantIds(tx, target.labId);

    const votes: VoteRow[] = [];
    const dotsPerNote = new Map<string, number>();
    for (const dot of readDots(doc)) {
      if (!noteIds.has(dot.noteId) || !participants.has(dot.participantId)) continue;
      votes.push({
        activityId: target.activityId,
        participantId: dot.participantId,
        noteId: dot.noteId,
        dots: dot.count,
      });
      dotsPerNote.set(dot.noteId, (dotsPerNote.get(dot.noteId) ?? 0) + dot.count);
    }

    const rows: NoteRow[] = notes.map((note) => ({
      activityId: target.activityId,
      noteId: note.id,
      labId: target.labId,
      sectionKey: withoutNul(note.section),
      clusterName:
        withoutNul(note.clusterId === null ? '' : (clusterNames.get(note.clusterId) ?? '')) || null,
      text: withoutNul(note.text),
      colour: note.colour,
      authorParticipantId: participants.has(note.authorId) ? note.authorId : null,
      // An anonymous lab stores no names, whatever a client put in the document.
      authorName: lab?.anonymous === false ? withoutNul(note.authorName) : '',
      position: ranks.get(note.id) ?? 0,
      dots: dotsPerNote.get(note.id) ?? 0,
      createdAt: toStoredDate(note.createdAt, now),
    }));

    await tx.delete(labVotes).where(eq(labVotes.activityId, target.activityId));
    await tx.delete(labNotes).where(eq(labNotes.activityId, target.activityId));
    if (rows.length > 0) await tx.insert(labNotes).values(rows);
    if (votes.length > 0) await tx.insert(labVotes).values(votes);
  });
}
