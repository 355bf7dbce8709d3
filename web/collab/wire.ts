// The few Hocuspocus frames the lab connection reads itself, beside what the provider does with them.
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

// Hocuspocus message types (see @hocuspocus/provider MessageType); kept as plain numbers so
// this module stays free of the provider's runtime.
const CLOSE = 7;
const SYNC_STATUS = 8;

export type PeekedMessage =
  /** The server closed this one document (its reason may carry one of our close codes). */
  | { type: 'close'; documentName: string; reason: string }
  /** The server says whether it applied what this browser sent; false means refused. */
  | { type: 'syncStatus'; documentName: string; isApplied: boolean }
  | { type: 'other' };

/** Reads the type of a frame from the server without consuming it; never throws. */
export function peekServerMessage(data: ArrayBuffer | Uint8Array): PeekedMessage {
  try {
    const decoder = decoding.createDecoder(
      data instanceof Uint8Array ? data : new Uint8Array(data),
    );
    const documentName = decoding.readVarString(decoder);
    const type = decoding.readVarUint(decoder);
    if (type === CLOSE)
      return { type: 'close', documentName, reason: decoding.readVarString(decoder) };
    if (type === SYNC_STATUS) {
      return { type: 'syncStatus', documentName, isApplied: decoding.readVarUint(decoder) === 1 };
    }
    return { type: 'other' };
  } catch {
    return { type: 'other' };
  }
}

/** Builds a server frame (for tests): a document close with `reason`, or a sync status. */
export function encodeServerMessage(
  documentName: string,
  message: { type: 'close'; reason: string } | { type: 'syncStatus'; isApplied: boolean },
): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, documentName);
  if (message.type === 'close') {
    encoding.writeVarUint(encoder, CLOSE);
    encoding.writeVarString(encoder, message.reason);
  } else {
    encoding.writeVarUint(encoder, SYNC_STATUS);
    encoding.writeVarUint(encoder, message.isApplied ? 1 : 0);
  }
  return encoding.toUint8Array(encoder);
}
