// The trend scan projection: every person's scores as rows for reports and analysis, and the
// chosen themes on the lab. The only code that writes lab_trend_scores and a trend scan's part of
// labs.themes.
import { eq } from 'drizzle-orm';
import type * as Y from 'yjs';
import {
  readChosen,
  readItems,
  readRespondents,
  readScores,
} from '../../../common/activities/trendscan.doc.ts';
import { LAB_THEMES_MAX, labTheme, type LabTheme } from '../../../common/labs.ts';
import type { Db } from '../../db/client.ts';
import { labPlaces, labs, labTrendScores } from '../../db/schema.ts';
import type { ProjectionTarget } from '../registry.types.ts';
import { findParticipantIds } from '../shared/participants.repo.ts';

type ScoreRow = typeof labTrendScores.$inferInsert;

// PostgreSQL's text cannot hold U+0000; JavaScript strings can. One odd comment must not stop
// the projection of all the others.
const NUL = '\u0000';

/**
 * The lab's themes with this activity's chosen themes in place of what it chose before: entries
 * of other activities (or set by hand) keep their order, and this activity's block stays where
 * its first entry was (at the end when it had none). Cut to LAB_THEMES_MAX from the end, since a
 * longer list would not be shown at all.
 */
export function mergeThemes(
  current: readonly LabTheme[],
  activityId: string,
  chosen: readonly LabTheme[],
): LabTheme[] {
  const at = current.findIndex((theme) => theme.activityId === activityId);
  const others = current.filter((theme) => theme.activityId !== activityId);
  // Everything before this activity's first entry belongs to others, so `at` is its place among them.
  const insertAt = at < 0 ? others.length : at;
  const merged = [...others.slice(0, insertAt), ...chosen, ...others.slice(insertAt)];
  return merged.slice(0, LAB_THEMES_MAX);
}

/** The stored themes of a lab, entry by entry; an entry that no longer fits the schema is dropped. */
function readStoredThemes(value: unknown): LabTheme[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry) => {
    const parsed = labTheme.safeParse(entry);
    return parsed.success ? [parsed.data] : [];
  });
}

/**
 * Replaces the activity's score rows with what the document holds, and its chosen themes on the
 * lab, in one transaction. Only this lab's participants and places become references.
 */
export async function projectTrendscan(
  db: Db,
  doc: Y.Doc,
  target: ProjectionTarget,
): Promise<void> {
  const config = target.config;
  if (config.kind !== 'trendscan') {
    throw new Error(`activity ${target.activityId} is not a trend scan`);
  }
  const items = new Set(readItems(doc, config).map((item) => item.itemKey));
  const respondents = readRespondents(doc);
  const scores = readScores(doc).filter((score) => items.has(score.itemKey));
  const chosen = readChosen(doc).flatMap((theme) => {
    const parsed = labTheme.safeParse({
      key: theme.itemKey,
      label: theme.label,
      trendKey: theme.trendKey,
      activityId: target.activityId,
    });
    return parsed.success ? [parsed.data] : [];
  });

  await db.transaction(async (tx) => {
    // Locks the lab row: two trend scans of one lab projecting at once must not undo each
    // other's themes.
    const [lab] = await tx
      .select({ themes: labs.themes })
      .from(labs)
      .where(eq(labs.id, target.labId))
      .for('update');
    if (!lab) return;
    const participants = await findParticipantIds(tx, target.labId);
    const places = new Set(
      (
        await tx
          .select({ id: labPlaces.placeId })
          .from(labPlaces)
          .where(eq(labPlaces.labId, target.labId))
      ).map((p) => p.id),
    );

    const rows: ScoreRow[] = [];
    for (const score of scores) {
      if (!participants.has(score.participantId)) continue;
      const placeId = respondents.get(score.participantId)?.placeId ?? null;
      const comment = score.comment?.replaceAll(NUL, '').trim() ?? '';
      rows.push({
        activityId: target.activityId,
        labId: target.labId,
        participantId: score.participantId,
        itemKey: score.itemKey,
        // A place that is not one of the lab's (forged, or removed from the lab) is not stored.
        placeId: placeId !== null && places.has(placeId) ? placeId : null,
        relevance: score.relevance ?? null,
        impact: score.impact ?? null,
        uncertainty: score.uncertainty ?? null,
        comment: comment === '' ? null : comment,
      });
    }
    await tx.delete(labTrendScores).where(eq(labTrendScores.activityId, target.activityId));
    if (rows.length > 0) await tx.insert(labTrendScores).values(rows);

    const current = readStoredThemes(lab.themes);
    const themes = mergeThemes(current, target.activityId, chosen);
    if (JSON.stringify(themes) !== JSON.stringify(lab.themes)) {
      await tx.update(labs).set({ themes }).where(eq(labs.id, target.labId));
    }
  });
}
