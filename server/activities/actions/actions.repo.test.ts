import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  editAction,
  moveAction,
  placeActionDot,
  proposeAction,
  setActionStatus,
  withdrawAction,
  type ActionDraft,
} from '../../../common/activities/actions.doc.ts';
import { actionsRoots, type ActionsConfig } from '../../../common/activities/actions.ts';
import type { VoteState } from '../../../common/activities/control.ts';
import {
  activities,
  labActions,
  labActionUpdates,
  labParticipants,
  labs,
  users,
} from '../../db/schema.ts';
import { createOrg, createTestContext, type TestContext } from '../../testing/harness.ts';
import { projectActions } from './actions.repo.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(async () => {
  await t.close();
});

const config: ActionsConfig = { kind: 'actions', dotsPerPerson: 5, termEnds: '2030-03-31' };
const vote: VoteState = { open: true, dotsPerPerson: 5, sectionKey: null, revealed: false };

/** A lab with one actions activity and the named guests, straight into the database. */
async function createActionsLab(options: { anonymous?: boolean; people: string[] }) {
  const org = await createOrg(t);
  const db = t.database.db;
  const [lab] = await db
    .insert(labs)
    .values({
      orgId: org.id,
      title: 'Binnenstadslab',
      kind: 'local',
      status: 'live',
      anonymous: options.anonymous ?? false,
    })
    .returning();
  if (!lab) throw new Error('lab not created');
  const [activity] = await db
    .insert(activities)
    .values({ labId: lab.id, position: 0, kind: 'actions', title: 'Acties', config })
    .returning();
  if (!activity) throw new Error('activity not created');
  const people = await db
    .insert(labParticipants)
    .values(
      options.people.map((displayName) => ({ labId: lab.id, kind: 'guest' as const, displayName })),
    )
    .returning();
  return {
    target: { labId: lab.id, activityId: activity.id, config },
    ids: people.map((p) => p.id),
  };
}

const draft = (title: string, overrides: Partial<ActionDraft> = {}): ActionDraft => ({
  title,
  description: 'Met eigenaren en ondernemers',
  ownerName: 'Gemeente Velsen',
  horizon: 'term',
  startsOn: '2027-01-01',
  endsOn: '2028-06-30',
  links: [{ type: 'trend', key: 'anders-consumeren', label: 'Anders consumeren' }],
  ...overrides,
});

async function rowsOf(activityId: string) {
  return t.database.db
    .select()
    .from(labActions)
    .where(eq(labActions.activityId, activityId))
    .orderBy(asc(labActions.position));
}

/** What the follow-up API does to an action, straight into the tables. */
async function followUp(
  target: { labId: string; activityId: string },
  actionId: string,
  change: { status: string; progress: number; ownerUserId?: string },
) {
  await t.database.db.transaction(async (tx) => {
    await tx.insert(labActionUpdates).values({
      activityId: target.activityId,
      actionId,
      labId: target.labId,
      authorName: 'Jeroen Bakker',
      status: change.status,
      progress: change.progress,
    });
    await tx
      .update(labActions)
      .set(change)
      .where(and(eq(labActions.activityId, target.activityId), eq(labActions.actionId, actionId)));
  });
}

