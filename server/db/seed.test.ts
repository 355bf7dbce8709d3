import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionResponse } from '../../common/auth.ts';
import { createOrg, createTestContext, tokenOf, type TestContext } from '../testing/harness.ts';
import { memberships, organisations, places, regionPlaces, regions, users } from './schema.ts';
import { DEMO_ADMIN_EMAIL, seedDemoIfEmpty } from './seed.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(async () => {
  await t.close();
});

describe('seedDemoIfEmpty', () => {
  it('creates the demo once, without passwords, and hands out a working sign-in link', async () => {
    const seeded = await seedDemoIfEmpty(t.ctx);
    expect(seeded).not.toBeNull();
    expect(seeded?.adminEmail).toBe(DEMO_ADMIN_EMAIL);
    expect(seeded?.signInUrl.startsWith(`${t.config.PUBLIC_URL}/auth/link#token=`)).toBe(true);
    expect(seeded?.expiresAt.getTime()).toBeGreaterThan(Date.now());

    const db = t.database.db;
    const [org] = await db.select().from(organisations);
    expect(org).toMatchObject({
      slug: 'kennisnetwerk-binnensteden',
      name: 'Kennisnetwerk Binnensteden',
    });
    const placeRows = await db.select().from(places).orderBy(places.name);
    expect(placeRows.map((p) => [p.name, p.municipality, p.cbsCode])).toEqual([
      ['Beverwijk', 'Beverwijk', 'GM0375'],
      ['Heemskerk', 'Heemskerk', 'GM0396'],
      ['IJmuiden', 'Velsen', 'GM0453'],
    ]);
    for (const place of placeRows) {
      expect(place.description.length).toBeGreaterThan(20);
      expect(place.dnaTags.length).toBeGreaterThan(2);
    }
    const [region] = await db.select().from(regions);
    expect(region?.name).toBe('IJmond');
    expect(await db.select().from(regionPlaces)).toHaveLength(3);

    const people = await db.select().from(users);
    expect(people.length).toBeGreaterThanOrEqual(4);
    expect(people.every((p) => p.passwordHash === null)).toBe(true);
    const roles = await db
      .select({ email: users.email, role: memberships.role, status: memberships.status })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId));
    expect(roles).toContainEqual({ email: DEMO_ADMIN_EMAIL, role: 'admin', status: 'active' });
    expect(roles.some((r) => r.role === 'facilitator')).toBe(true);
    expect(roles.filter((r) => r.role === 'member').length).toBeGreaterThanOrEqual(2);
    expect(roles.every((r) => r.status === 'active')).toBe(true);

    const signIn = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/magic-link/consume',
      payload: { token: tokenOf(seeded?.signInUrl ?? '') },
    });
    expect(signIn.statusCode).toBe(200);
    const session = sessionResponse.parse(signIn.json());
    expect(session.user?.email).toBe(DEMO_ADMIN_EMAIL);
    expect(session.memberships).toEqual([
      expect.objectContaining({ orgSlug: 'kennisnetwerk-binnensteden', role: 'admin' }),
    ]);

    expect(await seedDemoIfEmpty(t.ctx)).toBeNull();
    expect(await db.select().from(organisations)).toHaveLength(1);
    expect(await db.select().from(users)).toHaveLength(people.length);
  });

  it('leaves a database that already has an organisation alone', async () => {
    const other = await createTestContext();
    try {
      await createOrg(other, 'Gemeente Velsen');
      expect(await seedDemoIfEmpty(other.ctx)).toBeNull();
      expect(await other.database.db.select().from(places)).toEqual([]);
      expect(await other.database.db.select().from(users)).toEqual([]);
    } finally {
      await other.close();
    }
  });

  it('seeds only once when two nodes start at the same moment', async () => {
    const other = await createTestContext();
    try {
      const results = await Promise.all([seedDemoIfEmpty(other.ctx), seedDemoIfEmpty(other.ctx)]);
      expect(results.filter((r) => r !== null)).toHaveLength(1);
      expect(await other.database.db.select().from(organisations)).toHaveLength(1);
    } finally {
      await other.close();
    }
  });
});
