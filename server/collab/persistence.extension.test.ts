// Loading, merge-storing and projecting documents (docs/COLLAB_SPEC.md, P1, P4, P5).
import { Document } from '@hocuspocus/server';
import { eq } from 'drizzle-orm';
import { pino } from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { canvasRoots } from '../../common/activities/canvas.ts';
import { moduleFor } from '../activities/registry.ts';
import { labNotes } from '../db/schema.ts';
import { createTestContext, type TestContext } from '../testing/harness.ts';
import {
  addActivity,
  addParticipant,
  connect,
  createLab,
  noteOf,
  sleep,
  startCollab,
  storedDoc,
  storedState,
  waitAcknowledged,
  waitFor,
  waitSynced,
  writeStoredState,
  type RunningCollab,
  type TestClient,
} from './collab.testing.ts';
import { createPersistence } from './persistence.extension.ts';

const DEBOUNCE_MS = 300;
// Time for the store's own round trip to PostgreSQL on a busy test machine.
const STORE_SLACK_MS = 250;
// Reads as five state updates and then ends: Yjs throws on it.
const CORRUPT_STATE = new Uint8Array([5]);

let t: TestContext;
let server: RunningCollab;
const clients: TestClient[] = [];

function open(...args: Parameters<typeof connect>): TestClient {
  const client = connect(...args);
  clients.push(client);
  return client;
}

beforeAll(async () => {
  t = await createTestContext({ COLLAB_DEBOUNCE_MS: String(DEBOUNCE_MS) });
  server = await startCollab(t);
});

afterEach(() => {
  for (const client of clients.splice(0)) client.destroy();
});

afterAll(async () => {
  await server.stop();
  await t.close();
});

describe('persistence extension', () => {
  it('P1: an acknowledged edit is stored within the debounce, also while others keep editing', async () => {
    const { labId } = await createLab(t);
    const canvas = await addActivity(t, labId);
    const anna = await addParticipant(t, labId, { name: 'Anna' });
    const bram = await addParticipant(t, labId, { name: 'Bram' });
    const a = open(server.url, canvas.name, anna.token);
    const b = open(server.url, canvas.name, bram.token);
    await Promise.all([waitSynced(a), waitSynced(b)]);

    // Bram keeps writing, which would postpone a plain trailing debounce for ever.
    let isWriting = true;
    const busy = (async () => {
      for (let i = 0; isWriting && i < 40; i += 1) {
        const note = noteOf(bram, `Idee ${i}`);
        b.doc.getMap(canvasRoots.notes).set(note.id, note);
        await sleep(40);
      }
    })();

    await sleep(60);
    const note = noteOf(anna, 'Een groene loper door de Breestraat');
    a.doc.getMap(canvasRoots.notes).set(note.id, note);
    await waitAcknowledged(a);
    const acknowledgedAt = Date.now();
    await waitFor(
      'the note is stored',
      async () => (await storedDoc(t, canvas.name)).getMap(canvasRoots.notes).has(note.id),
      DEBOUNCE_MS + STORE_SLACK_MS,
    );
    expect(Date.now() - acknowledgedAt).toBeLessThanOrEqual(DEBOUNCE_MS + STORE_SLACK_MS);
    isWriting = false;
    await busy;
  });

  it('P4: a document whose stored state cannot be loaded is refused and never stored', async () => {
    const { labId } = await createLab(t);
    const canvas = await addActivity(t, labId);
    await writeStoredState(t, canvas.name, labId, CORRUPT_STATE);
    const anna = await addParticipant(t, labId);

    for (let attempt = 0; attempt < 2; attempt += 1) {
      const client = open(server.url, canvas.name, anna.token);
      await waitFor('the document is refused', () => client.failure() !== null);
      const note = noteOf(anna, 'Dit mag nergens landen');
      client.doc.getMap(canvasRoots.notes).set(note.id, note);
    }
    await sleep(DEBOUNCE_MS + 100);
    await server.server.flush();
    expect(await storedState(t, canvas.name)).toEqual(CORRUPT_STATE);
  });

  it('P4: the store refuses a document whose load failed, even when asked directly', async () => {
    const { labId } = await createLab(t);
    const canvas = await addActivity(t, labId);
    await writeStoredState(t, canvas.name, labId, CORRUPT_STATE);
    const persistence = createPersistence({
      db: t.database.db,
      logger: pino({ level: 'silent' }),
      moduleFor,
    });
    const document = new Document(canvas.name);
    const hooks = persistence.extension;
    const payload = { documentName: canvas.name, document } as never;
    await expect(hooks.onLoadDocument?.(payload)).rejects.toThrow();
    expect(persistence.isPoisoned(document)).toBe(true);

    // Even a hook run by mistake (a loaded flag flipped, a direct connection) stores nothing.
    document.isLoading = false;
    document.getMap(canvasRoots.notes).set('n1', { text: 'leeg' });
    await expect(hooks.onStoreDocument?.(payload)).rejects.toThrow(/never loaded/);
    expect(await storedState(t, canvas.name)).toEqual(CORRUPT_STATE);
  });

  it('P5: a busy document is projected at once, then at most every interval, and flushed on demand', async () => {
    const { labId } = await createLab(t);
    const canvas = await addActivity(t, labId);
    const anna = await addParticipant(t, labId, { name: 'Anna' });
    const interval = 60_000;
    const persistence = createPersistence({
      db: t.database.db,
      logger: pino({ level: 'silent' }),
      moduleFor,
      projectionIntervalMs: interval,
    });
    const document = new Document(canvas.name);
    const payload = { documentName: canvas.name, document } as never;
    const projectedTexts = async () =>
      (
        await t.database.db
          .select({ text: labNotes.text })
          .from(labNotes)
          .where(eq(labNotes.activityId, canvas.activityId))
      )
        .map((row) => row.text)
        .sort();
    const notes = document.getMap(canvasRoots.notes);
    const first = noteOf(anna, 'Eerste');
    notes.set(first.id, first);
    await persistence.extension.afterStoreDocument?.(payload);
    expect(await projectedTexts()).toEqual(['Eerste']);
    const second = noteOf(anna, 'Tweede');
    notes.set(second.id, second);
    await persistence.extension.afterStoreDocument?.(payload);
    // Within the interval the rows wait…
    expect(await projectedTexts()).toEqual(['Eerste']);
    // …and a stopping server writes them at once.
    await persistence.flushProjections();
    expect(await projectedTexts()).toEqual(['Eerste', 'Tweede']);
  });

  it('P5: after a store, the canvas module projects the notes into lab_notes', async () => {
    const { labId } = await createLab(t);
    const canvas = await addActivity(t, labId);
    const anna = await addParticipant(t, labId, { name: 'Anna' });
    const a = open(server.url, canvas.name, anna.token);
    await waitSynced(a);
    const note = noteOf(anna, 'Wonen boven winkels');
    a.doc.getMap(canvasRoots.notes).set(note.id, note);
    await waitFor('the note is projected', async () => {
      const rows = await t.database.db
        .select({ text: labNotes.text, author: labNotes.authorParticipantId })
        .from(labNotes)
        .where(eq(labNotes.activityId, canvas.activityId));
      return (
        rows.length === 1 && rows[0]?.text === note.text && rows[0].author === anna.participantId
      );
    });
  });
});
