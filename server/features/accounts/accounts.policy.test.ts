import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { membershipStatuses, orgRoles } from '../../../common/roles.ts';
import {
  isDeletionConfirmed,
  orgsLeftWithoutAdmin,
  orgsWhereActiveAdmin,
} from './accounts.policy.ts';

const orgIds = ['org-a', 'org-b', 'org-c', 'org-d'];
const memberships = fc.uniqueArray(
  fc.record({
    orgId: fc.constantFrom(...orgIds),
    role: fc.constantFrom(...orgRoles),
    status: fc.constantFrom(...membershipStatuses),
  }),
  { selector: (m) => m.orgId },
);
const otherAdminCounts = fc
  .array(fc.nat({ max: 3 }), { minLength: orgIds.length, maxLength: orgIds.length })
  .map((counts) => new Map(orgIds.map((id, i) => [id, counts[i] ?? 0])));

describe('orgsLeftWithoutAdmin', () => {
  it('names an organisation exactly when the person is its active admin and no one else is', () => {
    fc.assert(
      fc.property(memberships, otherAdminCounts, (held, others) => {
        const blocked = new Set(orgsLeftWithoutAdmin(held, others));
        for (const m of held) {
          const isLastAdmin =
            m.role === 'admin' && m.status === 'active' && (others.get(m.orgId) ?? 0) === 0;
          expect(blocked.has(m.orgId)).toBe(isLastAdmin);
        }
        for (const orgId of blocked) expect(held.some((m) => m.orgId === orgId)).toBe(true);
      }),
    );
  });

  it('never blocks someone who is not an active admin anywhere', () => {
    fc.assert(
      fc.property(memberships, otherAdminCounts, (held, others) => {
        fc.pre(orgsWhereActiveAdmin(held).length === 0);
        expect(orgsLeftWithoutAdmin(held, others)).toEqual([]);
      }),
    );
  });

  it('treats an organisation missing from the counts as having no other admin', () => {
    expect(
      orgsLeftWithoutAdmin([{ orgId: 'org-a', role: 'admin', status: 'active' }], new Map()),
    ).toEqual(['org-a']);
  });
});

describe('isDeletionConfirmed', () => {
  it('accepts the address whatever its case and surrounding spaces, and nothing else', () => {
    expect(isDeletionConfirmed('Anna@Example.nl', '  anna@example.NL ')).toBe(true);
    expect(isDeletionConfirmed('anna@example.nl', 'anna@example.com')).toBe(false);
    expect(isDeletionConfirmed('anna@example.nl', '')).toBe(false);
    fc.assert(
      fc.property(fc.emailAddress(), (address) => {
        expect(isDeletionConfirmed(address, address.toUpperCase())).toBe(true);
      }),
    );
  });
});
