// What leaves the server about organisations and their members.
import type { Member, MemberList, Organisation } from '../../../common/orgs.ts';
import type { OrgRole } from '../../../common/roles.ts';
import { initialsOf } from '../auth/sessions.service.ts';
import type { MemberRow, OrganisationSummary } from './orgs.repo.ts';

/** Where the logo can be fetched; the version makes browsers fetch a replaced logo anew. */
export function logoUrlOf(org: Pick<OrganisationSummary, 'slug' | 'updatedAt'>): string {
  return `/api/v1/orgs/${org.slug}/logo?v=${org.updatedAt.getTime()}`;
}

/** An organisation as one of its members sees it. */
export function presentOrganisation(org: OrganisationSummary, myRole: OrgRole): Organisation {
  return {
    id: org.id,
    slug: org.slug,
    name: org.name,
    primaryColour: org.primaryColour,
    hasLogo: org.hasLogo,
    logoUrl: org.hasLogo ? logoUrlOf(org) : null,
    myRole,
    memberCount: org.memberCount,
    createdAt: org.createdAt.toISOString(),
  };
}

/** One membership as an admin sees it in the member list. */
export function presentMember(row: MemberRow): Member {
  return {
    userId: row.userId,
    email: row.email,
    name: row.name,
    initials: initialsOf(row.name, row.email),
    function: row.function,
    role: row.role,
    status: row.status,
    since: row.since.toISOString(),
  };
}

/** The member list. */
export function presentMemberList(rows: MemberRow[]): MemberList {
  return { members: rows.map(presentMember) };
}
