// A person's own profile, their data export and account deletion.
import { z } from 'zod';
import { displayName, isoDateTime, locale, uuid } from './fields.ts';
import { membershipStatus, orgRole } from './roles.ts';

/** Suggested functions; people may type another. */
export const suggestedFunctions = [
  'ambtenaar',
  'wethouder',
  'binnenstadsmanager',
  'ondernemer',
  'onderzoeker',
  'adviseur',
] as const;

export const FUNCTION_MAX = 80;
export const MUNICIPALITY_MAX = 120;

export const profile = z.object({
  id: uuid,
  email: z.string(),
  name: z.string(),
  initials: z.string(),
  function: z.string(),
  municipality: z.string(),
  locale,
  emailVerified: z.boolean(),
  hasPassword: z.boolean(),
  createdAt: isoDateTime,
});
export type Profile = z.infer<typeof profile>;

export const updateProfileRequest = z
  .object({
    name: displayName,
    function: z.string().trim().max(FUNCTION_MAX),
    municipality: z.string().trim().max(MUNICIPALITY_MAX),
    locale,
  })
  .partial();
export type UpdateProfileRequest = z.infer<typeof updateProfileRequest>;

/** Everything the platform holds about one person, as downloaded from "my data". */
export const personalDataExport = z.object({
  exportedAt: isoDateTime,
  profile,
  memberships: z.array(
    z.object({
      organisation: z.string(),
      role: orgRole,
      status: membershipStatus,
      since: isoDateTime,
    }),
  ),
  sessions: z.array(
    z.object({ createdAt: isoDateTime, lastSeenAt: isoDateTime, userAgent: z.string() }),
  ),
});
export type PersonalDataExport = z.infer<typeof personalDataExport>;

/** Deleting an account asks for the address again so it is never a slip of the finger. */
export const deleteAccountRequest = z.object({ confirmEmail: z.string().trim().min(1).max(254) });
export type DeleteAccountRequest = z.infer<typeof deleteAccountRequest>;
