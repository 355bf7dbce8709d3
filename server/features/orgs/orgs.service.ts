// The rules for organisations, their logos and their members.
import { logoMediaTypes } from '../../../common/orgs.ts';
import type {
  InviteRequest,
  Member,
  MemberList,
  Organisation,
  UpdateOrganisationRequest,
} from '../../../common/orgs.ts';
import type { OrgRole } from '../../../common/roles.ts';
import { issueLink } from '../auth/links.service.ts';
import type { Auth } from '../auth/sessions.service.ts';
import { endAllSessions } from '../auth/sessions.service.ts';
import type { OrgActor } from '../../http/auth.ts';
import type { AppContext } from '../../http/context.ts';
import { conflict, forbidden, HttpProblem, notFound } from '../../http/problem.ts';
import { isLogoMediaType, sniffLogoType } from './orgs.logo.ts';
import { buildInvitationMail } from './orgs.mails.ts';
import {
  canEditOrganisation,
  canManageMembers,
  wouldLeaveNoActiveAdmin,
  type MembershipChange,
  type MembershipState,
} from './orgs.policy.ts';
import { presentMember, presentMemberList, presentOrganisation } from './orgs.presenter.ts';
import {
  findLogo,
  findMember,
  findOrganisationSummary,
  findUserIdByEmail,
  inTransaction,
  insertInvitedUser,
  insertMembership,
  listMembers,
  listMembershipStates,
  listOrganisationsOfUser,
  lockOrganisation,
  saveLogo,
  updateMembership,
  updateOrganisation,
  voidInviteLinks,
  type Tx,
} from './orgs.repo.ts';

const ACCEPTED_LOGO_TYPES = logoMediaTypes.join(', ');

function assertMayEdit(actor: OrgActor): void {
  if (!canEditOrganisation(actor.role)) {
    throw forbidden('Only an admin of this organisation may change its name, colour or logo.');
  }
}

function assertMayManageMembers(actor: OrgActor): void {
  if (!canManageMembers(actor.role)) {
    throw forbidden('Only an admin of this organisation may manage its members.');
  }
}

async function loadOrganisation(ctx: AppContext, actor: OrgActor): Promise<Organisation> {
  const org = await findOrganisationSummary(ctx.database.db, actor.orgId);
  // The session said this person is an active member, so the row can only be gone by a race.
  if (!org) throw notFound('This organisation');
  return presentOrganisation(org, actor.role);
}

async function loadMember(ctx: AppContext, orgId: string, userId: string): Promise<Member> {
  const row = await findMember(ctx.database.db, orgId, userId);
  if (!row) throw notFound('This member');
  return presentMember(row);
}

/** The organisations the signed-in person is an active member of. */
export async function listMyOrganisations(ctx: AppContext, auth: Auth): Promise<Organisation[]> {
  const rows = await listOrganisationsOfUser(ctx.database.db, auth.user.id);
  return rows.map((row) => presentOrganisation(row, row.role));
}

/** The organisation of the URL as the acting member sees it. */
export function getOrganisation(ctx: AppContext, actor: OrgActor): Promise<Organisation> {
  return loadOrganisation(ctx, actor);
}

/** Renames the organisation and/or changes its colour (admins only). */
export async function changeOrganisation(
  ctx: AppContext,
  actor: OrgActor,
  patch: UpdateOrganisationRequest,
): Promise<Organisation> {
  assertMayEdit(actor);
  await updateOrganisation(ctx.database.db, actor.orgId, patch);
  return loadOrganisation(ctx, actor);
}

/** The 415 for a logo that is not what we accept, saying what we do accept. */
function unsupportedLogo(what: string): HttpProblem {
  return new HttpProblem(
    415,
    'unsupported_media_type',
    `${what} A logo must be a PNG, JPEG or WebP image, sent with its own Content-Type (${ACCEPTED_LOGO_TYPES}).`,
  );
}

