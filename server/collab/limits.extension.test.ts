// Limits that end only the offending socket or refuse one person too many (docs/COLLAB_SPEC.md, L1–L3).
import { randomBytes } from 'node:crypto';
import * as encoding from 'lib0/encoding';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { canvasRoots } from '../../common/activities/canvas.ts';
import { createTestContext, type TestContext } from '../testing/harness.ts';
import {
  addActivity,
  addParticipant,
  connect,
  createLab,
  FAST_COLLAB_ENV,
  noteOf,
  startCollab,
  waitFor,
  waitSynced,
  type RunningCollab,
  type TestClient,
} from './collab.testing.ts';

const MAX_MESSAGE_BYTES = 2048;
const MAX_PEOPLE = 2;

let t: TestContext;
let server: RunningCollab;
const clients: TestClient[] = [];

function open(...args: Parameters<typeof connect>): TestClient {
  const client = connect(...args);
  clients.push(client);
  return client;
}

/** Sends one frame on a bare socket and resolves with the close code the server chose. */
function closeCodeFor(frame: Uint8Array | string): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(server.url);
    socket.on('open', () => socket.send(frame));
    socket.on('close', (code) => resolve(code));
    socket.on('error', reject);
  });
}

/** A frame with a real document name and a sync message whose update is garbage. */
function garbageSyncFrame(documentName: string): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, documentName);
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarUint(encoder, 2);
  encoding.writeVarUint8Array(encoder, randomBytes(40));
  return encoding.toUint8Array(encoder);
}

/** Shows that a pair of clients in another lab still sync, after whatever went wrong elsewhere. */
async function expectOthersStillSync(): Promise<void> {
  const { labId } = await createLab(t);
  const canvas = await addActivity(t, labId);
  const anna = await addParticipant(t, labId);
  const bram = await addParticipant(t, labId);
  const a = open(server.url, canvas.name, anna.token);
  const b = open(server.url, canvas.name, bram.token);
  await Promise.all([waitSynced(a), waitSynced(b)]);
  const note = noteOf(anna, 'Nog steeds in de lucht');
  a.doc.getMap(canvasRoots.notes).set(note.id, note);
  await waitFor('the other client sees the note', () =>
    b.doc.getMap(canvasRoots.notes).has(note.id),
  );
}

beforeAll(async () => {
  t = await createTestContext({
    ...FAST_COLLAB_ENV,
    COLLAB_MAX_MESSAGE_BYTES: String(MAX_MESSAGE_BYTES),
    LAB_MAX_PARTICIPANTS: String(MAX_PEOPLE),
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

describe('limits extension', () => {
  it('L1: a frame above COLLAB_MAX_MESSAGE_BYTES closes only its own socket, with 1009', async () => {
    const { labId, controlName } = await createLab(t);
    const bystander = open(server.url, controlName, (await addParticipant(t, labId)).token);
    await waitSynced(bystander);
    expect(await closeCodeFor(new Uint8Array(MAX_MESSAGE_BYTES + 1))).toBe(1009);
    await expectOthersStillSync();
    expect(bystander.socketCloses).toEqual([]);
  });

  it('L2: a frame that cannot be parsed closes only its own socket, with 4400', async () => {
    const { labId, controlName } = await createLab(t);
    const bystander = open(server.url, controlName, (await addParticipant(t, labId)).token);
    await waitSynced(bystander);
    for (let i = 0; i < 5; i += 1) expect(await closeCodeFor(randomBytes(64))).toBe(4400);
    expect(await closeCodeFor('{"hello":"text frames are not ours"}')).toBe(4400);
    expect(await closeCodeFor(garbageSyncFrame(controlName))).toBe(4400);
    await expectOthersStillSync();
    expect(bystander.socketCloses).toEqual([]);
  });

  it('L3: the person after LAB_MAX_PARTICIPANTS is refused with 4429; those inside may open more documents', async () => {
    const { labId, controlName } = await createLab(t);
    const canvas = await addActivity(t, labId);
    const inside = [await addParticipant(t, labId), await addParticipant(t, labId)];
    const connected = inside.map((p) => open(server.url, controlName, p.token));
    await Promise.all(connected.map((c) => waitSynced(c)));

    const late = await addParticipant(t, labId);
    const refused = open(server.url, controlName, late.token);
    await waitFor('the late person is refused', () => refused.failure() !== null);
    expect(refused.failure()).toMatch(/^4429 .*full/);

    const second = open(server.url, canvas.name, inside[0]?.token ?? '');
    await waitSynced(second);

    connected[1]?.destroy();
    const retry = open(server.url, controlName, late.token);
    await waitSynced(retry);
  });
});
