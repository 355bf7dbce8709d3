import { describe, expect, it } from 'vitest';
import { actionHorizons, storedActionStatuses } from '../../../common/activities/actions.ts';
import { expectCompleteMessages, keysOf } from '../../i18n/messages.testing.ts';
import { actionsFollowUpMessages } from './actions.messages.ts';

describe('messages of the actions follow-up', () => {
  it('has the same keys in Dutch and English, none empty', () => {
    expectCompleteMessages(actionsFollowUpMessages);
  });

  it('names every status an action can have and every horizon', () => {
    const keys = new Set(keysOf(actionsFollowUpMessages.nl));
    for (const status of storedActionStatuses) expect(keys).toContain(`statuses.${status}`);
    for (const horizon of actionHorizons) expect(keys).toContain(`horizons.${horizon}`);
  });
});
