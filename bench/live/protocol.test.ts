import { Document, IncomingMessage, OutgoingMessage, Server } from '@hocuspocus/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import { writeSyncStep2 } from 'y-protocols/sync';
import * as Y from 'yjs';
import { canvasRoots } from '../../common/activities/canvas.ts';
import { BenchClient } from './client.ts';
import { extractMarkers, noteMarker } from './markers.ts';
import {
  decodeFrame,
  encodeAuth,
  encodeSyncStep1,
  encodeUpdate,
  messageTypes,
} from './protocol.ts';
import { createRandom } from './stats.ts';
import { createNote } from './workload.ts';

const GOOD_TOKEN = 'good-token';
const control = 'lab.00000000-0000-4000-8000-000000000000.control';
const canvas =
  'lab.00000000-0000-4000-8000-000000000000.activity.11111111-1111-4111-8111-111111111111';
const CONNECT_TIMEOUT_MS = 5_000;

describe('frames the real @hocuspocus/server reads and writes', () => {
  it('encodes auth, sync step 1 and updates as the server decodes them', () => {
    const auth = new IncomingMessage(encodeAuth(canvas, GOOD_TOKEN));
    expect(auth.readVarString()).toBe(canvas);
    expect(auth.readVarUint()).toBe(messageTypes.auth);
    expect(auth.readVarUint()).toBe(0);
    expect(auth.readVarString()).toBe(GOOD_TOKEN);

    const step1 = new IncomingMessage(encodeSyncStep1(canvas));
    expect([step1.readVarString(), step1.readVarUint(), step1.readVarUint()]).toEqual([
      canvas,
      0,
      0,
    ]);
    expect(step1.readVarUint8Array()).toEqual(Uint8Array.of(0));

    const update = new IncomingMessage(encodeUpdate(canvas, Uint8Array.of(1, 2, 3)));
    expect([update.readVarString(), update.readVarUint(), update.readVarUint()]).toEqual([
      canvas,
      0,
      2,
    ]);
    expect(update.readVarUint8Array()).toEqual(Uint8Array.of(1, 2, 3));
  });

  it('decodes what the server sends', () => {
    const options = { withPayload: false };
    expect(
      decodeFrame(new OutgoingMessage(canvas).writeAuthenticated(true).toUint8Array(), options),
    ).toEqual({
      kind: 'authenticated',
      documentName: canvas,
      scope: 'readonly',
    });
    expect(
      decodeFrame(
        new OutgoingMessage(canvas).writePermissionDenied('nope').toUint8Array(),
        options,
      ),
    ).toEqual({
      kind: 'denied',
      documentName: canvas,
      reason: 'nope',
    });
    expect(
      decodeFrame(new OutgoingMessage(canvas).writeSyncStatus(true).toUint8Array(), options),
    ).toEqual({
      kind: 'syncStatus',
      documentName: canvas,
      saved: true,
    });
    expect(
      decodeFrame(
        new OutgoingMessage(canvas).writeCloseMessage('rejected').toUint8Array(),
        options,
      ),
    ).toEqual({
      kind: 'close',
      documentName: canvas,
      reason: 'rejected',
    });
    expect(decodeFrame(Uint8Array.of(messageTypes.ping), options)).toEqual({ kind: 'ping' });
    expect(decodeFrame(Uint8Array.of(200), options)).toEqual({ kind: 'malformed' });
  });
});

