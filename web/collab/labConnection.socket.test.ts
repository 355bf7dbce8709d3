// The lab connection over real sockets with the real provider, against a bare Hocuspocus that
// speaks the close codes of docs/COLLAB_SPEC.md (refusal reasons start with the code).
import { Hocuspocus, type Extension } from '@hocuspocus/server';
import * as decoding from 'lib0/decoding';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocketServer, type AddressInfo, type WebSocket } from 'ws';
import * as Y from 'yjs';
import { activityDocumentName } from '../../common/collab.ts';
import type { CollabToken } from '../../common/labs.ts';
import { LabConnection, type LabConnectionSnapshot } from './labConnection.ts';
import type { KeyValueStore } from './pendingChanges.ts';

const LAB = '11111111-1111-4111-8111-111111111111';
const ACTIVITY = '22222222-2222-4222-8222-222222222222';
const DOC = activityDocumentName(LAB, ACTIVITY);
const FORBIDDEN_WORD = 'VERBODEN';
const WAIT_MS = 8000;

function memoryStore(): KeyValueStore {
  const data = new Map<string, string>();
  return {
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
    removeItem: (key) => void data.delete(key),
    get length() {
      return data.size;
    },
    key: (index) => [...data.keys()][index] ?? null,
  };
}

function tokenFor(
  token: string,
  participantId = '33333333-3333-4333-8333-333333333333',
): CollabToken {
  return {
    token,
    expiresAt: new Date(Date.now() + 15 * 60_000).toISOString(),
    participantId,
    displayName: 'Gast',
    role: 'participant',
    readOnly: false,
  };
}

/** Reads the Yjs update out of an incoming sync frame (step 2 or update); null for anything else. */
function updateOf(frame: Uint8Array): Uint8Array | null {
  const decoder = decoding.createDecoder(frame);
  decoding.readVarString(decoder);
  if (decoding.readVarUint(decoder) !== 0) return null;
  const step = decoding.readVarUint(decoder);
  return step === 1 || step === 2 ? decoding.readVarUint8Array(decoder) : null;
}

const refusingExtension: Extension = {
  onAuthenticate({ token }) {
    // The server's refusals start with the close code, as server/collab/collab.types.ts does.
    if (token === 'removed') throw Object.assign(new Error(), { reason: '4410 removed' });
    if (token === 'full') throw Object.assign(new Error(), { reason: '4429 this lab is full' });
    if (!token.startsWith('good')) throw Object.assign(new Error(), { reason: '4401 unknown' });
    return Promise.resolve();
  },
  beforeHandleMessage({ update, document, connection, documentName }) {
    const change = updateOf(update);
    if (!change) return Promise.resolve();
    const probe = new Y.Doc();
    Y.applyUpdate(probe, Y.encodeStateAsUpdate(document));
    Y.applyUpdate(probe, change);
    const notes = [...probe.getMap<{ text?: string }>('notes').values()];
    probe.destroy();
    if (notes.some((note) => note.text?.includes(FORBIDDEN_WORD))) {
      connection.sendStateless(
        JSON.stringify({ type: 'rejected', documentName, reason: '4422 forbidden word' }),
      );
      throw Object.assign(new Error(), { code: 4422, reason: '4422 forbidden word' });
    }
    return Promise.resolve();
  },
};

interface TestServer {
  url: string;
  sockets: Set<WebSocket>;
  connectionCount(): number;
  close(): Promise<void>;
}

