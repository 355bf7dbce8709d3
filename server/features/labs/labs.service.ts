// The rules for labs inside an organisation: creating them with an agenda, the lifecycle, the
// agenda itself, participants and the QR code of the join link.
import QRCode from 'qrcode';
import type { CanvasSection } from '../../../common/activities/canvas.ts';
import {
  ACTIVITIES_MAX,
  ACTIVITY_TITLE_MAX,
  canMoveLab,
  type Activity,
  type ActivityInput,
  type Lab,
  type LabInput,
  type LabKind,
  type LabStatus,
  type Participant,
  type UpdateLabRequest,
  type labList,
  type participantList,
  type updateActivityRequest,
} from '../../../common/labs.ts';
import type { z } from 'zod';
import type { Db } from '../../db/client.ts';
import type { OrgActor } from '../../http/auth.ts';
import type { AppContext } from '../../http/context.ts';
import { badInput, conflict, forbidden, notFound, type HttpProblem } from '../../http/problem.ts';
import { generateJoinCode } from './joincode.ts';
import {
  canCreateLab,
  canFacilitateLab,
  canSeeLab,
  isEditable,
  isJoinable,
  type LabStanding,
} from './labs.policy.ts';
import {
  presentActivity,
  presentLab,
  presentLabList,
  presentParticipant,
} from './labs.presenter.ts';
import {
  appendActivity,
  CODE_TAKEN,
  countActivities,
  deleteActivity,
  deleteDraftLab,
  findActivity,
  findLabDetails,
  findLabRow,
  findOwnRegion,
  findParticipant,
  insertLab,
  isLabFacilitator,
  listFacilitatorsAmong,
  listLabs,
  listOwnPlaces,
  listParticipants,
  mayUserFacilitate,
  moveLabStatus,
  removeParticipant,
  reorderActivities,
  STALE,
  touchLab,
  updateActivity,
  updateLab,
  type LabDetails,
  type LabRow,
  type NewActivity,
  type PlaceRef,
} from './labs.repo.ts';
import { resolveLabTemplate } from './templates.service.ts';

type UpdateActivityRequest = z.infer<typeof updateActivityRequest>;

// A clash with another lab's code is a one-in-millions event; a few fresh draws always suffice.
const JOIN_CODE_ATTEMPTS = 5;

/** A lab of the actor's organisation that they may see, with what they may do with it. */
interface VisibleLab {
  details: LabDetails;
  mayFacilitate: boolean;
}

function labClosed(): HttpProblem {
  return conflict('This lab is closed; nothing in it can change any more.', 'lab_closed');
}

/**
 * The actor's organisation's lab row when they may see it, with whether they may steer it (its
 * facilitators and the organisation's admins); 404 otherwise, so drafts stay hidden. Features
 * that hang off a lab (actions, report, publishing) start here.
 */
export async function loadOrgLab(
  ctx: AppContext,
  actor: OrgActor,
  labId: string,
): Promise<{ lab: LabRow; mayFacilitate: boolean }> {
  const lab = await findLabRow(ctx.database.db, labId);
  if (!lab || lab.orgId !== actor.orgId) throw notFound('This lab');
  const standing: LabStanding = {
    role: actor.role,
    isLabFacilitator: await isLabFacilitator(ctx.database.db, labId, actor.auth.user.id),
  };
  if (!canSeeLab(standing, lab.status)) throw notFound('This lab');
  return { lab, mayFacilitate: canFacilitateLab(standing) };
}

async function loadVisibleLab(
  ctx: AppContext,
  actor: OrgActor,
  labId: string,
): Promise<VisibleLab> {
  const details = await findLabDetails(ctx.database.db, labId);
  if (!details || details.lab.orgId !== actor.orgId) throw notFound('This lab');
  const standing: LabStanding = {
    role: actor.role,
    isLabFacilitator: await isLabFacilitator(ctx.database.db, labId, actor.auth.user.id),
  };
  if (!canSeeLab(standing, details.lab.status)) throw notFound('This lab');
  return { details, mayFacilitate: canFacilitateLab(standing) };
}

