import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { membershipStatuses } from '../../../common/roles.ts';
import { maySignIn, needsCurrentPassword } from './auth.policy.ts';

const statuses = fc.array(fc.constantFrom(...membershipStatuses), { maxLength: 8 });

describe('maySignIn', () => {
  it('keeps out exactly the people deactivated in every organisation they belong to', () => {
    fc.assert(
      fc.property(statuses, (held) => {
        const isDeactivatedEverywhere = held.length > 0 && held.every((s) => s === 'deactivated');
        expect(maySignIn(held)).toBe(!isDeactivatedEverywhere);
      }),
    );
  });

  it('does not depend on the order of the memberships', () => {
    fc.assert(
      fc.property(statuses, (held) => {
        expect(maySignIn([...held].reverse())).toBe(maySignIn(held));
      }),
    );
  });

  it('lets in a person without memberships and one with a single active or invited one', () => {
    expect(maySignIn([])).toBe(true);
    expect(maySignIn(['deactivated', 'invited'])).toBe(true);
    expect(maySignIn(['deactivated', 'active'])).toBe(true);
    expect(maySignIn(['deactivated', 'deactivated'])).toBe(false);
  });
});

describe('needsCurrentPassword', () => {
  it('asks for the current password only when there is one', () => {
    expect(needsCurrentPassword({ hasPassword: true })).toBe(true);
    expect(needsCurrentPassword({ hasPassword: false })).toBe(false);
  });
});
