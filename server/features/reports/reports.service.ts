// The rules of a lab's report: who reads and edits it, when it can be generated, which edits are
// valid, and how a version is finalised (docs/reports.md).
import {
  defaultReportEditorial,
  reportEditorial,
  type ReportEditorial,
  type ReportState,
  type ReportVersion,
  type ReportVersionSummary,
} from '../../../common/reports.ts';
import type { OrgActor } from '../../http/auth.ts';
import type { AppContext } from '../../http/context.ts';
import { badInput, conflict, forbidden, HttpProblem, notFound } from '../../http/problem.ts';
import type { LabRow } from '../labs/labs.repo.ts';
import { loadOrgLab } from '../labs/labs.service.ts';
import { generatedReport, type GeneratedReport } from './reports.build.ts';
import { composeReport, knownSectionKeys } from './reports.compose.ts';
import {
  canEditReport,
  canGenerateReport,
  isGenerationBusy,
  REPORT_JOB_LOST_AFTER_MS,
} from './reports.policy.ts';
import { presentReportState, presentVersion, presentVersionSummary } from './reports.presenter.ts';
import {
  claimGeneration,
  failGeneration,
  findReportRow,
  findVersion,
  hasLabChangedSince,
  insertNextVersion,
  listVersions,
  saveEditorial,
  setJobId,
  type ReportRow,
} from './reports.repo.ts';

interface VisibleLab {
  lab: LabRow;
  mayEdit: boolean;
}

/** The actor's organisation's lab, when they may see it; 404 otherwise (drafts stay hidden). */
async function loadVisibleLab(
  ctx: AppContext,
  actor: OrgActor,
  labId: string,
): Promise<VisibleLab> {
  const { lab, mayFacilitate } = await loadOrgLab(ctx, actor, labId);
  return { lab, mayEdit: canEditReport({ mayFacilitate }) };
}

async function loadLabToEdit(ctx: AppContext, actor: OrgActor, labId: string): Promise<LabRow> {
  const { lab, mayEdit } = await loadVisibleLab(ctx, actor, labId);
  if (!mayEdit) {
    throw forbidden("Only the lab's facilitators and the organisation's admins may do this.");
  }
  return lab;
}

/** The stored generation, or null when there is none (or it no longer reads as one). */
export function readGenerated(row: ReportRow | null): GeneratedReport | null {
  if (!row?.generated) return null;
  const parsed = generatedReport.safeParse(row.generated);
  return parsed.success ? parsed.data : null;
}

/** The stored edits, with defaults for whatever is missing or no longer valid. */
export function readEditorial(row: ReportRow | null): ReportEditorial {
  const stored = row?.editorial;
  if (typeof stored !== 'object' || stored === null) return defaultReportEditorial();
  const parsed = reportEditorial.safeParse({ ...defaultReportEditorial(), ...stored });
  return parsed.success ? parsed.data : defaultReportEditorial();
}

function noGeneration(): HttpProblem {
  return conflict(
    'This report has not been generated yet: generate it first (POST …/report/generate).',
  );
}

async function stateOf(ctx: AppContext, lab: LabRow, mayEdit: boolean): Promise<ReportState> {
  const db = ctx.database.db;
  const [row, versions] = await Promise.all([findReportRow(db, lab.id), listVersions(db, lab.id)]);
  const generated = readGenerated(row);
  const stale =
    generated !== null && row?.generatedAt
      ? await hasLabChangedSince(db, lab.id, row.generatedAt)
      : false;
  return presentReportState({
    lab,
    row,
    generated,
    editorial: readEditorial(row),
    versions,
    canGenerate: canGenerateReport(lab.status),
    mayEdit,
    stale,
    now: new Date(),
  });
}

/** The lab's working report, its preview and its versions, for every member who may see the lab. */
export async function getReportState(
  ctx: AppContext,
  actor: OrgActor,
  labId: string,
): Promise<ReportState> {
  const { lab, mayEdit } = await loadVisibleLab(ctx, actor, labId);
  return stateOf(ctx, lab, mayEdit);
}

/**
 * Queues a new generation of the lab's report for its facilitators and admins (403 otherwise).
 * 409 while the lab has not started or a generation is already under way; 503 when this server
 * runs no job queue. The previous generation stays until the new one is ready.
 */