async function startServer(): Promise<TestServer> {
  const hocuspocus = new Hocuspocus({ quiet: true, extensions: [refusingExtension] });
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  const sockets = new Set<WebSocket>();
  let connections = 0;
  wss.on('connection', (socket, request) => {
    connections += 1;
    sockets.add(socket);
    const client = hocuspocus.handleConnection(
      socket,
      new Request(new URL(request.url ?? '/', 'http://localhost')),
      {},
    );
    socket.on('message', (data: Buffer) => client.handleMessage(new Uint8Array(data)));
    socket.on('close', (code, reason) => {
      sockets.delete(socket);
      client.handleClose({ code, reason: reason.toString() });
    });
  });
  await new Promise<void>((resolve) => wss.once('listening', () => resolve()));
  const { port } = wss.address() as AddressInfo;
  return {
    url: `ws://127.0.0.1:${port}/collab`,
    sockets,
    connectionCount: () => connections,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.terminate();
        wss.close(() => resolve());
      }),
  };
}

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function connect(
  url: string,
  options: { token?: string; storage?: KeyValueStore; fetches?: { count: number } } = {},
): LabConnection {
  const connection = new LabConnection({
    labId: LAB,
    url,
    persist: false,
    storage: options.storage ?? memoryStore(),
    fetchToken: () => {
      if (options.fetches) options.fetches.count += 1;
      return Promise.resolve(tokenFor(options.token ?? 'good'));
    },
  });
  connection.start();
  cleanups.push(() => connection.destroy());
  return connection;
}

