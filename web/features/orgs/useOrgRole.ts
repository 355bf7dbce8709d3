// The signed-in person's role in the organisation of the URL, shared by the org, outbox and places pages.
import { useParams } from 'react-router';
import type { SessionMembership } from '../../../common/auth.ts';
import { hasRoleAtLeast, type OrgRole } from '../../../common/roles.ts';
import { useSession } from '../../session/SessionProvider.tsx';
import { useOrg } from './OrgContext.tsx';

/** Returns the role held in the organisation `orgSlug`, or null when there is no such membership. */
export function roleInOrg(
  memberships: readonly Pick<SessionMembership, 'orgSlug' | 'role'>[],
  orgSlug: string,
): OrgRole | null {
  return memberships.find((membership) => membership.orgSlug === orgSlug)?.role ?? null;
}

interface OrgRoleState {
  /** The slug in the URL (empty outside /o/:orgSlug routes). */
  orgSlug: string;
  role: OrgRole | null;
  isAdmin: boolean;
  /** Facilitators and admins look after places and regions. */
  canManagePlaces: boolean;
}

/** Tells what the signed-in person may do in the organisation of the URL; the server checks again. */
export function useOrgRole(): OrgRoleState {
  const { orgSlug = '' } = useParams<{ orgSlug: string }>();
  const { session } = useSession();
  const orgState = useOrg();
  // The session is the source the brief names; the loaded organisation fills in while it loads.
  const fromOrg = orgState?.org?.slug === orgSlug ? orgState.org.myRole : null;
  const role = roleInOrg(session?.memberships ?? [], orgSlug) ?? fromOrg;
  return {
    orgSlug,
    role,
    isAdmin: role !== null && hasRoleAtLeast(role, 'admin'),
    canManagePlaces: role !== null && hasRoleAtLeast(role, 'facilitator'),
  };
}
