// What leaves the server about the places of a positioning: names, DNA and canvas ambitions.
import {
  ambitionSectionKeys,
  DNA_SECTION_KEY,
  type PositioningContext,
} from '../../../common/activities/positioning.ts';
import type { CanvasNoteRow } from './positioning.repo.ts';

/**
 * Each of the lab's places in the lab's order, with its DNA tags, the notes of its canvases'
 * DNA section and, per programme section, its canvases' notes (texts only: no authors).
 */
export function presentPositioningContext(
  labPlaces: readonly { id: string; name: string; municipality: string }[],
  dnaTags: ReadonlyMap<string, string[]>,
  notes: readonly CanvasNoteRow[],
  placeOfCanvas: ReadonlyMap<string, string>,
): PositioningContext {
  return {
    places: labPlaces.map((place) => {
      const own = notes.filter((note) => placeOfCanvas.get(note.activityId) === place.id);
      const textsOf = (sectionKey: string) =>
        own.filter((note) => note.sectionKey === sectionKey).map((note) => note.text);
      return {
        placeId: place.id,
        name: place.name,
        municipality: place.municipality,
        dnaTags: dnaTags.get(place.id) ?? [],
        dnaNotes: textsOf(DNA_SECTION_KEY),
        ambitions: ambitionSectionKeys.map((programme) => ({
          programme,
          notes: textsOf(programme),
        })),
      };
    }),
  };
}