export async function requestGeneration(
  ctx: AppContext,
  actor: OrgActor,
  labId: string,
): Promise<ReportState> {
  const db = ctx.database.db;
  const lab = await loadLabToEdit(ctx, actor, labId);
  if (!canGenerateReport(lab.status)) {
    throw conflict(
      'The lab has not started yet: its report can be generated once the lab is live or closed.',
    );
  }
  if (!ctx.jobs) {
    throw new HttpProblem(
      503,
      'internal',
      'Reports cannot be generated on this server because it runs no background jobs. Ask the administrator to start it with jobs enabled.',
    );
  }
  const now = new Date();
  const row = await findReportRow(db, labId);
  if (row && isGenerationBusy({ status: row.jobStatus, requestedAt: row.requestedAt }, now)) {
    throw conflict(
      'This report is already being generated; wait until it is ready or has failed, then try again.',
    );
  }
  const claimed = await claimGeneration(db, {
    labId,
    orgId: lab.orgId,
    requestedBy: actor.auth.user.id,
    busySince: new Date(now.getTime() - REPORT_JOB_LOST_AFTER_MS),
  });
  if (!claimed) {
    throw conflict(
      'This report is already being generated; wait until it is ready or has failed, then try again.',
    );
  }
  try {
    const jobId = await ctx.jobs.send('report-generate', {
      labId,
      requestedBy: actor.auth.user.id,
    });
    await setJobId(db, labId, jobId);
  } catch {
    await failGeneration(
      db,
      labId,
      'De opdracht om het verslag te maken kon niet worden doorgegeven. Probeer het over een paar minuten opnieuw.',
    );
    throw new HttpProblem(
      503,
      'internal',
      'The job queue did not take the generation; try again in a few minutes.',
    );
  }
  return stateOf(ctx, lab, true);
}

/** 400 naming the first section key or note id the current generation does not have. */
function checkEditorial(generated: GeneratedReport, editorial: ReportEditorial): void {
  const keys = knownSectionKeys(generated);
  for (const field of ['order', 'hidden'] as const) {
    editorial[field].forEach((key, index) => {
      if (!keys.has(key)) {
        throw badInput(
          `${field}.${index}`,
          `there is no section "${key}" in this report.`,
          'unknown_section',
        );
      }
    });
  }
  const notes = new Set(generated.quotableNotes.map((note) => note.id));
  editorial.quotedNoteIds.forEach((id, index) => {
    if (!notes.has(id)) {
      throw badInput(
        `quotedNoteIds.${index}`,
        'is not one of the quotable notes of this report.',
        'unknown_note',
      );
    }
  });
}

/**
 * Replaces the facilitator's edits (introduction, conclusions, order, hidden sections, quotes,
 * licence) after checking them against the current generation; 409 before the first one.
 */
export async function updateEditorial(
  ctx: AppContext,
  actor: OrgActor,
  labId: string,
  editorial: ReportEditorial,
): Promise<ReportState> {
  const db = ctx.database.db;
  const lab = await loadLabToEdit(ctx, actor, labId);
  const generated = readGenerated(await findReportRow(db, labId));
  if (!generated) throw noGeneration();
  checkEditorial(generated, editorial);
  await saveEditorial(db, labId, editorial);
  return stateOf(ctx, lab, true);
}

/**
 * Finalises the report as it reads now into the next version: the composed document, the raw
 * data and the licence, never changed afterwards. 409 before the first generation.
 */
export async function finaliseVersion(
  ctx: AppContext,
  actor: OrgActor,
  labId: string,
): Promise<ReportVersionSummary> {
  const db = ctx.database.db;
  await loadLabToEdit(ctx, actor, labId);
  const year = new Date().getFullYear();
  // Thrown inside the transaction, so nothing is written.
  const row = await insertNextVersion(db, labId, actor.auth.user.id, (version, report) => {
    const generated = readGenerated(report);
    if (!generated) throw noGeneration();
    const editorial = readEditorial(report);
    return {
      document: composeReport(generated, editorial, { version, year }),
      raw: generated.raw,
      licence: editorial.licence,
    };
  });
  if (!row) throw noGeneration();
  const stored = await findVersion(db, labId, row.version);
  if (!stored) throw notFound('This version');
  return presentVersionSummary(stored);
}

/** The lab's finalised versions, newest first, for every member who may see the lab. */
export async function listReportVersions(
  ctx: AppContext,
  actor: OrgActor,
  labId: string,
): Promise<{ versions: ReportVersionSummary[] }> {
  await loadVisibleLab(ctx, actor, labId);
  const versions = await listVersions(ctx.database.db, labId);
  return { versions: versions.map(presentVersionSummary) };
}

/** One finalised version with its document; 404 when the lab has no such version. */
export async function getReportVersion(
  ctx: AppContext,
  actor: OrgActor,
  labId: string,
  version: number,
): Promise<ReportVersion> {
  await loadVisibleLab(ctx, actor, labId);
  const row = await findVersion(ctx.database.db, labId, version);
  if (!row) throw notFound('This version of the report');
  return presentVersion(row);
}
