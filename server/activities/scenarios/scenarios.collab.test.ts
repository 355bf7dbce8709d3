// The scenario rules over real sockets with the real provider (docs/COLLAB_SPEC.md, S10–S19, A6).
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
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
import { activityDocumentName } from '../../../common/collab.ts';
import {
  addParticipant,
  connect,
  createLab,
  sleep,
  startCollab,
  storedDoc,
  waitAcknowledged,
  waitFor,
  waitSynced,
  type RunningCollab,
  type TestClient,
} from '../../collab/collab.testing.ts';
import { activities } from '../../db/schema.ts';
import { createTestContext, type TestContext } from '../../testing/harness.ts';
import { synthesiseScenarios } from './scenarios.synthesis.ts';

const NOTES_PER_MINUTE = 3;

let t: TestContext;
let server: RunningCollab;
const clients: TestClient[] = [];

function open(...args: Parameters<typeof connect>): TestClient {
  const client = connect(...args);
  clients.push(client);
  return client;
}

/** Waits for the document-level close whose reason starts with `code`, and returns the reason. */
async function refusedWith(client: TestClient, code: number): Promise<string> {
  await waitFor(`a ${code} close`, () =>
    client.closes.some((c) => c.reason.startsWith(`${code} `)),
  );
  return client.closes.find((c) => c.reason.startsWith(`${code} `))?.reason ?? '';
}

/** Adds a scenarios activity with the default axes to a lab; returns its id and document name. */
async function addScenarios(labId: string): Promise<{ activityId: string; name: string }> {
  const [row] = await t.database.db
    .insert(activities)
    .values({
      labId,
      position: 0,
      kind: 'scenarios',
      title: 'Scenario’s 2030',
      config: defaultScenariosConfig(),
    })
    .returning({ id: activities.id });
  if (!row) throw new Error('activity not created');
  return { activityId: row.id, name: activityDocumentName(labId, row.id) };
}

async function liveScenarios(options: { status?: 'live' | 'closed' } = {}) {
  const { labId } = await createLab(t, { status: options.status ?? 'live' });
  const scenarios = await addScenarios(labId);
  const anna = await addParticipant(t, labId, { name: 'Anna' });
  const bram = await addParticipant(t, labId, { name: 'Bram' });
  const facilitator = await addParticipant(t, labId, { role: 'facilitator', name: 'Fien' });
  return { labId, scenarios, anna, bram, facilitator };
}

beforeAll(async () => {
  t = await createTestContext({
    COLLAB_DEBOUNCE_MS: '50',
    NOTES_PER_MINUTE: String(NOTES_PER_MINUTE),
  });
  server = await startCollab(t);
});

afterEach(() => {
  for (const client of clients.splice(0)) client.destroy();
});

afterAll(async () => {
  await server.stop();
  await t.close();
});

describe('scenarios over real sockets', () => {
  it("S12, S14, S17: a participant's note and scenario name stay theirs to delete; the facilitator's verdicts make an action robust", async () => {
    const lab = await liveScenarios();
    const a = open(server.url, lab.scenarios.name, lab.anna.token);
    const b = open(server.url, lab.scenarios.name, lab.bram.token);
    const f = open(server.url, lab.scenarios.name, lab.facilitator.token);
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
    const bramAgain = open(server.url, lab.scenarios.name, lab.bram.token);
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
    const stored = await storedDoc(t, lab.scenarios.name);
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
    const a = open(server.url, lab.scenarios.name, lab.anna.token);
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
    const writer = open(server.url, lab.scenarios.name, lab.anna.token);
    const reader = open(server.url, lab.scenarios.name, lab.facilitator.token);
    await Promise.all([waitSynced(writer), waitSynced(reader)]);
    expect(writer.scope()).toBe('readonly');
    expect(reader.scope()).toBe('readonly');

    writeQuadrant(writer.doc, 'lh', { name: 'Te laat' });
    expect(await refusedWith(writer, 4403)).toMatch(/read-only/);
    await sleep(300);
    expect(reader.doc.getMap(scenariosRoots.quadrants).size).toBe(0);
    expect((await storedDoc(t, lab.scenarios.name)).getMap(scenariosRoots.quadrants).size).toBe(0);
  });
});
