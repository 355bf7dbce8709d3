// Who is here, on the control document (docs/COLLAB_SPEC.md, S1–S2).
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../testing/harness.ts';
import {
  addActivity,
  addParticipant,
  connect,
  createLab,
  FAST_COLLAB_ENV,
  sleep,
  startCollab,
  waitFor,
  waitSynced,
  type RunningCollab,
  type TestClient,
} from './collab.testing.ts';

const PRESENCE_INTERVAL_MS = 100;

let t: TestContext;
let server: RunningCollab;
const clients: TestClient[] = [];

function open(...args: Parameters<typeof connect>): TestClient {
  const client = connect(...args);
  clients.push(client);
  return client;
}

function presenceOf(client: TestClient) {
  return client.statelesses.filter((message) => message.type === 'presence');
}

beforeAll(async () => {
  t = await createTestContext(FAST_COLLAB_ENV);
  server = await startCollab(t, { presenceIntervalMs: PRESENCE_INTERVAL_MS });
});

afterEach(() => {
  for (const client of clients.splice(0)) client.destroy();
});

afterAll(async () => {
  await server.stop();
  await t.close();
});

describe('presence extension', () => {
  it('S1: everyone hears how many people are here; only facilitators hear who', async () => {
    const { labId, controlName } = await createLab(t);
    const canvas = await addActivity(t, labId);
    const guest = await addParticipant(t, labId, { name: 'Anna' });
    const facilitator = await addParticipant(t, labId, { role: 'facilitator', name: 'Fien' });
    const g = open(server.url, controlName, guest.token);
    const f = open(server.url, controlName, facilitator.token);
    // Someone only on the canvas counts too.
    const onCanvas = await addParticipant(t, labId, { name: 'Bram' });
    open(server.url, canvas.name, onCanvas.token);
    await Promise.all([waitSynced(g), waitSynced(f)]);

    await waitFor(
      'three people',
      () => presenceOf(g).at(-1)?.count === 3 && presenceOf(f).at(-1)?.count === 3,
    );
    expect(presenceOf(g).every((message) => !('people' in message))).toBe(true);
    expect(presenceOf(f).at(-1)?.people).toEqual([
      { participantId: guest.participantId, name: 'Anna', role: 'participant' },
      { participantId: onCanvas.participantId, name: 'Bram', role: 'participant' },
      { participantId: facilitator.participantId, name: 'Fien', role: 'facilitator' },
    ]);
  });

  it('S2: presence is sent at most once per interval, and not at all while nobody comes or goes', async () => {
    const { labId, controlName } = await createLab(t);
    const watcher = open(server.url, controlName, (await addParticipant(t, labId)).token);
    await waitSynced(watcher);
    await waitFor('the first count', () => presenceOf(watcher).length > 0);

    const arrivals = await Promise.all([1, 2, 3, 4, 5].map(() => addParticipant(t, labId)));
    const startedAt = Date.now();
    const before = presenceOf(watcher).length;
    for (const person of arrivals) open(server.url, controlName, person.token);
    await waitFor('six people', () => presenceOf(watcher).at(-1)?.count === 6);
    const sent = presenceOf(watcher).length - before;
    expect(sent).toBeLessThanOrEqual(
      Math.ceil((Date.now() - startedAt) / PRESENCE_INTERVAL_MS) + 1,
    );

    const settled = presenceOf(watcher).length;
    await sleep(PRESENCE_INTERVAL_MS * 4);
    expect(presenceOf(watcher).length).toBe(settled);
  });
});
