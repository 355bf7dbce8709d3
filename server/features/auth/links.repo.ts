// One-time token rows for mailed links.
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { oneTimeTokens } from '../../db/schema.ts';

export type OneTimeTokenRow = typeof oneTimeTokens.$inferSelect;
export type LinkPurpose = OneTimeTokenRow['purpose'];

/** Stores a token hash. */
export async function insertOneTimeToken(
  db: Db,
  row: typeof oneTimeTokens.$inferInsert,
): Promise<void> {
  await db.insert(oneTimeTokens).values(row);
}

/**
 * Marks an unused, unexpired token of the given purposes as used and returns it; null when none.
 * The single UPDATE … RETURNING makes a token usable exactly once, even under concurrent clicks.
 */
export async function consumeOneTimeToken(
  db: Db,
  id: string,
  purpose: LinkPurpose,
  now: Date,
): Promise<OneTimeTokenRow | null> {
  const rows = await db
    .update(oneTimeTokens)
    .set({ usedAt: now })
    .where(
      and(
        eq(oneTimeTokens.id, id),
        eq(oneTimeTokens.purpose, purpose),
        isNull(oneTimeTokens.usedAt),
        gt(oneTimeTokens.expiresAt, now),
      ),
    )
    .returning();
  return rows[0] ?? null;
}

/** Voids a person's unused tokens of one purpose, e.g. older reset links after a new one. */
export async function voidTokens(
  db: Db,
  userId: string,
  purpose: LinkPurpose,
  now: Date,
): Promise<void> {
  await db
    .update(oneTimeTokens)
    .set({ usedAt: now })
    .where(
      and(
        eq(oneTimeTokens.userId, userId),
        eq(oneTimeTokens.purpose, purpose),
        isNull(oneTimeTokens.usedAt),
      ),
    );
}
