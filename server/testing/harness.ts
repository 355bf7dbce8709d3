// Per-test-file helpers: a fresh database cloned from the template, the real app, and actors.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { hash } from '@node-rs/argon2';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import type { DestinationStream } from 'pino';
import { inject } from 'vitest';
import { CSRF_HEADER, SESSION_COOKIE } from '../../common/auth.ts';
import type { OrgRole } from '../../common/roles.ts';
import { loadConfig, type Config } from '../config.ts';
import { openDatabase, type Database } from '../db/client.ts';
import { memberships, organisations, users } from '../db/schema.ts';
import { startSession } from '../features/auth/sessions.service.ts';
import { buildApp } from '../http/app.ts';
import { startJobQueue } from '../jobs/queue.ts';
import { startWorkers } from '../jobs/workers.ts';
import type { App, AppContext } from '../http/context.ts';
import { createOutboxMailer, type Mailer } from '../mail/mailer.ts';

const TEMPLATE_DATABASE = 'stadshart_template';

export interface TestContext {
  app: App;
  ctx: AppContext;
  config: Config;
  database: Database;
  mailer: Mailer;
  dataDir: string;
  close(): Promise<void>;
}

/** Creates a database from the migrated template and an app on it; call close() in afterAll. */
export async function createTestContext(
  env: Record<string, string> = {},
  options: {
    logStream?: DestinationStream;
    /** Start the job queue and every worker on this database, as the server does. */
    jobs?: boolean;
  } = {},
): Promise<TestContext> {
  const adminUrl = inject('pgAdminUrl');
  const name = `test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name} template ${TEMPLATE_DATABASE}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'stadshart-files-'));
  const config = loadConfig({
    DATA_DIR: dataDir,
    DATABASE_URL: url.toString(),
    LOG_LEVEL: options.logStream ? 'info' : 'silent',
    PUBLIC_URL: 'http://localhost:3000',
    ...env,
  });
  const database = openDatabase(url.toString(), { max: 4 });
  const mailer = createOutboxMailer(path.join(dataDir, 'outbox'));
  const ctx: AppContext = { config, database, mailer };
  if (options.jobs) {
    ctx.jobs = await startJobQueue(database, console, { pollingIntervalSeconds: 0.5 });
    await startWorkers(ctx);
  }
  const app = await buildApp(
    ctx,
    options.logStream ? { logStream: options.logStream } : { logger: false },
  );
  await app.ready();
  return {
    app,
    ctx,
    config,
    database,
    mailer,
    dataDir,
    async close() {
      await app.close();
      await ctx.jobs?.stop();
      await database.close();
      await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** A signed-in person as a test sees them: ids plus what a browser would send. */
export interface Actor {
  userId: string;
  email: string;
  cookie: string;
  csrfToken: string;
}

let counter = 0;

/** Creates an organisation directly in the database. */
export async function createOrg(
  t: TestContext,
  name = `Org ${++counter}`,
): Promise<{ id: string; slug: string }> {
  const slug = `${name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')}-${randomBytes(3).toString('hex')}`;
  const [row] = await t.database.db.insert(organisations).values({ slug, name }).returning();
  if (!row) throw new Error('organisation not created');
  return { id: row.id, slug: row.slug };
}

// Cheap parameters: tests hash many passwords and the strength of a test hash is irrelevant.
const TEST_HASH_OPTIONS = { memoryCost: 1024, timeCost: 1, parallelism: 1 };

/** Creates a user (optionally with a password and a membership) and signs them in. */
export async function createActor(
  t: TestContext,
  options: {
    org?: { id: string };
    role?: OrgRole;
    password?: string;
    name?: string;
    email?: string;
  } = {},
): Promise<Actor> {
  const email = options.email ?? `person${++counter}-${randomBytes(3).toString('hex')}@example.nl`;
  const [user] = await t.database.db
    .insert(users)
    .values({
      email,
      name: options.name ?? `Person ${counter}`,
      emailVerifiedAt: new Date(),
      passwordHash: options.password ? await hash(options.password, TEST_HASH_OPTIONS) : null,
    })
    .returning();
  if (!user) throw new Error('user not created');
  if (options.org) {
    await t.database.db.insert(memberships).values({
      orgId: options.org.id,
      userId: user.id,
      role: options.role ?? 'member',
      status: 'active',
    });
  }
  return signInAs(t, user.id, email);
}

/** Starts a session for an existing user and returns what a browser would send with it. */
export async function signInAs(t: TestContext, userId: string, email: string): Promise<Actor> {
  const { secret } = await startSession(t.database.db, t.config, userId, 'vitest');
  const session = await t.app.inject({
    method: 'GET',
    url: '/api/v1/session',
    cookies: { [SESSION_COOKIE]: secret },
  });
  const csrfToken = session.json<{ csrfToken: string }>().csrfToken;
  return { userId, email, cookie: secret, csrfToken };
}

/** Sends a request as `actor` (or signed out when null), with the CSRF header a browser app adds. */
export function request(
  t: TestContext,
  actor: Actor | null,
  options: InjectOptions & { method: NonNullable<InjectOptions['method']>; url: string },
): Promise<LightMyRequestResponse> {
  if (!actor) return t.app.inject(options);
  return t.app.inject({
    ...options,
    cookies: { ...(options.cookies ?? {}), [SESSION_COOKIE]: actor.cookie },
    headers: { ...(options.headers ?? {}), [CSRF_HEADER]: actor.csrfToken },
  });
}

/** The outbox messages sent to one address, newest first. */
export async function mailsTo(t: TestContext, address: string) {
  return (await t.mailer.listOutbox()).filter((m) => m.to === address);
}

/** The one-time link in a mail body. */
export function linkIn(text: string): string {
  const match = /https?:\/\/\S+#token=[A-Za-z0-9_-]+/.exec(text);
  if (!match) throw new Error(`no link in mail:\n${text}`);
  return match[0];
}

/** The token part of a one-time link. */
export function tokenOf(link: string): string {
  return link.split('#token=')[1] ?? '';
}
