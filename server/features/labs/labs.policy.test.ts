import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { labStatuses } from '../../../common/labs.ts';
import { orgRoles } from '../../../common/roles.ts';
import {
  canCreateLab,
  canFacilitateLab,
  canManageTemplates,
  canParticipantConnect,
  canReadTemplates,
  canSeeLab,
  isEditable,
  isJoinable,
} from './labs.policy.ts';

const role = fc.constantFrom(...orgRoles, null);
const status = fc.constantFrom(...labStatuses);
const standing = fc.record({ role, isLabFacilitator: fc.boolean() });

describe('labs policy', () => {
  it('lets facilitators and admins create labs, members not', () => {
    expect(orgRoles.filter(canCreateLab)).toEqual(['admin', 'facilitator']);
  });

  it('lets lab facilitators and org admins facilitate, nobody else', () => {
    expect(canFacilitateLab({ role: 'admin', isLabFacilitator: false })).toBe(true);
    expect(canFacilitateLab({ role: 'facilitator', isLabFacilitator: false })).toBe(false);
    expect(canFacilitateLab({ role: 'member', isLabFacilitator: true })).toBe(true);
    expect(canFacilitateLab({ role: null, isLabFacilitator: false })).toBe(false);
  });

  it('property: whoever may facilitate a lab of their organisation may also see it', () => {
    fc.assert(
      fc.property(standing, status, (who, labStatus) => {
        if (who.role !== null && canFacilitateLab(who))
          expect(canSeeLab(who, labStatus)).toBe(true);
      }),
    );
  });

  it('property: strangers see nothing, members everything but drafts', () => {
    fc.assert(
      fc.property(status, fc.boolean(), (labStatus, isLabFacilitator) => {
        expect(canSeeLab({ role: null, isLabFacilitator }, labStatus)).toBe(false);
        expect(canSeeLab({ role: 'member', isLabFacilitator: false }, labStatus)).toBe(
          labStatus !== 'draft',
        );
      }),
    );
  });

  it('opens a lab for joining while open or live, and for editing until it is closed', () => {
    expect(labStatuses.filter(isJoinable)).toEqual(['open', 'live']);
    expect(labStatuses.filter(isEditable)).toEqual(['draft', 'open', 'live']);
    expect(labStatuses.filter(canParticipantConnect)).toEqual(['open', 'live', 'closed']);
  });

  it('lets every member read templates and only admins manage them', () => {
    expect(orgRoles.filter(canReadTemplates)).toEqual(['admin', 'facilitator', 'member']);
    expect(orgRoles.filter(canManageTemplates)).toEqual(['admin']);
  });
});
