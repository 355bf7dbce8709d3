// The collaboration server's only database access: who holds a token, what a lab and an activity
// are now, and the stored Yjs state of each document (merged on every write, never overwritten).
// Knowledge items' access and projection are in server/features/knowledge-collab/.
import { and, eq, gt, inArray } from 'drizzle-orm';
import * as Y from 'yjs';
import type { LabStatus } from '../../common/labs.ts';
import type { Db } from '../db/client.ts';
import { activities, collabDocuments, collabTokens, labParticipants, labs } from '../db/schema.ts';

/** The participant behind a collaboration token, with the state of their lab. */
export interface TokenHolder {
  participantId: string;
  labId: string;
  role: 'facilitator' | 'participant';
  displayName: string;
  isRemoved: boolean;
  labStatus: LabStatus;
}

/** An activity as the write checks need it; `config` is raw JSON, checked by the caller. */
export interface ActivityRecord {
  kind: string;
  config: unknown;
  labAnonymous: boolean;
}

/** Finds the participant whose token hashes to `tokenHash` and has not expired at `now`. */
export async function findTokenHolder(
  db: Db,
  tokenHash: string,
  now: Date,
): Promise<TokenHolder | null> {
  const [row] = await db
    .select({
      participantId: labParticipants.id,
      labId: labParticipants.labId,
      role: labParticipants.role,
      displayName: labParticipants.displayName,
      removedAt: labParticipants.removedAt,
      labStatus: labs.status,
    })
    .from(collabTokens)
    .innerJoin(labParticipants, eq(labParticipants.id, collabTokens.participantId))
    .innerJoin(labs, eq(labs.id, labParticipants.labId))
    .where(and(eq(collabTokens.id, tokenHash), gt(collabTokens.expiresAt, now)));
  if (!row) return null;
  return {
    participantId: row.participantId,
    labId: row.labId,
    role: row.role,
    displayName: row.displayName,
    isRemoved: row.removedAt !== null,
    labStatus: row.labStatus,
  };
}

/** The activity `activityId` of lab `labId`, or null when the lab has no such activity. */
export async function findActivity(
  db: Db,
  labId: string,
  activityId: string,
): Promise<ActivityRecord | null> {
  const [row] = await db
    .select({ kind: activities.kind, config: activities.config, labAnonymous: labs.anonymous })
    .from(activities)
    .innerJoin(labs, eq(labs.id, activities.labId))
    .where(and(eq(activities.id, activityId), eq(activities.labId, labId)));
  return row ?? null;
}

/** The status of each lab in `labIds` that still exists. */
export async function findLabStatuses(
  db: Db,
  labIds: readonly string[],
): Promise<Map<string, LabStatus>> {
  if (labIds.length === 0) return new Map();
  const rows = await db
    .select({ id: labs.id, status: labs.status })
    .from(labs)
    .where(inArray(labs.id, [...labIds]));
  return new Map(rows.map((row) => [row.id, row.status]));
}

/** Of `participantIds`, those that were removed from their lab or no longer exist. */
export async function findGoneParticipants(
  db: Db,
  participantIds: readonly string[],
): Promise<Set<string>> {
  if (participantIds.length === 0) return new Set();
  const rows = await db
    .select({ id: labParticipants.id, removedAt: labParticipants.removedAt })
    .from(labParticipants)
    .where(inArray(labParticipants.id, [...participantIds]));
  const present = new Set(rows.filter((row) => row.removedAt === null).map((row) => row.id));
  return new Set(participantIds.filter((id) => !present.has(id)));
}

/** The stored Yjs state of a document, or null when nothing was stored yet. */
export async function loadDocumentState(db: Db, name: string): Promise<Uint8Array | null> {
  const [row] = await db
    .select({ state: collabDocuments.state })
    .from(collabDocuments)
    .where(eq(collabDocuments.name, name));
  return row ? new Uint8Array(row.state) : null;
}

const EMPTY_STATE = Buffer.from(Y.encodeStateAsUpdate(new Y.Doc()));

/** A document and what it belongs to: a lab, or a knowledge item (exactly one, as the table checks). */
export type DocumentOwner =
  { name: string; labId: string } | { name: string; knowledgeItemId: string };

function ownerColumns(document: DocumentOwner) {
  return 'labId' in document
    ? { name: document.name, labId: document.labId, knowledgeItemId: null }
    : { name: document.name, labId: null, knowledgeItemId: document.knowledgeItemId };
}

/**
 * The stored state of a document; when nothing is stored yet, stores and returns what `initial`
 * builds. Two servers opening the same new document keep one initial state: the first insert
 * wins and the other reads it, so the initial content is never there twice.
 */
export async function loadOrCreateDocumentState(
  db: Db,
  document: DocumentOwner,
  initial: () => Promise<Uint8Array>,
): Promise<Uint8Array> {
  const stored = await loadDocumentState(db, document.name);
  if (stored) return stored;
  const state = await initial();
  const [inserted] = await db
    .insert(collabDocuments)
    .values({ ...ownerColumns(document), state: Buffer.from(state) })
    .onConflictDoNothing()
    .returning({ name: collabDocuments.name });
  if (inserted) return state;
  return (await loadDocumentState(db, document.name)) ?? state;
}

/**
 * Merges `update` into the stored state of a document and returns the merged state. The row is
 * locked while merging, so two servers storing the same document at once both keep their edits.
 */
export async function mergeDocumentState(
  db: Db,
  document: DocumentOwner,
  update: Uint8Array,
): Promise<Uint8Array> {
  return db.transaction(async (tx) => {
    // Create the row first, so there is always a row to lock: two first stores would otherwise
    // both insert, and the second would replace the first.
    await tx
      .insert(collabDocuments)
      .values({ ...ownerColumns(document), state: EMPTY_STATE })
      .onConflictDoNothing();
    const [row] = await tx
      .select({ state: collabDocuments.state })
      .from(collabDocuments)
      .where(eq(collabDocuments.name, document.name))
      .for('update');
    const merged = row ? Y.mergeUpdates([new Uint8Array(row.state), update]) : update;
    await tx
      .update(collabDocuments)
      .set({ state: Buffer.from(merged), updatedAt: new Date() })
      .where(eq(collabDocuments.name, document.name));
    return merged;
  });
}