/** Refuses a declared logo type we do not accept; checked before the body is read. */
export function checkLogoMediaType(mediaType: string): void {
  if (!isLogoMediaType(mediaType)) {
    throw unsupportedLogo(`${mediaType || 'A body without a Content-Type'} is not accepted.`);
  }
}

/**
 * Replaces the logo (admins only). The bytes must really be the declared type: a browser told
 * "image/png" must not receive an HTML page.
 */
export async function replaceLogo(
  ctx: AppContext,
  actor: OrgActor,
  upload: { bytes: Buffer; mediaType: string },
): Promise<Organisation> {
  assertMayEdit(actor);
  checkLogoMediaType(upload.mediaType);
  const actual = sniffLogoType(upload.bytes);
  if (actual !== upload.mediaType) {
    throw unsupportedLogo(
      actual
        ? `The file is ${actual}, but was sent as ${upload.mediaType}.`
        : `The file is not a ${upload.mediaType} image.`,
    );
  }
  await saveLogo(ctx.database.db, actor.orgId, { bytes: upload.bytes, mediaType: actual });
  return loadOrganisation(ctx, actor);
}

/** Removes the logo (admins only); removing a missing logo is not an error. */
export async function removeLogo(ctx: AppContext, actor: OrgActor): Promise<Organisation> {
  assertMayEdit(actor);
  await saveLogo(ctx.database.db, actor.orgId, null);
  return loadOrganisation(ctx, actor);
}

/** The logo's bytes and type for members; 404 when there is none. */
export async function getLogo(
  ctx: AppContext,
  actor: OrgActor,
): Promise<{ bytes: Buffer; mediaType: string }> {
  const logo = await findLogo(ctx.database.db, actor.orgId);
  if (!logo) throw notFound('This logo');
  return logo;
}

/** Every member of the organisation, invited, active or deactivated (admins only). */
export async function listOrganisationMembers(
  ctx: AppContext,
  actor: OrgActor,
): Promise<MemberList> {
  assertMayManageMembers(actor);
  return presentMemberList(await listMembers(ctx.database.db, actor.orgId));
}

/**
 * Invites a person by e-mail (admins only): creates the account when the address is new and
 * mails a one-time link. Inviting someone still invited sends a fresh link and voids the old
 * one; `created` tells whether the membership is new.
 */
export async function inviteMember(
  ctx: AppContext,
  actor: OrgActor,
  invitation: InviteRequest,
): Promise<{ member: Member; created: boolean }> {
  assertMayManageMembers(actor);
  const { db } = ctx.database;
  const { userId, created } = await inTransaction(db, async (tx) => {
    await lockMembershipsAsAdmin(tx, actor);
    const userId =
      (await findUserIdByEmail(tx, invitation.email)) ??
      (await insertInvitedUser(tx, { email: invitation.email, name: invitation.name ?? '' }));
    const existing = await findMember(tx, actor.orgId, userId);
    if (existing?.status === 'active') {
      throw conflict(`${invitation.email} is already an active member of this organisation.`);
    }
    // A deactivated member who once joined is reactivated, not invited; a withdrawn invitation
    // (never joined) may simply be sent again.
    if (existing?.status === 'deactivated' && existing.joinedAt !== null) {
      throw conflict(
        `${invitation.email} was deactivated in this organisation; reactivate the membership instead of inviting again.`,
      );
    }
    const invite = { role: invitation.role, invitedBy: actor.auth.user.id };
    if (existing) {
      await updateMembership(tx, actor.orgId, userId, { ...invite, status: 'invited' });
      await voidInviteLinks(tx, userId, actor.orgId);
      return { userId, created: false };
    }
    await insertMembership(tx, { orgId: actor.orgId, userId, status: 'invited', ...invite });
    return { userId, created: true };
  });

  const link = await issueLink(db, ctx.config, { userId, purpose: 'invite', orgId: actor.orgId });
  const orgName =
    actor.auth.memberships.find((m) => m.orgId === actor.orgId)?.orgName ?? actor.orgSlug;
  await ctx.mailer.send(
    buildInvitationMail({
      to: invitation.email,
      orgName,
      inviterName: actor.auth.user.name,
      role: invitation.role,
      url: link.url,
      validDays: ctx.config.INVITE_TTL_DAYS,
    }),
  );
  return { member: await loadMember(ctx, actor.orgId, userId), created };
}

