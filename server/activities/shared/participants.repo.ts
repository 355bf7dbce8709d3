// Reads the projections of every kind share: who belongs to a lab.
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { labParticipants } from '../../db/schema.ts';

/**
 * The ids of a lab's participants. Projections store only these as references; any other id a
 * document holds (forged, or of another lab) never reaches a foreign key.
 */
export async function findParticipantIds(db: Db, labId: string): Promise<Set<string>> {
  const rows = await db
    .select({ id: labParticipants.id })
    .from(labParticipants)
    .where(eq(labParticipants.labId, labId));
  return new Set(rows.map((row) => row.id));
}
