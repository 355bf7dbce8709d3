import { describe, expect, it } from 'vitest';
import type { SessionMembership, SessionResponse } from '../../../common/auth.ts';
import { welcomeDestination } from './welcomeDestination.ts';

const velsen: SessionMembership = {
  orgId: '00000000-0000-4000-8000-000000000001',
  orgSlug: 'velsen',
  orgName: 'Gemeente Velsen',
  role: 'member',
};
const ijmond: SessionMembership = {
  orgId: '00000000-0000-4000-8000-000000000002',
  orgSlug: 'ijmond',
  orgName: 'Regio IJmond',
  role: 'facilitator',
};

function sessionOf(userId: string | null, memberships: SessionMembership[]): SessionResponse {
  return {
    user: userId
      ? {
          id: userId,
          email: 'a@example.org',
          name: 'A',
          initials: 'A',
          emailVerified: true,
          hasPassword: true,
          locale: 'nl',
        }
      : null,
    memberships,
    csrfToken: userId ? 'csrf' : null,
    expiresAt: null,
  };
}

const anna = '00000000-0000-4000-8000-00000000000a';
const bram = '00000000-0000-4000-8000-00000000000b';

describe('welcomeDestination', () => {
  it('goes to the only organisation', () => {
    expect(welcomeDestination(sessionOf(null, []), sessionOf(anna, [velsen]))).toBe('/o/velsen');
    expect(welcomeDestination(null, sessionOf(anna, [velsen]))).toBe('/o/velsen');
  });

  it('goes to the organisation that is new for the same person', () => {
    expect(welcomeDestination(sessionOf(anna, [ijmond]), sessionOf(anna, [ijmond, velsen]))).toBe(
      '/o/velsen',
    );
  });

  it('goes home when it cannot tell which organisation invited them', () => {
    expect(welcomeDestination(sessionOf(null, []), sessionOf(anna, [ijmond, velsen]))).toBe('/');
    expect(welcomeDestination(sessionOf(bram, [ijmond]), sessionOf(anna, [ijmond, velsen]))).toBe(
      '/',
    );
    expect(welcomeDestination(null, sessionOf(anna, []))).toBe('/');
  });
});
