import { describe, expect, it } from 'vitest';
import {
  actionHorizons,
  actionLinkTypes,
  actionStatuses,
} from '../../../common/activities/actions.ts';
import { expectCompleteMessages, keysOf, valueAt } from '../../i18n/messages.testing.ts';
import { activitiesMessages } from '../activities.messages.ts';
import { actionsMessages } from './actions.messages.ts';

describe('messages of the actions activity', () => {
  it('has the same keys in Dutch and English, none empty', () => {
    expectCompleteMessages(actionsMessages);
  });

  it('names every status, horizon and link type (the views look these up by value)', () => {
    const keys = new Set(keysOf(actionsMessages.nl));
    for (const status of actionStatuses) expect(keys).toContain(`statuses.${status}`);
    for (const horizon of actionHorizons) expect(keys).toContain(`horizons.${horizon}`);
    for (const type of actionLinkTypes) expect(keys).toContain(`linkTypes.${type}`);
    expect(valueAt(activitiesMessages.nl, 'kinds.actions')).toBe('Acties');
  });
});
