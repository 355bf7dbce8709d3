import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../testing/harness.ts';
import { startJobQueue, type JobQueue } from './queue.ts';

let t: TestContext;
let queue: JobQueue;

beforeAll(async () => {
  t = await createTestContext();
  queue = await startJobQueue(t.database, console, { pollingIntervalSeconds: 0.5 });
});
afterAll(async () => {
  await queue.stop();
  await t.close();
});

describe('job queue', () => {
  it('hands a queued job with its data to the worker, once', async () => {
    const seen: Array<{ labId: string; jobId: string }> = [];
    const done = new Promise<void>((resolve) => {
      void queue.work('report-generate', (data, jobId) => {
        seen.push({ labId: data.labId, jobId });
        resolve();
        return Promise.resolve();
      });
    });
    const id = await queue.send('report-generate', {
      labId: '00000000-0000-4000-8000-000000000001',
      requestedBy: null,
    });
    await done;
    expect(seen).toEqual([{ labId: '00000000-0000-4000-8000-000000000001', jobId: id }]);
  });
});
