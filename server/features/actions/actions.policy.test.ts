import { describe, expect, it } from 'vitest';
import { labStatuses } from '../../../common/labs.ts';
import { canAssignOwner, canUpdateAction, isOpenForFollowUp } from './actions.policy.ts';

describe('actions follow-up policy', () => {
  it('lets facilitators, admins and the named owner update an action, nobody else', () => {
    expect(canUpdateAction({ mayFacilitate: true, isOwner: false })).toBe(true);
    expect(canUpdateAction({ mayFacilitate: false, isOwner: true })).toBe(true);
    expect(canUpdateAction({ mayFacilitate: false, isOwner: false })).toBe(false);
  });

  it('lets only people who may facilitate name an owner', () => {
    expect(canAssignOwner({ mayFacilitate: true })).toBe(true);
    expect(canAssignOwner({ mayFacilitate: false })).toBe(false);
  });

  it('opens the follow-up only once the lab is closed', () => {
    expect(labStatuses.filter(isOpenForFollowUp)).toEqual(['closed']);
  });
});
