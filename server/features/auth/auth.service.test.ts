import * as argon2 from '@node-rs/argon2';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createActor,
  createOrg,
  createTestContext,
  type TestContext,
} from '../../testing/harness.ts';
import { signInWithPassword } from './auth.service.ts';
import {
  PASSWORD_HASH_OPTIONS,
  hashPassword,
  isHashOutdated,
  verifyPassword,
} from './passwords.ts';

// Count argon2 verifications while still running the real ones.
vi.mock('@node-rs/argon2', async (importOriginal) => {
  const actual = await importOriginal<typeof argon2>();
  return { ...actual, verify: vi.fn(actual.verify) };
});

const PASSWORD = 'correct horse battery';
const client = { userAgent: 'vitest', currentSessionId: null };

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(async () => {
  await t.close();
});
beforeEach(() => {
  vi.mocked(argon2.verify).mockClear();
});

describe('passwords', () => {
  it('hashes with argon2id and the OWASP parameters', async () => {
    const stored = await hashPassword(PASSWORD);
    expect(stored.startsWith('$argon2id$')).toBe(true);
    expect(argon2.parseOptions(stored)).toMatchObject({
      memoryCost: 19456,
      timeCost: 2,
      parallelism: 1,
    });
    expect(PASSWORD_HASH_OPTIONS).toMatchObject({ memoryCost: 19456, timeCost: 2, parallelism: 1 });
    expect(isHashOutdated(stored)).toBe(false);
    expect(await verifyPassword(stored, PASSWORD)).toBe(true);
    expect(await verifyPassword(stored, `${PASSWORD}!`)).toBe(false);
  });

  it('spends a full verification and says no when there is no stored hash', async () => {
    expect(await verifyPassword(null, PASSWORD)).toBe(false);
    expect(argon2.verify).toHaveBeenCalledTimes(1);
    const [decoy] = vi.mocked(argon2.verify).mock.calls[0] ?? [];
    expect(argon2.parseOptions(decoy as string).memoryCost).toBe(PASSWORD_HASH_OPTIONS.memoryCost);
  });

  it('treats a malformed stored hash as a wrong password, and as outdated', async () => {
    expect(await verifyPassword('not-a-hash', PASSWORD)).toBe(false);
    expect(isHashOutdated('not-a-hash')).toBe(true);
    const weak = await argon2.hash(PASSWORD, { memoryCost: 1024, timeCost: 1, parallelism: 1 });
    expect(isHashOutdated(weak)).toBe(true);
  });
});

describe('signInWithPassword', () => {
  it('spends one password verification whether or not the account exists or has a password', async () => {
    const org = await createOrg(t);
    const withPassword = await createActor(t, { org, password: PASSWORD });
    const linkOnly = await createActor(t, { org });
    for (const email of ['nobody@example.nl', linkOnly.email, withPassword.email]) {
      vi.mocked(argon2.verify).mockClear();
      await expect(
        signInWithPassword(t.ctx, { email, password: 'a wrong password' }, client),
      ).rejects.toMatchObject({ status: 401, code: 'invalid_credentials' });
      expect(argon2.verify).toHaveBeenCalledTimes(1);
    }
  });

  it('returns a session whose cookie secret resolves to the person', async () => {
    const org = await createOrg(t);
    const actor = await createActor(t, { org, password: PASSWORD });
    const signedIn = await signInWithPassword(
      t.ctx,
      { email: actor.email, password: PASSWORD },
      client,
    );
    expect(signedIn.auth.user.id).toBe(actor.userId);
    expect(signedIn.secret).not.toBe(signedIn.auth.session.id);
    expect(signedIn.auth.memberships.map((m) => m.orgId)).toEqual([org.id]);
  });
});