async function loadLabToSteer(
  ctx: AppContext,
  actor: OrgActor,
  labId: string,
): Promise<LabDetails> {
  const { details, mayFacilitate } = await loadVisibleLab(ctx, actor, labId);
  if (!mayFacilitate) {
    throw forbidden("Only the lab's facilitators and the organisation's admins may do this.");
  }
  return details;
}

async function loadEditableLab(
  ctx: AppContext,
  actor: OrgActor,
  labId: string,
): Promise<LabDetails> {
  const details = await loadLabToSteer(ctx, actor, labId);
  if (!isEditable(details.lab.status)) throw labClosed();
  return details;
}

async function presentFresh(ctx: AppContext, labId: string): Promise<Lab> {
  const details = await findLabDetails(ctx.database.db, labId);
  if (!details) throw notFound('This lab');
  return presentLab(details, { mayFacilitate: true });
}

function unique(ids: string[]): string[] {
  return [...new Set(ids)];
}

function listed(ids: string[]): string {
  return ids.join(', ');
}

/** The organisation's places named by `placeIds`, in that order; 400 naming placeIds otherwise. */
async function checkPlaces(db: Db, orgId: string, placeIds: string[]): Promise<PlaceRef[]> {
  const ids = unique(placeIds);
  const found = new Map((await listOwnPlaces(db, orgId, ids)).map((place) => [place.id, place]));
  const foreign = ids.filter((id) => !found.has(id));
  if (foreign.length > 0) {
    throw badInput(
      'placeIds',
      `${listed(foreign)}: not a place of this organisation.`,
      'unknown_place',
    );
  }
  return ids.flatMap((id) => found.get(id) ?? []);
}

async function checkRegion(db: Db, orgId: string, regionId: string | null | undefined) {
  if (!regionId) return null;
  const region = await findOwnRegion(db, orgId, regionId);
  if (!region)
    throw badInput('regionId', 'is not a region of this organisation.', 'unknown_region');
  return region;
}

async function checkFacilitators(db: Db, orgId: string, userIds: string[]): Promise<string[]> {
  const ids = unique(userIds);
  const allowed = await listFacilitatorsAmong(db, orgId, ids);
  const others = ids.filter((id) => !allowed.has(id));
  if (others.length > 0) {
    throw badInput(
      'facilitatorIds',
      `${listed(others)}: not an active facilitator or admin of this organisation.`,
      'not_a_facilitator',
    );
  }
  return ids;
}

function titled(title: string): string {
  return title.slice(0, ACTIVITY_TITLE_MAX);
}

function canvasStep(title: string, placeId: string | null, sections: CanvasSection[]): NewActivity {
  return { kind: 'canvas', title: titled(title), config: { kind: 'canvas', placeId, sections } };
}

/**
 * The agenda a new lab starts with: a regional lab gets one canvas per place plus a regional
 * canvas; a local or thematic lab one canvas, about its first place if it has one.
 */
export function buildStartingAgenda(
  kind: LabKind,
  places: PlaceRef[],
  region: { name: string } | null,
  template: { name: string; sections: CanvasSection[] },
): NewActivity[] {
  if (kind === 'regional') {
    return [
      ...places.map((place) => canvasStep(`Canvas ${place.name}`, place.id, template.sections)),
      canvasStep(region ? `Canvas regio ${region.name}` : 'Canvas regio', null, template.sections),
    ];
  }
  const first = places[0];
  return [
    canvasStep(
      first ? `Canvas ${first.name}` : template.name,
      first?.id ?? null,
      template.sections,
    ),
  ];
}

interface CheckedLabInput {
  places: PlaceRef[];
  region: { id: string; name: string; placeIds: string[] } | null;
  facilitatorIds: string[];
}

async function checkLabInput(
  db: Db,
  orgId: string,
  input: Pick<LabInput, 'kind' | 'placeIds' | 'regionId' | 'facilitatorIds'>,
): Promise<CheckedLabInput> {
  const region = await checkRegion(db, orgId, input.regionId);
  // A regional lab named only by its region is about the region's places.
  const placeIds =
    input.kind === 'regional' && input.placeIds.length === 0 && region
      ? region.placeIds
      : input.placeIds;
  const places = await checkPlaces(db, orgId, placeIds);
  if (input.kind === 'regional' && places.length + 1 > ACTIVITIES_MAX) {
    throw badInput(
      'placeIds',
      `a regional lab gets a canvas per place plus one for the region; at most ${ACTIVITIES_MAX - 1} places.`,
      'too_big',
    );
  }
  const facilitatorIds = await checkFacilitators(db, orgId, input.facilitatorIds);
  return { places, region, facilitatorIds };
}

