import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { followedAction, followedActionList } from '../../../common/actions.ts';
import {
  proposeAction,
  setActionStatus,
  type ActionDraft,
} from '../../../common/activities/actions.doc.ts';
import type { ActionsConfig } from '../../../common/activities/actions.ts';
import type { LabStatus } from '../../../common/labs.ts';
import { problem } from '../../../common/problem.ts';
import { projectActions } from '../../activities/actions/actions.repo.ts';
import {
  activities,
  labActions,
  labActionUpdates,
  labFacilitators,
  labParticipants,
  labs,
} from '../../db/schema.ts';
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

let orgA: Org;
let orgB: Org;
let facilitatorA: Actor;
let orgFacilitatorA: Actor;
let adminA: Actor;
let ownerA: Actor;
let memberA: Actor;
let adminB: Actor;

beforeEach(async () => {
  orgA = await createOrg(t, 'IJmond');
  orgB = await createOrg(t, 'Zuid-Kennemerland');
  facilitatorA = await createActor(t, { org: orgA, role: 'facilitator', name: 'Jeroen Bakker' });
  orgFacilitatorA = await createActor(t, { org: orgA, role: 'facilitator', name: 'Els Visser' });
  adminA = await createActor(t, { org: orgA, role: 'admin', name: 'Anna Admin' });
  ownerA = await createActor(t, { org: orgA, role: 'member', name: 'Olga Eigenaar' });
  memberA = await createActor(t, { org: orgA, role: 'member', name: 'Kees Molenaar' });
  adminB = await createActor(t, { org: orgB, role: 'admin' });
});

const config: ActionsConfig = { kind: 'actions', dotsPerPerson: 3, termEnds: '2030-03-31' };

const draft = (title: string): ActionDraft => ({
  title,
  description: 'Samen met de ondernemersvereniging',
  ownerName: 'Gemeente Velsen',
  horizon: 'term',
  startsOn: '2027-01-01',
  endsOn: '2029-12-31',
  links: [{ type: 'theme', key: 'wonen', label: 'Wonen in de binnenstad' }],
});

/** A lab of org A (led by facilitatorA) whose actions activity the room filled and projected. */
async function createLabWithActions(status: LabStatus = 'closed') {
  const db = t.database.db;
  const [lab] = await db
    .insert(labs)
    .values({ orgId: orgA.id, title: 'Binnenstadslab IJmuiden', kind: 'local', status })
    .returning();
  if (!lab) throw new Error('lab not created');
  await db.insert(labFacilitators).values({ labId: lab.id, userId: facilitatorA.userId });
  const [activity] = await db
    .insert(activities)
    .values({ labId: lab.id, position: 0, kind: 'actions', title: 'Acties', config })
    .returning();
  if (!activity) throw new Error('activity not created');
  const [guest] = await db
    .insert(labParticipants)
    .values({ labId: lab.id, kind: 'guest', displayName: 'Anna' })
    .returning();
  if (!guest) throw new Error('participant not created');
  const doc = new Y.Doc();
  const author = { authorId: guest.id, authorName: 'Anna' };
  const first = proposeAction(doc, draft('Leegstand aanpakken met pop-ups'), author);
  const second = proposeAction(doc, draft('Een loket voor ondernemers'), author);
  setActionStatus(doc, first.id, 'confirmed');
  await projectActions(db, doc, { labId: lab.id, activityId: activity.id, config });
  return { labId: lab.id, activityId: activity.id, first: first.id, second: second.id };
}

const listUrl = (org: Org, labId: string) => `/api/v1/orgs/${org.slug}/labs/${labId}/actions`;
const actionUrl = (org: Org, lab: { labId: string; activityId: string }, actionId: string) =>
  `${listUrl(org, lab.labId)}/${lab.activityId}/${actionId}`;

async function patch(
  actor: Actor | null,
  lab: { labId: string; activityId: string },
  actionId: string,
  payload: object,
  org: Org = orgA,
) {
  return request(t, actor, { method: 'PATCH', url: actionUrl(org, lab, actionId), payload });
}

async function list(actor: Actor | null, labId: string, org: Org = orgA) {
  return request(t, actor, { method: 'GET', url: listUrl(org, labId) });
}

async function storedAction(lab: { activityId: string }, actionId: string) {
  const [row] = await t.database.db
    .select()
    .from(labActions)
    .where(and(eq(labActions.activityId, lab.activityId), eq(labActions.actionId, actionId)));
  return row;
}

async function historyCount(lab: { activityId: string }): Promise<number> {
  return (
    await t.database.db
      .select()
      .from(labActionUpdates)
      .where(eq(labActionUpdates.activityId, lab.activityId))
  ).length;
}

