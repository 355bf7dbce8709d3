// One realtime connection per lab: a single WebSocket to /collab carrying the control document and
// every activity document the person opens, each kept in IndexedDB so nothing is lost offline.
import {
  HocuspocusProvider,
  HocuspocusProviderWebsocket,
  WebSocketStatus,
} from '@hocuspocus/provider';
import { clearDocument, IndexeddbPersistence } from 'y-indexeddb';
import * as Y from 'yjs';
import { COLLAB_PATH, controlDocumentName, serverStateless } from '../../common/collab.ts';
import { collabToken, type CollabToken } from '../../common/labs.ts';
import { api, ApiError, NetworkError } from '../api/client.ts';
import {
  codeFromReason,
  decideOnClose,
  documentRetryDelayMs,
  rejectionReasonOf,
  type CloseDecision,
  type RejectionReason,
  type StopReason,
} from './closeDecisions.ts';
import { forgetGuestSecret, guestHeaders } from './guestSecrets.ts';
import { findLostChanges, type LostChange } from './lostChanges.ts';
import {
  createPendingChanges,
  splitTouchedKey,
  touchedKey,
  type KeyValueStore,
  type PendingChanges,
  type TouchedKey,
} from './pendingChanges.ts';
import { deriveSyncState, type SocketStatus, type SyncState } from './syncState.ts';
import { peekServerMessage } from './wire.ts';

/** Who this browser is in the lab, from the latest collaboration token. */
export interface LabIdentity {
  participantId: string;
  role: 'facilitator' | 'participant';
  /** True when the lab only lets this person read (a closed lab). */
  readOnly: boolean;
}

/** Why the connection ended for good; the page explains it and offers a way on. */
export type ConnectionProblem =
  { kind: 'removed' } | { kind: 'labFull' } | { kind: 'stopped'; reason: StopReason };

/** Changes the server refused; the document was reloaded from the server afterwards. */
export interface RefusedChanges {
  id: number;
  documentName: string;
  reason: RejectionReason;
  lost: LostChange[];
}

export interface PresencePerson {
  participantId: string;
  name: string;
  role: string;
}

export interface Presence {
  count: number;
  /** Only facilitators get the list of people. */
  people: PresencePerson[] | null;
}

export interface DocumentSnapshot {
  doc: Y.Doc;
  /** Grows when the document is replaced by the server's copy; use it as a React key. */
  generation: number;
  /** True once this browser's IndexedDB copy has been read into `doc` (or there is none). */
  isLoaded: boolean;
  synced: boolean;
  /** True when the server gave this document a read-only connection. */
  readOnly: boolean;
  pending: number;
}

export interface LabConnectionSnapshot {
  socket: SocketStatus;
  isOnline: boolean;
  identity: LabIdentity | null;
  problem: ConnectionProblem | null;
  documents: Readonly<Record<string, DocumentSnapshot>>;
  presence: Presence | null;
  refused: readonly RefusedChanges[];
  sync: SyncState;
}

export interface LabConnectionOptions {
  labId: string;
  /** Defaults to POST /api/v1/labs/:labId/collab-token with the guest's secret, if any. */
  fetchToken?: () => Promise<CollabToken>;
  /** Defaults to ws(s)://<this origin>/collab. */
  url?: string;
  /** Keeps documents in IndexedDB (default: when the browser has it). */
  persist?: boolean;
  /** Where unsent-change counts live across reloads (default: localStorage). */
  storage?: KeyValueStore | null;
}

