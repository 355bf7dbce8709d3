import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ReportJobStatus, ReportState } from '../../../common/reports.ts';
import {
  jobAnnouncement,
  POLL_INTERVAL_MS,
  startReportPolling,
  stepMessageKey,
} from './reportJob.ts';
import { stateWith } from './reports.testing.ts';

function jobState(status: ReportJobStatus, progress: number, step: string | null): ReportState {
  return stateWith({
    job: {
      status,
      progress,
      step,
      error: status === 'failed' ? 'De synthese kon niet worden berekend.' : null,
      requestedAt: null,
      finishedAt: null,
    },
  });
}

describe('following the generation job', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('asks once a second while the job runs and stops by itself when it is ready', async () => {
    const answers = [
      jobState('queued', 0, null),
      jobState('running', 40, 'synthesis'),
      jobState('ready', 100, null),
    ];
    const load = vi.fn(() => Promise.resolve(answers.shift() ?? jobState('ready', 100, null)));
    const seen: string[] = [];
    startReportPolling({
      load,
      onState: (state) => seen.push(`${state.job.status}:${state.job.progress}`),
      onError: () => undefined,
    });

    await vi.advanceTimersByTimeAsync(POLL_INTERVAL_MS - 1);
    expect(load).toHaveBeenCalledTimes(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(load).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(POLL_INTERVAL_MS * 2);
    expect(seen).toEqual(['queued:0', 'running:40', 'ready:100']);
    await vi.advanceTimersByTimeAsync(POLL_INTERVAL_MS * 10);
    expect(load).toHaveBeenCalledTimes(3);
  });

  it('stops on a failed job too, and keeps asking after a load that failed', async () => {
    const load = vi
      .fn<() => Promise<ReportState>>()
      .mockRejectedValueOnce(new Error('offline'))
      .mockResolvedValueOnce(jobState('failed', 60, 'activities'));
    const onError = vi.fn();
    const onState = vi.fn();
    startReportPolling({ load, onState, onError });
    await vi.advanceTimersByTimeAsync(POLL_INTERVAL_MS * 5);
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onState).toHaveBeenCalledTimes(1);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('asks no more once stopped (the page was left), and drops an answer still on its way', async () => {
    let resolve: (state: ReportState) => void = () => undefined;
    const load = vi.fn(
      () =>
        new Promise<ReportState>((done) => {
          resolve = done;
        }),
    );
    const onState = vi.fn();
    const stop = startReportPolling({ load, onState, onError: () => undefined });
    await vi.advanceTimersByTimeAsync(POLL_INTERVAL_MS);
    stop();
    resolve(jobState('running', 50, 'raw'));
    await vi.advanceTimersByTimeAsync(POLL_INTERVAL_MS * 5);
    expect(load).toHaveBeenCalledTimes(1);
    expect(onState).not.toHaveBeenCalled();
  });
});

describe('what the job says', () => {
  it('announces start, finish and failure, and stays quiet on ticks and the first load', () => {
    expect(jobAnnouncement(null, 'running')).toBeNull();
    expect(jobAnnouncement('ready', 'queued')).toBe('started');
    expect(jobAnnouncement('failed', 'running')).toBe('started');
    expect(jobAnnouncement('queued', 'running')).toBeNull();
    expect(jobAnnouncement('running', 'running')).toBeNull();
    expect(jobAnnouncement('running', 'ready')).toBe('finished');
    expect(jobAnnouncement('queued', 'failed')).toBe('failed');
    expect(jobAnnouncement('idle', 'ready')).toBeNull();
  });

  it('translates the known steps and names any other step generically', () => {
    expect(stepMessageKey('synthesis')).toBe('job.steps.synthesis');
    expect(stepMessageKey('saving')).toBe('job.steps.saving');
    expect(stepMessageKey('something-new')).toBe('job.steps.other');
    expect(stepMessageKey(null)).toBe('job.steps.none');
  });
});
