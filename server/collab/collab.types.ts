// What every collaboration extension shares: the connection context and the way a refusal is told.
import { closeCodes, type CloseCode, type LabDocumentRef } from '../../common/collab.ts';
import type { KnowledgeEditor } from '../features/knowledge-collab/knowledge-collab.service.ts';

/** One WebSocket as the extensions see it: enough to close it with one of our close codes. */
export interface SocketHandle {
  /** Our own id for the socket (not Hocuspocus's), stable for its whole life. */
  id: string;
  /** Closes the whole socket, and with it every document on it, with `code`. */
  close(code: CloseCode | 1012, reason: string): void;
}

/** Who is connected to a document; filled in by the auth extension's onAuthenticate. */
export interface ParticipantContext {
  participantId: string;
  displayName: string;
  role: 'facilitator' | 'participant';
  labId: string;
  ref: LabDocumentRef;
}

/**
 * The Hocuspocus connection context. Before authentication only `socket` is set; every hook
 * that runs after onAuthenticate sees the participant of a lab document (see participantOf) or
 * the editor of a knowledge document (`knowledge`).
 */
export interface CollabContext extends Partial<ParticipantContext> {
  socket: SocketHandle;
  /** Set instead of the participant on a knowledge item's body document (docs/COLLAB_SPEC.md, B rules). */
  knowledge?: KnowledgeEditor;
}

/** The participant of an authenticated connection; throws when the context was never authenticated. */
export function participantOf(context: CollabContext | undefined): ParticipantContext {
  if (!context?.participantId || !context.labId || !context.ref || !context.role) {
    throw new CollabRefusal(closeCodes.unauthenticated, 'not authenticated');
  }
  return {
    participantId: context.participantId,
    displayName: context.displayName ?? '',
    role: context.role,
    labId: context.labId,
    ref: context.ref,
  };
}

// A WebSocket close reason may hold at most 123 bytes; ours are short, but names can be long.
const MAX_REASON_BYTES = 123;

/** Cuts a reason to what fits in a WebSocket close frame, on a character boundary. */
export function fitCloseReason(reason: string): string {
  let fitted = reason;
  while (Buffer.byteLength(fitted) > MAX_REASON_BYTES) fitted = fitted.slice(0, -1);
  return fitted;
}

/**
 * A refusal the client must be able to read: Hocuspocus passes a document-level close and a
 * refused authentication on as a reason string only, so the reason starts with our close code
 * ("4422 note n1 is longer than 500"); docs/COLLAB_SPEC.md, "Close codes".
 */
export class CollabRefusal extends Error {
  readonly code: CloseCode;
  readonly reason: string;
  constructor(code: CloseCode, text: string) {
    // No message: Hocuspocus prints every hook error that has one, and a refusal is no error.
    super();
    this.name = 'CollabRefusal';
    this.code = code;
    this.reason = fitCloseReason(`${code} ${text}`);
  }
}
