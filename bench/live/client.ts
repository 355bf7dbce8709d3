// A lightweight participant: one raw `ws` socket speaking the Hocuspocus 4 wire format by hand.
// It keeps a tiny Y.Doc per document it writes, holding only its own writes (so what it sends is
// a valid Yjs update), and does not apply what it receives: that is what lets one process
// simulate hundreds of people. The facilitator's client is the exception (`applyRemote`), because
// it must write over state that others may have set.
import WebSocket from 'ws';
import * as Y from 'yjs';
import {
  decodeFrame,
  encodeAuth,
  encodeSyncStep1,
  encodeUpdate,
  PONG_FRAME,
  syncSteps,
} from './protocol.ts';

/** `hocuspocus`: the real protocol. `relay`: the floor, where a document counts as joined once the relay echoes its first frame. */
export type ClientMode = 'hocuspocus' | 'relay';

export interface ClientOptions {
  url: string;
  /** Sent as the upgrade request's Origin, as a browser would. */
  origin: string | null;
  mode: ClientMode;
  /** The token for every document (one collab token covers a lab's documents). */
  token: string;
  /** Documents to open, in order. */
  documents: readonly string[];
  /** Documents this client writes; each local update is sent as it happens. */
  localDocs?: ReadonlyMap<string, Y.Doc>;
  /** Apply incoming document content to `localDocs` (only the facilitator needs this). */
  applyRemote?: boolean;
  /** Called with every Sync frame of a synced document: the delivery scan. */
  onSyncFrame?: (documentName: string, frame: Uint8Array) => void;
  /** Called once per document when it closes (socket closed, or the server closed the document). */
  onDocumentGone?: (documentName: string, reason: string) => void;
  connectTimeoutMs: number;
}

type DocumentState = 'authenticating' | 'syncing' | 'synced' | 'gone';

const REMOTE_ORIGIN = Symbol('remote');
const NORMAL_CLOSURE = 1000;

/** One simulated person's connection; `connect` resolves once every document has synced. */
export class BenchClient {
  /** Why the connection or a document ended, for the summary (null while all is well). */
  goneReason: string | null = null;
  private readonly options: ClientOptions;
  private readonly states = new Map<string, DocumentState>();
  private readonly savedAcks = new Map<string, number>();
  private readonly ackWaiters: {
    documentName: string;
    count: number;
    resolve: () => void;
    reject: (error: Error) => void;
  }[] = [];
  private socket: WebSocket | null = null;

  constructor(options: ClientOptions) {
    this.options = options;
    for (const name of options.documents) this.states.set(name, 'authenticating');
    for (const [name, doc] of options.localDocs ?? []) {
      doc.on('update', (update: Uint8Array, origin: unknown) => {
        if (origin !== REMOTE_ORIGIN) this.send(encodeUpdate(name, update));
      });
    }
  }

