// Test support for the realtime tests: labs, participants and tokens as rows, a collaboration
// server listening on 127.0.0.1, and clients that use the real provider over real sockets.
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { eq } from 'drizzle-orm';
import * as decoding from 'lib0/decoding';
import { pino } from 'pino';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import type { NoteValue } from '../../common/activities/canvas.ts';
import type { ActivityConfig } from '../../common/activities/registry.ts';
import { activityDocumentName, COLLAB_PATH, controlDocumentName } from '../../common/collab.ts';
import type { LabStatus } from '../../common/labs.ts';
import type { Config } from '../config.ts';
import { activities, collabDocuments, collabTokens, labParticipants, labs } from '../db/schema.ts';
import { hashSecret, newSecret } from '../features/auth/tokens.ts';
import { buildApp } from '../http/app.ts';
import type { App, AppContext } from '../http/context.ts';
import { createOrg, createTestContext, type TestContext } from '../testing/harness.ts';
import {
  createCollabServer,
  type CollabServer,
  type CollabServerOptions,
} from './collab.server.ts';

/** Short waits for the tests: stores after 50 ms, presence every 100 ms. */
export const FAST_COLLAB_ENV = { COLLAB_DEBOUNCE_MS: '50' };

export interface RunningCollab {
  server: CollabServer;
  app: App;
  ctx: AppContext;
  /** ws://127.0.0.1:<port>/collab */
  url: string;
  /** The shutdown path of main.ts: no new connections, flush, close sockets, close HTTP. */
  stop(): Promise<void>;
}

/** Starts the real app with a collaboration server on a free port of 127.0.0.1. */
export async function startCollab(
  t: TestContext,
  options: CollabServerOptions & { config?: Partial<Config> } = {},
): Promise<RunningCollab> {
  const { config: overrides, ...serverOptions } = options;
  const ctx: AppContext = { ...t.ctx, config: { ...t.ctx.config, ...overrides } };
  const server = createCollabServer(ctx, pino({ level: 'silent' }), {
    presenceIntervalMs: 100,
    ...serverOptions,
  });
  ctx.collab = server.control;
  const app = await buildApp(ctx, { logger: false, collab: server });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as AddressInfo;
  let isStopped = false;
  return {
    server,
    app,
    ctx,
    url: `ws://127.0.0.1:${port}${COLLAB_PATH}`,
    async stop() {
      if (isStopped) return;
      isStopped = true;
      app.server.close();
      await server.flush();
      await server.close();
      await app.close();
    },
  };
}

const canvasConfig: ActivityConfig = {
  kind: 'canvas',
  placeId: null,
  sections: [
    { key: 'ideeen', title: 'Ideeën', prompt: '', colour: '#f5c400' },
    { key: 'zorgen', title: 'Zorgen', prompt: '', colour: '#0a6ebd' },
  ],
};

const pollConfig: ActivityConfig = {
  kind: 'poll',
  question: 'Meer groen in de binnenstad?',
  type: 'single',
  options: [
    { key: 'ja', label: 'Ja' },
    { key: 'nee', label: 'Nee' },
  ],
  maxChoices: null,
  scale: null,
};

export interface TestLab {
  labId: string;
  controlName: string;
}

/** Creates a lab (live unless said otherwise) in a fresh organisation. */
export async function createLab(
  t: TestContext,
  options: { status?: LabStatus; anonymous?: boolean } = {},
): Promise<TestLab> {
  const org = await createOrg(t);
  const [row] = await t.database.db
    .insert(labs)
    .values({
      orgId: org.id,
      title: 'Binnenstadslab IJmond',
      kind: 'regional',
      status: options.status ?? 'live',
      anonymous: options.anonymous ?? false,
    })
    .returning({ id: labs.id });
  if (!row) throw new Error('lab not created');
  return { labId: row.id, controlName: controlDocumentName(row.id) };
}

/** Adds a canvas (two sections: ideeen, zorgen) or a single-choice poll; returns its document name. */
export async function addActivity(
  t: TestContext,
  labId: string,
  kind: 'canvas' | 'poll' = 'canvas',
): Promise<{ activityId: string; name: string }> {
  const [row] = await t.database.db
    .insert(activities)
    .values({
      labId,
      position: 0,
      kind,
      title: kind === 'canvas' ? 'Canvas' : 'Peiling',
      config: kind === 'canvas' ? canvasConfig : pollConfig,
    })
    .returning({ id: activities.id });
  if (!row) throw new Error('activity not created');
  return { activityId: row.id, name: activityDocumentName(labId, row.id) };
}

/** Adds an activity with the given settings (its kind is the config's) to a lab; returns its document name. */
export async function addConfiguredActivity(
  t: TestContext,
  labId: string,
  config: ActivityConfig,
  title: string,
): Promise<{ activityId: string; name: string }> {
  const [row] = await t.database.db
    .insert(activities)
    .values({ labId, position: 0, kind: config.kind, title, config })
    .returning({ id: activities.id });
  if (!row) throw new Error('activity not created');
  return { activityId: row.id, name: activityDocumentName(labId, row.id) };
}

