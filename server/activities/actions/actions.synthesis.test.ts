import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  placeActionDot,
  proposeAction,
  setActionStatus,
  type ActionDraft,
} from '../../../common/activities/actions.doc.ts';
import type { ActionsConfig } from '../../../common/activities/actions.ts';
import type { VoteState } from '../../../common/activities/control.ts';
import { activitySynthesis } from '../../../common/synthesis.ts';
import { synthesiseActions } from './actions.synthesis.ts';

const config: ActionsConfig = { kind: 'actions', dotsPerPerson: 5, termEnds: null };
const vote: VoteState = { open: true, dotsPerPerson: 5, sectionKey: null, revealed: true };
const target = {
  labId: '11111111-1111-4111-8111-111111111111',
  activityId: '22222222-2222-4222-8222-222222222222',
  config,
  title: 'Acties',
  anonymous: true,
};

const draft = (title: string, ownerName = ''): ActionDraft => ({
  title,
  description: '',
  ownerName,
  horizon: 'term',
  startsOn: null,
  endsOn: null,
  links: [],
});

describe('synthesiseActions', () => {
  it('lists every action, confirmed first, then by dots, with owner, horizon and progress 0', () => {
    const doc = new Y.Doc();
    const author = { authorId: 'p', authorName: '' };
    const few = proposeAction(doc, draft('Weinig stippen'), author);
    const many = proposeAction(doc, draft('Veel stippen'), author);
    const chosen = proposeAction(doc, draft('Bevestigd', 'BIZ'), author);
    const dropped = proposeAction(doc, draft('Afgewezen'), author);
    setActionStatus(doc, chosen.id, 'confirmed');
    setActionStatus(doc, dropped.id, 'rejected');
    placeActionDot(doc, 'p', many.id, vote);
    placeActionDot(doc, 'q', many.id, vote);
    placeActionDot(doc, 'q', few.id, vote);
    placeActionDot(doc, 'p', dropped.id, vote);

    const part = activitySynthesis.parse(synthesiseActions(doc, target));
    expect(part).toEqual({
      kind: 'actions',
      activityId: target.activityId,
      title: 'Acties',
      actions: [
        {
          id: chosen.id,
          title: 'Bevestigd',
          owner: 'BIZ',
          horizon: 'term',
          status: 'confirmed',
          dots: 0,
          progress: 0,
        },
        {
          id: many.id,
          title: 'Veel stippen',
          owner: '',
          horizon: 'term',
          status: 'proposed',
          dots: 2,
          progress: 0,
        },
        {
          id: few.id,
          title: 'Weinig stippen',
          owner: '',
          horizon: 'term',
          status: 'proposed',
          dots: 1,
          progress: 0,
        },
        {
          id: dropped.id,
          title: 'Afgewezen',
          owner: '',
          horizon: 'term',
          status: 'rejected',
          dots: 0,
          progress: 0,
        },
      ],
    });
  });
});
