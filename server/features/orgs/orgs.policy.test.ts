import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { membershipStatuses, orgRoles } from '../../../common/roles.ts';
import {
  applyMembershipChange,
  canEditOrganisation,
  canManageMembers,
  hasActiveAdmin,
  wouldLeaveNoActiveAdmin,
  type MembershipChange,
  type MembershipState,
} from './orgs.policy.ts';

const PEOPLE = 6;
const userIds = Array.from({ length: PEOPLE }, (_, i) => `user-${i}`);

const membershipsArb: fc.Arbitrary<MembershipState[]> = fc
  .uniqueArray(fc.constantFrom(...userIds), { minLength: 1, maxLength: PEOPLE })
  .chain((ids) =>
    fc.tuple(
      ...ids.map((userId) =>
        fc.record({
          userId: fc.constant(userId),
          role: fc.constantFrom(...orgRoles),
          status: fc.constantFrom(...membershipStatuses),
        }),
      ),
    ),
  );

// Changes may name people who are not members, as a stale request would.
const changeArb: fc.Arbitrary<MembershipChange> = fc.oneof(
  fc.record({
    kind: fc.constant('role' as const),
    userId: fc.constantFrom(...userIds),
    role: fc.constantFrom(...orgRoles),
  }),
  fc.record({ kind: fc.constant('deactivate' as const), userId: fc.constantFrom(...userIds) }),
  fc.record({ kind: fc.constant('reactivate' as const), userId: fc.constantFrom(...userIds) }),
  fc.record({ kind: fc.constant('remove' as const), userId: fc.constantFrom(...userIds) }),
);

const withActiveAdmin = membershipsArb.filter(hasActiveAdmin);

describe('the last-admin rule', () => {
  it('keeps an active admin through any sequence of changes the rule allows', () => {
    fc.assert(
      fc.property(withActiveAdmin, fc.array(changeArb, { maxLength: 30 }), (start, changes) => {
        let state = start;
        for (const change of changes) {
          if (wouldLeaveNoActiveAdmin(state, change)) continue;
          state = applyMembershipChange(state, change);
          expect(hasActiveAdmin(state)).toBe(true);
        }
      }),
    );
  });

  it('refuses a change only when it would take away the last active admin', () => {
    fc.assert(
      fc.property(membershipsArb, changeArb, (state, change) => {
        const after = applyMembershipChange(state, change);
        expect(wouldLeaveNoActiveAdmin(state, change)).toBe(
          hasActiveAdmin(state) && !hasActiveAdmin(after),
        );
      }),
    );
  });

  it('refuses demoting, deactivating or removing the only active admin', () => {
    const state: MembershipState[] = [
      { userId: 'a', role: 'admin', status: 'active' },
      { userId: 'b', role: 'admin', status: 'invited' },
      { userId: 'c', role: 'admin', status: 'deactivated' },
      { userId: 'd', role: 'member', status: 'active' },
    ];
    expect(wouldLeaveNoActiveAdmin(state, { kind: 'role', userId: 'a', role: 'facilitator' })).toBe(
      true,
    );
    expect(wouldLeaveNoActiveAdmin(state, { kind: 'deactivate', userId: 'a' })).toBe(true);
    expect(wouldLeaveNoActiveAdmin(state, { kind: 'remove', userId: 'a' })).toBe(true);
    expect(wouldLeaveNoActiveAdmin(state, { kind: 'role', userId: 'a', role: 'admin' })).toBe(
      false,
    );
    expect(wouldLeaveNoActiveAdmin(state, { kind: 'deactivate', userId: 'd' })).toBe(false);
  });

  it('lets people leave an organisation that has no active admin to lose', () => {
    const state: MembershipState[] = [
      { userId: 'a', role: 'admin', status: 'invited' },
      { userId: 'd', role: 'member', status: 'active' },
    ];
    expect(wouldLeaveNoActiveAdmin(state, { kind: 'remove', userId: 'd' })).toBe(false);
  });

  it('does not change the memberships it is given', () => {
    fc.assert(
      fc.property(membershipsArb, changeArb, (state, change) => {
        const copy = structuredClone(state);
        applyMembershipChange(state, change);
        expect(state).toEqual(copy);
      }),
    );
  });
});

describe('who may manage an organisation', () => {
  it('is the admin alone', () => {
    expect(orgRoles.filter(canEditOrganisation)).toEqual(['admin']);
    expect(orgRoles.filter(canManageMembers)).toEqual(['admin']);
  });
});
