// The actions projection: the room's actions as rows for the follow-up, reports and search. The
// only code that writes lab_actions from a live document (the follow-up writes status and
// progress through server/features/actions/).
import { and, eq, inArray, sql } from 'drizzle-orm';
import type * as Y from 'yjs';
import { readActionDots, readActions } from '../../../common/activities/actions.doc.ts';
import type { ActionLink } from '../../../common/activities/actions.ts';
import type { Db } from '../../db/client.ts';
import { labActions, labActionUpdates, labs } from '../../db/schema.ts';
import type { ProjectionTarget } from '../registry.types.ts';
import { findParticipantIds } from '../shared/participants.repo.ts';

type ActionRow = typeof labActions.$inferInsert;
type StoredRow = typeof labActions.$inferSelect;

// PostgreSQL's text and jsonb cannot hold U+0000; JavaScript strings can. One odd value must not
// stop the projection of everything else.
const NUL = '\u0000';
const EARLIEST = Date.UTC(2000, 0, 1);
const LATEST = Date.UTC(9999, 11, 31);
const INT_MAX = 2 ** 31 - 1;

function withoutNul(text: string): string {
  return text.replaceAll(NUL, '');
}

/** A timestamp PostgreSQL accepts; an impossible one reads as the moment of projection. */
function toStoredDate(epochMs: number, now: Date): Date {
  return epochMs >= EARLIEST && epochMs <= LATEST ? new Date(epochMs) : now;
}

function cleanLinks(links: ActionLink[]): ActionLink[] {
  return links.map((link) => ({
    type: link.type,
    key: withoutNul(link.key),
    label: withoutNul(link.label),
  }));
}

/** jsonb keeps object keys in its own order, so links are compared field by field. */
function linksKey(links: unknown): string {
  if (!Array.isArray(links)) return '';
  return JSON.stringify(
    links.map((link: Partial<ActionLink>) => [link.type, link.key, link.label]),
  );
}

/** True when the stored row already says what the room's row says (nothing to write). */
function isUnchanged(stored: StoredRow, row: ActionRow): boolean {
  return (
    stored.title === row.title &&
    stored.description === row.description &&
    stored.ownerName === row.ownerName &&
    stored.horizon === row.horizon &&
    stored.startsOn === row.startsOn &&
    stored.endsOn === row.endsOn &&
    linksKey(stored.links) === linksKey(row.links) &&
    stored.status === row.status &&
    stored.dots === row.dots &&
    stored.proposedByParticipantId === row.proposedByParticipantId &&
    stored.proposedByName === row.proposedByName &&
    stored.position === row.position &&
    stored.createdAt.getTime() === row.createdAt.getTime()
  );
}

/**
 * Brings the activity's lab_actions rows in line with the document, in one transaction: the
 * columns the room owns are written per action, rows of actions that left the document are
 * deleted, and the status is taken from the document only while nobody has followed the action
 * up (lab_action_updates). Progress and the owner's account are never touched here.
 */
export async function projectActions(db: Db, doc: Y.Doc, target: ProjectionTarget): Promise<void> {
  if (target.config.kind !== 'actions') {
    throw new Error(`activity ${target.activityId} is not an actions activity`);
  }
  // An id is a key: stripping characters from it could make two actions one, so such are left out.
  const actions = readActions(doc).filter((a) => !a.id.includes(NUL));
  const actionIds = new Set(actions.map((a) => a.id));
  const now = new Date();

  await db.transaction(async (tx) => {
    const [lab] = await tx
      .select({ anonymous: labs.anonymous })
      .from(labs)
      .where(eq(labs.id, target.labId));
    // Only ids of this lab's participants may land in the foreign key; anything else in the
    // document (a forged or foreign id) is never stored as a reference.
    const participants = await findParticipantIds(tx, target.labId);
    // X22: the rows are locked before the follow-up is read, so an update committed meanwhile
    // is seen below (each statement reads afresh), and one that comes later waits for us.
    const stored = new Map(
      (
        await tx
          .select()
          .from(labActions)
          .where(eq(labActions.activityId, target.activityId))
          .for('update')
      ).map((row) => [row.actionId, row]),
    );
    const followedUp = new Set(
      (
        await tx
          .selectDistinct({ actionId: labActionUpdates.actionId })
          .from(labActionUpdates)
          .where(eq(labActionUpdates.activityId, target.activityId))
      ).map((row) => row.actionId),
    );

    const dots = new Map<string, number>();
    for (const dot of readActionDots(doc)) {
      if (!actionIds.has(dot.actionId) || !participants.has(dot.participantId)) continue;
      dots.set(dot.actionId, Math.min(INT_MAX, (dots.get(dot.actionId) ?? 0) + dot.count));
    }

    const rows: ActionRow[] = [];
    actions.forEach((action, rank) => {
      const previous = stored.get(action.id);
      const row: ActionRow = {
        activityId: target.activityId,
        actionId: action.id,
        labId: target.labId,
        title: withoutNul(action.title),
        description: withoutNul(action.description),
        ownerName: withoutNul(action.ownerName),
        horizon: action.horizon,
        startsOn: action.startsOn,
        endsOn: action.endsOn,
        links: cleanLinks(action.links),
        // X22: after the first follow-up update, the follow-up owns the status.
        status: previous && followedUp.has(action.id) ? previous.status : action.status,
        dots: dots.get(action.id) ?? 0,
        proposedByParticipantId: participants.has(action.authorId) ? action.authorId : null,
        // An anonymous lab stores no names, whatever a client put in the document.
        proposedByName: lab?.anonymous === false ? withoutNul(action.authorName) : '',
        position: rank,
        createdAt: toStoredDate(action.createdAt, now),
        updatedAt: now,
      };
      if (!previous || !isUnchanged(previous, row)) rows.push(row);
    });

    if (rows.length > 0) {
      await tx
        .insert(labActions)
        .values(rows)
        .onConflictDoUpdate({
          target: [labActions.activityId, labActions.actionId],
          set: {
            title: excluded('title'),
            description: excluded('description'),
            ownerName: excluded('owner_name'),
            horizon: excluded('horizon'),
            startsOn: excluded('starts_on'),
            endsOn: excluded('ends_on'),
            links: excluded('links'),
            status: excluded('status'),
            dots: excluded('dots'),
            proposedByParticipantId: excluded('proposed_by_participant_id'),
            proposedByName: excluded('proposed_by_name'),
            position: excluded('position'),
            createdAt: excluded('created_at'),
            updatedAt: excluded('updated_at'),
          },
        });
    }

    // X21: an action that left the document goes, unless it was followed up: that history stays.
    const gone = [...stored.keys()].filter((id) => !actionIds.has(id) && !followedUp.has(id));
    if (gone.length > 0) {
      await tx
        .delete(labActions)
        .where(
          and(eq(labActions.activityId, target.activityId), inArray(labActions.actionId, gone)),
        );
    }
  });
}

/** The value a conflicting insert proposed for `column` (a fixed column name, never input). */
function excluded(column: string) {
  return sql.raw(`excluded.${column}`);
}
