// Pure helpers of the synthesis pages: what a group is based on, which groups are new, names of places.
import {
  OTHER_GROUP_KEY,
  OTHER_GROUP_LABEL,
  type Synthesis,
  type SynthesisGroup,
} from '../../../common/synthesis.ts';

/** What a group rests on, for the sentence under its name. */
export type GroupBasis =
  { kind: 'stems'; stems: string[]; words: string[] } | { kind: 'made' } | { kind: 'other' };

/** Says why a group's notes are together: shared stems, a facilitator's choice, or nothing shared. */
export function basisOf(group: SynthesisGroup): GroupBasis {
  if (group.basis.length > 0) return { kind: 'stems', stems: group.basis, words: group.words };
  return group.key === OTHER_GROUP_KEY ? { kind: 'other' } : { kind: 'made' };
}

/**
 * The group's name to show: the leftover group's fixed label is replaced by `otherLabel` (the
 * translation); a name a facilitator gave is shown as given.
 */
export function displayLabel(group: SynthesisGroup, otherLabel: string): string {
  return group.key === OTHER_GROUP_KEY && group.label === OTHER_GROUP_LABEL
    ? otherLabel
    : group.label;
}

export interface GroupRef {
  activityId: string;
  sectionKey: string;
  sectionTitle: string;
  group: SynthesisGroup;
}

function groupsIn(synthesis: Synthesis): GroupRef[] {
  return synthesis.activities.flatMap((part) =>
    part.kind === 'canvas'
      ? part.sections.flatMap((section) =>
          section.groups.map((group) => ({
            activityId: part.activityId,
            sectionKey: section.key,
            sectionTitle: section.title,
            group,
          })),
        )
      : [],
  );
}

function refKey(ref: Pick<GroupRef, 'activityId' | 'sectionKey'> & { key: string }): string {
  return `${ref.activityId}|${ref.sectionKey}|${ref.key}`;
}

/** The groups of `next` that `previous` did not have (none on the first load). */
export function findNewGroups(previous: Synthesis | null, next: Synthesis): GroupRef[] {
  if (!previous) return [];
  const known = new Set(groupsIn(previous).map((ref) => refKey({ ...ref, key: ref.group.key })));
  return groupsIn(next).filter((ref) => !known.has(refKey({ ...ref, key: ref.group.key })));
}

/** The place's name, or null when the synthesis does not list it. */
export function placeName(synthesis: Synthesis, placeId: string | null): string | null {
  if (placeId === null) return null;
  return synthesis.places.find((place) => place.id === placeId)?.name ?? null;
}