describe('GET /orgs/:orgSlug/labs/:labId/actions', () => {
  it('401 when signed out', async () => {
    const lab = await createLabWithActions();
    expect((await list(null, lab.labId)).statusCode).toBe(401);
  });

  it("404 for another organisation's lab, and for a draft to a member", async () => {
    const lab = await createLabWithActions();
    expect((await list(adminB, lab.labId, orgB)).statusCode).toBe(404);
    expect((await list(adminB, lab.labId, orgA)).statusCode).toBe(404);
    const draftLab = await createLabWithActions('draft');
    expect((await list(memberA, draftLab.labId)).statusCode).toBe(404);
    expect((await list(facilitatorA, draftLab.labId)).statusCode).toBe(200);
  });

  it('400 naming the field for a malformed lab id', async () => {
    const response = await list(memberA, 'not-a-uuid');
    expect(response.statusCode).toBe(400);
    expect(problem.parse(response.json()).errors?.map((e) => e.field)).toContain('labId');
  });

  it('lists the actions in the room’s order with what each person may do', async () => {
    const lab = await createLabWithActions();
    const asMember = followedActionList.parse((await list(memberA, lab.labId)).json());
    expect(asMember.actions.map((a) => [a.title, a.status, a.progress, a.mayUpdate])).toEqual([
      ['Leegstand aanpakken met pop-ups', 'confirmed', 0, false],
      ['Een loket voor ondernemers', 'proposed', 0, false],
    ]);
    expect(asMember.actions[0]).toMatchObject({
      activityId: lab.activityId,
      actionId: lab.first,
      description: 'Samen met de ondernemersvereniging',
      ownerName: 'Gemeente Velsen',
      owner: null,
      horizon: 'term',
      startsOn: '2027-01-01',
      endsOn: '2029-12-31',
      links: [{ type: 'theme', key: 'wonen', label: 'Wonen in de binnenstad' }],
      dots: 0,
      history: [],
    });
    expect(asMember).toMatchObject({
      mayAssignOwner: false,
      ownerCandidates: [],
      isOpenForUpdates: true,
    });

    const asFacilitator = followedActionList.parse((await list(facilitatorA, lab.labId)).json());
    expect(asFacilitator.actions.every((a) => a.mayUpdate)).toBe(true);
    expect(asFacilitator.mayAssignOwner).toBe(true);
    expect(asFacilitator.ownerCandidates.map((c) => c.name)).toContain('Olga Eigenaar');
    // Candidates carry names, never e-mail addresses.
    expect(Object.keys(asFacilitator.ownerCandidates[0] ?? {}).sort()).toEqual(['id', 'name']);

    // A facilitator of the organisation who does not lead this lab only reads.
    const asOther = followedActionList.parse((await list(orgFacilitatorA, lab.labId)).json());
    expect(asOther.actions.some((a) => a.mayUpdate)).toBe(false);
  });

  it('says nobody may update while the lab is not closed', async () => {
    const lab = await createLabWithActions('live');
    const answer = followedActionList.parse((await list(facilitatorA, lab.labId)).json());
    expect(answer.isOpenForUpdates).toBe(false);
    expect(answer.actions.some((a) => a.mayUpdate)).toBe(false);
  });
});

