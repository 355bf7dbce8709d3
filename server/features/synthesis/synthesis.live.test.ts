// The synthesis reads what the room wrote a moment ago: the collaboration server's loaded
// document, not only what was stored.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { addNote } from '../../../common/activities/canvas.doc.ts';
import { activityDocumentName } from '../../../common/collab.ts';
import { lab as labSchema } from '../../../common/labs.ts';
import { synthesis as synthesisSchema } from '../../../common/synthesis.ts';
import {
  addParticipant,
  connect,
  startCollab,
  storedState,
  waitAcknowledged,
  waitSynced,
  type RunningCollab,
  type TestClient,
} from '../../collab/collab.testing.ts';
import {
  createActor,
  createOrg,
  createTestContext,
  request,
  type TestContext,
} from '../../testing/harness.ts';

let t: TestContext;
let running: RunningCollab | null = null;
let client: TestClient | null = null;
beforeAll(async () => {
  t = await createTestContext();
});
afterEach(async () => {
  client?.destroy();
  client = null;
  await running?.stop();
  running = null;
});
afterAll(async () => {
  await t.close();
});

describe('GET /labs/:labId/synthesis while the lab is live', () => {
  it('shows a note written over the collaboration server before it is stored', async () => {
    // A store only after a minute: whatever the synthesis shows comes from the live document.
    running = await startCollab(t, { config: { COLLAB_DEBOUNCE_MS: 60_000 } });
    const live: TestContext = { ...t, app: running.app, ctx: running.ctx };
    const org = await createOrg(t);
    const facilitator = await createActor(t, { org, role: 'admin' });
    const created = await request(live, facilitator, {
      method: 'POST',
      url: `/api/v1/orgs/${org.slug}/labs`,
      payload: { title: 'Binnenstadslab Beverwijk', kind: 'local' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const labId = labSchema.parse(created.json()).id;
    const opened = await request(live, facilitator, {
      method: 'POST',
      url: `/api/v1/orgs/${org.slug}/labs/${labId}/status`,
      payload: { status: 'open' },
    });
    const lab = labSchema.parse(opened.json());
    const canvas = lab.activities.find((a) => a.kind === 'canvas');
    if (canvas?.config.kind !== 'canvas') throw new Error('no canvas');
    const section = canvas.config.sections[0]?.key ?? '';
    const name = activityDocumentName(labId, canvas.id);

    const guest = await addParticipant(t, labId, { name: 'Gast Gijs' });
    client = connect(running.url, name, guest.token);
    await waitSynced(client);
    addNote(client.doc, {
      section,
      text: 'Winkels in de Breestraat',
      colour: 'yellow',
      authorId: guest.participantId,
      authorName: guest.displayName,
    });
    await waitAcknowledged(client);

    const response = await request(live, facilitator, {
      method: 'GET',
      url: `/api/v1/labs/${labId}/synthesis`,
    });
    expect(response.statusCode, response.body).toBe(200);
    const part = synthesisSchema.parse(response.json()).activities[0];
    if (part?.kind !== 'canvas') throw new Error('no canvas part');
    expect(part.sections[0]?.notes.map((n) => [n.text, n.authorName])).toEqual([
      ['Winkels in de Breestraat', 'Gast Gijs'],
    ]);
    expect(await storedState(t, name)).toBeNull();
  });
});