export interface TestParticipant {
  participantId: string;
  displayName: string;
  labId: string;
  /** A collaboration token, valid for 15 minutes. */
  token: string;
}

let people = 0;

/** Adds a guest (or facilitator) to a lab and issues them a collaboration token. */
export async function addParticipant(
  t: TestContext,
  labId: string,
  options: { role?: 'facilitator' | 'participant'; name?: string } = {},
): Promise<TestParticipant> {
  people += 1;
  const displayName = options.name ?? `Deelnemer ${people}`;
  const [row] = await t.database.db
    .insert(labParticipants)
    .values({
      labId,
      kind: 'guest',
      role: options.role ?? 'participant',
      displayName,
      guestSecretHash: hashSecret(newSecret()),
    })
    .returning({ id: labParticipants.id });
  if (!row) throw new Error('participant not created');
  const token = await issueToken(t, { participantId: row.id, labId });
  return { participantId: row.id, displayName, labId, token };
}

/** Issues another collaboration token (stored hashed, as the labs feature does). */
export async function issueToken(
  t: TestContext,
  who: { participantId: string; labId: string },
  options: { expiresAt?: Date } = {},
): Promise<string> {
  const token = newSecret();
  await t.database.db.insert(collabTokens).values({
    id: hashSecret(token),
    participantId: who.participantId,
    labId: who.labId,
    expiresAt: options.expiresAt ?? new Date(Date.now() + 15 * 60_000),
  });
  return token;
}

/** Changes a lab's status directly, as another server would. */
export async function setLabStatus(
  t: TestContext,
  labId: string,
  status: LabStatus,
): Promise<void> {
  await t.database.db.update(labs).set({ status }).where(eq(labs.id, labId));
}

/** Marks a participant removed directly, as another server would (tokens are kept on purpose). */
export async function markRemoved(t: TestContext, participantId: string): Promise<void> {
  await t.database.db
    .update(labParticipants)
    .set({ removedAt: new Date() })
    .where(eq(labParticipants.id, participantId));
}

/** The raw stored state of a document, or null. */
export async function storedState(t: TestContext, name: string): Promise<Uint8Array | null> {
  const [row] = await t.database.db
    .select({ state: collabDocuments.state })
    .from(collabDocuments)
    .where(eq(collabDocuments.name, name));
  return row ? new Uint8Array(row.state) : null;
}

/** The stored document as a Y.Doc (empty when nothing is stored). */
export async function storedDoc(t: TestContext, name: string): Promise<Y.Doc> {
  const doc = new Y.Doc();
  const state = await storedState(t, name);
  if (state) Y.applyUpdate(doc, state);
  return doc;
}

/** Writes raw bytes as a document's stored state (to simulate corrupt storage). */
export async function writeStoredState(
  t: TestContext,
  name: string,
  labId: string,
  state: Uint8Array,
): Promise<void> {
  await t.database.db
    .insert(collabDocuments)
    .values({ name, labId, state: Buffer.from(state) })
    .onConflictDoUpdate({ target: collabDocuments.name, set: { state: Buffer.from(state) } });
}

/** A well-formed note of `who` in section `ideeen`. */
export function noteOf(
  who: { participantId: string; displayName: string },
  text: string,
  id: string = randomUUID(),
): NoteValue {
  return {
    id,
    section: 'ideeen',
    text,
    colour: 'yellow',
    authorId: who.participantId,
    authorName: who.displayName,
    clusterId: null,
    order: 1,
    createdAt: Date.now(),
  };
}

/** One frame the client received, as far as the tests care. */
export interface ReceivedFrame {
  documentName: string;
  type: number;
}

export interface TestClient {
  provider: HocuspocusProvider;
  socket: HocuspocusProviderWebsocket;
  doc: Y.Doc;
  /** Set once the server accepted the token; `scope` is 'readonly' or 'read-write'. */
  scope: () => string | null;
  /** The reason of a refused authentication, once there was one. */
  failure: () => string | null;
  /** Document-level and socket-level closes this provider saw. */
  closes: { code: number | undefined; reason: string }[];
  /** Closes of the WebSocket itself. */
  socketCloses: { code: number; reason: string }[];
  /** Stateless messages, parsed. */
  statelesses: Record<string, unknown>[];
  /** Every frame received on the socket (all documents). */
  frames: ReceivedFrame[];
  destroy(): void;
}