/** A token this close to its expiry is not used for a new connection. */
const TOKEN_MARGIN_MS = 60_000;
/** How long a document nobody shows stays connected, so flipping between steps is cheap. */
const LINGER_MS = 10_000;
/** How long to wait for the IndexedDB copy before connecting anyway. */
const LOCAL_COPY_WAIT_MS = 3_000;
/** A document closed this often right after sending, with no successful sync between, is refused. */
const CLOSES_BEFORE_REFUSED = 3;
/** Fresh tokens refused this often in a row mean the person has no access any more. */
const TOKEN_RENEWALS_MAX = 3;
// The provider's reason when our token function threw (see HocuspocusProvider.sendToken).
const TOKEN_FETCH_FAILED = 'Failed to get token';
/** How often to look whether a reloaded document has its server copy yet. */
const REPORT_POLL_MS = 250;
/** After the server says it refused a change, how long to wait for it to close the document. */
const EXPECTED_CLOSE_WAIT_MS = 2000;
/** How often open documents are checked for a sign-in that never got an answer. */
const AUTH_CHECK_MS = 2000;
/** A document still not signed in this long after the socket opened is signed in again. */
const AUTH_WAIT_MS = 8000;

interface DocEntry {
  name: string;
  doc: Y.Doc;
  provider: HocuspocusProvider | null;
  persistence: IndexeddbPersistence | null;
  refs: number;
  generation: number;
  isLoaded: boolean;
  readOnly: boolean;
  retryAttempt: number;
  closesWhileSending: number;
  tokenRenewals: number;
  isRefusing: boolean;
  /** The server says the document no longer exists (its activity was deleted). */
  isGone: boolean;
  /** The server no longer serves this document on the socket (it closed it, or refused it). */
  isServerGone: boolean;
  /** The server said it refused a change and will close the document; why. */
  expectedRefusal: RejectionReason | null;
  expectedRefusalTimer: ReturnType<typeof setTimeout> | null;
  /** Since when the document waits for its sign-in on an open socket; null when signed in. */
  unauthenticatedSince: number | null;
  retryTimer: ReturnType<typeof setTimeout> | null;
  lingerTimer: ReturnType<typeof setTimeout> | null;
  /** Undoes the listeners of the current document and provider. */
  detachListeners: () => void;
}

/** The default token source: the collab-token endpoint, as a guest when this browser holds a secret. */
export function fetchCollabToken(labId: string): Promise<CollabToken> {
  return api('POST', `/labs/${labId}/collab-token`, {
    schema: collabToken,
    headers: guestHeaders(labId),
  });
}

/** The collaboration endpoint on this site (ws: on http, wss: on https). */
export function collabUrl(): string {
  return `${location.origin.replace(/^http/, 'ws')}${COLLAB_PATH}`;
}

/** What a failed token request means for the connection; null when it is worth trying again. */
export function decideOnTokenError(error: unknown): CloseDecision | null {
  if (error instanceof NetworkError || !(error instanceof ApiError)) return null;
  if (error.problem.code === 'participant_removed') return { action: 'removed' };
  if (error.problem.code === 'lab_full') return { action: 'labFull' };
  if (error.status === 401) return { action: 'stop', reason: 'unauthenticated' };
  if (error.status === 404) return { action: 'stop', reason: 'notFound' };
  if (error.status === 403 || error.status === 409) return { action: 'stop', reason: 'forbidden' };
  return null;
}

function localStore(): KeyValueStore | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    return null;
  }
}

function jsonCopy(value: unknown): unknown {
  return value === undefined ? undefined : (JSON.parse(JSON.stringify(value)) as unknown);
}

/**
 * A lab's live connection. Documents are opened with `acquire` and shared by everyone who asks;
 * the page reads state through `subscribe`/`getSnapshot` (useSyncExternalStore).
 */
export class LabConnection {
  readonly labId: string;
  readonly controlName: string;
  private readonly fetchToken: () => Promise<CollabToken>;
  private readonly persist: boolean;
  private readonly pending: PendingChanges;
  private readonly socket: HocuspocusProviderWebsocket;
  private readonly docs = new Map<string, DocEntry>();
  private readonly listeners = new Set<() => void>();
  private socketStatus: SocketStatus = 'connecting';
  private hasLostConnection = false;
  private isOnline = typeof navigator === 'undefined' || navigator.onLine !== false;
  private identity: LabIdentity | null = null;
  private problem: ConnectionProblem | null = null;
  private presence: Presence | null = null;
  private refused: RefusedChanges[] = [];
  private refusedSeq = 0;
  private token: { value: CollabToken; isStale: boolean } | null = null;
  private tokenRequest: Promise<CollabToken> | null = null;
  private lastTokenError: unknown = null;
  private isDestroyed = false;
  private isNotifyScheduled = false;
  private authCheck: ReturnType<typeof setInterval> | null = null;
  private snapshot: LabConnectionSnapshot;

