// What leaves the server about labs, their agenda and their participants.
import { activityConfig } from '../../../common/activities/registry.ts';
import { activityDocumentName, controlDocumentName } from '../../../common/collab.ts';
import type { z } from 'zod';
import type {
  Activity,
  JoinLookup,
  JoinResult,
  Lab,
  labList,
  LabTheme,
  LabSummary,
  Participant,
} from '../../../common/labs.ts';
import { labThemes } from '../../../common/labs.ts';
import { isEditable, isJoinable } from './labs.policy.ts';
import type {
  ActivityRow,
  LabDetails,
  LabRow,
  LabSummaryRow,
  ParticipantRow,
} from './labs.repo.ts';

/** What the asking person may do with the lab they look at. */
export interface LabViewer {
  mayFacilitate: boolean;
}

/** The lab's chosen themes; a stored value that no longer fits the schema shows as none. */
export function readThemes(value: unknown): LabTheme[] {
  const parsed = labThemes.safeParse(value);
  return parsed.success ? parsed.data : [];
}

/** One activity of the agenda with the name of its document. */
export function presentActivity(row: ActivityRow): Activity {
  const config = activityConfig.parse(row.config);
  return {
    id: row.id,
    labId: row.labId,
    position: row.position,
    title: row.title,
    kind: config.kind,
    config,
    documentName: activityDocumentName(row.labId, row.id),
  };
}

/** A lab as its page shows it; the join code only for those who may facilitate it. */
export function presentLab(details: LabDetails, viewer: LabViewer): Lab {
  const { lab } = details;
  return {
    id: lab.id,
    orgSlug: details.orgSlug,
    title: lab.title,
    question: lab.question,
    kind: lab.kind,
    status: lab.status,
    places: details.places.map((place) => ({
      id: place.id,
      name: place.name,
      municipality: place.municipality,
    })),
    regionId: lab.regionId,
    startsAt: lab.startsAt?.toISOString() ?? null,
    venue: lab.venue,
    facilitators: details.facilitators.map((person) => ({ id: person.id, name: person.name })),
    anonymous: lab.anonymous,
    themes: readThemes(lab.themes),
    joinCode: viewer.mayFacilitate && isJoinable(lab.status) ? lab.joinCode : null,
    activities: [...details.activities]
      .sort((a, b) => a.position - b.position)
      .map(presentActivity),
    controlDocumentName: controlDocumentName(lab.id),
    participantCount: details.participantCount,
    createdAt: lab.createdAt.toISOString(),
    updatedAt: lab.updatedAt.toISOString(),
    can: {
      edit: viewer.mayFacilitate && isEditable(lab.status),
      facilitate: viewer.mayFacilitate,
      join: isJoinable(lab.status),
    },
  };
}

/** A lab in the organisation's list. */
export function presentLabSummary(row: LabSummaryRow): LabSummary {
  return {
    id: row.lab.id,
    title: row.lab.title,
    kind: row.lab.kind,
    status: row.lab.status,
    startsAt: row.lab.startsAt?.toISOString() ?? null,
    venue: row.lab.venue,
    places: row.places.map((place) => ({
      id: place.id,
      name: place.name,
      municipality: place.municipality,
    })),
    participantCount: row.participantCount,
  };
}

/** The organisation's lab list. */
export function presentLabList(rows: LabSummaryRow[]): z.infer<typeof labList> {
  return { labs: rows.map(presentLabSummary) };
}

/** One participant; never their secret or account id. */
export function presentParticipant(row: ParticipantRow): Participant {
  return {
    id: row.id,
    displayName: row.displayName,
    kind: row.kind,
    role: row.role,
    joinedAt: row.joinedAt.toISOString(),
    removedAt: row.removedAt?.toISOString() ?? null,
  };
}

/** What the join page shows about the lab behind a code. */
export function presentJoinLookup(lab: LabRow, orgName: string, hasRoom: boolean): JoinLookup {
  return { labId: lab.id, title: lab.title, orgName, status: lab.status, hasRoom };
}

/** Who the person is in the lab they joined; a guest's secret is shown this once. */
export function presentJoinResult(
  lab: LabRow,
  orgSlug: string,
  participant: ParticipantRow,
  guestSecret: string | null,
): JoinResult {
  return { labId: lab.id, orgSlug, participant: presentParticipant(participant), guestSecret };
}
