import { describe, expect, it } from 'vitest';
import { roleInOrg } from './useOrgRole.ts';

describe('roleInOrg', () => {
  const memberships = [
    { orgSlug: 'ijmond', role: 'facilitator' as const },
    { orgSlug: 'velsen', role: 'admin' as const },
  ];

  it('finds the role of the organisation with that slug', () => {
    expect(roleInOrg(memberships, 'velsen')).toBe('admin');
    expect(roleInOrg(memberships, 'ijmond')).toBe('facilitator');
  });

  it('answers null for an organisation the person is not a member of', () => {
    expect(roleInOrg(memberships, 'beverwijk')).toBeNull();
    expect(roleInOrg([], 'velsen')).toBeNull();
  });
});
