// Vitest global setup: one embedded PostgreSQL cluster per run with a migrated template database.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../db/client.ts';
import { ensureDatabase, startEmbeddedPostgres, type EmbeddedDatabase } from '../db/embedded.ts';
import { runMigrations } from '../db/migrate.ts';

export const TEMPLATE_DATABASE = 'stadshart_template';

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string;
  }
}

let cluster: EmbeddedDatabase | null = null;
let dataDir = '';

/** Starts the cluster and migrates the template every test file clones its database from. */
export async function setup(project: TestProject): Promise<void> {
  // os.tmpdir() is reachable by the postgres user even when the checkout is under /root.
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'stadshart-test-'));
  await fs.chmod(dataDir, 0o755);
  cluster = await startEmbeddedPostgres({ dataDir });
  await ensureDatabase(cluster.adminUrl, TEMPLATE_DATABASE);
  const template = openDatabase(cluster.urlFor(TEMPLATE_DATABASE), { max: 1 });
  await runMigrations(template.db);
  await template.close();
  project.provide('pgAdminUrl', cluster.adminUrl);
}

/** Stops the cluster and removes its files. */
export async function teardown(): Promise<void> {
  await cluster?.stop();
  await fs.rm(dataDir, { recursive: true, force: true });
}
