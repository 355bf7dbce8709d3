// The collaboration server end to end: real sockets, the real provider, real PostgreSQL.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { canvasRoots } from '../../common/activities/canvas.ts';
import { createTestContext, type TestContext } from '../testing/harness.ts';
import {
  addActivity,
  addParticipant,
  connect,
  createLab,
  FAST_COLLAB_ENV,
  noteOf,
  sleep,
  startCollab,
  storedDoc,
  waitAcknowledged,
  waitFor,
  waitSynced,
  type RunningCollab,
  type TestClient,
} from './collab.testing.ts';

// The one-byte keep-alive frame of the Hocuspocus protocol.
const PING = 9;

let t: TestContext;
const running: RunningCollab[] = [];
const clients: TestClient[] = [];

async function start(options: Parameters<typeof startCollab>[1] = {}): Promise<RunningCollab> {
  const server = await startCollab(t, options);
  running.push(server);
  return server;
}

function open(...args: Parameters<typeof connect>): TestClient {
  const client = connect(...args);
  clients.push(client);
  return client;
}

beforeAll(async () => {
  t = await createTestContext(FAST_COLLAB_ENV);
});

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  for (const server of running.splice(0)) await server.stop();
});

afterAll(async () => {
  await t.close();
});

describe('collaboration server', () => {
  it('M1: two clients of one lab converge on the same notes', async () => {
    const server = await start();
    const { labId } = await createLab(t);
    const canvas = await addActivity(t, labId);
    const anna = await addParticipant(t, labId, { name: 'Anna' });
    const bram = await addParticipant(t, labId, { name: 'Bram' });
    const a = open(server.url, canvas.name, anna.token);
    const b = open(server.url, canvas.name, bram.token);
    await Promise.all([waitSynced(a), waitSynced(b)]);

    const fromAnna = noteOf(anna, 'Meer bankjes op het plein');
    const fromBram = noteOf(bram, 'Leegstand aanpakken');
    a.doc.getMap(canvasRoots.notes).set(fromAnna.id, fromAnna);
    b.doc.getMap(canvasRoots.notes).set(fromBram.id, fromBram);

    const both = (client: TestClient) =>
      client.doc.getMap(canvasRoots.notes).has(fromAnna.id) &&
      client.doc.getMap(canvasRoots.notes).has(fromBram.id);
    await waitFor('both clients hold both notes', () => both(a) && both(b));
    expect(a.doc.getMap(canvasRoots.notes).toJSON()).toEqual(
      b.doc.getMap(canvasRoots.notes).toJSON(),
    );
  });

  it('P2: stop() flushes pending edits, and a new server on the same database serves them', async () => {
    // A debounce far longer than the test: only the shutdown flush can store the edit.
    const first = await start({ config: { COLLAB_DEBOUNCE_MS: 60_000 } });
    const { labId } = await createLab(t);
    const canvas = await addActivity(t, labId);
    const anna = await addParticipant(t, labId);
    const a = open(first.url, canvas.name, anna.token);
    await waitSynced(a);
    const note = noteOf(anna, 'Het station beter verbinden met het centrum');
    a.doc.getMap(canvasRoots.notes).set(note.id, note);
    await waitAcknowledged(a);
    expect((await storedDoc(t, canvas.name)).getMap(canvasRoots.notes).has(note.id)).toBe(false);

    // What main.ts does on SIGTERM.
    await first.stop();
    expect((await storedDoc(t, canvas.name)).getMap(canvasRoots.notes).get(note.id)).toEqual(note);

    const second = await start();
    const later = open(second.url, canvas.name, (await addParticipant(t, labId)).token);
    await waitSynced(later);
    expect(later.doc.getMap(canvasRoots.notes).get(note.id)).toEqual(note);
  });

  it('P3: two servers storing the same document both keep their edit (merge on write)', async () => {
    const one = await start();
    const two = await start();
    const { labId } = await createLab(t);
    const canvas = await addActivity(t, labId);
    const anna = await addParticipant(t, labId, { name: 'Anna' });
    const bram = await addParticipant(t, labId, { name: 'Bram' });
    const a = open(one.url, canvas.name, anna.token);
    const b = open(two.url, canvas.name, bram.token);
    await Promise.all([waitSynced(a), waitSynced(b)]);

    // The servers do not talk to each other: each holds only its own client's note.
    const fromAnna = noteOf(anna, 'Een markt op zaterdag');
    const fromBram = noteOf(bram, 'Fietsparkeren bij het station');
    a.doc.getMap(canvasRoots.notes).set(fromAnna.id, fromAnna);
    b.doc.getMap(canvasRoots.notes).set(fromBram.id, fromBram);
    await Promise.all([waitAcknowledged(a), waitAcknowledged(b)]);

    await waitFor('both notes stored', async () => {
      const notes = (await storedDoc(t, canvas.name)).getMap(canvasRoots.notes);
      return notes.has(fromAnna.id) && notes.has(fromBram.id);
    });
    // The server that stored last took in what the other had stored, and told its client.
    await waitFor(
      'a client sees the note written on the other server',
      () =>
        a.doc.getMap(canvasRoots.notes).has(fromBram.id) ||
        b.doc.getMap(canvasRoots.notes).has(fromAnna.id),
    );
  });

  it('K1: the server pings idle sockets and the provider answers; the socket stays open', async () => {
    const server = await start({ pingIntervalMs: 50 });
    const { labId, controlName } = await createLab(t);
    const anna = await addParticipant(t, labId);
    const a = open(server.url, controlName, anna.token);
    await waitSynced(a);
    await sleep(400);
    expect(a.socketCloses).toEqual([]);
    expect(a.frames.filter((frame) => frame.type === PING).length).toBeGreaterThan(2);
  });
});
