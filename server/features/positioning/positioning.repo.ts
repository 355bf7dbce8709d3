// What the positioning context reads: the DNA tags of places and the projected notes of canvases.
// The only code of this feature that queries the database.
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { activities, labNotes, places } from '../../db/schema.ts';

/** One projected canvas note, as the positioning context needs it. */
export interface CanvasNoteRow {
  activityId: string;
  sectionKey: string;
  text: string;
}

/** The DNA tags of each of the given places (places not found are absent). */
export async function findDnaTags(db: Db, placeIds: string[]): Promise<Map<string, string[]>> {
  if (placeIds.length === 0) return new Map();
  const rows = await db
    .select({ id: places.id, dnaTags: places.dnaTags })
    .from(places)
    .where(inArray(places.id, placeIds));
  return new Map(rows.map((row) => [row.id, row.dnaTags]));
}

/**
 * The projected notes of the lab's given canvas activities in the given sections, in agenda
 * order and then in each section's display order.
 */
export async function listCanvasNotes(
  db: Db,
  labId: string,
  activityIds: string[],
  sectionKeys: readonly string[],
): Promise<CanvasNoteRow[]> {
  if (activityIds.length === 0 || sectionKeys.length === 0) return [];
  return db
    .select({
      activityId: labNotes.activityId,
      sectionKey: labNotes.sectionKey,
      text: labNotes.text,
    })
    .from(labNotes)
    .innerJoin(activities, eq(activities.id, labNotes.activityId))
    .where(
      and(
        eq(labNotes.labId, labId),
        inArray(labNotes.activityId, activityIds),
        inArray(labNotes.sectionKey, [...sectionKeys]),
      ),
    )
    .orderBy(
      asc(activities.position),
      asc(activities.id),
      asc(labNotes.position),
      asc(labNotes.noteId),
    );
}