  constructor(options: LabConnectionOptions) {
    this.labId = options.labId;
    this.controlName = controlDocumentName(options.labId);
    this.fetchToken = options.fetchToken ?? (() => fetchCollabToken(options.labId));
    this.persist = options.persist ?? typeof indexedDB !== 'undefined';
    this.pending = createPendingChanges(
      options.storage === undefined ? localStore() : options.storage,
    );
    this.socket = new HocuspocusProviderWebsocket({
      url: options.url ?? collabUrl(),
      autoConnect: false,
      // Jittered back-off so a room of phones does not return all at once after a restart.
      // The server pings every 15 s and the provider answers, so an idle lab stays connected.
      delay: 1000,
      factor: 2,
      maxDelay: 15_000,
      onStatus: ({ status }) => this.onSocketStatus(status),
      onClose: ({ event }) => this.onSocketClose(event),
    });
    this.snapshot = this.buildSnapshot();
  }

  /** Connects (unless the browser is offline) and opens the control document and any with unsent changes. */
  start(): void {
    // Outside a browser (tests on Node) there are no online/offline events to follow.
    if (typeof window !== 'undefined') {
      window.addEventListener('online', this.onOnline);
      window.addEventListener('offline', this.onOffline);
    }
    this.acquire(this.controlName);
    // Changes made before a reload (perhaps on another step) still need sending.
    for (const name of this.pending.listWaiting(`lab.${this.labId}.`)) {
      if (!this.docs.has(name)) {
        this.acquire(name);
        this.release(name);
      }
    }
    this.authCheck = setInterval(() => this.checkAuthentication(), AUTH_CHECK_MS);
    if (this.isOnline) void this.socket.connect();
    this.scheduleNotify();
  }

  /** Uses a token the page already fetched (to learn who the person is) for the first connection. */
  primeToken(token: CollabToken): void {
    this.setToken(token);
  }

  /** Opens `documentName` (or shares it if open); call the returned function when done with it. */
  acquire(documentName: string): () => void {
    let entry = this.docs.get(documentName);
    if (!entry) {
      entry = this.createEntry(documentName);
      this.docs.set(documentName, entry);
      this.scheduleNotify();
    }
    entry.refs += 1;
    if (entry.lingerTimer) {
      clearTimeout(entry.lingerTimer);
      entry.lingerTimer = null;
    }
    let isReleased = false;
    return () => {
      if (isReleased) return;
      isReleased = true;
      this.release(documentName);
    };
  }

  /** Forgets one refused-changes notice once the person has read it. */
  dismissRefused(id: number): void {
    this.refused = this.refused.filter((item) => item.id !== id);
    this.scheduleNotify();
  }

  /** Registers a listener for any change of the snapshot. */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The current state; a new object after every change, the same one in between. */
  getSnapshot = (): LabConnectionSnapshot => this.snapshot;

  /** Closes everything: providers flush what they hold, the socket closes, IndexedDB copies stay. */
  destroy(): void {
    if (this.isDestroyed) return;
    this.isDestroyed = true;
    if (typeof window !== 'undefined') {
      window.removeEventListener('online', this.onOnline);
      window.removeEventListener('offline', this.onOffline);
    }
    if (this.authCheck) clearInterval(this.authCheck);
    for (const entry of this.docs.values()) this.teardown(entry);
    this.docs.clear();
    this.socket.destroy();
    this.listeners.clear();
  }

