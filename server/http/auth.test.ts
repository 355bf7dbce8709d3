import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../common/auth.ts';
import { createActor, createOrg, createTestContext, type TestContext } from '../testing/harness.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(async () => {
  await t.close();
});

describe('the session lookup', () => {
  it('runs for API requests only, never for the files of a page', async () => {
    const org = await createOrg(t);
    const actor = await createActor(t, { org, role: 'member' });
    const cookies = { [SESSION_COOKIE]: actor.cookie };
    // With the sessions table out of reach, any lookup fails loudly.
    await t.database.pool.query('alter table sessions rename to sessions_out_of_reach');
    try {
      const page = await t.app.inject({ method: 'GET', url: '/healthz', cookies });
      expect(page.statusCode).toBe(200);
      const api = await t.app.inject({ method: 'GET', url: '/api/v1/session', cookies });
      expect(api.statusCode).toBe(500);
    } finally {
      await t.database.pool.query('alter table sessions_out_of_reach rename to sessions');
    }
  });
});