describe('projectActions', () => {
  it('X20: stores each action with what the room wrote, its rank, its proposer and its dots', async () => {
    const { target, ids } = await createActionsLab({ people: ['Anna', 'Bram'] });
    const [anna = '', bram = ''] = ids;
    const doc = new Y.Doc();
    const first = proposeAction(doc, draft('Eerste'), { authorId: anna, authorName: 'Anna' });
    const second = proposeAction(doc, draft('Tweede', { horizon: 'later', startsOn: null }), {
      authorId: bram,
      authorName: 'Bram',
    });
    moveAction(doc, second.id, -1);
    setActionStatus(doc, first.id, 'confirmed');
    placeActionDot(doc, anna, first.id, vote);
    placeActionDot(doc, anna, first.id, vote);
    placeActionDot(doc, bram, first.id, vote);
    placeActionDot(doc, bram, second.id, vote);

    await projectActions(t.database.db, doc, target);

    const rows = await rowsOf(target.activityId);
    expect(rows.map((r) => [r.position, r.title, r.status, r.dots, r.horizon])).toEqual([
      [0, 'Tweede', 'proposed', 1, 'later'],
      [1, 'Eerste', 'confirmed', 3, 'term'],
    ]);
    expect(rows[1]).toMatchObject({
      labId: target.labId,
      actionId: first.id,
      description: 'Met eigenaren en ondernemers',
      ownerName: 'Gemeente Velsen',
      ownerUserId: null,
      startsOn: '2027-01-01',
      endsOn: '2028-06-30',
      links: [{ type: 'trend', key: 'anders-consumeren', label: 'Anders consumeren' }],
      progress: 0,
      proposedByParticipantId: anna,
      proposedByName: 'Anna',
      createdAt: new Date(first.createdAt),
    });
    expect(rows[0]?.startsOn).toBeNull();
  });

  it('X21: an action that left the document loses its row; one that was followed up keeps it', async () => {
    const { target, ids } = await createActionsLab({ people: ['Anna'] });
    const [anna = ''] = ids;
    const doc = new Y.Doc();
    const author = { authorId: anna, authorName: 'Anna' };
    const dropped = proposeAction(doc, draft('Verdwijnt'), author);
    const followed = proposeAction(doc, draft('Blijft'), author);
    await projectActions(t.database.db, doc, target);
    expect(await rowsOf(target.activityId)).toHaveLength(2);
    await followUp(target, followed.id, { status: 'in-progress', progress: 10 });

    withdrawAction(doc, dropped.id);
    withdrawAction(doc, followed.id);
    await projectActions(t.database.db, doc, target);
    const rows = await rowsOf(target.activityId);
    expect(rows.map((r) => [r.actionId, r.status, r.progress])).toEqual([
      [followed.id, 'in-progress', 10],
    ]);
  });

  it('X22: a late projection never overwrites the status, progress or owner the follow-up set', async () => {
    const { target, ids } = await createActionsLab({ people: ['Anna'] });
    const [anna = ''] = ids;
    const [owner] = await t.database.db
      .insert(users)
      .values({ email: `eigenaar-${Date.now()}@example.nl`, name: 'Els Visser' })
      .returning();
    if (!owner) throw new Error('user not created');
    const doc = new Y.Doc();
    const action = proposeAction(doc, draft('Loket voor ondernemers'), {
      authorId: anna,
      authorName: 'Anna',
    });
    const untouched = proposeAction(doc, draft('Nog niet opgevolgd'), {
      authorId: anna,
      authorName: 'Anna',
    });
    setActionStatus(doc, action.id, 'confirmed');
    await projectActions(t.database.db, doc, target);

    await followUp(target, action.id, { status: 'done', progress: 100, ownerUserId: owner.id });
    // The room's copy still says what it said, and a little more: a late store projects it.
    editAction(doc, action.id, draft('Loket voor ondernemers en makers'));
    setActionStatus(doc, action.id, 'rejected');
    setActionStatus(doc, untouched.id, 'confirmed');
    await projectActions(t.database.db, doc, target);

    const rows = await rowsOf(target.activityId);
    expect(rows.find((r) => r.actionId === action.id)).toMatchObject({
      title: 'Loket voor ondernemers en makers',
      status: 'done',
      progress: 100,
      ownerUserId: owner.id,
    });
    // An action nobody followed up still takes its status from the room.
    expect(rows.find((r) => r.actionId === untouched.id)?.status).toBe('confirmed');
  });

  it('X22: a follow-up update that commits while the projection runs is not overwritten', async () => {
    const { target, ids } = await createActionsLab({ people: ['Anna'] });
    const [anna = ''] = ids;
    const doc = new Y.Doc();
    const action = proposeAction(doc, draft('Gevelfonds'), { authorId: anna, authorName: 'Anna' });
    setActionStatus(doc, action.id, 'confirmed');
    await projectActions(t.database.db, doc, target);

    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let signalLocked: () => void = () => undefined;
    const locked = new Promise<void>((resolve) => {
      signalLocked = resolve;
    });
    // The follow-up holds the row (as its service does) until the projection has started.
    const update = t.database.db.transaction(async (tx) => {
      await tx
        .select()
        .from(labActions)
        .where(
          and(eq(labActions.activityId, target.activityId), eq(labActions.actionId, action.id)),
        )
        .for('update');
      await tx.insert(labActionUpdates).values({
        activityId: target.activityId,
        actionId: action.id,
        labId: target.labId,
        authorName: 'Jeroen Bakker',
        status: 'in-progress',
        progress: 25,
      });
      await tx
        .update(labActions)
        .set({ status: 'in-progress', progress: 25 })
        .where(
          and(eq(labActions.activityId, target.activityId), eq(labActions.actionId, action.id)),
        );
      signalLocked();
      await gate;
    });
    await locked;
    // The room changed the action meanwhile, so the projection has something to write.
    editAction(doc, action.id, draft('Gevelfonds voor de Lange Nieuwstraat'));
    const projection = projectActions(t.database.db, doc, target);
    await new Promise((resolve) => setTimeout(resolve, 150));
    release();
    await update;
    await projection;

    const [row] = await rowsOf(target.activityId);
    expect(row).toMatchObject({
      title: 'Gevelfonds voor de Lange Nieuwstraat',
      status: 'in-progress',
      progress: 25,
    });
  });

  it('X23: an anonymous lab stores no proposer names, whatever the document says', async () => {
    const { target, ids } = await createActionsLab({ anonymous: true, people: ['Anna'] });
    const [anna = ''] = ids;
    const doc = new Y.Doc();
    proposeAction(doc, draft('Anoniem'), { authorId: anna, authorName: 'Anna' });
    await projectActions(t.database.db, doc, target);
    const [row] = await rowsOf(target.activityId);
    expect(row).toMatchObject({ proposedByName: '', proposedByParticipantId: anna });
  });

  it("X23: strangers' ids, their dots, U+0000 and impossible dates are made harmless", async () => {
    const { target, ids } = await createActionsLab({ people: ['Anna'] });
    const [anna = ''] = ids;
    const stranger = '00000000-0000-4000-8000-000000000000';
    const doc = new Y.Doc();
    const forged = proposeAction(doc, draft('Vreemd\u0000'), {
      authorId: stranger,
      authorName: 'Iemand',
    });
    const odd = proposeAction(
      doc,
      draft('Met rare link', {
        links: [{ type: 'theme', key: 'k\u0000', label: 'L\u0000abel' }],
      }),
      { authorId: anna, authorName: 'Anna' },
    );
    doc.getMap(actionsRoots.actions).set(odd.id, { ...odd, createdAt: -1e15 });
    doc.getMap(actionsRoots.actions).set('bad\u0000id', { ...odd, id: 'bad\u0000id' });
    placeActionDot(doc, stranger, forged.id, vote);
    placeActionDot(doc, anna, forged.id, vote);

    const before = Date.now();
    await projectActions(t.database.db, doc, target);
    const rows = await rowsOf(target.activityId);
    expect(rows).toHaveLength(2);
    const forgedRow = rows.find((r) => r.actionId === forged.id);
    expect(forgedRow).toMatchObject({ title: 'Vreemd', proposedByParticipantId: null, dots: 1 });
    const oddRow = rows.find((r) => r.actionId === odd.id);
    expect(oddRow?.links).toEqual([{ type: 'theme', key: 'k', label: 'Label' }]);
    expect(oddRow?.createdAt.getTime()).toBeGreaterThanOrEqual(before - 1000);
  });

  it('X20: a projection of an unchanged document writes nothing new', async () => {
    const { target, ids } = await createActionsLab({ people: ['Anna'] });
    const [anna = ''] = ids;
    const doc = new Y.Doc();
    proposeAction(doc, draft('Stil'), { authorId: anna, authorName: 'Anna' });
    await projectActions(t.database.db, doc, target);
    const [first] = await rowsOf(target.activityId);
    await new Promise((resolve) => setTimeout(resolve, 20));
    await projectActions(t.database.db, doc, target);
    const [second] = await rowsOf(target.activityId);
    expect(second?.updatedAt).toEqual(first?.updatedAt);
  });
});
