// Removed people and changed labs lose their connections (docs/COLLAB_SPEC.md, V1–V3, A9).
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../testing/harness.ts';
import {
  addActivity,
  addParticipant,
  connect,
  createLab,
  FAST_COLLAB_ENV,
  markRemoved,
  setLabStatus,
  sleep,
  startCollab,
  waitFor,
  waitSynced,
  type RunningCollab,
  type TestClient,
} from './collab.testing.ts';

// The promise: a removed participant's connections close within five seconds.
const REMOVAL_DEADLINE_MS = 5000;

let t: TestContext;
let server: RunningCollab;
const clients: TestClient[] = [];

function open(...args: Parameters<typeof connect>): TestClient {
  const client = connect(...args);
  clients.push(client);
  return client;
}

function closedWith(client: TestClient, code: number): boolean {
  return client.socketCloses.some((close) => close.code === code);
}

beforeAll(async () => {
  t = await createTestContext(FAST_COLLAB_ENV);
  // The default sweep interval: the test shows the deadline holds as configured.
  server = await startCollab(t);
});

afterEach(() => {
  for (const client of clients.splice(0)) client.destroy();
});

afterAll(async () => {
  await server.stop();
  await t.close();
});

describe('revocation extension', () => {
  it('V1, A9: disconnectParticipant closes their sockets at once with 4410, and the old token no longer opens anything', async () => {
    const { labId, controlName } = await createLab(t);
    const canvas = await addActivity(t, labId);
    const guest = await addParticipant(t, labId);
    const other = await addParticipant(t, labId);
    const removed = open(server.url, canvas.name, guest.token);
    const stays = open(server.url, canvas.name, other.token);
    await Promise.all([waitSynced(removed), waitSynced(stays)]);

    // What the labs service does: mark the row, then tell this server.
    await markRemoved(t, guest.participantId);
    const startedAt = Date.now();
    server.ctx.collab?.disconnectParticipant(labId, guest.participantId);
    await waitFor('the socket closes with 4410', () => closedWith(removed, 4410), 1000);
    expect(Date.now() - startedAt).toBeLessThan(REMOVAL_DEADLINE_MS);

    // The provider reconnects on its own; the old token is refused.
    await waitFor('the reconnect is refused', () => removed.failure() !== null);
    expect(removed.failure()).toMatch(/^4410 /);
    const fresh = open(server.url, controlName, guest.token);
    await waitFor('a new connection is refused', () => fresh.failure() !== null);
    expect(fresh.failure()).toMatch(/^4410 /);
    expect(stays.socketCloses).toEqual([]);
  });

  it('V2: a removal or a closed lab written by another server is acted on within five seconds', async () => {
    const first = await createLab(t);
    const guest = await addParticipant(t, first.labId);
    const removed = open(server.url, first.controlName, guest.token);
    const second = await createLab(t);
    const canvas = await addActivity(t, second.labId);
    const writer = open(server.url, canvas.name, (await addParticipant(t, second.labId)).token);
    await Promise.all([waitSynced(removed), waitSynced(writer)]);
    expect(writer.scope()).toBe('read-write');

    await markRemoved(t, guest.participantId);
    await setLabStatus(t, second.labId, 'closed');
    const startedAt = Date.now();
    await waitFor(
      'both are acted on',
      () => closedWith(removed, 4410) && closedWith(writer, 4409),
      REMOVAL_DEADLINE_MS,
    );
    expect(Date.now() - startedAt).toBeLessThanOrEqual(REMOVAL_DEADLINE_MS);
    await waitFor('the writer is back, read-only', () => writer.scope() === 'readonly');
  });

  it('V3: reconnectLab closes every socket of the lab with 4409; clients come back with the new access', async () => {
    const { labId, controlName } = await createLab(t);
    const canvas = await addActivity(t, labId);
    const guest = await addParticipant(t, labId);
    const facilitator = await addParticipant(t, labId, { role: 'facilitator' });
    const a = open(server.url, canvas.name, guest.token);
    const f = open(server.url, controlName, facilitator.token);
    const elsewhere = await createLab(t);
    const bystander = open(
      server.url,
      elsewhere.controlName,
      (await addParticipant(t, elsewhere.labId)).token,
    );
    await Promise.all([waitSynced(a), waitSynced(f), waitSynced(bystander)]);

    await setLabStatus(t, labId, 'closed');
    server.ctx.collab?.reconnectLab(labId);
    await waitFor('both close with 4409', () => closedWith(a, 4409) && closedWith(f, 4409), 1000);
    await waitFor(
      'both are back, read-only',
      () => a.scope() === 'readonly' && f.scope() === 'readonly',
    );
    await sleep(100);
    expect(bystander.socketCloses).toEqual([]);
  });
});
