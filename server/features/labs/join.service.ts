// The rules for taking part in a lab: looking up a code, joining as member or guest, and what a
// participant may fetch for the live view (the lab, a collaboration token).
import { collabDefaults } from '../../../common/collab.ts';
import type {
  CollabToken,
  JoinLookup,
  JoinRequest,
  JoinResult,
  Lab,
} from '../../../common/labs.ts';
import type { AppContext } from '../../http/context.ts';
import { badInput, conflict, HttpProblem, notFound, unauthenticated } from '../../http/problem.ts';
import type { Auth } from '../auth/sessions.service.ts';
import { hashSecret, newSecret } from '../auth/tokens.ts';
import type { LabCaller } from './guest.auth.ts';
import { canFacilitateLab, canParticipantConnect } from './labs.policy.ts';
import { presentJoinLookup, presentJoinResult, presentLab } from './labs.presenter.ts';
import {
  countActiveParticipants,
  findGuestBySecretHash,
  findLabByJoinCode,
  findLabDetails,
  findMemberParticipant,
  insertCollabToken,
  isLabFacilitator,
  joinAsGuest,
  joinAsMember,
  LAB_FULL,
  NOT_JOINABLE,
  REMOVED,
  setParticipantRole,
  upsertFacilitatorParticipant,
  type LabDetails,
  type LabRow,
  type ParticipantRow,
} from './labs.repo.ts';

// What a member without a name on their account is called in the lab.
const UNNAMED_MEMBER = 'Deelnemer';

/** 404 join_code_unknown: the code names no open lab (the wrong-code limiter counts these). */
export function unknownJoinCode(): HttpProblem {
  return new HttpProblem(
    404,
    'join_code_unknown',
    'No open lab has this code; check the code on the screen and try again.',
  );
}

function labFull(max: number): HttpProblem {
  return conflict(
    `This lab is full: it already has ${max} participants. Ask the facilitator whether someone can make room.`,
    'lab_full',
  );
}

function participantRemoved(): HttpProblem {
  return new HttpProblem(
    403,
    'participant_removed',
    'A facilitator removed you from this lab; you cannot take part with this identity any more.',
  );
}

async function mayMemberFacilitate(ctx: AppContext, lab: LabRow, auth: Auth): Promise<boolean> {
  const membership = auth.memberships.find((m) => m.orgId === lab.orgId);
  return canFacilitateLab({
    role: membership?.role ?? null,
    isLabFacilitator: await isLabFacilitator(ctx.database.db, lab.id, auth.user.id),
  });
}

/** The open or live lab behind a code and whether it has room; 404 join_code_unknown otherwise. */
export async function lookupJoinCode(ctx: AppContext, code: string): Promise<JoinLookup> {
  const found = await findLabByJoinCode(ctx.database.db, code);
  if (!found) throw unknownJoinCode();
  const active = await countActiveParticipants(ctx.database.db, found.lab.id);
  return presentJoinLookup(found.lab, found.orgName, active < ctx.config.LAB_MAX_PARTICIPANTS);
}

/**
 * Joins the open or live lab behind the code. A signed-in person becomes (or stays) a member
 * participant under their account's name, as facilitator when they may steer the lab; anyone
 * else becomes a new guest under the display name they give, with a secret returned this once.
 */
export async function joinLab(
  ctx: AppContext,
  auth: Auth | null,
  input: JoinRequest,
): Promise<JoinResult> {
  const db = ctx.database.db;
  const max = ctx.config.LAB_MAX_PARTICIPANTS;
  if (!auth && !input.displayName) {
    throw badInput('displayName', 'give the name the others in the lab will see.', 'required');
  }
  const found = await findLabByJoinCode(db, input.code);
  if (!found) throw unknownJoinCode();
  const { lab, orgSlug } = found;

  if (auth) {
    const mayFacilitate = await mayMemberFacilitate(ctx, lab, auth);
    const joined = await joinAsMember(
      db,
      {
        labId: lab.id,
        userId: auth.user.id,
        displayName: auth.user.name.trim() || input.displayName || UNNAMED_MEMBER,
        role: mayFacilitate ? 'facilitator' : 'participant',
      },
      max,
    );
    if (joined === NOT_JOINABLE) throw unknownJoinCode();
    if (joined === LAB_FULL) throw labFull(max);
    if (joined === REMOVED) throw participantRemoved();
    return presentJoinResult(lab, orgSlug, joined, null);
  }

  const guestSecret = newSecret();
  const joined = await joinAsGuest(
    db,
    {
      labId: lab.id,
      displayName: input.displayName ?? '',
      guestSecretHash: hashSecret(guestSecret),
    },
    max,
  );
  if (joined === NOT_JOINABLE) throw unknownJoinCode();
  if (joined === LAB_FULL) throw labFull(max);
  return presentJoinResult(lab, orgSlug, joined, guestSecret);
}

