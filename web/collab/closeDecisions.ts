// What the browser does when the server ends a connection: the close codes of docs/COLLAB_SPEC.md as decisions.
import { closeCodes } from '../../common/collab.ts';

/** Why a document's changes were refused; the person is told in words that fit the reason. */
export type RejectionReason = 'rejected' | 'rateLimited' | 'tooBig' | 'readOnly';

/** Why the connection stopped for good (until the person does something). */
export type StopReason = 'unauthenticated' | 'forbidden' | 'notFound';

export type CloseDecision =
  /** Try again: the network dropped, the server restarted, or the lab changed (4409). */
  | { action: 'reconnect' }
  /** The token was unknown or expired: fetch a fresh one and try again. */
  | { action: 'renewToken' }
  /** The facilitator removed this person: stop, forget the guest secret, say so (4410). */
  | { action: 'removed' }
  /** The lab has no room (4429): stop and say so kindly. */
  | { action: 'labFull' }
  /** Access is gone or was never there (4401/4403/4404): stop and explain. */
  | { action: 'stop'; reason: StopReason }
  /** This one document no longer exists (an activity deleted from the agenda): stop only it. */
  | { action: 'dropDocument' }
  /** The server refused this document's changes: drop the local copy and load the server's. */
  | { action: 'rejected'; reason: RejectionReason };

/**
 * Where the close came from: the whole WebSocket; one document closed by the server after it
 * was open (a refused write); or one document's refused sign-in.
 */
export type CloseScope = 'socket' | 'document' | 'authentication';

// Hocuspocus passes a document-level close and a refused sign-in on as a reason string only (its
// code becomes 1000); the server starts that string with our close code ("4422 note too long").
// Words are read too, for reasons written by other servers.
const reasonWords: Record<string, number> = {
  removed: closeCodes.removed,
  labfull: closeCodes.labFull,
  rejected: closeCodes.rejected,
  ratelimited: closeCodes.rateLimited,
  forbidden: closeCodes.forbidden,
  permissiondenied: closeCodes.forbidden,
  unauthenticated: closeCodes.unauthenticated,
  unauthorized: closeCodes.unauthenticated,
  notfound: closeCodes.notFound,
  labchanged: closeCodes.labChanged,
  malformed: closeCodes.malformed,
  messagetoobig: closeCodes.messageTooBig,
};

const ourCodes = new Set<number>(Object.values(closeCodes));

/** Reads a close code out of a reason string ("4410", "4422 note too long", "lab_full"); null when none. */
export function codeFromReason(reason: string | undefined | null): number | null {
  if (!reason) return null;
  const numeric = /\b(1009|4\d{3})\b/.exec(reason);
  if (numeric?.[1]) {
    const code = Number(numeric[1]);
    if (ourCodes.has(code)) return code;
  }
  for (const word of reason.toLowerCase().split(/[^a-z_-]+/)) {
    const code = reasonWords[word.replace(/[_-]/g, '')];
    if (code !== undefined) return code;
  }
  return null;
}

/** The rejection reason a refused write's close code stands for. */
export function rejectionReasonOf(code: number | null): RejectionReason {
  if (code === closeCodes.rateLimited) return 'rateLimited';
  if (code === closeCodes.forbidden) return 'readOnly';
  if (code === closeCodes.messageTooBig || code === closeCodes.malformed) return 'tooBig';
  return 'rejected';
}

/**
 * Decides what to do about a close: `code` is the WebSocket close code (absent or 1000 for a
 * document), `reason` the server's words, `scope` where it happened.
 */
export function decideOnClose(
  event: { code?: number | undefined; reason?: string | undefined },
  scope: CloseScope,
): CloseDecision {
  const code =
    event.code !== undefined && ourCodes.has(event.code)
      ? event.code
      : codeFromReason(event.reason);
  if (code === closeCodes.removed) return { action: 'removed' };
  if (code === closeCodes.labFull) return { action: 'labFull' };
  if (code === closeCodes.labChanged) return { action: 'reconnect' };
  if (scope === 'document') {
    // The document was open, so access was fine: the server refused what this browser sent.
    if (code === closeCodes.unauthenticated) return { action: 'renewToken' };
    if (code === closeCodes.notFound) return { action: 'dropDocument' };
    if (code === null) return { action: 'reconnect' };
    return { action: 'rejected', reason: rejectionReasonOf(code) };
  }
  if (scope === 'authentication') {
    if (code === closeCodes.unauthenticated) return { action: 'renewToken' };
    if (code === closeCodes.notFound) return { action: 'dropDocument' };
    // Without a recognisable code the server still said no: do not hammer it with retries.
    return { action: 'stop', reason: 'forbidden' };
  }
  switch (code) {
    case closeCodes.unauthenticated:
      return { action: 'stop', reason: 'unauthenticated' };
    case closeCodes.forbidden:
      return { action: 'stop', reason: 'forbidden' };
    case closeCodes.notFound:
      return { action: 'stop', reason: 'notFound' };
    case closeCodes.rejected:
    case closeCodes.rateLimited:
      return { action: 'rejected', reason: rejectionReasonOf(code) };
    default:
      // Network drops, restarts (1012), an oversized frame (1009): the provider reconnects.
      return { action: 'reconnect' };
  }
}

/** How long to wait before re-opening one document after its `attempt`-th close (1 s doubling to 30 s). */
export function documentRetryDelayMs(attempt: number): number {
  const baseMs = 1000;
  const maxMs = 30_000;
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt));
}
