// Organisations (tenants), their look, and their members.
import { z } from 'zod';
import { displayName, email, hexColour, isoDateTime, slug, uuid } from './fields.ts';
import { membershipStatus, orgRole } from './roles.ts';

/** Largest logo accepted, in bytes. */
export const LOGO_MAX_BYTES = 256 * 1024;
/** Logo types accepted; checked against the file's content, not its name. */
export const logoMediaTypes = ['image/png', 'image/jpeg', 'image/webp'] as const;

export const orgParams = z.object({ orgSlug: slug });
export type OrgParams = z.infer<typeof orgParams>;

/** What anyone may see of an organisation: enough to show its name and colours. */
export const publicOrganisation = z.object({
  id: uuid,
  slug,
  name: z.string(),
  primaryColour: hexColour,
  hasLogo: z.boolean(),
  logoUrl: z.string().nullable(),
});
export type PublicOrganisation = z.infer<typeof publicOrganisation>;

export const organisation = publicOrganisation.extend({
  myRole: orgRole,
  memberCount: z.number().int(),
  createdAt: isoDateTime,
});
export type Organisation = z.infer<typeof organisation>;

export const updateOrganisationRequest = z
  .object({ name: displayName, primaryColour: hexColour })
  .partial();
export type UpdateOrganisationRequest = z.infer<typeof updateOrganisationRequest>;

export const member = z.object({
  userId: uuid,
  email: z.string(),
  name: z.string(),
  initials: z.string(),
  function: z.string(),
  role: orgRole,
  status: membershipStatus,
  since: isoDateTime,
});
export type Member = z.infer<typeof member>;

export const memberList = z.object({ members: z.array(member) });
export type MemberList = z.infer<typeof memberList>;

export const memberParams = orgParams.extend({ userId: uuid });
export type MemberParams = z.infer<typeof memberParams>;

export const inviteRequest = z.object({
  email,
  role: orgRole,
  name: displayName.optional(),
});
export type InviteRequest = z.infer<typeof inviteRequest>;

export const changeRoleRequest = z.object({ role: orgRole });
export type ChangeRoleRequest = z.infer<typeof changeRoleRequest>;