/**
 * Locks the organisation's memberships for this transaction and returns them, after checking
 * that the actor is still an active admin: the role in the session was read before the lock,
 * and another admin may have demoted them since.
 */
async function lockMembershipsAsAdmin(tx: Tx, actor: OrgActor): Promise<MembershipState[]> {
  await lockOrganisation(tx, actor.orgId);
  const states = await listMembershipStates(tx, actor.orgId);
  const self = states.find((m) => m.userId === actor.auth.user.id);
  if (self?.status !== 'active' || !canManageMembers(self.role)) {
    throw forbidden('You are no longer an admin of this organisation.');
  }
  return states;
}

/**
 * Applies one membership change when the person is a member and an active admin remains;
 * returns the membership as it was before.
 */
async function changeMembership(
  tx: Tx,
  actor: OrgActor,
  change: MembershipChange,
  apply: () => Promise<void>,
): Promise<MembershipState> {
  const states = await lockMembershipsAsAdmin(tx, actor);
  const before = states.find((m) => m.userId === change.userId);
  if (!before) throw notFound('This member');
  if (wouldLeaveNoActiveAdmin(states, change)) {
    throw conflict(
      'The organisation would be left without an active admin; make someone else admin first.',
      'last_admin',
    );
  }
  await apply();
  return before;
}

/** Gives a member another role (admins only); 409 last_admin when it demotes the last admin. */
export async function changeMemberRole(
  ctx: AppContext,
  actor: OrgActor,
  userId: string,
  role: OrgRole,
): Promise<Member> {
  assertMayManageMembers(actor);
  await inTransaction(ctx.database.db, (tx) =>
    changeMembership(tx, actor, { kind: 'role', userId, role }, () =>
      updateMembership(tx, actor.orgId, userId, { role }),
    ),
  );
  return loadMember(ctx, actor.orgId, userId);
}

/**
 * Deactivates a membership (admins only) and, when it was active, signs the person out everywhere
 * at once; an open invitation to this organisation stops working too.
 */
export async function deactivateMember(
  ctx: AppContext,
  actor: OrgActor,
  userId: string,
): Promise<Member> {
  assertMayManageMembers(actor);
  const before = await inTransaction(ctx.database.db, (tx) =>
    changeMembership(tx, actor, { kind: 'deactivate', userId }, async () => {
      await updateMembership(tx, actor.orgId, userId, { status: 'deactivated' });
      await voidInviteLinks(tx, userId, actor.orgId);
    }),
  );
  // Only an active membership gave access here. Withdrawing an invitation must not sign the
  // person out of the organisations they do belong to, or any admin could do that to anyone.
  if (before.status === 'active') await endAllSessions(ctx.database.db, userId);
  return loadMember(ctx, actor.orgId, userId);
}

/**
 * Makes a deactivated membership active again (admins only). A membership that is still an open
 * invitation gets a 409: sending the invitation again is what moves it on.
 */
export async function reactivateMember(
  ctx: AppContext,
  actor: OrgActor,
  userId: string,
): Promise<Member> {
  assertMayManageMembers(actor);
  await inTransaction(ctx.database.db, async (tx) => {
    const existing = await findMember(tx, actor.orgId, userId);
    // Only someone who once joined can be let back in; reactivating a withdrawn invitation
    // would make a person a member without their consent.
    if (existing?.status === 'invited' || existing?.joinedAt === null) {
      throw conflict(
        'This person has not accepted the invitation yet; send the invitation again instead.',
      );
    }
    await changeMembership(tx, actor, { kind: 'reactivate', userId }, () =>
      updateMembership(tx, actor.orgId, userId, { status: 'active' }),
    );
  });
  return loadMember(ctx, actor.orgId, userId);
}