describe('the lightweight client against a real Hocuspocus server', () => {
  let server: Server;
  let url: string;

  beforeAll(async () => {
    server = new Server({
      address: '127.0.0.1',
      port: 0,
      quiet: true,
      stopOnSignals: false,
      onAuthenticate: ({ token }) => {
        if (token !== GOOD_TOKEN) throw new Error('unknown token');
        return Promise.resolve();
      },
    });
    await server.listen();
    url = `ws://127.0.0.1:${server.address.port}`;
  });
  afterAll(() => server.destroy());

  const newClient = (
    token: string,
    doc?: Y.Doc,
    onSyncFrame?: (name: string, frame: Uint8Array) => void,
  ) =>
    new BenchClient({
      url,
      origin: null,
      mode: 'hocuspocus',
      token,
      documents: [control, canvas],
      ...(doc ? { localDocs: new Map([[canvas, doc]]) } : {}),
      ...(onSyncFrame ? { onSyncFrame } : {}),
      connectTimeoutMs: CONNECT_TIMEOUT_MS,
    });

  it('syncs both documents, and its writes reach the server document and the other clients', async () => {
    const received: number[] = [];
    const receiver = newClient(GOOD_TOKEN, undefined, (name, frame) => {
      if (name === canvas) received.push(...extractMarkers(frame).notes);
    });
    const writerDoc = new Y.Doc();
    const writer = newClient(GOOD_TOKEN, writerDoc);
    await Promise.all([receiver.connect(), writer.connect()]);

    const note = createNote({
      author: { participantId: '22222222-2222-4222-8222-222222222222', name: 'Deelnemer 1' },
      sectionKeys: ['dna'],
      random: createRandom(1),
      marker: noteMarker(99),
      seq: 99,
    });
    writerDoc.getMap(canvasRoots.notes).set(note.id, note);
    await writer.waitForSaved(canvas, 1, CONNECT_TIMEOUT_MS);

    const serverDoc = server.hocuspocus.documents.get(canvas);
    expect(serverDoc?.getMap(canvasRoots.notes).get(note.id)).toEqual(note);
    await expect.poll(() => received).toEqual([99]);

    // Joined means the document has arrived: a late joiner holds the note when connect resolves.
    const seenByLateJoiner: number[] = [];
    const late = newClient(GOOD_TOKEN, undefined, (name, frame) => {
      if (name === canvas) seenByLateJoiner.push(...extractMarkers(frame).notes);
    });
    await late.connect();
    expect(seenByLateJoiner).toEqual([99]);
    for (const client of [receiver, writer, late]) client.close();
  });

  it('fails to connect with a token the server refuses', async () => {
    await expect(newClient('wrong').connect()).rejects.toThrow(/permission denied/);
  });
});

async function listenScripted(): Promise<{ wss: WebSocketServer; url: string }> {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise((resolve) => wss.once('listening', resolve));
  const address = wss.address();
  if (typeof address !== 'object' || address === null) throw new Error('no port');
  return { wss, url: `ws://127.0.0.1:${address.port}` };
}

describe('a scripted server', () => {
  it('counts a document as synced on its content (step 2), not on the server asking for ours (step 1)', async () => {
    const { wss, url } = await listenScripted();
    const STEP2_DELAY_MS = 300;
    wss.on('connection', (socket) => {
      socket.on('message', (data: Buffer) => {
        const frame = new IncomingMessage(new Uint8Array(data));
        const name = frame.readVarString();
        if (frame.readVarUint() === messageTypes.auth) {
          socket.send(new OutgoingMessage(name).writeAuthenticated(false).toUint8Array());
          return;
        }
        const doc = new Document(name);
        socket.send(
          new OutgoingMessage(name).createSyncMessage().writeFirstSyncStepFor(doc).toUint8Array(),
        );
        setTimeout(() => {
          const step2 = new OutgoingMessage(name).createSyncMessage();
          writeSyncStep2(step2.encoder, doc); // the content, as the answer to our step 1
          socket.send(step2.toUint8Array());
        }, STEP2_DELAY_MS);
      });
    });
    const client = new BenchClient({
      url,
      origin: null,
      mode: 'hocuspocus',
      token: GOOD_TOKEN,
      documents: [canvas],
      connectTimeoutMs: CONNECT_TIMEOUT_MS,
    });
    const started = performance.now();
    await client.connect();
    expect(performance.now() - started).toBeGreaterThanOrEqual(STEP2_DELAY_MS - 10);
    client.close();
    await new Promise((resolve) => wss.close(resolve));
  });

  it('answers an application-level Ping with a Pong', async () => {
    const { wss, url } = await listenScripted();
    const pong = new Promise<Uint8Array>((resolve) => {
      wss.on('connection', (socket) => {
        socket.on('message', (data: Buffer) => {
          if (data.length === 1) resolve(new Uint8Array(data));
        });
        socket.send(Uint8Array.of(messageTypes.ping));
      });
    });
    const client = new BenchClient({
      url,
      origin: null,
      mode: 'hocuspocus',
      token: GOOD_TOKEN,
      documents: [canvas],
      connectTimeoutMs: CONNECT_TIMEOUT_MS,
    });
    const connecting = client.connect().catch(() => undefined);
    expect(await pong).toEqual(Uint8Array.of(messageTypes.pong));
    client.close();
    await connecting;
    await new Promise((resolve) => wss.close(resolve));
  });
});
