import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { patchActivityState } from '../../../common/activities/control.doc.ts';
import { controlDocumentName } from '../../../common/collab.ts';
import { positioningContext } from '../../../common/activities/positioning.ts';
import { joinResult, lab, type Lab } from '../../../common/labs.ts';
import { problem } from '../../../common/problem.ts';
import { collabDocuments, labNotes, places } from '../../db/schema.ts';
import {
  createActor,
  createOrg,
  createTestContext,
  request,
  type Actor,
  type TestContext,
} from '../../testing/harness.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(async () => {
  await t.close();
});

interface Org {
  id: string;
  slug: string;
}

async function addPlace(org: Org, name: string, municipality: string, dnaTags: string[]) {
  const [row] = await t.database.db
    .insert(places)
    .values({ orgId: org.id, name, municipality, dnaTags })
    .returning({ id: places.id });
  if (!row) throw new Error('place not created');
  return row.id;
}

/** A regional lab (one canvas per place plus a regional canvas), opened so guests can join. */
async function openRegionalLab(org: Org, facilitator: Actor, placeIds: string[]): Promise<Lab> {
  const created = await request(t, facilitator, {
    method: 'POST',
    url: `/api/v1/orgs/${org.slug}/labs`,
    payload: { title: 'Binnenstadslab IJmond', kind: 'regional', placeIds },
  });
  expect(created.statusCode, created.body).toBe(201);
  const { id } = lab.parse(created.json());
  const opened = await request(t, facilitator, {
    method: 'POST',
    url: `/api/v1/orgs/${org.slug}/labs/${id}/status`,
    payload: { status: 'open' },
  });
  expect(opened.statusCode, opened.body).toBe(200);
  return lab.parse(opened.json());
}

async function joinAsGuest(joinCode: string | null, displayName: string): Promise<string> {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/v1/join',
    payload: { code: joinCode, displayName },
  });
  expect(response.statusCode, response.body).toBe(201);
  return joinResult.parse(response.json()).guestSecret ?? '';
}

function get(labId: string, headers: Record<string, string> = {}, actor: Actor | null = null) {
  return request(t, actor, {
    method: 'GET',
    url: `/api/v1/labs/${labId}/positioning-context`,
    headers,
  });
}

let note = 0;
async function addNote(labId: string, activityId: string, sectionKey: string, text: string) {
  note += 1;
  await t.database.db.insert(labNotes).values({
    activityId,
    noteId: `n${note}`,
    labId,
    sectionKey,
    text,
    colour: 'yellow',
    authorName: 'Anna',
    position: note,
    createdAt: new Date(),
  });
}

