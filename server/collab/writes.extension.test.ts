// Refused writes over real sockets (docs/COLLAB_SPEC.md, U2, U3, C1, C2, L4, W2, W3, W7, W8).
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { canvasRoots } from '../../common/activities/canvas.ts';
import { activityStateKey, CONTROL_ROOT, TIMER_KEY } from '../../common/activities/control.ts';
import { createTestContext, type TestContext } from '../testing/harness.ts';
import {
  addActivity,
  addParticipant,
  connect,
  createLab,
  noteOf,
  openSocket,
  sleep,
  startCollab,
  storedDoc,
  waitAcknowledged,
  waitFor,
  waitSynced,
  type RunningCollab,
  type TestClient,
} from './collab.testing.ts';

const NOTES_PER_MINUTE = 3;
const NOTE_MAX_LENGTH = 40;

let t: TestContext;
let server: RunningCollab;
const clients: TestClient[] = [];

function open(...args: Parameters<typeof connect>): TestClient {
  const client = connect(...args);
  clients.push(client);
  return client;
}

/** Waits for the document-level close whose reason starts with `code`, and returns the reason. */
async function refusedWith(client: TestClient, code: number): Promise<string> {
  await waitFor(`a ${code} close`, () =>
    client.closes.some((c) => c.reason.startsWith(`${code} `)),
  );
  const rejected = client.statelesses.find((s) => s.type === 'rejected');
  expect(rejected?.reason).toMatch(new RegExp(`^${code} `));
  return client.closes.find((c) => c.reason.startsWith(`${code} `))?.reason ?? '';
}

async function liveCanvas() {
  const { labId, controlName } = await createLab(t);
  const canvas = await addActivity(t, labId);
  const anna = await addParticipant(t, labId, { name: 'Anna' });
  const bram = await addParticipant(t, labId, { name: 'Bram' });
  const facilitator = await addParticipant(t, labId, { role: 'facilitator', name: 'Fien' });
  return { labId, controlName, canvas, anna, bram, facilitator };
}

beforeAll(async () => {
  t = await createTestContext({
    COLLAB_DEBOUNCE_MS: '50',
    NOTES_PER_MINUTE: String(NOTES_PER_MINUTE),
    NOTE_MAX_LENGTH: String(NOTE_MAX_LENGTH),
  });
  server = await startCollab(t);
});

afterEach(() => {
  for (const client of clients.splice(0)) client.destroy();
});

afterAll(async () => {
  await server.stop();
  await t.close();
});

