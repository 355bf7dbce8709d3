// Binnenstadslabs: the lab itself, its agenda of activities, joining by code, and its participants.
import { z } from 'zod';
import { activityConfig, activityKind } from './activities/registry.ts';
import { displayName, isoDateTime, slug, uuid } from './fields.ts';

export const LAB_TITLE_MAX = 160;
export const LAB_QUESTION_MAX = 2000;
export const LAB_VENUE_MAX = 200;
export const ACTIVITY_TITLE_MAX = 160;
export const ACTIVITIES_MAX = 40;

export const labKinds = ['local', 'regional', 'thematic'] as const;
export const labKind = z.enum(labKinds);
export type LabKind = z.infer<typeof labKind>;

/** draft → open (joinable) → live → closed; a closed lab is read-only for everyone. */
export const labStatuses = ['draft', 'open', 'live', 'closed'] as const;
export const labStatus = z.enum(labStatuses);
export type LabStatus = z.infer<typeof labStatus>;

/** The moves a facilitator may make; any other step between statuses is refused. */
export const labTransitions: Record<LabStatus, readonly LabStatus[]> = {
  draft: ['open'],
  open: ['live', 'draft', 'closed'],
  live: ['closed'],
  closed: [],
};

/** True when a lab in `from` may move to `to`. */
export function canMoveLab(from: LabStatus, to: LabStatus): boolean {
  return labTransitions[from].includes(to);
}

/**
 * Join codes: six characters from an alphabet without look-alikes (no 0/O, 1/I/L, 2/Z, 5/S, 8/B),
 * so a code read off a projector is typed right the first time.
 */
export const JOIN_CODE_ALPHABET = '34679ACDEFGHJKMNPQRTUVWXY';
export const JOIN_CODE_LENGTH = 6;

/** A join code as typed: spaces and dashes dropped, upper-cased, then checked against the alphabet. */
export const joinCode = z
  .string()
  .transform((value) => value.replace(/[\s-]/g, '').toUpperCase())
  .pipe(
    z
      .string()
      .length(JOIN_CODE_LENGTH, `a code of ${JOIN_CODE_LENGTH} characters`)
      .regex(new RegExp(`^[${JOIN_CODE_ALPHABET}]+$`), 'letters and digits from the join code'),
  );

export const labInput = z.object({
  title: z.string().trim().min(1).max(LAB_TITLE_MAX),
  question: z.string().trim().max(LAB_QUESTION_MAX).default(''),
  kind: labKind,
  placeIds: z.array(uuid).max(50).default([]),
  regionId: uuid.nullable().optional(),
  startsAt: isoDateTime.nullable().optional(),
  venue: z.string().trim().max(LAB_VENUE_MAX).default(''),
  /** User ids of facilitators besides the creator; each must be a facilitator or admin of the org. */
  facilitatorIds: z.array(uuid).max(20).default([]),
  /** Notes carry no author name: nobody, facilitators included, sees who wrote what. */
  anonymous: z.boolean().default(false),
  /** Canvas template for the first canvas step(s); omitted means the default template. */
  templateId: uuid.nullable().optional(),
});
export type LabInput = z.infer<typeof labInput>;
export const updateLabRequest = labInput.omit({ templateId: true }).partial();
export type UpdateLabRequest = z.infer<typeof updateLabRequest>;

export const labStatusRequest = z.object({ status: labStatus });

export const activityInput = z.object({
  title: z.string().trim().min(1).max(ACTIVITY_TITLE_MAX),
  kind: activityKind,
  config: activityConfig,
});
export type ActivityInput = z.infer<typeof activityInput>;
export const updateActivityRequest = z.object({
  title: z.string().trim().min(1).max(ACTIVITY_TITLE_MAX).optional(),
  config: activityConfig.optional(),
});
/** The agenda order: every activity id of the lab exactly once. */
export const reorderActivitiesRequest = z.object({ activityIds: z.array(uuid).min(1) });

export const activity = z.object({
  id: uuid,
  labId: uuid,
  position: z.number().int(),
  title: z.string(),
  kind: activityKind,
  config: activityConfig,
  /** The Yjs document of this activity (see docs/COLLAB_SPEC.md). */
  documentName: z.string(),
});
export type Activity = z.infer<typeof activity>;

export const personRef = z.object({ id: uuid, name: z.string() });
export const placeRef = z.object({ id: uuid, name: z.string(), municipality: z.string() });

