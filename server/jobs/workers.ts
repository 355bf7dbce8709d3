// Which jobs this process works. Every app node runs all workers; pg-boss hands each job to one.
import { runReportJob } from '../features/reports/reports.job.ts';
import type { AppContext } from '../http/context.ts';

/** Registers the handler of every job in jobNames on ctx.jobs; does nothing without a queue. */
export async function startWorkers(ctx: AppContext): Promise<void> {
  if (!ctx.jobs) return;
  // One line per job; each handler lives beside the feature it serves.
  await ctx.jobs.work('report-generate', (data) => runReportJob(ctx, data));
}
