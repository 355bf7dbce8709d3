// The generation job as the page follows it: which states still need polling, how a step reads,
// what to announce when the status changes, and the once-a-second poller itself.
import type { ReportJobStatus, ReportState } from '../../../common/reports.ts';

/** How often the page asks for news while a job is queued or running. */
export const POLL_INTERVAL_MS = 1000;

/** The steps the server names; any other key reads as a generic "working" step. */
export const knownReportSteps = ['lab', 'synthesis', 'activities', 'raw', 'saving'] as const;

/** True while the job may still change by itself (queued or running). */
export function isJobActive(status: ReportJobStatus): boolean {
  return status === 'queued' || status === 'running';
}

/** The message key (in the `reports` namespace) that describes a job step in words. */
export function stepMessageKey(step: string | null): string {
  if (step === null) return 'job.steps.none';
  return (knownReportSteps as readonly string[]).includes(step)
    ? `job.steps.${step}`
    : 'job.steps.other';
}

export type JobAnnouncement = 'started' | 'finished' | 'failed';

/**
 * What changed for a listener between two statuses: a job that started, finished or failed;
 * null when nothing worth saying happened (a progress tick, or the first load of the page).
 */
export function jobAnnouncement(
  previous: ReportJobStatus | null,
  next: ReportJobStatus,
): JobAnnouncement | null {
  if (previous === null || previous === next) return null;
  if (isJobActive(next) && !isJobActive(previous)) return 'started';
  if (next === 'ready' && isJobActive(previous)) return 'finished';
  if (next === 'failed' && isJobActive(previous)) return 'failed';
  return null;
}

/** What the poller needs from its surroundings; timers are passed in so tests can drive them. */
export interface ReportPollerOptions {
  load: () => Promise<ReportState>;
  onState: (state: ReportState) => void;
  onError: (error: unknown) => void;
  intervalMs?: number;
  setTimer?: (run: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
}

/**
 * Loads the report every `intervalMs` until its job is no longer queued or running, one request
 * at a time (a slow answer never overlaps the next), and hands each answer to `onState`. A failed
 * load is reported and polling goes on, since the job keeps running on the server. The returned
 * function stops it for good; an answer that arrives after stopping is dropped.
 */
export function startReportPolling(options: ReportPollerOptions): () => void {
  const {
    load,
    onState,
    onError,
    intervalMs = POLL_INTERVAL_MS,
    setTimer = (run, ms) => setTimeout(run, ms),
    clearTimer = (timer) => clearTimeout(timer as ReturnType<typeof setTimeout>),
  } = options;
  let isStopped = false;
  let timer: unknown = null;

  const tick = async () => {
    timer = null;
    let isDone = false;
    try {
      const state = await load();
      if (isStopped) return;
      onState(state);
      isDone = !isJobActive(state.job.status);
    } catch (error) {
      if (isStopped) return;
      onError(error);
    }
    if (!isDone && !isStopped) timer = setTimer(() => void tick(), intervalMs);
  };

  timer = setTimer(() => void tick(), intervalMs);
  return () => {
    isStopped = true;
    if (timer !== null) clearTimer(timer);
  };
}
