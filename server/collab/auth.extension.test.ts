// Who may open which document and write it (docs/COLLAB_SPEC.md, A1–A8), over real sockets.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { canvasRoots } from '../../common/activities/canvas.ts';
import { activityStateKey, CONTROL_ROOT } from '../../common/activities/control.ts';
import { activityDocumentName } from '../../common/collab.ts';
import { createTestContext, type TestContext } from '../testing/harness.ts';
import {
  addActivity,
  addParticipant,
  connect,
  createLab,
  FAST_COLLAB_ENV,
  issueToken,
  noteOf,
  sleep,
  startCollab,
  storedDoc,
  waitFor,
  waitSynced,
  type RunningCollab,
  type TestClient,
} from './collab.testing.ts';

let t: TestContext;
let server: RunningCollab;
const clients: TestClient[] = [];

function open(...args: Parameters<typeof connect>): TestClient {
  const client = connect(...args);
  clients.push(client);
  return client;
}

async function refusal(client: TestClient): Promise<string> {
  await waitFor('authentication refused', () => client.failure() !== null);
  return client.failure() ?? '';
}

/** Opens a bare WebSocket with an Origin header and reports the HTTP status or 'open'. */
function upgradeWith(origin: string | undefined): Promise<number | 'open'> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(server.url, origin ? { origin } : {});
    socket.on('open', () => {
      socket.close();
      resolve('open');
    });
    socket.on('unexpected-response', (_request, response) => {
      resolve(response.statusCode ?? 0);
      response.resume();
      socket.terminate();
    });
    socket.on('error', (error) => {
      if (!String(error.message).includes('Unexpected server response')) reject(error);
    });
  });
}

beforeAll(async () => {
  t = await createTestContext(FAST_COLLAB_ENV);
  server = await startCollab(t);
});

afterEach(() => {
  for (const client of clients.splice(0)) client.destroy();
});

afterAll(async () => {
  await server.stop();
  await t.close();
});

describe('auth extension', () => {
  it("A1: a token of lab A cannot open lab B's documents, and no document bytes are sent", async () => {
    const labA = await createLab(t);
    const labB = await createLab(t);
    const canvasB = await addActivity(t, labB.labId);
    const insider = await addParticipant(t, labB.labId);
    const writer = open(server.url, canvasB.name, insider.token);
    await waitSynced(writer);
    const secret = noteOf(insider, 'Alleen voor lab B');
    writer.doc.getMap(canvasRoots.notes).set(secret.id, secret);

    const outsider = await addParticipant(t, labA.labId);
    for (const name of [canvasB.name, labB.controlName]) {
      const client = open(server.url, name, outsider.token);
      expect(await refusal(client)).toMatch(/^4403 /);
      await sleep(100);
      expect(client.frames.filter((f) => f.documentName === name).map((f) => f.type)).toEqual([2]);
      expect(client.doc.getMap(canvasRoots.notes).size).toBe(0);
    }
  });

  it('A3: an unknown or expired token is refused with 4401', async () => {
    const lab = await createLab(t);
    expect(await refusal(open(server.url, lab.controlName, 'not-a-token'))).toMatch(/^4401 /);
    const person = await addParticipant(t, lab.labId);
    const expired = await issueToken(t, person, { expiresAt: new Date(Date.now() - 1000) });
    expect(await refusal(open(server.url, lab.controlName, expired))).toMatch(/^4401 /);
  });

  it('A4: a document of an activity that is not in the lab is refused with 4404', async () => {
    const lab = await createLab(t);
    const other = await createLab(t);
    const foreign = await addActivity(t, other.labId);
    const person = await addParticipant(t, lab.labId);
    const name = activityDocumentName(lab.labId, foreign.activityId);
    expect(await refusal(open(server.url, name, person.token))).toMatch(/^4404 /);
  });

  it('A5: participants of a draft lab are refused; its facilitators may prepare it', async () => {
    const lab = await createLab(t, { status: 'draft' });
    const canvas = await addActivity(t, lab.labId);
    const guest = await addParticipant(t, lab.labId);
    expect(await refusal(open(server.url, canvas.name, guest.token))).toMatch(/^4403 /);
    const facilitator = await addParticipant(t, lab.labId, { role: 'facilitator' });
    const client = open(server.url, canvas.name, facilitator.token);
    await waitSynced(client);
    expect(client.scope()).toBe('read-write');
  });

  it('A2, A6: in a closed lab everyone reads only; a write is neither applied nor stored', async () => {
    const lab = await createLab(t, { status: 'closed' });
    const canvas = await addActivity(t, lab.labId);
    const guest = await addParticipant(t, lab.labId);
    const facilitator = await addParticipant(t, lab.labId, { role: 'facilitator' });
    const writer = open(server.url, canvas.name, guest.token);
    const reader = open(server.url, canvas.name, facilitator.token);
    await Promise.all([waitSynced(writer), waitSynced(reader)]);
    expect(writer.scope()).toBe('readonly');
    expect(reader.scope()).toBe('readonly');

    const note = noteOf(guest, 'Te laat');
    writer.doc.getMap(canvasRoots.notes).set(note.id, note);
    await waitFor('the write is refused', () =>
      writer.closes.some((c) => c.reason.startsWith('4403 ')),
    );
    expect(writer.statelesses).toContainEqual(
      expect.objectContaining({ type: 'rejected', documentName: canvas.name }),
    );
    await sleep(300);
    expect(reader.doc.getMap(canvasRoots.notes).size).toBe(0);
    expect((await storedDoc(t, canvas.name)).getMap(canvasRoots.notes).size).toBe(0);
  });

  it('A7: participants read the control document only; facilitators steer it', async () => {
    const lab = await createLab(t);
    const canvas = await addActivity(t, lab.labId);
    const guest = await addParticipant(t, lab.labId);
    const facilitator = await addParticipant(t, lab.labId, { role: 'facilitator' });
    const participant = open(server.url, lab.controlName, guest.token);
    const steer = open(server.url, lab.controlName, facilitator.token);
    await Promise.all([waitSynced(participant), waitSynced(steer)]);
    expect(participant.scope()).toBe('readonly');
    expect(steer.scope()).toBe('read-write');

    const key = activityStateKey(canvas.activityId);
    const locked = { locked: true, private: false, vote: null, resultsRevealed: true };
    steer.doc.getMap(CONTROL_ROOT).set(key, locked);
    await waitFor('the participant sees the lock', () =>
      Boolean(participant.doc.getMap(CONTROL_ROOT).get(key)),
    );

    participant.doc.getMap(CONTROL_ROOT).set(key, { ...locked, locked: false });
    await waitFor('the write is refused', () =>
      participant.closes.some((c) => c.reason.startsWith('4403 ')),
    );
    await sleep(200);
    expect(steer.doc.getMap(CONTROL_ROOT).get(key)).toEqual(locked);
  });

  it('A8: a browser upgrade from another Origin gets 403; this site and non-browsers get in', async () => {
    expect(await upgradeWith('https://evil.example')).toBe(403);
    expect(await upgradeWith(t.config.publicOrigin)).toBe('open');
    expect(await upgradeWith(undefined)).toBe('open');
  });
});
