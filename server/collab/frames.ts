// Reads the frames a client sends before Hocuspocus does, so a frame it cannot parse closes
// only its own socket (4400) instead of reaching code that may throw half-way.
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import { parseDocumentName } from '../../common/collab.ts';

/** Hocuspocus message types (@hocuspocus/server MessageType), as plain numbers. */
export const messageTypes = {
  sync: 0,
  awareness: 1,
  auth: 2,
  queryAwareness: 3,
  syncReply: 4,
  stateless: 5,
  close: 7,
  ping: 9,
  pong: 10,
} as const;

/** y-protocols/sync steps. */
export const syncSteps = { step1: 0, step2: 1, update: 2 } as const;

const AUTH_TOKEN = 0;

/** The one-byte frame the server sends to check that a socket is alive. */
export const PING_FRAME = new Uint8Array([messageTypes.ping]);

/** A decoded Yjs update, as Y.decodeUpdate returns it. */
export type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>;

/** The Yjs part of a sync frame: which step, and the update it carries (steps 2 and update). */
export interface SyncPayload {
  step: number;
  update: DecodedUpdate | null;
}

export type ScreenedFrame =
  | { kind: 'pong' }
  | { kind: 'malformed'; why: string }
  | { kind: 'message'; documentName: string; type: number };

// The update inside a frame is decoded once, here, and read again by the writes extension,
// which Hocuspocus hands the very same Uint8Array.
const decodedUpdates = new WeakMap<Uint8Array, SyncPayload>();

function readSync(decoder: decoding.Decoder): SyncPayload {
  const step = decoding.readVarUint(decoder);
  const payload = decoding.readVarUint8Array(decoder);
  if (step === syncSteps.step1) {
    Y.decodeStateVector(payload);
    return { step, update: null };
  }
  if (step === syncSteps.step2 || step === syncSteps.update) {
    return { step, update: Y.decodeUpdate(payload) };
  }
  throw new Error(`unknown sync step ${step}`);
}

function readAwareness(decoder: decoding.Decoder): void {
  const update = decoding.createDecoder(decoding.readVarUint8Array(decoder));
  const clients = decoding.readVarUint(update);
  for (let i = 0; i < clients; i += 1) {
    decoding.readVarUint(update);
    decoding.readVarUint(update);
    JSON.parse(decoding.readVarString(update));
  }
}

/**
 * Checks that a frame from a client is one Hocuspocus can handle: a document name of ours, a
 * message type a client may send, and a body of that type that decodes. Never throws.
 */
export function screenFrame(frame: Uint8Array): ScreenedFrame {
  if (frame.length === 1 && frame[0] === messageTypes.pong) return { kind: 'pong' };
  try {
    const decoder = decoding.createDecoder(frame);
    const address = decoding.readVarString(decoder);
    // A provider with session awareness addresses `name\0session`; the name is what counts.
    const separator = address.indexOf('\0');
    const documentName = separator === -1 ? address : address.slice(0, separator);
    if (!parseDocumentName(documentName)) return { kind: 'malformed', why: 'document name' };
    const type = decoding.readVarUint(decoder);
    switch (type) {
      case messageTypes.sync:
      case messageTypes.syncReply:
        decodedUpdates.set(frame, readSync(decoder));
        break;
      case messageTypes.awareness:
        readAwareness(decoder);
        break;
      case messageTypes.auth:
        if (decoding.readVarUint(decoder) !== AUTH_TOKEN) throw new Error('auth type');
        decoding.readVarString(decoder);
        break;
      case messageTypes.stateless:
        decoding.readVarString(decoder);
        break;
      case messageTypes.queryAwareness:
      case messageTypes.close:
        break;
      default:
        return { kind: 'malformed', why: `message type ${type}` };
    }
    return { kind: 'message', documentName, type };
  } catch (error) {
    return { kind: 'malformed', why: error instanceof Error ? error.message : 'undecodable' };
  }
}

/** The sync part of a frame (screened or not); null for frames that are not sync messages. */
export function readSyncPayload(frame: Uint8Array): SyncPayload | null {
  const cached = decodedUpdates.get(frame);
  if (cached) return cached;
  const decoder = decoding.createDecoder(frame);
  decoding.readVarString(decoder);
  const type = decoding.readVarUint(decoder);
  if (type !== messageTypes.sync && type !== messageTypes.syncReply) return null;
  return readSync(decoder);
}