  private release(documentName: string): void {
    const entry = this.docs.get(documentName);
    if (!entry) return;
    entry.refs = Math.max(0, entry.refs - 1);
    if (entry.refs > 0 || entry.lingerTimer) return;
    entry.lingerTimer = setTimeout(() => {
      entry.lingerTimer = null;
      this.closeIfUnused(entry);
    }, LINGER_MS);
  }

  private closeIfUnused(entry: DocEntry): void {
    // A document with unsent changes stays connected until the server has them.
    if (entry.refs > 0 || entry.lingerTimer || this.pending.read(entry.name).count > 0) return;
    if (entry.name === this.controlName) return;
    this.teardown(entry);
    this.docs.delete(entry.name);
    this.scheduleNotify();
  }

  private createEntry(name: string): DocEntry {
    const entry: DocEntry = {
      name,
      doc: new Y.Doc(),
      provider: null,
      persistence: null,
      refs: 0,
      generation: 0,
      isLoaded: false,
      readOnly: false,
      retryAttempt: 0,
      closesWhileSending: 0,
      tokenRenewals: 0,
      isRefusing: false,
      isGone: false,
      isServerGone: false,
      expectedRefusal: null,
      expectedRefusalTimer: null,
      unauthenticatedSince: null,
      retryTimer: null,
      lingerTimer: null,
      detachListeners: () => undefined,
    };
    this.connectEntry(entry);
    return entry;
  }

  /** Loads the IndexedDB copy of the entry's document, then connects it over the shared socket. */
  private connectEntry(entry: DocEntry): void {
    const { doc, name } = entry;
    const generation = entry.generation;
    const onAfterTransaction = (transaction: Y.Transaction) => {
      // Only this browser's own edits count; loads from IndexedDB and the server are not local.
      if (!transaction.local) return;
      const keys: TouchedKey[] = [];
      for (const [type, changedKeys] of transaction.changed) {
        const root = rootName(doc, type);
        if (root === null) continue;
        for (const key of changedKeys) if (key !== null) keys.push(touchedKey(root, key));
      }
      if (keys.length === 0) return;
      this.pending.add(name, keys);
      this.scheduleNotify();
    };
    doc.on('afterTransaction', onAfterTransaction);
    entry.detachListeners = () => doc.off('afterTransaction', onAfterTransaction);

    let localCopy: Promise<unknown> = Promise.resolve();
    if (this.persist) {
      try {
        entry.persistence = new IndexeddbPersistence(databaseName(name), doc);
        localCopy = Promise.race([
          entry.persistence.whenSynced,
          new Promise((resolve) => setTimeout(resolve, LOCAL_COPY_WAIT_MS)),
        ]);
      } catch {
        entry.persistence = null;
      }
    }
    void localCopy.then(() => {
      // The entry may have been closed or replaced while IndexedDB was loading.
      if (this.isDestroyed || this.docs.get(name) !== entry || entry.generation !== generation) {
        return;
      }
      entry.isLoaded = true;
      this.attachProvider(entry);
      this.scheduleNotify();
    });
  }

