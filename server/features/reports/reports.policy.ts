// Who may read and edit a lab's report, and when it can be generated. Pure functions.
import type { LabStatus } from '../../../common/labs.ts';
import type { ReportJobStatus } from '../../../common/reports.ts';

/** What the rules need to know about the person and the lab (from the labs policy). */
export interface ReportStanding {
  /** One of the lab's facilitators, or an admin of its organisation (canFacilitateLab). */
  mayFacilitate: boolean;
}

/** A queued or running generation older than this is taken to be lost with a stopped server. */
export const REPORT_JOB_LOST_AFTER_MS = 15 * 60 * 1000;

/** True when a report can be generated: once the lab has started (live) or is closed. */
export function canGenerateReport(status: LabStatus): boolean {
  return status === 'live' || status === 'closed';
}

/** True when the person may generate, edit, finalise and publish the report: who steers the lab. */
export function canEditReport(standing: ReportStanding): boolean {
  return standing.mayFacilitate;
}

/**
 * True while a generation is queued or running and young enough to still be under way; a new
 * one then waits for it.
 */
export function isGenerationBusy(
  job: { status: ReportJobStatus; requestedAt: Date | null },
  now: Date,
): boolean {
  if (job.status !== 'queued' && job.status !== 'running') return false;
  if (!job.requestedAt) return false;
  return now.getTime() - job.requestedAt.getTime() < REPORT_JOB_LOST_AFTER_MS;
}
