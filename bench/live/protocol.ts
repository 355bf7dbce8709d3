// The few Hocuspocus 4 frames the load generator speaks, encoded by hand with lib0 so that a
// simulated participant costs a socket and a few bytes instead of a provider and a full Y.Doc.
// Layout (from @hocuspocus/server and @hocuspocus/provider 4.x): every frame but Ping/Pong starts
// with varString(documentName) and varUint(messageType); the rest depends on the type.
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/** Hocuspocus message types (MessageType in @hocuspocus/server). */
export const messageTypes = {
  sync: 0,
  awareness: 1,
  auth: 2,
  queryAwareness: 3,
  syncReply: 4,
  stateless: 5,
  close: 7,
  syncStatus: 8,
  ping: 9,
  pong: 10,
} as const;

/** y-protocols sync sub-types inside a Sync frame. */
export const syncSteps = { step1: 0, step2: 1, update: 2 } as const;

/** Sub-types of an Auth frame (AuthMessageType in @hocuspocus/common). */
export const authKinds = { token: 0, permissionDenied: 1, authenticated: 2 } as const;

/** A Yjs state vector with no entries: asking for it makes the server send the whole document. */
export const EMPTY_STATE_VECTOR = Uint8Array.of(0);

/** The application-level Pong the provider answers a one-byte Ping with. */
export const PONG_FRAME = Uint8Array.of(messageTypes.pong);

/** What the generator needs to know about an incoming frame; anything else is `other`. */
export type DecodedFrame =
  | { kind: 'ping' }
  | { kind: 'authenticated'; documentName: string; scope: string }
  | { kind: 'denied'; documentName: string; reason: string }
  | { kind: 'sync'; documentName: string; step: number; payload: Uint8Array | null }
  | { kind: 'syncStatus'; documentName: string; saved: boolean }
  | { kind: 'close'; documentName: string; reason: string }
  | { kind: 'other'; documentName: string; type: number }
  | { kind: 'malformed' };

function startFrame(documentName: string, type: number): encoding.Encoder {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, documentName);
  encoding.writeVarUint(encoder, type);
  return encoder;
}

/** Encodes the token message a provider sends first for each document it opens. */
export function encodeAuth(documentName: string, token: string): Uint8Array {
  const encoder = startFrame(documentName, messageTypes.auth);
  encoding.writeVarUint(encoder, authKinds.token);
  encoding.writeVarString(encoder, token);
  return encoding.toUint8Array(encoder);
}

/** Encodes sync step 1; with the empty state vector the answer (step 2) is the whole document. */
export function encodeSyncStep1(
  documentName: string,
  stateVector: Uint8Array = EMPTY_STATE_VECTOR,
): Uint8Array {
  const encoder = startFrame(documentName, messageTypes.sync);
  encoding.writeVarUint(encoder, syncSteps.step1);
  encoding.writeVarUint8Array(encoder, stateVector);
  return encoding.toUint8Array(encoder);
}

/** Encodes one Yjs update as the provider sends a local edit. */
export function encodeUpdate(documentName: string, update: Uint8Array): Uint8Array {
  const encoder = startFrame(documentName, messageTypes.sync);
  encoding.writeVarUint(encoder, syncSteps.update);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** Reads the document name at the start of a frame, or null when the frame has none. */
export function readDocumentName(frame: Uint8Array): string | null {
  try {
    return decoding.readVarString(decoding.createDecoder(frame));
  } catch {
    return null;
  }
}

/**
 * Decodes the header of an incoming frame (and the payload of Sync frames only when asked, so the
 * hot path of a participant that does not keep a document copies nothing).
 */
export function decodeFrame(frame: Uint8Array, options: { withPayload: boolean }): DecodedFrame {
  if (frame.length === 1 && frame[0] === messageTypes.ping) return { kind: 'ping' };
  try {
    const decoder = decoding.createDecoder(frame);
    const documentName = decoding.readVarString(decoder);
    const type = decoding.readVarUint(decoder);
    switch (type) {
      case messageTypes.sync:
      case messageTypes.syncReply: {
        const step = decoding.readVarUint(decoder);
        const payload = options.withPayload ? decoding.readVarUint8Array(decoder) : null;
        return { kind: 'sync', documentName, step, payload };
      }
      case messageTypes.auth: {
        const authKind = decoding.readVarUint(decoder);
        if (authKind === authKinds.authenticated) {
          return { kind: 'authenticated', documentName, scope: decoding.readVarString(decoder) };
        }
        if (authKind === authKinds.permissionDenied) {
          return { kind: 'denied', documentName, reason: decoding.readVarString(decoder) };
        }
        return { kind: 'other', documentName, type };
      }
      case messageTypes.syncStatus:
        return { kind: 'syncStatus', documentName, saved: decoding.readVarUint(decoder) === 1 };
      case messageTypes.close:
        return { kind: 'close', documentName, reason: decoding.readVarString(decoder) };
      default:
        return { kind: 'other', documentName, type };
    }
  } catch {
    return { kind: 'malformed' };
  }
}