async function waitFor(
  connection: LabConnection,
  isDone: (snapshot: LabConnectionSnapshot) => boolean,
): Promise<LabConnectionSnapshot> {
  const deadline = Date.now() + WAIT_MS;
  // The snapshot is rebuilt in a microtask after each change; let pending rebuilds run first.
  await new Promise((resolve) => setTimeout(resolve, 0));
  for (;;) {
    const snapshot = connection.getSnapshot();
    if (isDone(snapshot)) return snapshot;
    if (Date.now() > deadline) {
      throw new Error(`timed out; last state ${JSON.stringify(snapshot.sync)} ${snapshot.socket}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const docOf = (connection: LabConnection) => {
  const document = connection.getSnapshot().documents[DOC];
  if (!document) throw new Error('document not open');
  return document.doc;
};

describe('LabConnection over a real socket', () => {
  it('two people converge, and each sees "saved" once the server acknowledged everything', async () => {
    const server = await startServer();
    cleanups.push(() => server.close());
    const anna = connect(server.url);
    const bert = connect(server.url);
    anna.acquire(DOC);
    bert.acquire(DOC);
    await waitFor(anna, (s) => s.documents[DOC]?.synced === true);
    docOf(anna).getMap('notes').set('n1', { id: 'n1', text: 'Meer bankjes' });
    expect(anna.getSnapshot().documents[DOC]).toBeDefined();
    await waitFor(bert, () => docOf(bert).getMap('notes').has('n1'));
    const saved = await waitFor(anna, (s) => s.sync.state === 'saved');
    expect(saved.sync.pending).toBe(0);
    // One socket per person, however many documents they have open.
    expect(server.connectionCount()).toBe(2);
  });

  it('a refused write is reported with its text, and the server’s copy replaces the local one', async () => {
    const server = await startServer();
    cleanups.push(() => server.close());
    const anna = connect(server.url);
    // Bert keeps the document open, so this persistence-less server keeps it in memory.
    const bert = connect(server.url);
    anna.acquire(DOC);
    bert.acquire(DOC);
    await waitFor(anna, (s) => s.documents[DOC]?.synced === true);
    docOf(anna).getMap('notes').set('ok', { id: 'ok', text: 'Kan blijven' });
    await waitFor(anna, (s) => s.sync.state === 'saved');
    docOf(anna)
      .getMap('notes')
      .set('bad', { id: 'bad', text: `Dit is ${FORBIDDEN_WORD}` });

    const refused = await waitFor(anna, (s) => s.refused.length > 0);
    expect(refused.refused).toHaveLength(1);
    expect(refused.refused[0]?.documentName).toBe(DOC);
    expect(refused.refused[0]?.reason).toBe('rejected');
    expect(refused.refused[0]?.lost.map((change) => change.key)).toEqual(['bad']);

    const after = await waitFor(anna, (s) => s.sync.state === 'saved');
    expect(after.documents[DOC]?.generation).toBe(1);
    expect(docOf(anna).getMap('notes').has('bad')).toBe(false);
    expect(docOf(anna).getMap('notes').has('ok')).toBe(true);
    expect(docOf(bert).getMap('notes').has('bad')).toBe(false);
    // The same refusal is reported once, though the server both said so and closed the document.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(anna.getSnapshot().refused).toHaveLength(1);
  });

  it('a change written while the socket was down and refused on return is reported once; the document recovers at once', async () => {
    const server = await startServer();
    cleanups.push(() => server.close());
    const anna = connect(server.url);
    const bert = connect(server.url);
    anna.acquire(DOC);
    bert.acquire(DOC);
    await waitFor(anna, (s) => s.sync.state === 'saved' && s.documents[DOC]?.synced === true);
    // The server restarts; Anna writes while her socket is down.
    for (const socket of [...server.sockets]) socket.close(1012, 'server restarting');
    await waitFor(anna, (s) => s.socket !== 'connected');
    docOf(anna)
      .getMap('notes')
      .set('late', { id: 'late', text: `Te laat en ${FORBIDDEN_WORD}` });
    const startedAt = Date.now();
    const refused = await waitFor(anna, (s) => s.refused.length > 0);
    await waitFor(anna, (s) => s.sync.state === 'saved');
    // Well before the safety net of a sign-in without answer (8 s) would step in.
    expect(Date.now() - startedAt).toBeLessThan(5000);
    expect(refused.refused[0]?.lost.map((change) => change.key)).toEqual(['late']);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(anna.getSnapshot().refused).toHaveLength(1);
    expect(docOf(bert).getMap('notes').has('late')).toBe(false);
  });

  it('changes made while the server is unreachable are counted, survive a reload and clear once synced', async () => {
    const storage = memoryStore();
    const nowhere = 'ws://127.0.0.1:9/collab';
    const offline = connect(nowhere, { storage });
    offline.acquire(DOC);
    await waitFor(offline, (s) => s.documents[DOC] !== undefined);
    docOf(offline).getMap('notes').set('a', { id: 'a', text: 'een' });
    docOf(offline).getMap('notes').set('b', { id: 'b', text: 'twee' });
    const waiting = await waitFor(offline, (s) => s.sync.state === 'offline');
    expect(waiting.sync.pending).toBe(2);
    offline.destroy();

    // A "reload" that still cannot reach the server: nobody opened the document, yet it counts.
    const reloaded = connect(nowhere, { storage });
    const stillWaiting = await waitFor(reloaded, (s) => s.sync.state === 'offline');
    expect(stillWaiting.sync.pending).toBe(2);
    reloaded.destroy();

    const server = await startServer();
    cleanups.push(() => server.close());
    const back = connect(server.url, { storage });
    const saved = await waitFor(back, (s) => s.sync.state === 'saved');
    expect(saved.sync.pending).toBe(0);
  });

  it('a removed person is stopped for good (4410 on sign-in), without retrying', async () => {
    const server = await startServer();
    cleanups.push(() => server.close());
    const gone = connect(server.url, { token: 'removed' });
    const stopped = await waitFor(gone, (s) => s.problem !== null);
    expect(stopped.problem).toEqual({ kind: 'removed' });
    expect(stopped.sync.state).toBe('offline');
  });

  it('a full lab says so (4429)', async () => {
    const server = await startServer();
    cleanups.push(() => server.close());
    const late = connect(server.url, { token: 'full' });
    expect((await waitFor(late, (s) => s.problem !== null)).problem).toEqual({ kind: 'labFull' });
  });

  it('a socket closed with 4410 stops reconnecting; 4409 reconnects with a fresh token', async () => {
    const server = await startServer();
    cleanups.push(() => server.close());
    const fetches = { count: 0 };
    const anna = connect(server.url, { fetches });
    await waitFor(anna, (s) => s.sync.state === 'saved');
    const fetchesBefore = fetches.count;

    for (const socket of server.sockets) socket.close(4409, 'the lab changed; reconnect');
    await waitFor(anna, (s) => s.socket !== 'connected');
    await waitFor(anna, (s) => s.sync.state === 'saved');
    expect(fetches.count).toBeGreaterThan(fetchesBefore);

    const connectionsBefore = server.connectionCount();
    for (const socket of server.sockets) socket.close(4410, 'removed from this lab');
    const stopped = await waitFor(anna, (s) => s.problem !== null);
    expect(stopped.problem).toEqual({ kind: 'removed' });
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(server.connectionCount()).toBe(connectionsBefore);
  });
});
