import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addSuggestion,
  decideSuggestion,
  visionFragment,
} from '../../../common/activities/vision.doc.ts';
import { visionConfig } from '../../../common/activities/vision.ts';
import { activitySynthesis } from '../../../common/synthesis.ts';
import { synthesiseVision } from './vision.synthesis.ts';

const PLACE = '5d3c1b2a-0f9e-4d8c-8b7a-6e5f4d3c2b1a';
const ACTIVITY = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';

describe('synthesiseVision', () => {
  it('gives the statement as plain text, its year and places, and the open suggestions', () => {
    const doc = new Y.Doc();
    for (const line of ['In 2035 is Beverwijk levendig.', 'Ook na zessen.']) {
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText(line)]);
      visionFragment(doc).push([paragraph]);
    }
    const who = { authorId: 'p1', authorName: 'Anna', quote: null };
    addSuggestion(doc, { ...who, text: 'Meer groen.' }, { id: 's1' });
    addSuggestion(doc, { ...who, text: 'Minder auto’s.' }, { id: 's2' });
    decideSuggestion(doc, 's2', 'rejected');

    const part = synthesiseVision(doc, {
      labId: 'lab',
      activityId: ACTIVITY,
      title: 'Visie',
      anonymous: true,
      config: visionConfig.parse({ kind: 'vision', targetYear: 2035, placeIds: [PLACE] }),
    });
    expect(activitySynthesis.parse(part)).toEqual({
      kind: 'vision',
      activityId: ACTIVITY,
      title: 'Visie',
      targetYear: 2035,
      placeIds: [PLACE],
      text: 'In 2035 is Beverwijk levendig.\n\nOok na zessen.',
      openSuggestions: 1,
    });
  });
});
