// The report feature's only database access: the working report of a lab (job state, generated
// content, the facilitator's edits), its frozen versions, and the projection rows (notes, votes,
// poll answers, trend scores, actions) that become the raw data of a report.
import { and, asc, desc, eq, isNull, lt, notInArray, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import {
  activities,
  collabDocuments,
  labActions,
  labNotes,
  labParticipants,
  labPollAnswers,
  labReports,
  labReportVersions,
  labTrendScores,
  labVotes,
  organisations,
  places,
  regions,
  users,
} from '../../db/schema.ts';

export type ReportRow = typeof labReports.$inferSelect;
export type ReportVersionRow = typeof labReportVersions.$inferSelect;

/** A version with the name of the person who finalised it (null when they are gone). */
export interface VersionWithAuthor {
  version: ReportVersionRow;
  finalisedByName: string | null;
}

/** The working report of the lab, or null before anyone asked for one. */
export async function findReportRow(db: Db, labId: string): Promise<ReportRow | null> {
  const [row] = await db.select().from(labReports).where(eq(labReports.labId, labId));
  return row ?? null;
}

/** The organisation's name and, when given, the region's name (null when it is gone). */
export async function findCoverNames(
  db: Db,
  orgId: string,
  regionId: string | null,
): Promise<{ orgName: string; regionName: string | null }> {
  const [org] = await db
    .select({ name: organisations.name })
    .from(organisations)
    .where(eq(organisations.id, orgId));
  let regionName: string | null = null;
  if (regionId) {
    const [region] = await db
      .select({ name: regions.name })
      .from(regions)
      .where(eq(regions.id, regionId));
    regionName = region?.name ?? null;
  }
  return { orgName: org?.name ?? '', regionName };
}

/**
 * Marks the lab's report as queued for a new generation, creating the row when needed, unless a
 * generation is already queued or running and was asked for after `busySince` (an older one is
 * taken to be lost with a stopped server). Returns false, changing nothing, when one is busy.
 */
export async function claimGeneration(
  db: Db,
  input: { labId: string; orgId: string; requestedBy: string; busySince: Date },
): Promise<boolean> {
  const now = new Date();
  await db
    .insert(labReports)
    .values({ labId: input.labId, orgId: input.orgId })
    .onConflictDoNothing();
  const claimed = await db
    .update(labReports)
    .set({
      jobStatus: 'queued',
      jobId: null,
      progress: 0,
      step: null,
      error: null,
      requestedBy: input.requestedBy,
      requestedAt: now,
      finishedAt: null,
      updatedAt: now,
    })
    .where(
      and(
        eq(labReports.labId, input.labId),
        or(
          notInArray(labReports.jobStatus, ['queued', 'running']),
          isNull(labReports.requestedAt),
          lt(labReports.requestedAt, input.busySince),
        ),
      ),
    )
    .returning({ labId: labReports.labId });
  return claimed.length > 0;
}

/** Remembers the queue's id of the job that generates the report. */
export async function setJobId(db: Db, labId: string, jobId: string): Promise<void> {
  await db.update(labReports).set({ jobId }).where(eq(labReports.labId, labId));
}

/** Records where a running generation is; the generated content stays as it was. */
export async function updateJobProgress(
  db: Db,
  labId: string,
  progress: { status: 'running'; progress: number; step: string },
): Promise<void> {
  await db
    .update(labReports)
    .set({
      jobStatus: progress.status,
      progress: progress.progress,
      step: progress.step,
      error: null,
      updatedAt: new Date(),
    })
    .where(eq(labReports.labId, labId));
}

/** Stores a finished generation and marks the report ready. */
export async function saveGeneration(
  db: Db,
  labId: string,
  generated: unknown,
  generatedAt: Date,
): Promise<void> {
  const now = new Date();
  await db
    .update(labReports)
    .set({
      jobStatus: 'ready',
      progress: 100,
      step: null,
      error: null,
      generated,
      generatedAt,
      finishedAt: now,
      updatedAt: now,
    })
    .where(eq(labReports.labId, labId));
}

/** Marks the generation failed with its reason; the previous generation is kept. */
export async function failGeneration(db: Db, labId: string, message: string): Promise<void> {
  const now = new Date();
  await db
    .update(labReports)
    .set({ jobStatus: 'failed', step: null, error: message, finishedAt: now, updatedAt: now })
    .where(eq(labReports.labId, labId));
}

/** Replaces the facilitator's edits of the lab's report. */
export async function saveEditorial(db: Db, labId: string, editorial: unknown): Promise<void> {
  await db
    .update(labReports)
    .set({ editorial, updatedAt: new Date() })
    .where(eq(labReports.labId, labId));
}

/**
 * Adds the next version of the lab's report: `make` receives the version number and the
 * working report as it is under a row lock, so two facilitators finalising at once get two
 * numbers and each version is made from what was stored when it was numbered.
 */
export async function insertNextVersion(
  db: Db,
  labId: string,
  finalisedBy: string,
  make: (
    version: number,
    report: ReportRow,
  ) => { document: unknown; raw: unknown; licence: string },
): Promise<ReportVersionRow | null> {
  return db.transaction(async (tx) => {
    const [report] = await tx
      .select()
      .from(labReports)
      .where(eq(labReports.labId, labId))
      .for('update');
    if (!report) return null;
    const [last] = await tx
      .select({ version: sql<number>`coalesce(max(${labReportVersions.version}), 0)::int` })
      .from(labReportVersions)
      .where(eq(labReportVersions.labId, labId));
    const version = (last?.version ?? 0) + 1;
    const made = make(version, report);
    const [row] = await tx
      .insert(labReportVersions)
      .values({ labId, version, ...made, finalisedBy })
      .returning();
    return row ?? null;
  });
}

function versionsWithAuthor(db: Db) {
  return db
    .select({ version: labReportVersions, finalisedByName: users.name })
    .from(labReportVersions)
    .leftJoin(users, eq(users.id, labReportVersions.finalisedBy));
}

/** The lab's versions, newest first. */
export function listVersions(db: Db, labId: string): Promise<VersionWithAuthor[]> {
  return versionsWithAuthor(db)
    .where(eq(labReportVersions.labId, labId))
    .orderBy(desc(labReportVersions.version));
}

/** One version of the lab's report, or null. */
export async function findVersion(
  db: Db,
  labId: string,
  version: number,
): Promise<VersionWithAuthor | null> {
  const [row] = await versionsWithAuthor(db).where(
    and(eq(labReportVersions.labId, labId), eq(labReportVersions.version, version)),
  );
  return row ?? null;
}

/**
 * True when something the room wrote was stored after `since`: a document of the lab, or a
 * projected note, poll answer, trend score or action (the follow-up of actions included).
 */
export async function hasLabChangedSince(db: Db, labId: string, since: Date): Promise<boolean> {
  const result = await db.execute<{ changed: boolean }>(sql`
    select (
      exists (select 1 from ${collabDocuments}
              where ${collabDocuments.labId} = ${labId} and ${collabDocuments.updatedAt} > ${since})
      or exists (select 1 from ${labNotes}
              where ${labNotes.labId} = ${labId} and ${labNotes.createdAt} > ${since})
      or exists (select 1 from ${labTrendScores}
              where ${labTrendScores.labId} = ${labId} and ${labTrendScores.updatedAt} > ${since})
      or exists (select 1 from ${labActions}
              where ${labActions.labId} = ${labId} and ${labActions.updatedAt} > ${since})
      or exists (select 1 from ${labPollAnswers}
              join ${activities} on ${activities.id} = ${labPollAnswers.activityId}
              where ${activities.labId} = ${labId} and ${labPollAnswers.updatedAt} > ${since})
    ) as changed
  `);
  return result.rows[0]?.changed === true;
}

// ---------------------------------------------------------------------------------------------
// Projection rows for the raw data

/** A projected canvas note with its activity's title and position. */
export interface NoteRow {
  activityId: string;
  activityTitle: string;
  noteId: string;
  sectionKey: string;
  text: string;
  authorName: string;
  dots: number;
  createdAt: Date;
}

/** Every projected note of the lab, in agenda order, then section and position. */
export function listLabNotes(db: Db, labId: string): Promise<NoteRow[]> {
  return db
    .select({
      activityId: labNotes.activityId,
      activityTitle: activities.title,
      noteId: labNotes.noteId,
      sectionKey: labNotes.sectionKey,
      text: labNotes.text,
      authorName: labNotes.authorName,
      dots: labNotes.dots,
      createdAt: labNotes.createdAt,
    })
    .from(labNotes)
    .innerJoin(activities, eq(activities.id, labNotes.activityId))
    .where(eq(labNotes.labId, labId))
    .orderBy(
      asc(activities.position),
      asc(activities.createdAt),
      asc(labNotes.sectionKey),
      asc(labNotes.position),
      asc(labNotes.noteId),
    );
}

/** One person's dots on one note, with the note's text and the person's display name. */
export interface DotRow {
  activityTitle: string;
  noteText: string | null;
  voterName: string;
  dots: number;
}

/** Every projected dot vote of the lab, in agenda order. */
export function listLabDots(db: Db, labId: string): Promise<DotRow[]> {
  return db
    .select({
      activityTitle: activities.title,
      noteText: labNotes.text,
      voterName: labParticipants.displayName,
      dots: labVotes.dots,
    })
    .from(labVotes)
    .innerJoin(activities, eq(activities.id, labVotes.activityId))
    .innerJoin(labParticipants, eq(labParticipants.id, labVotes.participantId))
    .leftJoin(
      labNotes,
      and(eq(labNotes.activityId, labVotes.activityId), eq(labNotes.noteId, labVotes.noteId)),
    )
    .where(eq(activities.labId, labId))
    .orderBy(
      asc(activities.position),
      asc(activities.createdAt),
      asc(labNotes.position),
      asc(labVotes.noteId),
      asc(labParticipants.displayName),
      asc(labParticipants.id),
    );
}

/** One person's answer to a poll, with the person's display name. */
export interface PollAnswerRow {
  activityId: string;
  activityTitle: string;
  voterName: string;
  choices: string[] | null;
  value: number | null;
  text: string | null;
}

/** Every projected poll answer of the lab, in agenda order. */
export function listLabPollAnswers(db: Db, labId: string): Promise<PollAnswerRow[]> {
  return db
    .select({
      activityId: labPollAnswers.activityId,
      activityTitle: activities.title,
      voterName: labParticipants.displayName,
      choices: labPollAnswers.choices,
      value: labPollAnswers.value,
      text: labPollAnswers.text,
    })
    .from(labPollAnswers)
    .innerJoin(activities, eq(activities.id, labPollAnswers.activityId))
    .innerJoin(labParticipants, eq(labParticipants.id, labPollAnswers.participantId))
    .where(eq(activities.labId, labId))
    .orderBy(
      asc(activities.position),
      asc(activities.createdAt),
      asc(labParticipants.displayName),
      asc(labParticipants.id),
    );
}

/** One person's scores of one trend item. */
export interface ScoreRow {
  activityId: string;
  activityTitle: string;
  itemKey: string;
  placeName: string | null;
  participantName: string;
  relevance: number | null;
  impact: number | null;
  uncertainty: number | null;
}

/** Every projected trend score of the lab, in agenda order. */
export function listLabScores(db: Db, labId: string): Promise<ScoreRow[]> {
  return db
    .select({
      activityId: labTrendScores.activityId,
      activityTitle: activities.title,
      itemKey: labTrendScores.itemKey,
      placeName: places.name,
      participantName: labParticipants.displayName,
      relevance: labTrendScores.relevance,
      impact: labTrendScores.impact,
      uncertainty: labTrendScores.uncertainty,
    })
    .from(labTrendScores)
    .innerJoin(activities, eq(activities.id, labTrendScores.activityId))
    .innerJoin(labParticipants, eq(labParticipants.id, labTrendScores.participantId))
    .leftJoin(places, eq(places.id, labTrendScores.placeId))
    .where(eq(labTrendScores.labId, labId))
    .orderBy(
      asc(activities.position),
      asc(activities.createdAt),
      asc(labTrendScores.itemKey),
      asc(labParticipants.displayName),
      asc(labParticipants.id),
    );
}

export type ActionRow = typeof labActions.$inferSelect & { activityTitle: string };

/** Every projected action of the lab, in agenda order and then the room's order. */
export async function listLabActions(db: Db, labId: string): Promise<ActionRow[]> {
  const rows = await db
    .select({ action: labActions, activityTitle: activities.title })
    .from(labActions)
    .innerJoin(activities, eq(activities.id, labActions.activityId))
    .where(eq(labActions.labId, labId))
    .orderBy(
      asc(activities.position),
      asc(activities.createdAt),
      asc(labActions.position),
      asc(labActions.createdAt),
      asc(labActions.actionId),
    );
  return rows.map(({ action, activityTitle }) => ({ ...action, activityTitle }));
}