  /** Opens the socket and every document; resolves with the time (performance.now) the last one synced. */
  connect(): Promise<number> {
    return new Promise<number>((resolve, reject) => {
      let settled = false;
      const finish = (error: Error | null) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        if (error) {
          this.close();
          reject(error);
        } else resolve(performance.now());
      };
      const timer = setTimeout(
        () => finish(new Error(`not synced within ${this.options.connectTimeoutMs} ms`)),
        this.options.connectTimeoutMs,
      );
      const socket = new WebSocket(this.options.url, {
        perMessageDeflate: false,
        handshakeTimeout: this.options.connectTimeoutMs,
        ...(this.options.origin ? { origin: this.options.origin } : {}),
      });
      this.socket = socket;
      socket.on('open', () => {
        for (const name of this.options.documents)
          socket.send(encodeAuth(name, this.options.token));
      });
      socket.on('message', (data: WebSocket.RawData) => {
        const frame = toBytes(data);
        const problem = this.handleFrame(frame);
        if (problem) finish(new Error(problem));
        else if (!settled && this.isSynced()) finish(null);
      });
      socket.on('error', (error: Error) => finish(error));
      socket.on('close', (code: number, reason: Buffer) => {
        const why = `socket closed ${code}${reason.length > 0 ? ` ${reason.toString()}` : ''}`;
        this.goneReason ??= why;
        for (const name of this.options.documents) this.markGone(name, why);
        for (const waiter of this.ackWaiters.splice(0)) waiter.reject(new Error(why));
        finish(new Error(why));
      });
    });
  }

  /** True when every document has synced and none has closed. */
  isSynced(): boolean {
    for (const state of this.states.values()) if (state !== 'synced') return false;
    return true;
  }

  /** Resolves once the server has confirmed `count` applied updates on the document. */
  waitForSaved(documentName: string, count: number, timeoutMs: number): Promise<void> {
    if ((this.savedAcks.get(documentName) ?? 0) >= count) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(new Error(`no confirmation for ${documentName} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.ackWaiters.push({
        documentName,
        count,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      });
    });
  }

  /** Closes the socket normally. */
  close(): void {
    const socket = this.socket;
    if (!socket) return;
    if (socket.readyState === WebSocket.OPEN || socket.readyState === WebSocket.CONNECTING) {
      socket.close(NORMAL_CLOSURE);
    }
  }

  private send(frame: Uint8Array): void {
    if (this.socket?.readyState === WebSocket.OPEN) this.socket.send(frame);
  }

  /** Handles one frame; returns a problem that ends the connection attempt, else null. */
  private handleFrame(frame: Uint8Array): string | null {
    const withPayload = this.options.applyRemote === true;
    const decoded = decodeFrame(frame, { withPayload });
    if (decoded.kind === 'ping') {
      this.send(PONG_FRAME);
      return null;
    }
    if (decoded.kind === 'malformed') return null;
    const state = this.states.get(decoded.documentName);
    if (state === undefined || state === 'gone') return null;

    if (this.options.mode === 'relay') {
      // The relay echoes a document's first frame back: that is the relay's "joined".
      if (state === 'authenticating') this.states.set(decoded.documentName, 'synced');
      else if (decoded.kind === 'sync') this.options.onSyncFrame?.(decoded.documentName, frame);
      return null;
    }

    switch (decoded.kind) {
      case 'authenticated':
        if (state === 'authenticating') {
          this.states.set(decoded.documentName, 'syncing');
          this.send(encodeSyncStep1(decoded.documentName));
        }
        return null;
      case 'denied':
        this.markGone(decoded.documentName, `permission denied: ${decoded.reason}`);
        return `permission denied on ${decoded.documentName}: ${decoded.reason}`;
      case 'close':
        this.markGone(decoded.documentName, `document closed: ${decoded.reason}`);
        return `document closed by the server: ${decoded.reason}`;
      case 'syncStatus':
        if (decoded.saved) this.countSaved(decoded.documentName);
        return null;
      case 'sync':
        // The server asks for our state (step 1) before it answers ours with the document
        // (step 2); only content counts as synced, and step 1 carries none.
        if (decoded.step === syncSteps.step1) return null;
        if (state === 'syncing') this.states.set(decoded.documentName, 'synced');
        if (this.options.applyRemote && decoded.payload) {
          const doc = this.options.localDocs?.get(decoded.documentName);
          if (doc) Y.applyUpdate(doc, decoded.payload, REMOTE_ORIGIN);
        }
        this.options.onSyncFrame?.(decoded.documentName, frame);
        return null;
      default:
        return null;
    }
  }

  private countSaved(documentName: string): void {
    const count = (this.savedAcks.get(documentName) ?? 0) + 1;
    this.savedAcks.set(documentName, count);
    for (let i = this.ackWaiters.length - 1; i >= 0; i -= 1) {
      const waiter = this.ackWaiters[i];
      if (waiter && waiter.documentName === documentName && waiter.count <= count) {
        this.ackWaiters.splice(i, 1);
        waiter.resolve();
      }
    }
  }

  private markGone(documentName: string, reason: string): void {
    const state = this.states.get(documentName);
    if (state === undefined || state === 'gone') return;
    this.states.set(documentName, 'gone');
    this.goneReason ??= reason;
    this.options.onDocumentGone?.(documentName, reason);
  }
}

function toBytes(data: WebSocket.RawData): Uint8Array {
  if (Array.isArray(data)) return Buffer.concat(data);
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return data;
}