  private attachProvider(entry: DocEntry): void {
    const provider = new HocuspocusProvider({
      websocketProvider: this.socket,
      name: entry.name,
      document: entry.doc,
      // Presence comes from the server's throttled 'presence' messages, never from awareness:
      // a thousand phones must not broadcast their state to each other.
      awareness: null,
      token: () => this.providerToken(),
    });
    entry.provider = provider;
    const previousDetach = entry.detachListeners;
    const onSynced = () => {
      entry.retryAttempt = 0;
      entry.closesWhileSending = 0;
      entry.tokenRenewals = 0;
      this.acknowledgeIfSaved(entry);
      this.scheduleNotify();
    };
    const onUnsynced = () => {
      this.acknowledgeIfSaved(entry);
      this.scheduleNotify();
    };
    const onAuthenticated = ({ scope }: { scope: string }) => {
      entry.readOnly = scope === 'readonly';
      entry.isServerGone = false;
      entry.unauthenticatedSince = null;
      this.scheduleNotify();
    };
    const onAuthenticationFailed = ({ reason }: { reason: string }) => {
      entry.isServerGone = true;
      entry.unauthenticatedSince = null;
      if (reason.startsWith(TOKEN_FETCH_FAILED)) {
        // A token request that failed for a passing reason (network, server busy): try again.
        const decision = decideOnTokenError(this.lastTokenError);
        this.handleDocumentDecision(entry, decision ?? { action: 'reconnect' });
        return;
      }
      this.handleDocumentDecision(entry, decideOnClose({ reason }, 'authentication'));
    };
    const onMessage = ({ event }: { event: MessageEvent }) => {
      const peeked = peekServerMessage(event.data as ArrayBuffer);
      if (peeked.type === 'close') {
        entry.isServerGone = true;
        const sending = (entry.provider?.unsyncedChanges ?? 0) > 0;
        // Let the provider finish handling the frame before the entry is rebuilt.
        queueMicrotask(() => this.onDocumentClosed(entry, peeked.reason, sending));
      } else if (peeked.type === 'syncStatus' && !peeked.isApplied) {
        // Hocuspocus answers "not applied" only on a read-only connection.
        queueMicrotask(() => void this.refuse(entry, 'readOnly'));
      }
    };
    const onStateless = ({ payload }: { payload: string }) => this.onStateless(entry, payload);
    provider.on('synced', onSynced);
    provider.on('unsyncedChanges', onUnsynced);
    provider.on('authenticated', onAuthenticated);
    provider.on('authenticationFailed', onAuthenticationFailed);
    provider.on('message', onMessage);
    provider.on('stateless', onStateless);
    entry.detachListeners = () => {
      previousDetach();
      provider.off('synced', onSynced);
      provider.off('unsyncedChanges', onUnsynced);
      provider.off('authenticated', onAuthenticated);
      provider.off('authenticationFailed', onAuthenticationFailed);
      provider.off('message', onMessage);
      provider.off('stateless', onStateless);
    };
    if (!this.problem) provider.attach();
  }

  private acknowledgeIfSaved(entry: DocEntry): void {
    const provider = entry.provider;
    if (!provider || !provider.isSynced || provider.unsyncedChanges !== 0) return;
    if (this.pending.read(entry.name).count === 0) return;
    this.pending.clear(entry.name);
    if (entry.refs === 0 && !entry.lingerTimer) this.closeIfUnused(entry);
  }

  private onDocumentClosed(entry: DocEntry, reason: string, wasSending: boolean): void {
    if (this.docs.get(entry.name) !== entry || this.isDestroyed) return;
    if (entry.isRefusing) {
      // What the old copy sent before the refusal can still be refused after the fresh copy
      // signed in, closing it too: sign the fresh copy in again (it has nothing to refuse).
      if (entry.provider) this.scheduleReattach(entry);
      return;
    }
    if (entry.expectedRefusal) {
      void this.refuse(entry, entry.expectedRefusal);
      return;
    }
    const decision = decideOnClose({ reason }, 'document');
    if (decision.action === 'reconnect' && wasSending) {
      // Some servers close without saying why; the same changes refused again and again
      // would otherwise loop for ever.
      entry.closesWhileSending += 1;
      if (entry.closesWhileSending >= CLOSES_BEFORE_REFUSED) {
        void this.refuse(entry, 'rejected');
        return;
      }
    }
    this.handleDocumentDecision(entry, decision);
  }

  private handleDocumentDecision(entry: DocEntry, decision: CloseDecision): void {
    switch (decision.action) {
      case 'reconnect':
        this.scheduleReattach(entry);
        return;
      case 'renewToken':
        if (this.token) this.token.isStale = true;
        entry.tokenRenewals += 1;
        if (entry.tokenRenewals >= TOKEN_RENEWALS_MAX) {
          this.stopFor({ action: 'stop', reason: 'unauthenticated' });
        } else {
          this.scheduleReattach(entry);
        }
        return;
      case 'rejected':
        void this.refuse(entry, decision.reason);
        return;
      case 'dropDocument':
        if (entry.name === this.controlName) {
          this.stopFor({ action: 'stop', reason: 'notFound' });
          return;
        }
        // Keep what the person sees, but stop talking to the server about it.
        entry.isGone = true;
        if (entry.retryTimer) clearTimeout(entry.retryTimer);
        entry.retryTimer = null;
        this.detachProvider(entry);
        this.scheduleNotify();
        return;
      default:
        this.stopFor(decision);
    }
  }