describe('PATCH /orgs/:orgSlug/labs/:labId/actions/:activityId/:actionId', () => {
  it('401 when signed out, changing nothing', async () => {
    const lab = await createLabWithActions();
    expect((await patch(null, lab, lab.first, { status: 'done' })).statusCode).toBe(401);
    expect(await historyCount(lab)).toBe(0);
  });

  it("404 for another organisation's action and for an unknown action", async () => {
    const lab = await createLabWithActions();
    expect((await patch(adminB, lab, lab.first, { status: 'done' }, orgB)).statusCode).toBe(404);
    expect((await patch(adminB, lab, lab.first, { status: 'done' }, orgA)).statusCode).toBe(404);
    expect((await patch(facilitatorA, lab, 'unknown', { status: 'done' })).statusCode).toBe(404);
    expect(await historyCount(lab)).toBe(0);
  });

  it('400 naming the field for bad input, changing nothing', async () => {
    const lab = await createLabWithActions();
    const cases: [object, string][] = [
      [{ progress: 101 }, 'progress'],
      [{ progress: -1 }, 'progress'],
      [{ progress: 12.5 }, 'progress'],
      [{ status: 'finished' }, 'status'],
      [{ status: 'rejected' }, 'status'],
      [{ note: 'x'.repeat(1001) }, 'note'],
      [{ ownerUserId: 'nobody' }, 'ownerUserId'],
      [{}, 'status'],
      [{ note: '   ' }, 'status'],
      // A real account, but not a member of this organisation.
      [{ ownerUserId: adminB.userId }, 'ownerUserId'],
    ];
    for (const [payload, field] of cases) {
      const response = await patch(facilitatorA, lab, lab.first, payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(problem.parse(response.json()).errors?.map((e) => e.field)).toContain(field);
    }
    expect(await historyCount(lab)).toBe(0);
    expect(await storedAction(lab, lab.first)).toMatchObject({
      status: 'confirmed',
      progress: 0,
      ownerUserId: null,
    });
  });

  it('records a facilitator’s update and answers with the action and its history', async () => {
    const lab = await createLabWithActions();
    const response = await patch(facilitatorA, lab, lab.first, {
      status: 'in-progress',
      progress: 30,
      note: 'Eerste drie panden gesproken',
      ownerUserId: ownerA.userId,
    });
    expect(response.statusCode, response.body).toBe(200);
    const action = followedAction.parse(response.json());
    expect(action).toMatchObject({
      actionId: lab.first,
      status: 'in-progress',
      progress: 30,
      owner: { id: ownerA.userId, name: 'Olga Eigenaar' },
      mayUpdate: true,
    });
    expect(action.history).toEqual([
      {
        status: 'in-progress',
        progress: 30,
        note: 'Eerste drie panden gesproken',
        authorName: 'Jeroen Bakker',
        createdAt: expect.any(String) as string,
      },
    ]);
    expect(await storedAction(lab, lab.first)).toMatchObject({
      status: 'in-progress',
      progress: 30,
      ownerUserId: ownerA.userId,
    });
  });

  it('lets the named owner update, and nobody else of the organisation but facilitators and admins', async () => {
    const lab = await createLabWithActions();
    expect(
      (await patch(facilitatorA, lab, lab.first, { ownerUserId: ownerA.userId })).statusCode,
    ).toBe(200);

    const byOwner = await patch(ownerA, lab, lab.first, { progress: 50, note: 'Halverwege' });
    expect(byOwner.statusCode, byOwner.body).toBe(200);
    expect(followedAction.parse(byOwner.json())).toMatchObject({ progress: 50, mayUpdate: true });

    // The owner of one action is not the owner of another.
    expect((await patch(ownerA, lab, lab.second, { progress: 10 })).statusCode).toBe(403);
    // An owner does not hand the action to someone else.
    expect((await patch(ownerA, lab, lab.first, { ownerUserId: memberA.userId })).statusCode).toBe(
      403,
    );
    expect((await patch(memberA, lab, lab.first, { progress: 90 })).statusCode).toBe(403);
    expect((await patch(orgFacilitatorA, lab, lab.first, { progress: 90 })).statusCode).toBe(403);
    expect((await patch(adminA, lab, lab.first, { status: 'done' })).statusCode).toBe(200);

    const mine = followedActionList.parse((await list(ownerA, lab.labId)).json());
    expect(mine.actions.map((a) => [a.actionId, a.mayUpdate])).toEqual([
      [lab.first, true],
      [lab.second, false],
    ]);
    expect(await storedAction(lab, lab.first)).toMatchObject({ status: 'done', progress: 50 });
  });

  it('keeps every change in the history, oldest first, and progress 100 does not make it done', async () => {
    const lab = await createLabWithActions();
    const steps = [
      { status: 'in-progress', progress: 10, note: 'Gestart' },
      { progress: 100, note: 'Alles geregeld' },
      { note: 'Nog één handtekening nodig' },
      { status: 'done' },
    ];
    for (const step of steps) {
      const response = await patch(facilitatorA, lab, lab.first, step);
      expect(response.statusCode, response.body).toBe(200);
      if (step.progress === 100) {
        expect(followedAction.parse(response.json()).status).toBe('in-progress');
      }
    }
    const [action] = followedActionList.parse((await list(memberA, lab.labId)).json()).actions;
    expect(action?.history.map((h) => [h.status, h.progress, h.note])).toEqual([
      ['in-progress', 10, 'Gestart'],
      ['in-progress', 100, 'Alles geregeld'],
      ['in-progress', 100, 'Nog één handtekening nodig'],
      ['done', 100, ''],
    ]);
    const times = action?.history.map((h) => Date.parse(h.createdAt)) ?? [];
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it('409 while the lab is not closed: the room decides until then', async () => {
    const lab = await createLabWithActions('live');
    const response = await patch(facilitatorA, lab, lab.first, { status: 'done' });
    expect(response.statusCode).toBe(409);
    expect(await historyCount(lab)).toBe(0);
  });
});
