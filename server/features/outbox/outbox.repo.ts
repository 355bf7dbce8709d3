// Which addresses belong to an organisation: the only database access of the outbox feature.
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { memberships, users } from '../../db/schema.ts';

/** The lower-cased e-mail addresses of everyone with a membership here, whatever its status. */
export async function listMemberAddresses(db: Db, orgId: string): Promise<Set<string>> {
  const rows = await db
    .select({ email: sql<string>`lower(${users.email})` })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.orgId, orgId));
  return new Set(rows.map((row) => row.email));
}