  private scheduleReattach(entry: DocEntry): void {
    if (entry.retryTimer || this.problem) return;
    const delay = documentRetryDelayMs(entry.retryAttempt);
    entry.retryAttempt += 1;
    entry.retryTimer = setTimeout(() => {
      entry.retryTimer = null;
      const provider = entry.provider;
      if (!provider || this.problem || entry.isGone || this.docs.get(entry.name) !== entry) return;
      // Re-attaching authenticates this one document again; the socket stays as it is.
      this.detachProvider(entry);
      provider.attach();
    }, delay);
  }

  /**
   * Detaches the entry's provider from the socket. Hocuspocus queues a close for a document it
   * does not serve and replays it right after the next sign-in, closing that at once; so the
   * server hears of the detach only while it still serves the document.
   */
  private detachProvider(entry: DocEntry): void {
    const provider = entry.provider;
    if (!provider) return;
    if (entry.isServerGone || this.socketStatus !== 'connected') {
      this.socket.configuration.providerMap.delete(provider.effectiveName);
    }
    provider.detach();
    entry.isServerGone = false;
  }

  /** Signs in again any document whose sign-in got no answer (a safety net for lost frames). */
  private checkAuthentication(): void {
    if (this.socketStatus !== 'connected' || this.problem) return;
    const now = Date.now();
    for (const entry of this.docs.values()) {
      const provider = entry.provider;
      if (!provider || provider.isAuthenticated || entry.isGone || entry.retryTimer) {
        entry.unauthenticatedSince = null;
        continue;
      }
      entry.unauthenticatedSince ??= now;
      if (now - entry.unauthenticatedSince >= AUTH_WAIT_MS) {
        entry.unauthenticatedSince = null;
        this.scheduleReattach(entry);
      }
    }
  }

  /**
   * The server refused this document's changes: note what this browser had, drop the local
   * copy (IndexedDB included), load the server's copy, then report which changes did not make it.
   */
  private async refuse(entry: DocEntry, reason: RejectionReason): Promise<void> {
    if (entry.isRefusing || this.docs.get(entry.name) !== entry) return;
    entry.isRefusing = true;
    if (entry.expectedRefusalTimer) clearTimeout(entry.expectedRefusalTimer);
    entry.expectedRefusalTimer = null;
    entry.expectedRefusal = null;
    const touched = this.pending.read(entry.name).touched;
    const mine = new Map<TouchedKey, unknown>();
    for (const key of touched) {
      const { root, key: field } = splitTouchedKey(key);
      mine.set(key, jsonCopy(entry.doc.getMap(root).get(field)));
    }
    const oldDoc = entry.doc;
    this.teardown(entry);
    if (this.persist) {
      // Deleting waits for every open handle on the database (another tab may hold one), so
      // do not wait for ever: the fresh copy loads from the server either way.
      await Promise.race([
        clearDocument(databaseName(entry.name)).catch(() => undefined),
        new Promise((resolve) => setTimeout(resolve, LOCAL_COPY_WAIT_MS)),
      ]);
    }
    this.pending.clear(entry.name);
    oldDoc.destroy();
    if (this.isDestroyed || this.docs.get(entry.name) !== entry) return;
    entry.doc = new Y.Doc();
    entry.generation += 1;
    entry.isLoaded = false;
    entry.readOnly = false;
    entry.closesWhileSending = 0;
    entry.retryAttempt = 0;
    const fresh = entry.doc;
    const report = () => {
      entry.isRefusing = false;
      const lost = findLostChanges(
        touched,
        (root, key) => mine.get(touchedKey(root, key)),
        (root, key) => jsonCopy(fresh.getMap(root).get(key)),
      );
      this.refusedSeq += 1;
      this.refused = [
        ...this.refused,
        { id: this.refusedSeq, documentName: entry.name, reason, lost },
      ];
      this.scheduleNotify();
    };
    this.connectEntry(entry);
    // Report once the server's copy has arrived: the first sync of the new provider.
    const reportWhenSynced = () => {
      if (entry.doc !== fresh || this.isDestroyed) return;
      const provider = entry.provider;
      if (provider?.isSynced) report();
      else setTimeout(reportWhenSynced, REPORT_POLL_MS);
    };
    reportWhenSynced();
    this.scheduleNotify();
  }

