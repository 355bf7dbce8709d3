// The trend catalogue of an organisation: the only code that queries trends and developments.
import { and, asc, count, eq, isNull, max } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { developments, organisations, trends } from '../../db/schema.ts';

/** A transaction handle; repo functions accept it wherever they accept the pool's handle. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type Executor = Db | Tx;

export type TrendRow = typeof trends.$inferSelect;
export type DevelopmentRow = typeof developments.$inferSelect;

export interface ItemValues {
  key: string;
  title: string;
  description: string;
}

/** What may change on a trend or development; `archived` sets or clears the archive time. */
export interface ItemPatch {
  key?: string;
  title?: string;
  description?: string;
  archived?: boolean;
}

/**
 * Runs `work` in a transaction that holds the organisation's catalogue lock, so keys, positions
 * and the first filling are decided by one writer at a time. The lock is a no-key update lock on
 * the organisation's row: it does not block inserts elsewhere that merely reference the row.
 */
export function withCatalogueLock<T>(db: Db, orgId: string, work: (tx: Tx) => Promise<T>) {
  return db.transaction(async (tx) => {
    await tx
      .select({ id: organisations.id })
      .from(organisations)
      .where(eq(organisations.id, orgId))
      .for('no key update');
    return work(tx);
  });
}

/** True when the organisation has at least one trend, archived ones included. */
export async function hasAnyTrend(db: Executor, orgId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: trends.id })
    .from(trends)
    .where(eq(trends.orgId, orgId))
    .limit(1);
  return row !== undefined;
}

/** Inserts whole trends with their developments, in the given order, after any existing ones. */
export async function insertTrendsWithDevelopments(
  tx: Tx,
  orgId: string,
  items: readonly (ItemValues & { developments: readonly ItemValues[] })[],
): Promise<void> {
  let position = await nextTrendPosition(tx, orgId);
  for (const item of items) {
    const [row] = await tx
      .insert(trends)
      .values({
        orgId,
        key: item.key,
        title: item.title,
        description: item.description,
        position: position++,
      })
      .returning({ id: trends.id });
    if (!row) throw new Error('insert into trends returned no row');
    if (item.developments.length === 0) continue;
    await tx.insert(developments).values(
      item.developments.map((development, index) => ({
        orgId,
        trendId: row.id,
        key: development.key,
        title: development.title,
        description: development.description,
        position: index,
      })),
    );
  }
}

/** The organisation's trends by position; archived ones only when asked for. */
export function listTrendRows(
  db: Executor,
  orgId: string,
  options: { includeArchived: boolean },
): Promise<TrendRow[]> {
  const where = options.includeArchived
    ? eq(trends.orgId, orgId)
    : and(eq(trends.orgId, orgId), isNull(trends.archivedAt));
  return db.select().from(trends).where(where).orderBy(asc(trends.position), asc(trends.createdAt));
}

/** The organisation's developments (of every trend) by position; archived ones only when asked for. */
export function listDevelopmentRows(
  db: Executor,
  orgId: string,
  options: { includeArchived: boolean; trendId?: string },
): Promise<DevelopmentRow[]> {
  const conditions = [eq(developments.orgId, orgId)];
  if (!options.includeArchived) conditions.push(isNull(developments.archivedAt));
  if (options.trendId !== undefined) conditions.push(eq(developments.trendId, options.trendId));
  return db
    .select()
    .from(developments)
    .where(and(...conditions))
    .orderBy(asc(developments.position), asc(developments.createdAt));
}

/** One trend of the organisation (archived or not), or null. */
export async function findTrendRow(
  db: Executor,
  orgId: string,
  trendId: string,
): Promise<TrendRow | null> {
  const [row] = await db
    .select()
    .from(trends)
    .where(and(eq(trends.orgId, orgId), eq(trends.id, trendId)));
  return row ?? null;
}

/** One development of the organisation (archived or not), or null. */
export async function findDevelopmentRow(
  db: Executor,
  orgId: string,
  developmentId: string,
): Promise<DevelopmentRow | null> {
  const [row] = await db
    .select()
    .from(developments)
    .where(and(eq(developments.orgId, orgId), eq(developments.id, developmentId)));
  return row ?? null;
}

/** Every key in use in the organisation's catalogue, trends and developments alike. */
export async function listUsedKeys(db: Executor, orgId: string): Promise<Set<string>> {
  const [trendKeys, developmentKeys] = await Promise.all([
    db.select({ key: trends.key }).from(trends).where(eq(trends.orgId, orgId)),
    db.select({ key: developments.key }).from(developments).where(eq(developments.orgId, orgId)),
  ]);
  return new Set([...trendKeys, ...developmentKeys].map((row) => row.key));
}

/** How many trends the organisation has, archived ones included. */
export async function countTrends(db: Executor, orgId: string): Promise<number> {
  const [row] = await db.select({ total: count() }).from(trends).where(eq(trends.orgId, orgId));
  return row?.total ?? 0;
}