/** Who the caller is in the lab: their participant row (if any) and whether they may steer it. */
export interface Participation {
  details: LabDetails;
  participant: ParticipantRow | null;
  mayFacilitate: boolean;
  auth: Auth | null;
}

/**
 * Resolves who the caller is in a lab, or throws the same problem GET /labs/:labId answers with
 * (401 unknown guest, 404 another lab's guest or a member who never joined, 403 removed); other
 * lab-scoped features use it so every lab endpoint admits the same people.
 */
export async function resolveParticipation(
  ctx: AppContext,
  caller: LabCaller,
  labId: string,
): Promise<Participation> {
  const db = ctx.database.db;
  if (caller.kind === 'guest') {
    const guest = await findGuestBySecretHash(db, hashSecret(caller.secret));
    if (!guest) throw unauthenticated();
    if (guest.labId !== labId) throw notFound('This lab');
    if (guest.removedAt) throw participantRemoved();
    const details = await findLabDetails(db, labId);
    if (!details) throw notFound('This lab');
    return { details, participant: guest, mayFacilitate: false, auth: null };
  }
  const details = await findLabDetails(db, labId);
  if (!details) throw notFound('This lab');
  const { auth } = caller;
  const mayFacilitate = await mayMemberFacilitate(ctx, details.lab, auth);
  const participant = await findMemberParticipant(db, labId, auth.user.id);
  if (!mayFacilitate) {
    if (!participant) throw notFound('This lab');
    if (participant.removedAt) throw participantRemoved();
  }
  return { details, participant, mayFacilitate, auth };
}

/**
 * The lab as a participant sees it (a non-removed guest of this lab, a member who joined it, or
 * someone who may facilitate it); the join code only for the latter.
 */
export async function getParticipantLab(
  ctx: AppContext,
  caller: LabCaller,
  labId: string,
): Promise<Lab> {
  const { details, mayFacilitate } = await resolveParticipation(ctx, caller, labId);
  return presentLab(details, { mayFacilitate });
}

/**
 * A short-lived token for the realtime connection, stored only as its hash. Someone who may
 * facilitate gets a facilitator participant row on first use; participants get none for a lab
 * that is still a draft; everyone's token is read-only once the lab is closed.
 */
export async function issueCollabToken(
  ctx: AppContext,
  caller: LabCaller,
  labId: string,
): Promise<CollabToken> {
  const db = ctx.database.db;
  const { details, participant, mayFacilitate, auth } = await resolveParticipation(
    ctx,
    caller,
    labId,
  );
  const { lab } = details;
  let holder: ParticipantRow | null = participant;
  if (mayFacilitate && auth) {
    holder = await upsertFacilitatorParticipant(db, {
      labId,
      userId: auth.user.id,
      displayName: auth.user.name.trim() || participant?.displayName || UNNAMED_MEMBER,
    });
  } else {
    if (!canParticipantConnect(lab.status)) {
      throw conflict('This lab is not open yet; the facilitator is still preparing it.');
    }
    // A facilitator taken off the lab keeps their row but loses the role.
    if (holder?.role === 'facilitator')
      holder = await setParticipantRole(db, holder.id, 'participant');
  }
  if (!holder) throw notFound('This lab');
  const token = newSecret();
  const expiresAt = new Date(Date.now() + collabDefaults.tokenTtlSeconds * 1000);
  await insertCollabToken(db, {
    id: hashSecret(token),
    participantId: holder.id,
    labId,
    expiresAt,
  });
  return {
    token,
    expiresAt: expiresAt.toISOString(),
    participantId: holder.id,
    displayName: holder.displayName,
    role: holder.role,
    readOnly: lab.status === 'closed',
  };
}