/**
 * Creates a lab with its starting agenda without checking who asks; for the operators' tools
 * (demo seed). Returns the new lab's id.
 */
export async function createLabAsOperator(
  db: Db,
  orgId: string,
  createdBy: string,
  input: LabInput,
): Promise<string> {
  const checked = await checkLabInput(db, orgId, input);
  const template = await resolveLabTemplate(db, orgId, input.templateId);
  return insertLab(
    db,
    {
      orgId,
      title: input.title,
      question: input.question,
      kind: input.kind,
      regionId: checked.region?.id ?? null,
      startsAt: input.startsAt ? new Date(input.startsAt) : null,
      venue: input.venue,
      anonymous: input.anonymous,
      createdBy,
    },
    checked.places.map((place) => place.id),
    unique([createdBy, ...checked.facilitatorIds]),
    buildStartingAgenda(input.kind, checked.places, checked.region, template),
  );
}

/** The organisation's labs: members see those that are not drafts, facilitators and admins all. */
export async function listOrganisationLabs(
  ctx: AppContext,
  actor: OrgActor,
): Promise<z.infer<typeof labList>> {
  const includeDrafts = canCreateLab(actor.role);
  return presentLabList(await listLabs(ctx.database.db, actor.orgId, { includeDrafts }));
}

/** Creates a draft lab with its starting agenda (facilitators and admins); the creator facilitates it. */
export async function createLab(ctx: AppContext, actor: OrgActor, input: LabInput): Promise<Lab> {
  if (!canCreateLab(actor.role)) {
    throw forbidden('Only a facilitator or admin of this organisation may create labs.');
  }
  const labId = await createLabAsOperator(ctx.database.db, actor.orgId, actor.auth.user.id, input);
  return presentFresh(ctx, labId);
}

/** One lab the member may see; the join code only for those who may facilitate it. */
export async function getLab(ctx: AppContext, actor: OrgActor, labId: string): Promise<Lab> {
  const { details, mayFacilitate } = await loadVisibleLab(ctx, actor, labId);
  return presentLab(details, { mayFacilitate });
}

/**
 * Changes the given fields of a lab that is not closed (who may facilitate it). `placeIds` and
 * `facilitatorIds` replace the lab's places and facilitators; the creator always stays one.
 */
export async function changeLab(
  ctx: AppContext,
  actor: OrgActor,
  labId: string,
  input: UpdateLabRequest,
): Promise<Lab> {
  const details = await loadEditableLab(ctx, actor, labId);
  const db = ctx.database.db;
  const region =
    input.regionId !== undefined ? await checkRegion(db, actor.orgId, input.regionId) : null;
  const places = input.placeIds ? await checkPlaces(db, actor.orgId, input.placeIds) : undefined;
  const facilitatorIds = input.facilitatorIds
    ? await checkFacilitators(db, actor.orgId, input.facilitatorIds)
    : undefined;
  const creator = details.lab.createdBy;
  const updated = await updateLab(
    db,
    labId,
    {
      ...(input.title !== undefined ? { title: input.title } : {}),
      ...(input.question !== undefined ? { question: input.question } : {}),
      ...(input.kind !== undefined ? { kind: input.kind } : {}),
      ...(input.regionId !== undefined ? { regionId: region?.id ?? null } : {}),
      ...(input.startsAt !== undefined
        ? { startsAt: input.startsAt ? new Date(input.startsAt) : null }
        : {}),
      ...(input.venue !== undefined ? { venue: input.venue } : {}),
      ...(input.anonymous !== undefined ? { anonymous: input.anonymous } : {}),
    },
    places?.map((place) => place.id),
    facilitatorIds ? unique([...(creator ? [creator] : []), ...facilitatorIds]) : undefined,
  );
  if (!updated) throw labClosed();
  return presentFresh(ctx, labId);
}

