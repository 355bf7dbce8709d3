import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createActor,
  createOrg,
  createTestContext,
  type TestContext,
} from '../../testing/harness.ts';
import { resolveSession, type Auth } from '../auth/sessions.service.ts';
import { deleteMyAccount } from './accounts.service.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(async () => {
  await t.close();
});

async function authOf(cookie: string): Promise<Auth> {
  const auth = await resolveSession(t.database.db, t.config, cookie);
  if (!auth) throw new Error('no session');
  return auth;
}

describe('deleteMyAccount', () => {
  it('lets only one of the last two admins leave when both try at the same moment', async () => {
    for (let round = 0; round < 10; round++) {
      const org = await createOrg(t);
      const first = await createActor(t, { org, role: 'admin' });
      const second = await createActor(t, { org, role: 'admin' });
      const [firstAuth, secondAuth] = [await authOf(first.cookie), await authOf(second.cookie)];
      const outcomes = await Promise.allSettled([
        deleteMyAccount(t.ctx, firstAuth, first.email),
        deleteMyAccount(t.ctx, secondAuth, second.email),
      ]);
      const refused = outcomes.filter((o) => o.status === 'rejected');
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
      expect(refused).toHaveLength(1);
      expect((refused[0] as PromiseRejectedResult).reason).toMatchObject({
        status: 409,
        code: 'last_admin',
      });
    }
  });
});