describe('writes extension', () => {
  it("W7, W8: a note in someone else's name, or a change to someone else's note, is refused with 4422 and reaches nobody", async () => {
    const lab = await liveCanvas();
    const a = open(server.url, lab.canvas.name, lab.anna.token);
    const b = open(server.url, lab.canvas.name, lab.bram.token);
    await Promise.all([waitSynced(a), waitSynced(b)]);
    const own = noteOf(lab.bram, 'Van Bram');
    b.doc.getMap(canvasRoots.notes).set(own.id, own);
    await waitFor('Anna sees the note', () => a.doc.getMap(canvasRoots.notes).has(own.id));

    const forged = noteOf(lab.bram, 'Namens Bram geschreven door Anna');
    a.doc.getMap(canvasRoots.notes).set(forged.id, forged);
    expect(await refusedWith(a, 4422)).toMatch(/another author/);

    const again = open(server.url, lab.canvas.name, lab.anna.token);
    await waitSynced(again);
    again.doc.getMap(canvasRoots.notes).delete(own.id);
    expect(await refusedWith(again, 4422)).toMatch(/someone else/);

    await sleep(200);
    expect(b.doc.getMap(canvasRoots.notes).has(forged.id)).toBe(false);
    const stored = (await storedDoc(t, lab.canvas.name)).getMap(canvasRoots.notes);
    expect([...stored.keys()]).toEqual([own.id]);
  });

  it('W3: a note longer than NOTE_MAX_LENGTH is refused with 4422', async () => {
    const lab = await liveCanvas();
    const a = open(server.url, lab.canvas.name, lab.anna.token);
    await waitSynced(a);
    const long = noteOf(lab.anna, 'x'.repeat(NOTE_MAX_LENGTH + 1));
    a.doc.getMap(canvasRoots.notes).set(long.id, long);
    expect(await refusedWith(a, 4422)).toMatch(new RegExp(`longer than ${NOTE_MAX_LENGTH}`));
  });

  it('U2, U3: nested Yjs types and roots the kind does not have are refused with 4422', async () => {
    const lab = await liveCanvas();
    const nested = open(server.url, lab.canvas.name, lab.facilitator.token);
    await waitSynced(nested);
    nested.doc.getMap(canvasRoots.notes).set('n1', new Y.Map());
    expect(await refusedWith(nested, 4422)).toMatch(/plain JSON/);

    const foreignRoot = open(server.url, lab.canvas.name, lab.facilitator.token);
    await waitSynced(foreignRoot);
    foreignRoot.doc.getMap('answers').set(lab.facilitator.participantId, { value: 3 });
    expect(await refusedWith(foreignRoot, 4422)).toMatch(/root answers/);
  });

  it('W2: while the facilitator locks the activity, participants cannot write; also when the control document is only stored', async () => {
    const lab = await liveCanvas();
    const steer = open(server.url, lab.controlName, lab.facilitator.token);
    await waitSynced(steer);
    const locked = { locked: true, private: false, vote: null, resultsRevealed: true };
    steer.doc.getMap(CONTROL_ROOT).set(activityStateKey(lab.canvas.activityId), locked);
    await waitAcknowledged(steer);

    const a = open(server.url, lab.canvas.name, lab.anna.token);
    await waitSynced(a);
    const note = noteOf(lab.anna, 'Op slot');
    a.doc.getMap(canvasRoots.notes).set(note.id, note);
    expect(await refusedWith(a, 4422)).toMatch(/locked/);

    // The facilitator leaves: the control document is stored and unloaded; the lock still holds.
    steer.destroy();
    await waitFor(
      'the control document is unloaded',
      () => !server.server.hocuspocus.documents.has(lab.controlName),
    );
    const b = open(server.url, lab.canvas.name, lab.bram.token);
    await waitSynced(b);
    const other = noteOf(lab.bram, 'Nog steeds op slot');
    b.doc.getMap(canvasRoots.notes).set(other.id, other);
    expect(await refusedWith(b, 4422)).toMatch(/locked/);
  });

  it('C2: facilitators write only the control keys, with values that fit', async () => {
    const lab = await liveCanvas();
    const steer = open(server.url, lab.controlName, lab.facilitator.token);
    await waitSynced(steer);
    steer.doc.getMap(CONTROL_ROOT).set(TIMER_KEY, { durationMs: 5, endsAt: null });
    expect(await refusedWith(steer, 4422)).toMatch(/timer/);
    const other = open(server.url, lab.controlName, lab.facilitator.token);
    await waitSynced(other);
    other.doc.getMap(CONTROL_ROOT).set('theme', 'donker');
    expect(await refusedWith(other, 4422)).toMatch(/unknown control key/);
  });

  it('L4: more notes per minute than NOTES_PER_MINUTE closes the document with 4430; the socket keeps its other documents', async () => {
    const lab = await liveCanvas();
    const socket = openSocket(server.url);
    const control = open(server.url, lab.controlName, lab.anna.token, socket);
    const a = open(server.url, lab.canvas.name, lab.anna.token, socket);
    await Promise.all([waitSynced(control), waitSynced(a)]);

    const notes = Array.from({ length: NOTES_PER_MINUTE + 1 }, (_, i) =>
      noteOf(lab.anna, `Idee ${i}`),
    );
    for (const note of notes.slice(0, NOTES_PER_MINUTE)) {
      a.doc.getMap(canvasRoots.notes).set(note.id, note);
      await waitAcknowledged(a);
    }
    const extra = notes[NOTES_PER_MINUTE];
    if (!extra) throw new Error('no extra note');
    a.doc.getMap(canvasRoots.notes).set(extra.id, extra);
    expect(await refusedWith(a, 4430)).toMatch(/per minute/);

    // Same socket, other document: the facilitator's change still arrives.
    const steer = open(server.url, lab.controlName, lab.facilitator.token);
    await waitSynced(steer);
    steer.doc.getMap(CONTROL_ROOT).set('current', lab.canvas.activityId);
    await waitFor(
      'the control change arrives',
      () => control.doc.getMap(CONTROL_ROOT).get('current') === lab.canvas.activityId,
    );
    expect(socket.socketCloses).toEqual([]);
    await sleep(150);
    const stored = (await storedDoc(t, lab.canvas.name)).getMap(canvasRoots.notes);
    expect(stored.size).toBe(NOTES_PER_MINUTE);
    expect(stored.has(extra.id)).toBe(false);
  });

  it('L4: facilitators are not held to the notes-per-minute limit', async () => {
    const lab = await liveCanvas();
    const f = open(server.url, lab.canvas.name, lab.facilitator.token);
    await waitSynced(f);
    for (let i = 0; i < NOTES_PER_MINUTE + 2; i += 1) {
      const note = noteOf(lab.facilitator, `Voorbereid ${i}`);
      f.doc.getMap(canvasRoots.notes).set(note.id, note);
      await waitAcknowledged(f);
    }
    expect(f.closes).toEqual([]);
  });
});
