// What leaves the server of a lab's synthesis: the lab's name, places and themes, and each
// activity's part, with no author names in an anonymous lab.
import type { ActivitySynthesis, Synthesis, SynthesisNote } from '../../../common/synthesis.ts';
import { readThemes } from '../labs/labs.presenter.ts';
import type { LabDetails } from '../labs/labs.repo.ts';

/**
 * An anonymous lab's notes carry no names, whatever a module or a client put in the document;
 * checked here too because this is where the synthesis leaves the server.
 */
function withoutNames(part: ActivitySynthesis): ActivitySynthesis {
  if (part.kind !== 'canvas') return part;
  const unnamed = (note: SynthesisNote): SynthesisNote => ({ ...note, authorName: null });
  return {
    ...part,
    sections: part.sections.map((section) => ({ ...section, notes: section.notes.map(unnamed) })),
    topNotes: part.topNotes.map(unnamed),
  };
}

/** The synthesis as GET /labs/:labId/synthesis answers it (common/synthesis.ts). */
export function presentSynthesis(input: {
  details: LabDetails;
  activities: ActivitySynthesis[];
  unavailable: { activityId: string; title: string }[];
  method: string;
  generatedAt: Date;
}): Synthesis {
  const { lab } = input.details;
  return {
    labId: lab.id,
    title: lab.title,
    generatedAt: input.generatedAt.toISOString(),
    grouping: { method: input.method, language: 'dutch' },
    themes: readThemes(lab.themes),
    places: input.details.places.map((place) => ({
      id: place.id,
      name: place.name,
      municipality: place.municipality,
    })),
    activities: lab.anonymous ? input.activities.map(withoutNames) : input.activities,
    unavailable: input.unavailable,
  };
}
