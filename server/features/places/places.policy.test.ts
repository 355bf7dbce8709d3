import { describe, expect, it } from 'vitest';
import { orgRoles } from '../../../common/roles.ts';
import { canEditPlaces, canReadPlaces } from './places.policy.ts';

describe('places policy', () => {
  it('lets every member read places and regions', () => {
    expect(orgRoles.filter(canReadPlaces)).toEqual(['admin', 'facilitator', 'member']);
  });

  it('lets facilitators and admins change them', () => {
    expect(orgRoles.filter(canEditPlaces)).toEqual(['admin', 'facilitator']);
  });
});
