// The positioning kind's part of the lab's synthesis: the overlaps with the room's verdicts, one
// generated sentence per programme and the agreements.
import type * as Y from 'yjs';
import { analyseDocument, readAgreements } from '../../../common/activities/positioning.doc.ts';
import { summarisePositioning } from '../../../common/activities/positioning.overlap.ts';
import { uuid } from '../../../common/fields.ts';
import type { ActivitySynthesis } from '../../../common/synthesis.ts';
import type { SynthesisTarget } from '../registry.types.ts';

/**
 * The positioning part of the synthesis, read from the document as it is now. Places are named
 * from `target.places`; a place the lab no longer has is called "plaats <n>" after its position
 * in the activity. Agreements carry no author, so an anonymous lab needs nothing left out.
 */
export function synthesisePositioning(doc: Y.Doc, target: SynthesisTarget): ActivitySynthesis {
  const config = target.config;
  if (config.kind !== 'positioning') {
    throw new Error(`activity ${target.activityId} is not a positioning`);
  }
  const names = new Map((target.places ?? []).map((place) => [place.id, place.name]));
  const placeName = (placeId: string) =>
    names.get(placeId) ?? `plaats ${config.placeIds.indexOf(placeId) + 1}`;
  const labels = new Map(config.programmes.map((p) => [p.key, p.label]));
  const analysis = analyseDocument(doc, config);
  return {
    kind: 'positioning',
    activityId: target.activityId,
    title: target.title,
    overlaps: analysis.overlaps.map((overlap) => ({
      programme: overlap.programme,
      programmeLabel: labels.get(overlap.programme) ?? overlap.programme,
      role: overlap.role,
      placeIds: overlap.placeIds,
      verdict: overlap.verdict,
      note: overlap.note,
    })),
    summary: summarisePositioning(analysis, placeName),
    agreements: readAgreements(doc).map((agreement) => ({
      id: agreement.id,
      text: agreement.text,
      // The rules admit only the activity's places; a document from elsewhere might hold others.
      placeIds: agreement.placeIds.filter((id) => uuid.safeParse(id).success),
      programme: agreement.programme,
    })),
  };
}