/** Deletes a lab that is still a draft (who may facilitate it); 409 once it has been opened. */
export async function removeLab(ctx: AppContext, actor: OrgActor, labId: string): Promise<void> {
  const details = await loadLabToSteer(ctx, actor, labId);
  const isDraft = details.lab.status === 'draft';
  if (!isDraft || !(await deleteDraftLab(ctx.database.db, labId))) {
    throw conflict('Only a draft lab can be deleted; close this lab instead.');
  }
}

/** How a status move is made; tests pass their own code generator. */
export interface MoveOptions {
  newJoinCode?: () => string;
}

/**
 * Moves a lab along its lifecycle (who may facilitate it). Opening gives it a fresh join code
 * unique among labs; back to draft or closed takes the code away; closing makes every live
 * connection reconnect, read-only.
 */
export async function moveLab(
  ctx: AppContext,
  actor: OrgActor,
  labId: string,
  to: LabStatus,
  options: MoveOptions = {},
): Promise<Lab> {
  const details = await loadLabToSteer(ctx, actor, labId);
  const from = details.lab.status;
  if (!canMoveLab(from, to)) {
    throw conflict(`A lab cannot move from ${from} to ${to}.`);
  }
  const newJoinCode = options.newJoinCode ?? generateJoinCode;
  const now = new Date();
  for (let attempt = 0; attempt < JOIN_CODE_ATTEMPTS; attempt++) {
    const result = await moveLabStatus(ctx.database.db, labId, from, {
      status: to,
      joinCode: isJoinable(to) ? (to === 'open' ? newJoinCode() : details.lab.joinCode) : null,
      ...(to === 'open' ? { openedAt: now } : {}),
      ...(to === 'closed' ? { closedAt: now } : {}),
    });
    if (result === CODE_TAKEN) continue;
    if (result === STALE) {
      throw conflict('The status of this lab changed meanwhile; reload the page and try again.');
    }
    // Connections were accepted under the old status; they come back under the new one.
    if (to === 'closed' || to === 'draft') ctx.collab?.reconnectLab(labId);
    return presentFresh(ctx, labId);
  }
  throw new Error(`no free join code after ${JOIN_CODE_ATTEMPTS} attempts`);
}

async function checkActivityConfig(
  ctx: AppContext,
  actor: OrgActor,
  details: LabDetails,
  kind: string,
  config: ActivityInput['config'],
): Promise<void> {
  if (config.kind !== kind) {
    throw badInput('config.kind', `must be "${kind}", the kind of the activity.`, 'kind_mismatch');
  }
  // Positioning and vision compare or cover the lab's own places; another place means nothing there.
  if (config.kind === 'positioning' || config.kind === 'vision') {
    const labPlaces = new Set(details.places.map((place) => place.id));
    if (config.placeIds.some((id) => !labPlaces.has(id))) {
      throw badInput('config.placeIds', 'may only name places of this lab.', 'unknown_place');
    }
  }
  if (config.kind === 'canvas' && config.placeId) {
    const own = await listOwnPlaces(ctx.database.db, actor.orgId, [config.placeId]);
    if (own.length === 0) {
      throw badInput('config.placeId', 'is not a place of this organisation.', 'unknown_place');
    }
  }
}

/** Appends an activity to the agenda of a lab that is not closed (who may facilitate it). */
export async function addActivity(
  ctx: AppContext,
  actor: OrgActor,
  labId: string,
  input: ActivityInput,
): Promise<Activity> {
  const details = await loadEditableLab(ctx, actor, labId);
  await checkActivityConfig(ctx, actor, details, input.kind, input.config);
  if ((await countActivities(ctx.database.db, labId)) >= ACTIVITIES_MAX) {
    throw conflict(`A lab holds at most ${ACTIVITIES_MAX} activities.`);
  }
  const row = await appendActivity(ctx.database.db, labId, {
    kind: input.kind,
    title: input.title,
    config: input.config,
  });
  await touchLab(ctx.database.db, labId);
  return presentActivity(row);
}

