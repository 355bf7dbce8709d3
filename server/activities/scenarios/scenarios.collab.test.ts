// The scenario rules over real sockets with the real provider (docs/COLLAB_SPEC.md, S10–S19, A6).
import { describe, expect, it } from 'vitest';
import {
  addScenarioNote,
  deleteScenarioNote,
  proposeAction,
  readQuadrants,
  readScenarioNotes,
  recordVerdict,
  writeQuadrant,
} from '../../../common/activities/scenarios.doc.ts';
import { defaultScenariosConfig, scenariosRoots } from '../../../common/activities/scenarios.ts';
import {
  addConfiguredActivity,
  addParticipant,
  createLab,
  refusedWith,
  sleep,
  storedDoc,
  useCollabServer,
  waitAcknowledged,
  waitFor,
  waitSynced,
  type TestClient,
} from '../../collab/collab.testing.ts';
import { synthesiseScenarios } from './scenarios.synthesis.ts';

const NOTES_PER_MINUTE = 3;

const collab = useCollabServer({
  COLLAB_DEBOUNCE_MS: '50',
  NOTES_PER_MINUTE: String(NOTES_PER_MINUTE),
});
const open = (name: string, token: string): TestClient => collab.open(name, token);

async function liveScenarios(options: { status?: 'live' | 'closed' } = {}) {
  const { labId } = await createLab(collab.t, { status: options.status ?? 'live' });
  const scenarios = await addConfiguredActivity(
    collab.t,
    labId,
    defaultScenariosConfig(),
    'Scenario’s 2030',
  );
  const anna = await addParticipant(collab.t, labId, { name: 'Anna' });
  const bram = await addParticipant(collab.t, labId, { name: 'Bram' });
  const facilitator = await addParticipant(collab.t, labId, { role: 'facilitator', name: 'Fien' });
  return { labId, scenarios, anna, bram, facilitator };
}

describe('scenarios over real sockets', () => {
  it("S12, S14, S17: a participant's note and scenario name stay theirs to delete; the facilitator's verdicts make an action robust", async () => {
    const lab = await liveScenarios();
    const a = open(lab.scenarios.name, lab.anna.token);
    const b = open(lab.scenarios.name, lab.bram.token);
    const f = open(lab.scenarios.name, lab.facilitator.token);
    await Promise.all([waitSynced(a), waitSynced(b), waitSynced(f)]);

    const note = addScenarioNote(a.doc, {
      quadrant: 'hh',
      lane: 'meaning',
      text: 'Winkels worden afhaalpunten',
      authorId: lab.anna.participantId,
      authorName: lab.anna.displayName,
    });
    writeQuadrant(a.doc, 'hh', { name: 'Slimme kringloop' });
    const action = proposeAction(a.doc, {
      title: 'Eén logistieke hub aan de rand',
      origin: 'hh',
      authorId: lab.anna.participantId,
      authorName: lab.anna.displayName,
    });
    await waitAcknowledged(a);
    await waitFor('Bram sees the note, the name and the action', () => {
      const notes = readScenarioNotes(b.doc);
      return (
        notes.some((n) => n.id === note.id) &&
        readQuadrants(b.doc).hh.name === 'Slimme kringloop' &&
        b.doc.getMap(scenariosRoots.actions).has(action.id)
      );
    });

    // S14: Bram may not delete Anna's note; the refusal reaches nobody else.
    deleteScenarioNote(b.doc, note.id);
    expect(await refusedWith(b, 4422)).toMatch(/belongs to someone else/);
    // S17: nor record what the room concluded.
    const bramAgain = open(lab.scenarios.name, lab.bram.token);
    await waitSynced(bramAgain);
    recordVerdict(bramAgain.doc, action.id, 'll', true);
    expect(await refusedWith(bramAgain, 4422)).toMatch(/only facilitators record verdicts/);

    recordVerdict(f.doc, action.id, 'hl', true);
    recordVerdict(f.doc, action.id, 'lh', true);
    recordVerdict(f.doc, action.id, 'll', false);
    await waitAcknowledged(f);
    await waitFor('Anna sees the verdicts', () => a.doc.getMap(scenariosRoots.verdicts).size === 3);

    await sleep(200);
    expect(readScenarioNotes(a.doc).map((n) => n.id)).toEqual([note.id]);
    const stored = await storedDoc(collab.t, lab.scenarios.name);
    const part = synthesiseScenarios(stored, {
      labId: lab.labId,
      activityId: lab.scenarios.activityId,
      config: defaultScenariosConfig(),
      title: 'Scenario’s 2030',
      anonymous: false,
    });
    if (part.kind !== 'scenarios') throw new Error('not a scenarios part');
    expect(part.quadrants.find((q) => q.key === 'hh')).toMatchObject({
      name: 'Slimme kringloop',
      lanes: [
        { key: 'meaning', notes: ['Winkels worden afhaalpunten'] },
        { key: 'policy', notes: [] },
        { key: 'regret', notes: [] },
      ],
    });
    expect(part.actions).toEqual([
      {
        id: action.id,
        title: 'Eén logistieke hub aan de rand',
        origin: 'hh',
        holdsIn: ['hh', 'hl', 'lh'],
        robust: true,
      },
    ]);
  });

  it('S19: new notes and actions together count against NOTES_PER_MINUTE (4430)', async () => {
    const lab = await liveScenarios();
    const a = open(lab.scenarios.name, lab.anna.token);
    await waitSynced(a);
    const who = { authorId: lab.anna.participantId, authorName: lab.anna.displayName };
    for (let i = 0; i < NOTES_PER_MINUTE - 1; i += 1) {
      addScenarioNote(a.doc, { ...who, quadrant: 'll', lane: 'regret', text: `Idee ${i}` });
      await waitAcknowledged(a);
    }
    proposeAction(a.doc, { ...who, title: 'Actie', origin: 'll' });
    await waitAcknowledged(a);
    // Naming a scenario creates nothing, so it is not held to the limit.
    writeQuadrant(a.doc, 'll', { name: 'Stilstand' });
    await waitAcknowledged(a);
    proposeAction(a.doc, { ...who, title: 'Nog een actie', origin: 'll' });
    expect(await refusedWith(a, 4430)).toMatch(/per minute/);
  });

  it('A6: in a closed lab the scenarios document is read-only for everyone; a write is neither applied nor stored', async () => {
    const lab = await liveScenarios({ status: 'closed' });
    const writer = open(lab.scenarios.name, lab.anna.token);
    const reader = open(lab.scenarios.name, lab.facilitator.token);
    await Promise.all([waitSynced(writer), waitSynced(reader)]);
    expect(writer.scope()).toBe('readonly');
    expect(reader.scope()).toBe('readonly');

    writeQuadrant(writer.doc, 'lh', { name: 'Te laat' });
    expect(await refusedWith(writer, 4403)).toMatch(/read-only/);
    await sleep(300);
    expect(reader.doc.getMap(scenariosRoots.quadrants).size).toBe(0);
    expect(
      (await storedDoc(collab.t, lab.scenarios.name)).getMap(scenariosRoots.quadrants).size,
    ).toBe(0);
  });
});
