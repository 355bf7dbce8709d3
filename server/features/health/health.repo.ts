// Readiness probes against the database.
import { areMigrationsApplied } from '../../db/migrate.ts';
import type { Database } from '../../db/client.ts';

/** True when a trivial query succeeds. */
export async function isDatabaseReachable(database: Database): Promise<boolean> {
  try {
    await database.pool.query('select 1');
    return true;
  } catch {
    return false;
  }
}

/** True when every committed migration is applied. */
export function isSchemaCurrent(database: Database): Promise<boolean> {
  return areMigrationsApplied(database.pool);
}
