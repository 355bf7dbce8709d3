import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addNote,
  moveNote,
  orderBetween,
  placeDot,
  setCluster,
} from '../../../common/activities/canvas.doc.ts';
import { canvasRoots, dotKey, type CanvasConfig } from '../../../common/activities/canvas.ts';
import type { VoteState } from '../../../common/activities/control.ts';
import { activities, labNotes, labParticipants, labs, labVotes } from '../../db/schema.ts';
import { createOrg, createTestContext, type TestContext } from '../../testing/harness.ts';
import { projectCanvas } from './canvas.repo.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(async () => {
  await t.close();
});

const config: CanvasConfig = {
  kind: 'canvas',
  placeId: null,
  sections: [
    { key: 'wonen', title: 'Wonen', prompt: '', colour: '#123456' },
    { key: 'werken', title: 'Werken', prompt: '', colour: '#654321' },
  ],
};
const vote: VoteState = { open: true, dotsPerPerson: 5, sectionKey: null, revealed: false };

/** A lab with one canvas activity and the named guests, straight into the database. */
async function createCanvasLab(options: { anonymous?: boolean; people: string[] }) {
  const org = await createOrg(t);
  const db = t.database.db;
  const [lab] = await db
    .insert(labs)
    .values({
      orgId: org.id,
      title: 'Binnenstadslab',
      kind: 'local',
      status: 'live',
      anonymous: options.anonymous ?? false,
    })
    .returning();
  if (!lab) throw new Error('lab not created');
  const [activity] = await db
    .insert(activities)
    .values({ labId: lab.id, position: 0, kind: 'canvas', title: 'Canvas', config })
    .returning();
  if (!activity) throw new Error('activity not created');
  const people = await db
    .insert(labParticipants)
    .values(
      options.people.map((displayName) => ({ labId: lab.id, kind: 'guest' as const, displayName })),
    )
    .returning();
  return {
    target: { labId: lab.id, activityId: activity.id, config },
    ids: people.map((p) => p.id),
  };
}

const newNote = (authorId: string, authorName: string, section = 'wonen', text = 'Meer groen') => ({
  section,
  text,
  colour: 'yellow' as const,
  authorId,
  authorName,
});

async function notesOf(activityId: string) {
  return t.database.db
    .select()
    .from(labNotes)
    .where(eq(labNotes.activityId, activityId))
    .orderBy(asc(labNotes.sectionKey), asc(labNotes.position));
}

async function votesOf(activityId: string) {
  return t.database.db.select().from(labVotes).where(eq(labVotes.activityId, activityId));
}