/** Changes an activity's title or settings; its kind stays (who may facilitate the lab). */
export async function changeActivity(
  ctx: AppContext,
  actor: OrgActor,
  labId: string,
  activityId: string,
  input: UpdateActivityRequest,
): Promise<Activity> {
  const details = await loadEditableLab(ctx, actor, labId);
  const current = await findActivity(ctx.database.db, labId, activityId);
  if (!current) throw notFound('This activity');
  if (input.config) await checkActivityConfig(ctx, actor, details, current.kind, input.config);
  const row = await updateActivity(ctx.database.db, labId, activityId, {
    ...(input.title !== undefined ? { title: input.title } : {}),
    ...(input.config !== undefined ? { config: input.config } : {}),
  });
  if (!row) throw notFound('This activity');
  await touchLab(ctx.database.db, labId);
  return presentActivity(row);
}

/** Deletes an activity from the agenda of a lab that is not closed (who may facilitate it). */
export async function removeActivity(
  ctx: AppContext,
  actor: OrgActor,
  labId: string,
  activityId: string,
): Promise<void> {
  await loadEditableLab(ctx, actor, labId);
  if (!(await deleteActivity(ctx.database.db, labId, activityId))) throw notFound('This activity');
  await touchLab(ctx.database.db, labId);
}

/** Puts the agenda in the given order; every activity of the lab must be listed exactly once. */
export async function reorderLabActivities(
  ctx: AppContext,
  actor: OrgActor,
  labId: string,
  activityIds: string[],
): Promise<Lab> {
  const details = await loadEditableLab(ctx, actor, labId);
  const current = new Set(details.activities.map((activity) => activity.id));
  const given = new Set(activityIds);
  const isPermutation =
    given.size === activityIds.length &&
    given.size === current.size &&
    activityIds.every((id) => current.has(id));
  if (!isPermutation) {
    throw badInput(
      'activityIds',
      `list each of the lab's ${current.size} activities exactly once.`,
      'not_a_permutation',
    );
  }
  await reorderActivities(ctx.database.db, labId, activityIds);
  await touchLab(ctx.database.db, labId);
  return presentFresh(ctx, labId);
}

/** Everyone who joined the lab, removed participants included (who may facilitate it). */
export async function listLabParticipants(
  ctx: AppContext,
  actor: OrgActor,
  labId: string,
): Promise<z.infer<typeof participantList>> {
  await loadLabToSteer(ctx, actor, labId);
  const rows = await listParticipants(ctx.database.db, labId);
  return { participants: rows.map(presentParticipant) };
}

/**
 * Removes a participant from the lab (who may facilitate it): their tokens stop working, their
 * live connections close, and they cannot come back under the same identity. Someone who may
 * steer the lab cannot be removed from it.
 */
export async function removeLabParticipant(
  ctx: AppContext,
  actor: OrgActor,
  labId: string,
  participantId: string,
): Promise<Participant> {
  const details = await loadLabToSteer(ctx, actor, labId);
  const db = ctx.database.db;
  const target = await findParticipant(db, labId, participantId);
  if (!target) throw notFound('This participant');
  if (target.userId && (await mayUserFacilitate(db, details.lab, target.userId))) {
    throw conflict(
      "Someone who may facilitate this lab cannot be removed from it; take them off the lab's facilitators first.",
    );
  }
  const removed = await removeParticipant(db, labId, participantId, new Date());
  if (!removed) throw notFound('This participant');
  ctx.collab?.disconnectParticipant(labId, participantId);
  return presentParticipant(removed);
}

/** The lab's join link, `${PUBLIC_URL}/join/<code>`, as an SVG QR code (who may facilitate it). */
export async function renderJoinQr(
  ctx: AppContext,
  actor: OrgActor,
  labId: string,
): Promise<string> {
  const details = await loadLabToSteer(ctx, actor, labId);
  const code = details.lab.joinCode;
  if (!isJoinable(details.lab.status) || !code) {
    throw conflict('This lab has no join code now; open the lab first.');
  }
  return QRCode.toString(`${ctx.config.PUBLIC_URL}/join/${code}`, {
    type: 'svg',
    errorCorrectionLevel: 'M',
    margin: 2,
  });
}
