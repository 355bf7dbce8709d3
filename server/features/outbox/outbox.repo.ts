// Which addresses belong to an organisation: the only database access of the outbox feature.
import { and, eq, ne, notExists, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.ts';
import { memberships, users } from '../../db/schema.ts';

const elsewhere = alias(memberships, 'elsewhere');

/**
 * The lower-cased e-mail addresses of everyone with a membership here (whatever its status) and
 * none in any other organisation. Mail holds sign-in, reset and invitation links: an admin who
 * could read the mail of someone who also belongs elsewhere could invite them, ask for a reset
 * link and take over their account, and with it their place in the other organisation.
 */
export async function listMemberAddresses(db: Db, orgId: string): Promise<Set<string>> {
  const rows = await db
    .select({ email: sql<string>`lower(${users.email})` })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.orgId, orgId),
        notExists(
          db
            .select({ userId: elsewhere.userId })
            .from(elsewhere)
            .where(and(eq(elsewhere.userId, memberships.userId), ne(elsewhere.orgId, orgId))),
        ),
      ),
    );
  return new Set(rows.map((row) => row.email));
}