/** A provider WebSocket as the browser app builds it, with fast retries. */
export function openSocket(url: string): {
  socket: HocuspocusProviderWebsocket;
  socketCloses: TestClient['socketCloses'];
  frames: ReceivedFrame[];
} {
  const socketCloses: TestClient['socketCloses'] = [];
  const frames: ReceivedFrame[] = [];
  const socket = new HocuspocusProviderWebsocket({
    url,
    WebSocketPolyfill: WebSocket,
    delay: 100,
    minDelay: 100,
    maxDelay: 400,
    factor: 1.5,
    jitter: false,
    onClose: ({ event }) => {
      socketCloses.push({ code: event.code, reason: String(event.reason ?? '') });
    },
    // The socket passes on the WebSocket's own MessageEvent (its type says { event }).
    onMessage: (payload) => {
      const event = payload as unknown as MessageEvent<ArrayBuffer>;
      const data = new Uint8Array(event.data);
      if (data.length === 1) {
        frames.push({ documentName: '', type: data[0] ?? -1 });
        return;
      }
      try {
        const decoder = decoding.createDecoder(data);
        const documentName = decoding.readVarString(decoder);
        frames.push({ documentName, type: decoding.readVarUint(decoder) });
      } catch {
        frames.push({ documentName: '', type: -1 });
      }
    },
  });
  return { socket, socketCloses, frames };
}

/** Opens one document with the real provider; pass `on` to share a socket between documents. */
export function connect(
  url: string,
  name: string,
  token: string,
  on?: ReturnType<typeof openSocket>,
): TestClient {
  const opened = on ?? openSocket(url);
  let scope: string | null = null;
  let failure: string | null = null;
  const closes: TestClient['closes'] = [];
  const statelesses: TestClient['statelesses'] = [];
  const doc = new Y.Doc();
  const provider = new HocuspocusProvider({
    websocketProvider: opened.socket,
    name,
    token,
    document: doc,
    // Clients of a lab send no awareness (docs/COLLAB_SPEC.md, "Awareness").
    awareness: null,
    onAuthenticated: ({ scope: granted }) => {
      scope = granted;
      failure = null;
    },
    onAuthenticationFailed: ({ reason }) => {
      failure = reason;
    },
    onClose: ({ event }) => {
      closes.push({ code: event.code, reason: String(event.reason ?? '') });
    },
    onStateless: ({ payload }) => {
      statelesses.push(JSON.parse(payload) as Record<string, unknown>);
    },
  });
  provider.attach();
  return {
    provider,
    socket: opened.socket,
    doc,
    scope: () => scope,
    failure: () => failure,
    closes,
    socketCloses: opened.socketCloses,
    statelesses,
    frames: opened.frames,
    destroy() {
      provider.destroy();
      if (!on) opened.socket.destroy();
    },
  };
}

/** Waits until `check` holds, polling; fails with `what` after `timeoutMs`. */
export async function waitFor(
  what: string,
  check: () => boolean | Promise<boolean>,
  timeoutMs = 5000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Waits until the client is authenticated and has synced with the server. */
export async function waitSynced(client: TestClient, timeoutMs = 5000): Promise<void> {
  await waitFor(
    'authenticated and synced',
    () => {
      const failure = client.failure();
      if (failure) throw new Error(`authentication failed: ${failure}`);
      return client.scope() !== null && client.provider.isSynced;
    },
    timeoutMs,
  );
}

/** Waits until every change the client made was acknowledged by the server. */
export async function waitAcknowledged(client: TestClient, timeoutMs = 5000): Promise<void> {
  await waitFor('changes acknowledged', () => !client.provider.hasUnsyncedChanges, timeoutMs);
}

/** Sleeps; only for showing that something does NOT happen within a time. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Waits for the document-level close whose reason starts with `code`, and returns the reason. */
export async function refusedWith(client: TestClient, code: number): Promise<string> {
  await waitFor(`a ${code} close`, () =>
    client.closes.some((c) => c.reason.startsWith(`${code} `)),
  );
  return client.closes.find((c) => c.reason.startsWith(`${code} `))?.reason ?? '';
}

/** One test file's collaboration server, and the clients its tests open. */
export interface CollabFixture {
  /** The test context; read it inside tests and hooks, once the server runs. */
  readonly t: TestContext;
  readonly server: RunningCollab;
  /** Opens a document with the real provider; the client is destroyed after the test. */
  open(name: string, token: string): TestClient;
}

/**
 * Registers the hooks of a real-socket test file: before all tests a fresh test context (with
 * `env`) and a running collaboration server; after each test the clients opened through `open`
 * are destroyed; after all tests the server stops and the context closes.
 */
export function useCollabServer(env: Record<string, string> = FAST_COLLAB_ENV): CollabFixture {
  let context: TestContext | undefined;
  let running: RunningCollab | undefined;
  const clients: TestClient[] = [];

  beforeAll(async () => {
    context = await createTestContext(env);
    running = await startCollab(context);
  });

  afterEach(() => {
    for (const client of clients.splice(0)) client.destroy();
  });

  afterAll(async () => {
    await running?.stop();
    await context?.close();
  });

  const started = (): { t: TestContext; server: RunningCollab } => {
    if (!context || !running) throw new Error('the collaboration server runs only inside tests');
    return { t: context, server: running };
  };
  return {
    get t() {
      return started().t;
    },
    get server() {
      return started().server;
    },
    open(name, token) {
      const client = connect(started().server.url, name, token);
      clients.push(client);
      return client;
    },
  };
}
