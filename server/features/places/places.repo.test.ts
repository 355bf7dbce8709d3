import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { places } from '../../db/schema.ts';
import { createOrg, createTestContext, type TestContext } from '../../testing/harness.ts';
import { DUPLICATE, insertPlacesAtomically } from './places.repo.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(async () => {
  await t.close();
});

const placeNamed = (name: string) => ({
  name,
  municipality: 'Velsen',
  cbsCode: null,
  description: '',
  dnaTags: [],
});

describe('insertPlacesAtomically', () => {
  it('stores nothing when a later slice fails after earlier slices went in', async () => {
    const org = await createOrg(t);
    const rows = ['A', 'B', 'C', 'D', 'a'].map(placeNamed);
    // Slices of two: A+B and C+D are inserted before the clash of "a" with "A" fails.
    const result = await insertPlacesAtomically(t.database.db, org.id, rows, { chunkRows: 2 });
    expect(result).toBe(DUPLICATE);
    expect(await t.database.db.select().from(places).where(eq(places.orgId, org.id))).toEqual([]);
  });

  it('stores every row across slices', async () => {
    const org = await createOrg(t);
    const rows = ['A', 'B', 'C', 'D', 'E'].map(placeNamed);
    const result = await insertPlacesAtomically(t.database.db, org.id, rows, { chunkRows: 2 });
    expect(result).not.toBe(DUPLICATE);
    expect(await t.database.db.select().from(places).where(eq(places.orgId, org.id))).toHaveLength(
      5,
    );
  });
});
