import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { healthResponse, readinessResponse } from '../../../common/health.ts';
import { createTestContext, type TestContext } from '../../testing/harness.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(async () => {
  await t.close();
});

describe('health', () => {
  it('GET /healthz answers while the process is up', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(response.statusCode).toBe(200);
    expect(healthResponse.parse(response.json())).toEqual({ status: 'ok' });
  });

  it('GET /readyz reports a reachable, migrated database', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/readyz' });
    expect(response.statusCode).toBe(200);
    expect(readinessResponse.parse(response.json())).toEqual({
      status: 'ready',
      checks: { database: true, migrations: true },
    });
  });

  it('GET /readyz is not ready when the migrations are missing', async () => {
    await t.database.pool.query('drop schema drizzle cascade');
    const response = await t.app.inject({ method: 'GET', url: '/readyz' });
    expect(response.statusCode).toBe(503);
    expect(readinessResponse.parse(response.json())).toEqual({
      status: 'not_ready',
      checks: { database: true, migrations: false },
    });
  });
});