  private teardown(entry: DocEntry): void {
    if (entry.retryTimer) clearTimeout(entry.retryTimer);
    if (entry.lingerTimer) clearTimeout(entry.lingerTimer);
    if (entry.expectedRefusalTimer) clearTimeout(entry.expectedRefusalTimer);
    entry.retryTimer = null;
    entry.lingerTimer = null;
    entry.expectedRefusalTimer = null;
    entry.detachListeners();
    entry.detachListeners = () => undefined;
    this.detachProvider(entry);
    entry.provider?.destroy();
    entry.provider = null;
    void entry.persistence?.destroy();
    entry.persistence = null;
  }

  private onStateless(entry: DocEntry, payload: string): void {
    let parsed: unknown;
    try {
      parsed = JSON.parse(payload);
    } catch {
      return;
    }
    const message = serverStateless.safeParse(parsed);
    if (!message.success) return;
    if (message.data.type === 'presence') {
      if (entry.name !== this.controlName) return;
      this.presence = { count: message.data.count, people: message.data.people ?? null };
      this.scheduleNotify();
      return;
    }
    // The server says why, then closes the document. The fresh copy is loaded only after that
    // close, so the close cannot land on it; a server that does not close is waited for briefly.
    const target = this.docs.get(message.data.documentName) ?? entry;
    if (target.expectedRefusal || target.isRefusing) return;
    const reason = rejectionReasonOf(codeFromReason(message.data.reason));
    target.expectedRefusal = reason;
    target.expectedRefusalTimer = setTimeout(() => {
      target.expectedRefusalTimer = null;
      void this.refuse(target, reason);
    }, EXPECTED_CLOSE_WAIT_MS);
  }

  private stopFor(decision: CloseDecision): void {
    if (this.problem) return;
    if (decision.action === 'removed') this.problem = { kind: 'removed' };
    else if (decision.action === 'labFull') this.problem = { kind: 'labFull' };
    else if (decision.action === 'stop')
      this.problem = { kind: 'stopped', reason: decision.reason };
    else return;
    this.socket.disconnect();
    for (const entry of this.docs.values()) {
      if (entry.retryTimer) clearTimeout(entry.retryTimer);
      entry.retryTimer = null;
    }
    if (decision.action === 'removed') {
      // A removed guest's secret no longer works, and this browser should not keep the lab.
      forgetGuestSecret(this.labId);
      for (const entry of this.docs.values()) {
        this.pending.clear(entry.name);
        if (this.persist) void clearDocument(databaseName(entry.name)).catch(() => undefined);
      }
    }
    this.scheduleNotify();
  }

  private providerToken = async (): Promise<string> => (await this.freshToken()).token;

  private freshToken(): Promise<CollabToken> {
    const current = this.token;
    if (
      current &&
      !current.isStale &&
      Date.parse(current.value.expiresAt) - Date.now() > TOKEN_MARGIN_MS
    ) {
      return Promise.resolve(current.value);
    }
    this.tokenRequest ??= this.fetchToken()
      .then((value) => {
        this.lastTokenError = null;
        this.setToken(value);
        return value;
      })
      .catch((error: unknown) => {
        this.lastTokenError = error;
        const decision = decideOnTokenError(error);
        if (decision) this.stopFor(decision);
        throw error;
      })
      .finally(() => {
        this.tokenRequest = null;
      });
    return this.tokenRequest;
  }

