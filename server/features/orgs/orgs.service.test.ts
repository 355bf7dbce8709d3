import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memberships } from '../../db/schema.ts';
import type { OrgActor } from '../../http/auth.ts';
import {
  createActor,
  createOrg,
  createTestContext,
  type TestContext,
} from '../../testing/harness.ts';
import { resolveSession } from '../auth/sessions.service.ts';
import { changeMemberRole, deactivateMember, inviteMember } from './orgs.service.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(async () => {
  await t.close();
});

describe('membership changes under the lock', () => {
  it('refuses an admin who was demoted after their request was authorised', async () => {
    const org = await createOrg(t);
    const first = await createActor(t, { org, role: 'admin' });
    const second = await createActor(t, { org, role: 'admin' });
    const target = await createActor(t, { org, role: 'member' });
    const auth = await resolveSession(t.database.db, t.config, first.cookie);
    if (!auth) throw new Error('no session');
    // What the route saw a moment ago: an admin.
    const stale: OrgActor = { auth, orgId: org.id, orgSlug: org.slug, role: 'admin' };
    await t.database.db
      .update(memberships)
      .set({ role: 'member' })
      .where(and(eq(memberships.orgId, org.id), eq(memberships.userId, first.userId)));

    for (const attempt of [
      () => changeMemberRole(t.ctx, stale, target.userId, 'admin'),
      () => deactivateMember(t.ctx, stale, second.userId),
      () => inviteMember(t.ctx, stale, { email: 'laat@example.nl', role: 'admin' }),
    ]) {
      await expect(attempt()).rejects.toMatchObject({ status: 403 });
    }
    const [row] = await t.database.db
      .select()
      .from(memberships)
      .where(and(eq(memberships.orgId, org.id), eq(memberships.userId, target.userId)));
    expect(row?.role).toBe('member');
  });
});
