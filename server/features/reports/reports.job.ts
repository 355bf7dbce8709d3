// The worker of the 'report-generate' job: builds a lab's report and records its progress, so
// the web app can show how far it is and why it failed (docs/reports.md).
import type { AppContext } from '../../http/context.ts';
import type { JobData } from '../../jobs/queue.ts';
import { buildReport, ReportBuildError } from './reports.build.ts';
import { failGeneration, saveGeneration, updateJobProgress } from './reports.repo.ts';

/** Said when something unforeseen stops a generation; the details are in the server's log. */
export const UNEXPECTED_FAILURE =
  'Het verslag kon door een onverwachte fout niet worden gemaakt. Probeer het opnieuw; lukt het dan nog niet, meld het aan de beheerder van Stadshart.';

/**
 * Generates the lab's report: marks it running, reports progress per step, and stores the
 * generation as ready; on any failure stores the status failed with a reason a person can act
 * on (never a stack trace) and keeps the previous generation. Never throws, so the queue does
 * not retry behind the person's back: they retry with POST …/report/generate.
 */
export async function runReportJob(
  ctx: AppContext,
  data: JobData['report-generate'],
): Promise<void> {
  const db = ctx.database.db;
  try {
    const generated = await buildReport(ctx, data.labId, (progress, step) =>
      updateJobProgress(db, data.labId, { status: 'running', progress, step }),
    );
    await updateJobProgress(db, data.labId, { status: 'running', progress: 90, step: 'saving' });
    await saveGeneration(db, data.labId, generated, new Date(generated.generatedAt));
  } catch (error) {
    const message = error instanceof ReportBuildError ? error.message : UNEXPECTED_FAILURE;
    if (!(error instanceof ReportBuildError)) {
      // Operators need the cause; the person sees only the message above.
      console.error('report generation failed', { labId: data.labId, error });
    }
    await failGeneration(db, data.labId, message).catch(() => undefined);
  }
}
