// Applies the committed SQL migrations and tells whether a database is up to date.
import fs from 'node:fs/promises';
import path from 'node:path';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import type pg from 'pg';
import type { Db } from './client.ts';

export const migrationsFolder = path.join(import.meta.dirname, 'migrations');

/** Applies every migration not yet applied; safe to run on every start. */
export async function runMigrations(db: Db): Promise<void> {
  await migrate(db, { migrationsFolder });
}

/** True when every committed migration has been applied to the database. */
export async function areMigrationsApplied(pool: pg.Pool): Promise<boolean> {
  const journal = JSON.parse(
    await fs.readFile(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8'),
  ) as { entries: unknown[] };
  try {
    const result = await pool.query<{ count: string }>(
      'select count(*)::text as count from drizzle.__drizzle_migrations',
    );
    return Number(result.rows[0]?.count ?? 0) >= journal.entries.length;
  } catch {
    return false;
  }
}