describe('GET /labs/:labId/positioning-context', () => {
  it('answers 401 without a session or guest secret, and 401 for an unknown guest secret', async () => {
    const org = await createOrg(t, 'IJmond');
    const facilitator = await createActor(t, { org, role: 'facilitator' });
    const a = await addPlace(org, 'Beverwijk', 'Beverwijk', []);
    const b = await addPlace(org, 'Heemskerk', 'Heemskerk', []);
    const regional = await openRegionalLab(org, facilitator, [a, b]);
    const response = await get(regional.id);
    expect(response.statusCode).toBe(401);
    expect(problem.parse(response.json()).code).toBe('unauthenticated');
    expect((await get(regional.id, { authorization: `Guest ${'x'.repeat(43)}` })).statusCode).toBe(
      401,
    );
  });

  it("answers 404 to another lab's guest, to a member of another organisation and for an unknown lab", async () => {
    const org = await createOrg(t, 'IJmond');
    const facilitator = await createActor(t, { org, role: 'facilitator' });
    const a = await addPlace(org, 'Beverwijk', 'Beverwijk', ['kaasmarkt']);
    const b = await addPlace(org, 'Heemskerk', 'Heemskerk', []);
    const first = await openRegionalLab(org, facilitator, [a, b]);
    const second = await openRegionalLab(org, facilitator, [a, b]);
    const guestOfSecond = await joinAsGuest(second.joinCode, 'Bram');

    const foreign = await get(first.id, { authorization: `Guest ${guestOfSecond}` });
    expect(foreign.statusCode).toBe(404);
    expect(foreign.body).not.toContain('kaasmarkt');

    const otherOrg = await createOrg(t, 'Zuid-Kennemerland');
    const stranger = await createActor(t, { org: otherOrg, role: 'admin' });
    expect((await get(first.id, {}, stranger)).statusCode).toBe(404);

    const unknown = '00000000-0000-4000-8000-000000000404';
    expect((await get(unknown, {}, facilitator)).statusCode).toBe(404);
  });

  it('answers 400 naming labId when it is not a uuid', async () => {
    const org = await createOrg(t, 'IJmond');
    const facilitator = await createActor(t, { org, role: 'facilitator' });
    const response = await get('nope', {}, facilitator);
    expect(response.statusCode).toBe(400);
    const body = problem.parse(response.json());
    expect(body.errors?.map((e) => e.field)).toEqual(['labId']);
  });

  it("gives a guest each place of a regional lab with its DNA and its canvases' ambitions", async () => {
    const org = await createOrg(t, 'IJmond');
    const facilitator = await createActor(t, { org, role: 'facilitator' });
    const beverwijk = await addPlace(org, 'Beverwijk', 'Beverwijk', ['De Bazaar', 'kaasmarkt']);
    const ijmuiden = await addPlace(org, 'IJmuiden', 'Velsen', ['haven', 'staal', 'vis']);
    const regional = await openRegionalLab(org, facilitator, [ijmuiden, beverwijk]);
    const canvasOf = (placeId: string | null) =>
      regional.activities.find((a) => a.config.kind === 'canvas' && a.config.placeId === placeId)
        ?.id ?? '';
    await addNote(regional.id, canvasOf(ijmuiden), 'verblijven', 'Leisure aan zee');
    await addNote(regional.id, canvasOf(ijmuiden), 'verblijven', 'Evenementen op het strand');
    await addNote(regional.id, canvasOf(ijmuiden), 'dna', 'Ruig en eerlijk');
    await addNote(regional.id, canvasOf(ijmuiden), 'kansen', 'Niet een ambitie');
    await addNote(regional.id, canvasOf(beverwijk), 'winkelen', 'Regionaal winkelen');
    await addNote(regional.id, canvasOf(null), 'winkelen', 'Van de regionale canvas');

    const guest = await joinAsGuest(regional.joinCode, 'Anna');
    const response = await get(regional.id, { authorization: `Guest ${guest}` });
    expect(response.statusCode, response.body).toBe(200);
    const context = positioningContext.parse(response.json());
    const empty = (programme: string) => ({ programme, notes: [] });
    expect(context).toEqual({
      places: [
        {
          placeId: ijmuiden,
          name: 'IJmuiden',
          municipality: 'Velsen',
          dnaTags: ['haven', 'staal', 'vis'],
          dnaNotes: ['Ruig en eerlijk'],
          ambitions: [
            empty('winkelen'),
            empty('wonen'),
            empty('werken'),
            {
              programme: 'verblijven',
              notes: ['Leisure aan zee', 'Evenementen op het strand'],
            },
          ],
        },
        {
          placeId: beverwijk,
          name: 'Beverwijk',
          municipality: 'Beverwijk',
          dnaTags: ['De Bazaar', 'kaasmarkt'],
          dnaNotes: [],
          ambitions: [
            { programme: 'winkelen', notes: ['Regionaal winkelen'] },
            empty('wonen'),
            empty('werken'),
            empty('verblijven'),
          ],
        },
      ],
    });
    // No author names leave the server, whatever the lab.
    expect(response.body).not.toContain('Anna');

    const asFacilitator = await get(regional.id, {}, facilitator);
    expect(asFacilitator.statusCode).toBe(200);
    expect(positioningContext.parse(asFacilitator.json())).toEqual(context);
  });

  it('leaves out the notes of a canvas in private mode for participants, not for facilitators', async () => {
    const org = await createOrg(t, 'IJmond privé');
    const facilitator = await createActor(t, { org, role: 'facilitator' });
    const beverwijk = await addPlace(org, 'Beverwijk', 'Beverwijk', []);
    const ijmuiden = await addPlace(org, 'IJmuiden', 'Velsen', []);
    const regional = await openRegionalLab(org, facilitator, [ijmuiden, beverwijk]);
    const canvasId =
      regional.activities.find((a) => a.config.kind === 'canvas' && a.config.placeId === ijmuiden)
        ?.id ?? '';
    await addNote(regional.id, canvasId, 'winkelen', 'Nog even geheim');
    const control = new Y.Doc();
    patchActivityState(control, canvasId, { private: true });
    await t.database.db.insert(collabDocuments).values({
      name: controlDocumentName(regional.id),
      labId: regional.id,
      state: Buffer.from(Y.encodeStateAsUpdate(control)),
    });
    const notesOf = (body: unknown) =>
      positioningContext
        .parse(body)
        .places.flatMap((place) => place.ambitions.flatMap((ambition) => ambition.notes));

    const guest = await joinAsGuest(regional.joinCode, 'Bram');
    const seen = await get(regional.id, { authorization: `Guest ${guest}` });
    expect(seen.statusCode, seen.body).toBe(200);
    expect(notesOf(seen.json())).toEqual([]);
    const facilitated = await get(regional.id, {}, facilitator);
    expect(notesOf(facilitated.json())).toEqual(['Nog even geheim']);
  });
});
