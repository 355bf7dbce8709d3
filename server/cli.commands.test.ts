import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionResponse } from '../common/auth.ts';
import {
  CommandError,
  UsageError,
  createOrganisation,
  createUser,
  helpText,
  listOrganisations,
  parseCommandLine,
} from './cli.commands.ts';
import { memberships, users } from './db/schema.ts';
import { createTestContext, tokenOf, type TestContext } from './testing/harness.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(async () => {
  await t.close();
});

function usageErrorOf(argv: string[]): string {
  try {
    parseCommandLine(argv);
  } catch (error) {
    if (error instanceof UsageError) return error.message;
    throw error;
  }
  throw new Error(`no usage error for ${argv.join(' ')}`);
}

async function runLines(argv: string[]): Promise<string[]> {
  const parsed = parseCommandLine(argv);
  if (parsed.kind !== 'run') throw new Error('expected a command');
  return parsed.execute(t.ctx);
}

async function membershipOf(userId: string, orgId: string) {
  const [row] = await t.database.db
    .select()
    .from(memberships)
    .where(and(eq(memberships.userId, userId), eq(memberships.orgId, orgId)));
  return row;
}

describe('parseCommandLine', () => {
  it('answers --help, also after a command', () => {
    expect(parseCommandLine(['--help'])).toEqual({ kind: 'help' });
    expect(parseCommandLine(['users:create', '--help'])).toEqual({ kind: 'help' });
    const help = helpText();
    for (const name of ['users:create', 'orgs:create', 'orgs:list']) {
      const mentions = help.split('\n').filter((line) => line.trim().split(/\s+/)[0] === name);
      expect(mentions).toHaveLength(2);
    }
  });

  it('names an unknown command, an unknown flag, a missing flag and a bad value', () => {
    expect(usageErrorOf(['frobnicate'])).toContain('unknown command "frobnicate"');
    expect(usageErrorOf([])).toContain('no command given');
    expect(
      usageErrorOf(['users:create', '--email', 'a@b.nl', '--role', 'admin', '--colour', 'x']),
    ).toContain("'--colour'");
    expect(usageErrorOf(['users:create', '--role', 'admin'])).toContain('missing --email');
    expect(usageErrorOf(['users:create', '--email', 'a@b.nl', '--role', 'boss'])).toMatch(
      /--role: .*"boss"/,
    );
    expect(
      usageErrorOf(['users:create', '--email', 'not-an-address', '--role', 'admin']),
    ).toContain('--email');
    expect(usageErrorOf(['orgs:create', '--name', 'Velsen', '--slug', 'Not A Slug'])).toContain(
      '--slug',
    );
    expect(usageErrorOf(['orgs:list', 'extra'])).toContain("'extra'");
    for (const message of [usageErrorOf(['frobnicate']), usageErrorOf(['orgs:list', '--x'])]) {
      expect(message).not.toContain('\n');
    }
  });
});

describe('the cli process', () => {
  const cli = path.join(import.meta.dirname, 'cli.ts');
  const run = (...args: string[]) =>
    spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', timeout: 15_000 });

  it('exits 2 with one line naming an unknown command or flag', () => {
    const unknown = run('frobnicate');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr.trim().split('\n')).toHaveLength(1);
    expect(unknown.stderr).toContain('frobnicate');
    const badFlag = run('orgs:create', '--name', 'X', '--slug', 'x-y', '--colour', 'red');
    expect(badFlag.status).toBe(2);
    expect(badFlag.stderr).toContain('--colour');
  });

  it('prints the help and exits 0', () => {
    const help = run('--help');
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('users:create');
  });
});

