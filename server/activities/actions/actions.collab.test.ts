// The actions rules over real sockets with the real provider (docs/COLLAB_SPEC.md, X4–X10, X13).
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
  editAction,
  placeActionDot,
  proposeAction,
  readAction,
  setActionStatus,
  type ActionDraft,
} from '../../../common/activities/actions.doc.ts';
import { actionsRoots, type ActionsConfig } from '../../../common/activities/actions.ts';
import { patchActivityState } from '../../../common/activities/control.doc.ts';
import type { VoteState } from '../../../common/activities/control.ts';
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
import { labActions } from '../../db/schema.ts';

const collab = useCollabServer();
const open = (name: string, token: string): TestClient => collab.open(name, token);

const config: ActionsConfig = { kind: 'actions', dotsPerPerson: 2, termEnds: '2030-03-31' };
const vote: VoteState = { open: true, dotsPerPerson: 2, sectionKey: null, revealed: false };

const draft: ActionDraft = {
  title: 'Leegstaande panden tijdelijk verhuren aan makers',
  description: 'Met de eigenaren en de BIZ',
  ownerName: 'Gemeente Beverwijk',
  horizon: 'term',
  startsOn: null,
  endsOn: '2029-12-31',
  links: [{ type: 'trend', key: 'anders-produceren', label: 'Anders produceren' }],
};

async function liveActions(status: 'live' | 'closed' = 'live') {
  const { labId, controlName } = await createLab(collab.t, { status });
  const { activityId, name } = await addConfiguredActivity(collab.t, labId, config, 'Acties');
  const anna = await addParticipant(collab.t, labId, { name: 'Anna' });
  const bram = await addParticipant(collab.t, labId, { name: 'Bram' });
  const fien = await addParticipant(collab.t, labId, { role: 'facilitator', name: 'Fien' });
  return {
    labId,
    controlName,
    activityId,
    name,
    anna,
    bram,
    fien,
  };
}

describe('actions over real sockets', () => {
  it('X4–X10: a proposal is only its author’s to change, the facilitator confirms, dots stay within the limit, and the rows follow', async () => {
    const lab = await liveActions();
    const anna = open(lab.name, lab.anna.token);
    const bram = open(lab.name, lab.bram.token);
    await Promise.all([waitSynced(anna), waitSynced(bram)]);

    const action = proposeAction(anna.doc, draft, {
      authorId: lab.anna.participantId,
      authorName: 'Anna',
    });
    await waitAcknowledged(anna);
    await waitFor('Bram sees the proposal', () => readAction(bram.doc, action.id) !== null);

    // Bram may not confirm Anna's proposal…
    setActionStatus(bram.doc, action.id, 'confirmed');
    expect(await refusedWith(bram, 4422)).toMatch(/belongs to someone else/);
    // …nor change its words.
    const bramAgain = open(lab.name, lab.bram.token);
    await waitSynced(bramAgain);
    editAction(bramAgain.doc, action.id, { ...draft, title: 'Overgenomen door Bram' });
    expect(await refusedWith(bramAgain, 4422)).toMatch(/belongs to someone else/);

    // The facilitator confirms it, and Anna sees that.
    const fien = open(lab.name, lab.fien.token);
    await waitSynced(fien);
    setActionStatus(fien.doc, action.id, 'confirmed');
    await waitAcknowledged(fien);
    await waitFor(
      'Anna sees the confirmation',
      () => readAction(anna.doc, action.id)?.status === 'confirmed',
    );
    expect(readAction(anna.doc, action.id)?.title).toBe(draft.title);

    // Now confirmed, the proposal is no longer Anna's to change either.
    editAction(anna.doc, action.id, { ...draft, title: 'Nog even aangepast' });
    expect(await refusedWith(anna, 4422)).toMatch(/no longer a proposal/);

    // The facilitator opens the vote with two dots each.
    const steer = open(lab.controlName, lab.fien.token);
    await waitSynced(steer);
    patchActivityState(steer.doc, lab.activityId, { vote });
    await waitAcknowledged(steer);

    const voter = open(lab.name, lab.bram.token);
    await waitSynced(voter);
    expect(placeActionDot(voter.doc, lab.bram.participantId, action.id, vote)).toBe(true);
    expect(placeActionDot(voter.doc, lab.bram.participantId, action.id, vote)).toBe(true);
    await waitAcknowledged(voter);
    // The helper will not place a third; a client that does anyway is refused.
    voter.doc.getMap(actionsRoots.dots).set(`${lab.bram.participantId}|${action.id}`, 3);
    expect(await refusedWith(voter, 4422)).toMatch(/more than 2 dots/);

    await sleep(100);
    await collab.server.server.flush();
    const stored = await storedDoc(collab.t, lab.name);
    expect(stored.getMap(actionsRoots.dots).get(`${lab.bram.participantId}|${action.id}`)).toBe(2);
    const rows = await collab.t.database.db
      .select()
      .from(labActions)
      .where(eq(labActions.activityId, lab.activityId));
    expect(rows.map((r) => [r.actionId, r.title, r.status, r.dots, r.proposedByName])).toEqual([
      [action.id, draft.title, 'confirmed', 2, 'Anna'],
    ]);
  });

  it('X13: in a closed lab every connection to an actions document is read-only, facilitators’ too', async () => {
    const lab = await liveActions('closed');
    const fien = open(lab.name, lab.fien.token);
    await waitSynced(fien);
    expect(fien.scope()).toBe('readonly');
    proposeAction(fien.doc, draft, { authorId: lab.fien.participantId, authorName: 'Fien' });
    expect(await refusedWith(fien, 4403)).toMatch(/read-only/);
    const anna = open(lab.name, lab.anna.token);
    await waitSynced(anna);
    expect(anna.scope()).toBe('readonly');
    await sleep(100);
    expect((await storedDoc(collab.t, lab.name)).getMap(actionsRoots.actions).size).toBe(0);
  });
});