export const LAB_THEME_LABEL_MAX = 120;
export const LAB_THEMES_MAX = 12;

/**
 * A theme the room chose (normally in a trend scan); later activities (scenario axes, action
 * links) start from these. `itemKey`/`trendKey` point into the trend scan's copied catalogue.
 */
export const labTheme = z.object({
  key: z.string().min(1).max(80),
  label: z.string().trim().min(1).max(LAB_THEME_LABEL_MAX),
  trendKey: z.string().max(80).nullable(),
  /** The trend scan activity that chose it, or null when set by hand. */
  activityId: uuid.nullable(),
});
export type LabTheme = z.infer<typeof labTheme>;
export const labThemes = z.array(labTheme).max(LAB_THEMES_MAX);

export const lab = z.object({
  id: uuid,
  orgSlug: slug,
  title: z.string(),
  question: z.string(),
  kind: labKind,
  status: labStatus,
  places: z.array(placeRef),
  regionId: uuid.nullable(),
  startsAt: isoDateTime.nullable(),
  venue: z.string(),
  facilitators: z.array(personRef),
  anonymous: z.boolean(),
  /** The top themes chosen so far, in order (see labTheme). */
  themes: labThemes,
  /** Present while the lab is open or live, and only to facilitators and participants. */
  joinCode: z.string().nullable(),
  activities: z.array(activity),
  /** The lab's control document (agenda position, timer, locks; see docs/COLLAB_SPEC.md). */
  controlDocumentName: z.string(),
  participantCount: z.number().int(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  /** What the asking person may do here, so the web app shows only buttons that will work. */
  can: z.object({ edit: z.boolean(), facilitate: z.boolean(), join: z.boolean() }),
});
export type Lab = z.infer<typeof lab>;

export const labSummary = lab.pick({
  id: true,
  title: true,
  kind: true,
  status: true,
  startsAt: true,
  venue: true,
  places: true,
  participantCount: true,
});
export type LabSummary = z.infer<typeof labSummary>;
export const labList = z.object({ labs: z.array(labSummary) });

export const labParams = z.object({ orgSlug: slug, labId: uuid });
export const activityParams = labParams.extend({ activityId: uuid });
export const participantParams = labParams.extend({ participantId: uuid });

/** Looking up a code before joining: what the join page shows. */
export const joinLookupRequest = z.object({ code: joinCode });
export const joinLookup = z.object({
  labId: uuid,
  title: z.string(),
  orgName: z.string(),
  status: labStatus,
  /** False when the lab has reached its participant limit. */
  hasRoom: z.boolean(),
});
export type JoinLookup = z.infer<typeof joinLookup>;

/** Joining: signed-in members send only the code; guests add a display name. */
export const joinRequest = z.object({ code: joinCode, displayName: displayName.optional() });
export type JoinRequest = z.infer<typeof joinRequest>;

export const participantKinds = ['member', 'guest'] as const;
export const participantRoles = ['facilitator', 'participant'] as const;

export const participant = z.object({
  id: uuid,
  displayName: z.string(),
  kind: z.enum(participantKinds),
  role: z.enum(participantRoles),
  joinedAt: isoDateTime,
  removedAt: isoDateTime.nullable(),
});
export type Participant = z.infer<typeof participant>;
export const participantList = z.object({ participants: z.array(participant) });

/**
 * The answer to a join: who you are in this lab. A guest's `guestSecret` is shown once; the
 * browser keeps it (per lab) and sends it as `Authorization: Guest <secret>` for that lab only.
 */
export const joinResult = z.object({
  labId: uuid,
  orgSlug: slug,
  participant,
  guestSecret: z.string().nullable(),
});
export type JoinResult = z.infer<typeof joinResult>;

/** A short-lived token for the realtime connection (docs/COLLAB_SPEC.md, "Tokens"). */
export const collabToken = z.object({
  token: z.string(),
  expiresAt: isoDateTime,
  participantId: uuid,
  /** The name this person writes notes under (the server checks it on every note). */
  displayName: z.string(),
  role: z.enum(participantRoles),
  /** True when this person may only read (closed lab). */
  readOnly: z.boolean(),
});
export type CollabToken = z.infer<typeof collabToken>;

/** The header prefix a guest uses for lab-scoped API calls. */
export const GUEST_AUTH_SCHEME = 'Guest';

export const liveLabParams = z.object({ labId: uuid });