/** How many developments the trend has, archived ones included. */
export async function countDevelopments(db: Executor, trendId: string): Promise<number> {
  const [row] = await db
    .select({ total: count() })
    .from(developments)
    .where(eq(developments.trendId, trendId));
  return row?.total ?? 0;
}

async function nextTrendPosition(db: Executor, orgId: string): Promise<number> {
  const [row] = await db
    .select({ last: max(trends.position) })
    .from(trends)
    .where(eq(trends.orgId, orgId));
  return row?.last === null || row?.last === undefined ? 0 : row.last + 1;
}

async function nextDevelopmentPosition(db: Executor, trendId: string): Promise<number> {
  const [row] = await db
    .select({ last: max(developments.position) })
    .from(developments)
    .where(eq(developments.trendId, trendId));
  return row?.last === null || row?.last === undefined ? 0 : row.last + 1;
}

/** Adds a trend after the organisation's last one. */
export async function insertTrendRow(tx: Tx, orgId: string, values: ItemValues): Promise<TrendRow> {
  const position = await nextTrendPosition(tx, orgId);
  const [row] = await tx
    .insert(trends)
    .values({ ...values, orgId, position })
    .returning();
  if (!row) throw new Error('insert into trends returned no row');
  return row;
}

/** Adds a development after the trend's last one. */
export async function insertDevelopmentRow(
  tx: Tx,
  orgId: string,
  trendId: string,
  values: ItemValues,
): Promise<DevelopmentRow> {
  const position = await nextDevelopmentPosition(tx, trendId);
  const [row] = await tx
    .insert(developments)
    .values({ ...values, orgId, trendId, position })
    .returning();
  if (!row) throw new Error('insert into developments returned no row');
  return row;
}

function archiveColumn(archived: boolean | undefined, now: Date) {
  if (archived === undefined) return {};
  return { archivedAt: archived ? now : null };
}

function textColumns(patch: ItemPatch) {
  return {
    ...(patch.key !== undefined ? { key: patch.key } : {}),
    ...(patch.title !== undefined ? { title: patch.title } : {}),
    ...(patch.description !== undefined ? { description: patch.description } : {}),
  };
}

/**
 * Changes a trend; archiving one that is archived already keeps its first archive time. Null when
 * the organisation has no such trend.
 */
export async function updateTrendRow(
  tx: Tx,
  orgId: string,
  current: TrendRow,
  patch: ItemPatch,
): Promise<TrendRow | null> {
  const now = new Date();
  const keepArchiveTime = patch.archived === true && current.archivedAt !== null;
  const [row] = await tx
    .update(trends)
    .set({
      ...textColumns(patch),
      ...(keepArchiveTime ? {} : archiveColumn(patch.archived, now)),
      updatedAt: now,
    })
    .where(and(eq(trends.orgId, orgId), eq(trends.id, current.id)))
    .returning();
  return row ?? null;
}

/**
 * Changes a development; given `trendId`, moves it to the end of that trend. Null when the
 * organisation has no such development.
 */
export async function updateDevelopmentRow(
  tx: Tx,
  orgId: string,
  current: DevelopmentRow,
  patch: ItemPatch & { trendId?: string },
): Promise<DevelopmentRow | null> {
  const now = new Date();
  const keepArchiveTime = patch.archived === true && current.archivedAt !== null;
  const moves = patch.trendId !== undefined && patch.trendId !== current.trendId;
  const [row] = await tx
    .update(developments)
    .set({
      ...textColumns(patch),
      ...(keepArchiveTime ? {} : archiveColumn(patch.archived, now)),
      ...(moves && patch.trendId !== undefined
        ? { trendId: patch.trendId, position: await nextDevelopmentPosition(tx, patch.trendId) }
        : {}),
      updatedAt: now,
    })
    .where(and(eq(developments.orgId, orgId), eq(developments.id, current.id)))
    .returning();
  return row ?? null;
}

/** Gives the organisation's trends the positions 0, 1, 2 … in the order of `trendIds`. */
export async function setTrendPositions(
  tx: Tx,
  orgId: string,
  trendIds: readonly string[],
): Promise<void> {
  const now = new Date();
  for (const [position, id] of trendIds.entries()) {
    await tx
      .update(trends)
      .set({ position, updatedAt: now })
      .where(and(eq(trends.orgId, orgId), eq(trends.id, id)));
  }
}

/** Gives the trend's developments the positions 0, 1, 2 … in the order of `developmentIds`. */
export async function setDevelopmentPositions(
  tx: Tx,
  trendId: string,
  developmentIds: readonly string[],
): Promise<void> {
  const now = new Date();
  for (const [position, id] of developmentIds.entries()) {
    await tx
      .update(developments)
      .set({ position, updatedAt: now })
      .where(and(eq(developments.trendId, trendId), eq(developments.id, id)));
  }
}