describe('orgs:create and orgs:list', () => {
  it('creates organisations, refuses a taken slug, and lists them with active member counts', async () => {
    expect(await runLines(['orgs:list'])).toEqual([
      expect.stringContaining('No organisations yet'),
    ]);
    expect(
      (await runLines(['orgs:create', '--name', 'Gemeente Velsen', '--slug', 'velsen']))[0],
    ).toBe('Created organisation Gemeente Velsen (velsen).');
    await expect(
      createOrganisation(t.ctx, { name: 'Another', slug: 'velsen' }),
    ).rejects.toBeInstanceOf(CommandError);
    await createUser(t.ctx, { email: 'anna@example.nl', role: 'admin' });
    expect(await runLines(['orgs:list'])).toEqual(['velsen\tGemeente Velsen\t1 active']);
  });
});

describe('users:create', () => {
  it('uses the only organisation, creates an active member and prints a working sign-in link', async () => {
    const lines = await runLines([
      'users:create',
      '--email',
      'Joost@Example.NL',
      '--role',
      'facilitator',
      '--name',
      'Joost van Dam',
    ]);
    expect(lines[0]).toBe(
      'Created joost@example.nl: active facilitator of Gemeente Velsen (velsen).',
    );
    const link = lines.find((line) => line.includes('#token='))?.trim() ?? '';
    expect(link.startsWith(`${t.config.PUBLIC_URL}/auth/link#token=`)).toBe(true);

    const signIn = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/magic-link/consume',
      payload: { token: tokenOf(link) },
    });
    expect(signIn.statusCode).toBe(200);
    const session = sessionResponse.parse(signIn.json());
    expect(session.user).toMatchObject({
      email: 'joost@example.nl',
      name: 'Joost van Dam',
      hasPassword: false,
    });
    expect(session.memberships).toEqual([
      expect.objectContaining({ orgSlug: 'velsen', role: 'facilitator' }),
    ]);
  });

  it('refreshes an existing person: no second account, role changed, membership active again', async () => {
    const first = await createUser(t.ctx, { email: 'iris@example.nl', role: 'member' });
    await t.database.db
      .update(memberships)
      .set({ status: 'deactivated' })
      .where(eq(memberships.userId, first.userId));
    const again = await createUser(t.ctx, {
      email: 'IRIS@example.nl',
      role: 'admin',
      name: 'Iris Smit',
    });
    expect(again.userId).toBe(first.userId);
    expect(again.isNew).toBe(false);
    expect(await membershipOf(first.userId, first.org.id)).toMatchObject({
      role: 'admin',
      status: 'active',
    });
    const rows = await t.database.db.select().from(users).where(eq(users.id, first.userId));
    expect(rows.map((r) => r.name)).toEqual(['Iris Smit']);
    expect(again.signInUrl).not.toBe(first.signInUrl);
  });

  it('asks for --org when there are several organisations, listing the slugs', async () => {
    const beverwijk = await createOrganisation(t.ctx, {
      name: 'Gemeente Beverwijk',
      slug: 'beverwijk',
    });
    await expect(createUser(t.ctx, { email: 'kees@example.nl', role: 'member' })).rejects.toThrow(
      /--org \(beverwijk, velsen\)/,
    );
    await expect(
      createUser(t.ctx, { email: 'kees@example.nl', role: 'member', orgSlug: 'heemskerk' }),
    ).rejects.toThrow(/"heemskerk".*beverwijk, velsen/);
    expect(
      await t.database.db.select().from(users).where(eq(users.email, 'kees@example.nl')),
    ).toEqual([]);

    const kees = await createUser(t.ctx, {
      email: 'kees@example.nl',
      role: 'member',
      orgSlug: 'beverwijk',
    });
    expect(await membershipOf(kees.userId, beverwijk.id)).toMatchObject({
      role: 'member',
      status: 'active',
    });
  });

  it('explains how to start when there is no organisation at all', async () => {
    const empty = await createTestContext();
    try {
      const error = await createUser(empty.ctx, { email: 'a@example.nl', role: 'admin' }).catch(
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(CommandError);
      expect((error as Error).message).toContain('orgs:create');
      expect(await listOrganisations(empty.ctx)).toEqual([]);
    } finally {
      await empty.close();
    }
  });
});
