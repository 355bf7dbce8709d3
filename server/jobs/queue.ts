// Background jobs on pg-boss, in the same PostgreSQL as everything else, so any app node may take
// a job another node queued. Job names and their data are declared here; workers live beside the
// feature they serve and are started by startWorkers (server/jobs/workers.ts).
import PgBoss from 'pg-boss';
import type { Logger } from 'pino';
import type { Database } from '../db/client.ts';

/** Every job the platform runs, with the data it carries. */
export interface JobData {
  /** Generate (or regenerate) a lab's report: server/features/reports/reports.job.ts. */
  'report-generate': { labId: string; requestedBy: string | null };
}
export type JobName = keyof JobData;

/** Job names in the order their queues are created. */
export const jobNames: readonly JobName[] = ['report-generate'];

export interface JobQueue {
  /** Queues a job and returns its id; the job runs on whichever node works that queue. */
  send<N extends JobName>(name: N, data: JobData[N]): Promise<string>;
  /** Handles the named jobs in this process, one at a time; a thrown error fails the job. */
  work<N extends JobName>(
    name: N,
    handler: (data: JobData[N], jobId: string) => Promise<void>,
  ): Promise<void>;
  /** Stops taking jobs, waits for running ones, and lets go of the database. */
  stop(): Promise<void>;
}

export interface JobQueueOptions {
  /** How often an idle worker looks for work; pg-boss accepts 0.5 s at the least. */
  pollingIntervalSeconds?: number;
}

/** Starts pg-boss on the pool (creating or migrating its `pgboss` schema) with every queue made. */
export async function startJobQueue(
  database: Database,
  logger: Pick<Logger, 'error' | 'warn'>,
  options: JobQueueOptions = {},
): Promise<JobQueue> {
  const boss = new PgBoss({
    // The app's pool, so jobs need no second set of connections or credentials.
    db: { executeSql: (text, values) => database.pool.query(text, values) },
    schedule: false,
  });
  boss.on('error', (error: unknown) => logger.error({ err: error }, 'job queue error'));
  await boss.start();
  for (const name of jobNames) {
    // A failed report is shown to the person with its reason and retried by them, not silently.
    if (!(await boss.getQueue(name))) await boss.createQueue(name, { retryLimit: 0 });
  }
  const pollingIntervalSeconds = options.pollingIntervalSeconds ?? 1;
  return {
    async send(name, data) {
      const id = await boss.send(name, data);
      if (!id) throw new Error(`the job queue refused a ${name} job`);
      return id;
    },
    async work(name, handler) {
      await boss.work<JobData[typeof name]>(
        name,
        { pollingIntervalSeconds, batchSize: 1 },
        async (jobs) => {
          for (const job of jobs) await handler(job.data, job.id);
        },
      );
    },
    async stop() {
      await boss.stop({ graceful: true, wait: true, timeout: 20_000 });
    },
  };
}
