// Roles a person can hold in an organisation, and what each may do (DESIGN.md, "Who uses it").
import { z } from 'zod';

export const orgRoles = ['admin', 'facilitator', 'member'] as const;
export const orgRole = z.enum(orgRoles);
export type OrgRole = z.infer<typeof orgRole>;

export const membershipStatuses = ['invited', 'active', 'deactivated'] as const;
export const membershipStatus = z.enum(membershipStatuses);
export type MembershipStatus = z.infer<typeof membershipStatus>;

const rank: Record<OrgRole, number> = { member: 0, facilitator: 1, admin: 2 };

/** True when `role` is at least as strong as `needed` (admin > facilitator > member). */
export function hasRoleAtLeast(role: OrgRole, needed: OrgRole): boolean {
  return rank[role] >= rank[needed];
}
