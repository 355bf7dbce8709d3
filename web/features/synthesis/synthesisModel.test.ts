import { describe, expect, it } from 'vitest';
import { OTHER_GROUP_KEY, type Synthesis, type SynthesisGroup } from '../../../common/synthesis.ts';
import { basisOf, displayLabel, findNewGroups, placeName } from './synthesisModel.ts';

const group = (key: string, extra: Partial<SynthesisGroup> = {}): SynthesisGroup => ({
  key,
  label: key,
  basis: [],
  words: [],
  automatic: true,
  noteIds: ['n1'],
  ...extra,
});

const activityId = '00000000-0000-4000-8000-000000000002';

function synthesisWith(groups: SynthesisGroup[]): Synthesis {
  return {
    labId: '00000000-0000-4000-8000-000000000001',
    title: 'Lab',
    generatedAt: '2025-01-01T10:00:00Z',
    grouping: { method: 'x', language: 'dutch' },
    themes: [],
    places: [
      { id: '00000000-0000-4000-8000-000000000003', name: 'IJmuiden', municipality: 'Velsen' },
    ],
    unavailable: [],
    activities: [
      {
        kind: 'canvas',
        activityId,
        title: 'Canvas',
        placeId: null,
        sections: [{ key: 'wonen', title: 'Wonen', notes: [], groups }],
        topNotes: [],
        notesHidden: false,
        tallyHidden: false,
      },
    ],
  };
}

describe('synthesis model', () => {
  it('explains a group by its stems, as made by a facilitator, or as the leftovers', () => {
    expect(basisOf(group('stem:winkel', { basis: ['winkel'], words: ['winkels'] }))).toEqual({
      kind: 'stems',
      stems: ['winkel'],
      words: ['winkels'],
    });
    expect(basisOf(group('custom:1'))).toEqual({ kind: 'made' });
    expect(basisOf(group(OTHER_GROUP_KEY))).toEqual({ kind: 'other' });
  });

  it('translates the leftover group unless a facilitator renamed it', () => {
    expect(displayLabel(group(OTHER_GROUP_KEY, { label: 'Overig' }), 'Other')).toBe('Other');
    expect(displayLabel(group(OTHER_GROUP_KEY, { label: 'Rest' }), 'Other')).toBe('Rest');
    expect(displayLabel(group('stem:x', { label: 'winkels' }), 'Other')).toBe('winkels');
  });

  it('finds groups that were not there before, never on the first load', () => {
    const before = synthesisWith([group('stem:a')]);
    const after = synthesisWith([group('stem:a'), group('stem:b')]);
    expect(findNewGroups(null, after)).toEqual([]);
    expect(findNewGroups(before, after).map((ref) => [ref.group.key, ref.sectionTitle])).toEqual([
      ['stem:b', 'Wonen'],
    ]);
  });

  it('names places the synthesis lists', () => {
    const s = synthesisWith([]);
    expect(placeName(s, '00000000-0000-4000-8000-000000000003')).toBe('IJmuiden');
    expect(placeName(s, null)).toBeNull();
  });
});
