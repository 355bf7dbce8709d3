// The realtime contract: document names, close codes and limits (docs/COLLAB_SPEC.md explains each).
import { z } from 'zod';

/** The WebSocket path of the collaboration endpoint. */
export const COLLAB_PATH = '/collab';

const uuidPattern = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const controlName = new RegExp(`^lab\\.(${uuidPattern})\\.control$`);
const activityName = new RegExp(`^lab\\.(${uuidPattern})\\.activity\\.(${uuidPattern})$`);
const knowledgeName = new RegExp(`^knowledge\\.(${uuidPattern})$`);

export type DocumentRef =
  | { kind: 'control'; labId: string }
  | { kind: 'activity'; labId: string; activityId: string }
  | { kind: 'knowledge'; itemId: string };

/** A document of a lab (control or activity), as opposed to a knowledge item's body. */
export type LabDocumentRef = Exclude<DocumentRef, { kind: 'knowledge' }>;

/** The name of a lab's control document (agenda position, timer, locks, spotlight). */
export function controlDocumentName(labId: string): string {
  return `lab.${labId}.control`;
}

/** The name of one activity's document. */
export function activityDocumentName(labId: string, activityId: string): string {
  return `lab.${labId}.activity.${activityId}`;
}

/** The name of a knowledge item's body document (docs/COLLAB_SPEC.md, "Knowledge items"). */
export function knowledgeDocumentName(itemId: string): string {
  return `knowledge.${itemId}`;
}

/** Parses a document name; null for anything that is not exactly one of the three shapes. */
export function parseDocumentName(name: string): DocumentRef | null {
  const control = controlName.exec(name);
  if (control?.[1]) return { kind: 'control', labId: control[1] };
  const act = activityName.exec(name);
  if (act?.[1] && act[2]) return { kind: 'activity', labId: act[1], activityId: act[2] };
  const knowledge = knowledgeName.exec(name);
  if (knowledge?.[1]) return { kind: 'knowledge', itemId: knowledge[1] };
  return null;
}

/**
 * Close codes the server uses (4000–4999 are ours; 1009 is the WebSocket "message too big").
 * Clients: 4401/4403/4404 mean "do not retry with this token"; 4410 means removed from the lab.
 */
export const closeCodes = {
  /** The frame was larger than the message limit. */
  messageTooBig: 1009,
  /** The frame could not be decoded as a Hocuspocus/Yjs message. */
  malformed: 4400,
  /** No token, or the token is unknown or expired. */
  unauthenticated: 4401,
  /** The token is valid but not for this document (another lab), or the write was not allowed. */
  forbidden: 4403,
  /** The document name does not name an existing lab or activity. */
  notFound: 4404,
  /** The participant was removed from the lab by a facilitator. */
  removed: 4410,
  /** The lab already has as many people as it may hold. */
  labFull: 4429,
  /** The person wrote faster than the notes-per-minute limit allows. */
  rateLimited: 4430,
  /** The update broke a rule (note too long, someone else's note, activity locked). */
  rejected: 4422,
  /** The lab's state changed (e.g. closed): reconnect to get the new access. */
  labChanged: 4409,
} as const;
export type CloseCode = (typeof closeCodes)[keyof typeof closeCodes];

/** Defaults of the configurable limits; the server reads the real values from its configuration. */
export const collabDefaults = {
  debounceMs: 2000,
  maxMessageBytes: 256 * 1024,
  noteMaxLength: 500,
  notesPerMinute: 20,
  labMaxParticipants: 1000,
  /** Minimum time between two presence broadcasts of one lab. */
  presenceIntervalMs: 3000,
  /** How long a member's collaboration token lives. */
  tokenTtlSeconds: 15 * 60,
} as const;

/** Stateless messages the server sends on a lab's control document (JSON in a Stateless frame). */
export const serverStateless = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('presence'),
    count: z.number().int(),
    /** Only sent to facilitators: who is connected now. */
    people: z
      .array(z.object({ participantId: z.string(), name: z.string(), role: z.string() }))
      .optional(),
  }),
  z.object({ type: z.literal('rejected'), documentName: z.string(), reason: z.string() }),
]);
export type ServerStateless = z.infer<typeof serverStateless>;