  private setToken(value: CollabToken): void {
    this.token = { value, isStale: false };
    const identity: LabIdentity = {
      participantId: value.participantId,
      role: value.role,
      readOnly: value.readOnly,
    };
    const previous = this.identity;
    if (
      !previous ||
      previous.participantId !== identity.participantId ||
      previous.role !== identity.role ||
      previous.readOnly !== identity.readOnly
    ) {
      this.identity = identity;
      this.scheduleNotify();
    }
  }

  private onSocketStatus(status: WebSocketStatus): void {
    this.socketStatus =
      status === WebSocketStatus.Connected
        ? 'connected'
        : status === WebSocketStatus.Connecting
          ? 'connecting'
          : 'disconnected';
    if (this.socketStatus === 'connected') this.hasLostConnection = false;
    this.scheduleNotify();
  }

  private onSocketClose(event: { code?: number; reason?: string } | undefined): void {
    this.hasLostConnection = true;
    // Tokens are short-lived and access may have changed (a closed lab): fetch anew next time.
    if (this.token) this.token.isStale = true;
    const decision = decideOnClose({ code: event?.code, reason: event?.reason }, 'socket');
    if (decision.action === 'rejected') {
      // The whole socket was closed over a refused change: the documents still sending are it.
      for (const entry of this.docs.values()) {
        if ((entry.provider?.unsyncedChanges ?? 0) > 0) void this.refuse(entry, decision.reason);
      }
    } else if (decision.action !== 'reconnect') {
      this.stopFor(decision);
    }
    this.scheduleNotify();
  }

  private onOnline = () => {
    this.isOnline = true;
    if (!this.problem && !this.isDestroyed) {
      // The socket closed on 'offline' may still be closing (its status still "connected"), in
      // which case connect() does nothing; wanting a connection makes its close reconnect.
      this.socket.shouldConnect = true;
      void this.socket.connect();
    }
    this.scheduleNotify();
  };

  private onOffline = () => {
    this.isOnline = false;
    // Say "offline" at once and stop retrying into the void; 'online' connects again.
    this.socket.disconnect();
    this.scheduleNotify();
  };

  private scheduleNotify(): void {
    if (this.isNotifyScheduled || this.isDestroyed) return;
    this.isNotifyScheduled = true;
    queueMicrotask(() => {
      this.isNotifyScheduled = false;
      if (this.isDestroyed) return;
      this.snapshot = this.buildSnapshot();
      for (const listener of [...this.listeners]) listener();
    });
  }

  private buildSnapshot(): LabConnectionSnapshot {
    const documents: Record<string, DocumentSnapshot> = {};
    const syncDocuments = [];
    for (const entry of this.docs.values()) {
      const pending = this.pending.read(entry.name).count;
      const synced = entry.provider?.isSynced ?? false;
      documents[entry.name] = {
        doc: entry.doc,
        generation: entry.generation,
        isLoaded: entry.isLoaded,
        synced,
        readOnly: entry.readOnly,
        pending,
      };
      syncDocuments.push({ pending, synced, unsynced: entry.provider?.unsyncedChanges ?? 0 });
    }
    return {
      socket: this.socketStatus,
      isOnline: this.isOnline,
      identity: this.identity,
      problem: this.problem,
      documents,
      presence: this.presence,
      refused: this.refused,
      sync: deriveSyncState({
        isOnline: this.isOnline,
        socket: this.socketStatus,
        hasLostConnection: this.hasLostConnection,
        isStopped: this.problem !== null,
        documents: syncDocuments,
      }),
    };
  }
}

/** The IndexedDB database holding one document's local copy. */
export function databaseName(documentName: string): string {
  return `stadshart.${documentName}`;
}

function rootName(doc: Y.Doc, type: unknown): string | null {
  // Root types are exactly the document's shared types; nested types never appear there.
  for (const [name, shared] of doc.share) if (shared === type) return name;
  return null;
}
