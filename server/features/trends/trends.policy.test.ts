import { describe, expect, it } from 'vitest';
import { orgRoles } from '../../../common/roles.ts';
import { canManageCatalogue, canReadCatalogue, canSeeArchived } from './trends.policy.ts';

describe('trend catalogue policy', () => {
  it('lets every member read and only admins see archived items and edit', () => {
    expect(orgRoles.map((role) => [role, canReadCatalogue(role)])).toEqual([
      ['admin', true],
      ['facilitator', true],
      ['member', true],
    ]);
    expect(orgRoles.filter(canSeeArchived)).toEqual(['admin']);
    expect(orgRoles.filter(canManageCatalogue)).toEqual(['admin']);
  });
});
