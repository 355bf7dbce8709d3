// What leaves the server about a person's own account: their profile and their data export.
import type { PersonalDataExport, Profile } from '../../../common/account.ts';
import type { MembershipStatus, OrgRole } from '../../../common/roles.ts';
import { initialsOf } from '../auth/sessions.service.ts';
import type { UserRow } from './accounts.repo.ts';

/** The profile as its owner sees it; the password hash never leaves, only whether there is one. */
export function presentProfile(user: UserRow): Profile {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    initials: initialsOf(user.name, user.email),
    function: user.function,
    municipality: user.municipality,
    locale: user.locale,
    emailVerified: user.emailVerifiedAt !== null,
    hasPassword: user.passwordHash !== null,
    createdAt: user.createdAt.toISOString(),
  };
}

/** The data export: profile, memberships and sessions, without ids or secrets of anything else. */
export function presentExport(data: {
  exportedAt: Date;
  user: UserRow;
  memberships: { organisation: string; role: OrgRole; status: MembershipStatus; createdAt: Date }[];
  sessions: { createdAt: Date; lastSeenAt: Date; userAgent: string }[];
}): PersonalDataExport {
  return {
    exportedAt: data.exportedAt.toISOString(),
    profile: presentProfile(data.user),
    memberships: data.memberships.map((m) => ({
      organisation: m.organisation,
      role: m.role,
      status: m.status,
      since: m.createdAt.toISOString(),
    })),
    sessions: data.sessions.map((s) => ({
      createdAt: s.createdAt.toISOString(),
      lastSeenAt: s.lastSeenAt.toISOString(),
      userAgent: s.userAgent,
    })),
  };
}
