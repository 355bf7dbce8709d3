import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addAgreement, addRole, setVerdict } from '../../../common/activities/positioning.doc.ts';
import {
  defaultProgrammes,
  type PositioningConfig,
} from '../../../common/activities/positioning.ts';
import { activitySynthesis } from '../../../common/synthesis.ts';
import { synthesisePositioning } from './positioning.synthesis.ts';

const BEVERWIJK = '00000000-0000-4000-8000-00000000000b';
const HEEMSKERK = '00000000-0000-4000-8000-00000000000e';
const ACTIVITY = '00000000-0000-4000-8000-0000000000ac';
const config: PositioningConfig = {
  kind: 'positioning',
  programmes: defaultProgrammes.map((p) => ({ ...p })),
  placeIds: [BEVERWIJK, HEEMSKERK],
};
const target = {
  labId: '00000000-0000-4000-8000-0000000000ab',
  activityId: ACTIVITY,
  config,
  title: 'Positionering IJmond',
  anonymous: false,
  places: [
    { id: BEVERWIJK, name: 'Beverwijk' },
    { id: HEEMSKERK, name: 'Heemskerk' },
  ],
};

function mark(doc: Y.Doc, placeId: string, programme: string, label: string) {
  addRole(doc, { placeId, programme, label, authorId: 'p1', authorName: 'Anna' });
}

describe('positioning synthesis', () => {
  it('lists the overlaps with their verdicts, a sentence per programme and the agreements', () => {
    const doc = new Y.Doc();
    mark(doc, BEVERWIJK, 'winkelen', 'Dagelijkse boodschappen');
    mark(doc, HEEMSKERK, 'winkelen', 'dagelijkse boodschap');
    mark(doc, BEVERWIJK, 'winkelen', 'Regionaal winkelen');
    mark(doc, BEVERWIJK, 'werken', 'Maakindustrie');
    mark(doc, HEEMSKERK, 'werken', 'Zorg');
    setVerdict(doc, 'winkelen|dagelijkse boodschap', { verdict: 'complementary', note: 'Buurt' });
    const agreement = addAgreement(doc, {
      text: 'Beverwijk trekt de kar bij regionaal winkelen',
      placeIds: [BEVERWIJK],
      programme: 'winkelen',
      authorId: 'f1',
      authorName: 'Fien',
    });

    const part = activitySynthesis.parse(synthesisePositioning(doc, target));
    expect(part).toEqual({
      kind: 'positioning',
      activityId: ACTIVITY,
      title: 'Positionering IJmond',
      overlaps: [
        {
          programme: 'winkelen',
          programmeLabel: 'Winkelen',
          role: 'Dagelijkse boodschappen',
          placeIds: [BEVERWIJK, HEEMSKERK],
          verdict: 'complementary',
          note: 'Buurt',
        },
      ],
      summary: [
        'Bij Winkelen mikken Beverwijk en Heemskerk allebei op Dagelijkse boodschappen (volgens de zaal aanvullend); de rollen vullen elkaar verder aan.',
        'Bij Wonen heeft nog geen plaats een rol gekozen.',
        'Bij Werken vullen Beverwijk en Heemskerk elkaar aan: elke plaats kiest een eigen rol.',
        'Bij Verblijven en ontmoeten heeft nog geen plaats een rol gekozen.',
      ],
      agreements: [
        {
          id: agreement.id,
          text: 'Beverwijk trekt de kar bij regionaal winkelen',
          placeIds: [BEVERWIJK],
          programme: 'winkelen',
        },
      ],
    });
  });

  it('names a place it was not told about by its position', () => {
    const doc = new Y.Doc();
    mark(doc, BEVERWIJK, 'wonen', 'Wonen aan zee');
    const part = synthesisePositioning(doc, { ...target, places: [] });
    expect(part.kind === 'positioning' && part.summary[1]).toBe(
      'Bij Wonen koos alleen plaats 1 een rol: Wonen aan zee.',
    );
  });
});