describe('projectCanvas', () => {
  it('W30: stores each note with its rank in the section, its cluster name and its dots', async () => {
    const { target, ids } = await createCanvasLab({ people: ['Anna', 'Bram'] });
    const [anna = '', bram = ''] = ids;
    const doc = new Y.Doc();
    const first = addNote(doc, newNote(anna, 'Anna', 'wonen', 'Eerste'));
    const second = addNote(doc, newNote(bram, 'Bram', 'wonen', 'Tweede'));
    const third = addNote(doc, newNote(anna, 'Anna', 'werken', 'Derde'));
    // Put the second note before the first.
    moveNote(doc, second.id, 'wonen', orderBetween(null, first.order));
    setCluster(doc, { section: 'wonen', name: 'Groen' }, [first.id]);
    placeDot(doc, anna, first.id, vote);
    placeDot(doc, anna, first.id, vote);
    placeDot(doc, bram, first.id, vote);
    placeDot(doc, bram, third.id, vote);

    await projectCanvas(t.database.db, doc, target);

    const rows = await notesOf(target.activityId);
    expect(rows.map((r) => [r.sectionKey, r.position, r.text, r.dots, r.clusterName])).toEqual([
      ['werken', 0, 'Derde', 1, null],
      ['wonen', 0, 'Tweede', 0, null],
      ['wonen', 1, 'Eerste', 3, 'Groen'],
    ]);
    expect(rows.find((r) => r.noteId === first.id)).toMatchObject({
      labId: target.labId,
      authorParticipantId: anna,
      authorName: 'Anna',
      colour: 'yellow',
      createdAt: new Date(first.createdAt),
    });
    const votes = await votesOf(target.activityId);
    expect(votes.map((v) => [v.participantId, v.noteId, v.dots]).sort()).toEqual(
      [
        [anna, first.id, 2],
        [bram, first.id, 1],
        [bram, third.id, 1],
      ].sort(),
    );
  });

  it('W31: replaces the rows, so deleted notes and dots disappear', async () => {
    const { target, ids } = await createCanvasLab({ people: ['Anna'] });
    const [anna = ''] = ids;
    const doc = new Y.Doc();
    const note = addNote(doc, newNote(anna, 'Anna'));
    placeDot(doc, anna, note.id, vote);
    await projectCanvas(t.database.db, doc, target);
    expect(await notesOf(target.activityId)).toHaveLength(1);

    const empty = new Y.Doc();
    await projectCanvas(t.database.db, empty, target);
    expect(await notesOf(target.activityId)).toEqual([]);
    expect(await votesOf(target.activityId)).toEqual([]);
  });

  it('W32: an anonymous lab stores no author names, whatever the document says', async () => {
    const { target, ids } = await createCanvasLab({ anonymous: true, people: ['Anna'] });
    const [anna = ''] = ids;
    const doc = new Y.Doc();
    addNote(doc, newNote(anna, 'Anna'));
    await projectCanvas(t.database.db, doc, target);
    const [row] = await notesOf(target.activityId);
    expect(row).toMatchObject({ authorName: '', authorParticipantId: anna });
  });

  it("W33: ids that are not this lab's participants never reach a foreign key", async () => {
    const { target, ids } = await createCanvasLab({ people: ['Anna'] });
    const other = await createCanvasLab({ people: ['Vreemd'] });
    const [anna = ''] = ids;
    const [stranger = ''] = other.ids;
    const doc = new Y.Doc();
    const note = addNote(doc, newNote('not-a-uuid', 'Iemand'));
    const foreign = addNote(doc, newNote(stranger, 'Vreemd'));
    doc.getMap(canvasRoots.dots).set(dotKey(stranger, note.id), 1);
    doc.getMap(canvasRoots.dots).set(dotKey(anna, note.id), 1);
    doc.getMap(canvasRoots.dots).set(dotKey(anna, 'gone'), 4);
    doc.getMap(canvasRoots.notes).set('junk', { text: 'geen notitie' });

    await projectCanvas(t.database.db, doc, target);

    const rows = await notesOf(target.activityId);
    expect(rows.map((r) => [r.noteId, r.authorParticipantId, r.dots]).sort()).toEqual(
      [
        [note.id, null, 1],
        [foreign.id, null, 0],
      ].sort(),
    );
    expect((await votesOf(target.activityId)).map((v) => v.participantId)).toEqual([anna]);
  });

  it('W34: text PostgreSQL cannot hold and impossible dates do not stop the projection', async () => {
    const { target, ids } = await createCanvasLab({ people: ['Anna'] });
    const [anna = ''] = ids;
    const doc = new Y.Doc();
    const note = addNote(doc, newNote(anna, 'An\u0000na', 'wonen', 'Meer\u0000 groen'));
    doc.getMap(canvasRoots.notes).set(note.id, { ...note, createdAt: -9e15 });
    const nul = addNote(doc, newNote(anna, 'Anna'));
    doc.getMap(canvasRoots.notes).delete(nul.id);
    doc.getMap(canvasRoots.notes).set('a\u0000b', { ...nul, id: 'a\u0000b' });

    await projectCanvas(t.database.db, doc, target);

    const rows = await notesOf(target.activityId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ text: 'Meer groen', authorName: 'Anna' });
    expect(Number.isNaN(rows[0]?.createdAt.getTime())).toBe(false);
  });

  it('W31: a failing projection leaves the previous rows in place', async () => {
    const { target, ids } = await createCanvasLab({ people: ['Anna'] });
    const [anna = ''] = ids;
    const doc = new Y.Doc();
    addNote(doc, newNote(anna, 'Anna'));
    await projectCanvas(t.database.db, doc, target);

    // A lab id no lab has: the insert fails on its foreign key after the delete ran.
    const broken = { ...target, labId: '00000000-0000-4000-8000-000000000000' };
    await expect(projectCanvas(t.database.db, doc, broken)).rejects.toThrow();
    expect(await notesOf(target.activityId)).toHaveLength(1);
  });
});
