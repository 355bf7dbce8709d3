// The positioning rules over real sockets with the real provider (docs/COLLAB_SPEC.md, O3–O9).
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  addAgreement,
  addRole,
  readAgreements,
  readRoles,
  readVerdicts,
  setVerdict,
} from '../../../common/activities/positioning.doc.ts';
import {
  defaultProgrammes,
  positioningRoots,
  type PositioningConfig,
} from '../../../common/activities/positioning.ts';
import {
  addConfiguredActivity,
  addParticipant,
  createLab,
  setLabStatus,
  refusedWith,
  sleep,
  storedDoc,
  useCollabServer,
  waitAcknowledged,
  waitFor,
  waitSynced,
  type TestClient,
  type TestParticipant,
} from '../../collab/collab.testing.ts';
import { positioningModule } from './positioning.module.ts';

const collab = useCollabServer();

function open(name: string, who: TestParticipant): TestClient {
  return collab.open(name, who.token);
}

const BEVERWIJK = randomUUID();
const HEEMSKERK = randomUUID();
const config: PositioningConfig = {
  kind: 'positioning',
  programmes: defaultProgrammes.map((p) => ({ ...p })),
  placeIds: [BEVERWIJK, HEEMSKERK],
};

async function livePositioning() {
  const { labId } = await createLab(collab.t);
  const { activityId, name } = await addConfiguredActivity(
    collab.t,
    labId,
    config,
    'Positionering',
  );
  const anna = await addParticipant(collab.t, labId, { name: 'Anna' });
  const facilitator = await addParticipant(collab.t, labId, { role: 'facilitator', name: 'Fien' });
  return {
    labId,
    activityId,
    name,
    anna,
    facilitator,
  };
}

describe('positioning over real sockets', () => {
  it('O3–O7: a participant marks roles for two places, not for an unknown one; the facilitator records a verdict and an agreement; the synthesis shows the overlap', async () => {
    const lab = await livePositioning();
    const anna = open(lab.name, lab.anna);
    const fien = open(lab.name, lab.facilitator);
    await Promise.all([waitSynced(anna), waitSynced(fien)]);

    const mine = { authorId: lab.anna.participantId, authorName: 'Anna' };
    addRole(anna.doc, {
      ...mine,
      placeId: BEVERWIJK,
      programme: 'winkelen',
      label: 'Dagelijkse boodschappen',
    });
    addRole(anna.doc, {
      ...mine,
      placeId: HEEMSKERK,
      programme: 'winkelen',
      label: 'dagelijkse boodschap',
    });
    await waitAcknowledged(anna);
    await waitFor('the facilitator sees both roles', () => readRoles(fien.doc).length === 2);

    // O3: a place outside the activity is refused, and reaches nobody.
    addRole(anna.doc, { ...mine, placeId: randomUUID(), programme: 'winkelen', label: 'Outlet' });
    expect(await refusedWith(anna, 4422)).toMatch(/place outside this activity/);

    // O6: participants do not record verdicts.
    const again = open(lab.name, lab.anna);
    await waitSynced(again);
    setVerdict(again.doc, 'winkelen|dagelijkse boodschap', { verdict: 'no-overlap', note: '' });
    expect(await refusedWith(again, 4422)).toMatch(/only facilitators record verdicts/);

    setVerdict(fien.doc, 'winkelen|dagelijkse boodschap', {
      verdict: 'competition',
      note: 'Dezelfde klanten',
    });
    const agreement = addAgreement(fien.doc, {
      text: 'Beverwijk trekt de kar bij regionaal winkelen, Heemskerk bij de buurtsuper',
      placeIds: [BEVERWIJK, HEEMSKERK],
      programme: 'winkelen',
      authorId: lab.facilitator.participantId,
      authorName: 'Fien',
    });
    await waitAcknowledged(fien);

    const reader = open(lab.name, lab.anna);
    await waitSynced(reader);
    expect(readRoles(reader.doc)).toHaveLength(2);
    expect(readVerdicts(reader.doc).get('winkelen|dagelijkse boodschap')?.verdict).toBe(
      'competition',
    );
    expect(readAgreements(reader.doc).map((a) => a.id)).toEqual([agreement.id]);

    await waitFor('the edits are stored', async () => {
      const stored = await storedDoc(collab.t, lab.name);
      return readAgreements(stored).length === 1 && readVerdicts(stored).size === 1;
    });
    const stored = await storedDoc(collab.t, lab.name);
    expect(readRoles(stored)).toHaveLength(2);
    const part = positioningModule.synthesise?.(stored, {
      labId: lab.labId,
      activityId: lab.activityId,
      config,
      title: 'Positionering',
      anonymous: false,
      places: [
        { id: BEVERWIJK, name: 'Beverwijk' },
        { id: HEEMSKERK, name: 'Heemskerk' },
      ],
    });
    expect(part?.kind === 'positioning' && part.overlaps).toEqual([
      {
        programme: 'winkelen',
        programmeLabel: 'Winkelen',
        role: 'Dagelijkse boodschappen',
        placeIds: [BEVERWIJK, HEEMSKERK],
        verdict: 'competition',
        note: 'Dezelfde klanten',
      },
    ]);
    expect(part?.kind === 'positioning' && part.summary[0]).toBe(
      'Bij Winkelen mikken Beverwijk en Heemskerk allebei op Dagelijkse boodschappen (volgens de zaal concurrentie).',
    );
    expect(part?.kind === 'positioning' && part.agreements.map((a) => a.text)).toEqual([
      agreement.text,
    ]);
  });

  it('O9: in a closed lab everyone reads only; a role is neither applied nor stored', async () => {
    const lab = await livePositioning();
    await setLabStatus(collab.t, lab.labId, 'closed');
    const anna = open(lab.name, lab.anna);
    const fien = open(lab.name, lab.facilitator);
    await Promise.all([waitSynced(anna), waitSynced(fien)]);
    expect(anna.scope()).toBe('readonly');
    expect(fien.scope()).toBe('readonly');

    addRole(anna.doc, {
      authorId: lab.anna.participantId,
      authorName: 'Anna',
      placeId: BEVERWIJK,
      programme: 'wonen',
      label: 'Te laat',
    });
    expect(await refusedWith(anna, 4403)).toMatch(/^4403 /);
    await sleep(300);
    expect(fien.doc.getMap(positioningRoots.roles).size).toBe(0);
    expect((await storedDoc(collab.t, lab.name)).getMap(positioningRoots.roles).size).toBe(0);
  });
});
