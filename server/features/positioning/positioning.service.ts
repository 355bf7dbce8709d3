// The positioning context: what the room knows of each place of a lab before it marks roles.
import * as Y from 'yjs';
import { canvasConfig } from '../../../common/activities/canvas.ts';
import {
  ambitionSectionKeys,
  DNA_SECTION_KEY,
  type PositioningContext,
} from '../../../common/activities/positioning.ts';
import { readControl } from '../../../common/activities/control.doc.ts';
import { controlDocumentName } from '../../../common/collab.ts';
import type { AppContext } from '../../http/context.ts';
import type { LabCaller } from '../labs/guest.auth.ts';
import { resolveParticipation } from '../labs/join.service.ts';
import { readDocuments } from '../synthesis/synthesis.service.ts';
import { presentPositioningContext } from './positioning.presenter.ts';
import { findDnaTags, listCanvasNotes } from './positioning.repo.ts';

/**
 * The lab's places with their DNA tags and the ambitions their canvases hold, for everyone
 * GET /labs/:labId admits (the same problems otherwise). Ambitions come from the projected
 * notes, so they may lag the live canvas by a few seconds (docs/COLLAB_SPEC.md, P5).
 */
export async function getPositioningContext(
  ctx: AppContext,
  caller: LabCaller,
  labId: string,
): Promise<PositioningContext> {
  const { details, mayFacilitate } = await resolveParticipation(ctx, caller, labId);
  const placeIds = new Set(details.places.map((place) => place.id));
  const controlName = controlDocumentName(labId);
  const control = readControl(
    (await readDocuments(ctx, labId, [controlName])).get(controlName) ?? new Y.Doc(),
  );
  const placeOfCanvas = new Map<string, string>();
  for (const activity of details.activities) {
    if (activity.kind !== 'canvas') continue;
    // A canvas in private mode shows each participant only their own notes; so does this.
    if (!mayFacilitate && control.activityState(activity.id, activity.kind).private) continue;
    const config = canvasConfig.safeParse(activity.config);
    const placeId = config.success ? config.data.placeId : null;
    if (placeId && placeIds.has(placeId)) placeOfCanvas.set(activity.id, placeId);
  }
  const db = ctx.database.db;
  const [dnaTags, notes] = await Promise.all([
    findDnaTags(db, [...placeIds]),
    listCanvasNotes(
      db,
      labId,
      [...placeOfCanvas.keys()],
      [DNA_SECTION_KEY, ...ambitionSectionKeys],
    ),
  ]);
  return presentPositioningContext(details.places, dnaTags, notes, placeOfCanvas);
}
