// The rules of the trend catalogue: built-ins on first need, keys unique per organisation, archive
// instead of delete, and one writer at a time per organisation.
import { builtinCatalogue } from '../../../common/trends.builtin.ts';
import {
  DEVELOPMENTS_PER_TREND_MAX,
  keyFromTitle,
  TRENDS_MAX,
  type Development,
  type DevelopmentInput,
  type ReorderDevelopmentsRequest,
  type ReorderTrendsRequest,
  type Trend,
  type TrendCatalogue,
  type TrendCatalogueQuery,
  type TrendInput,
  type UpdateDevelopmentRequest,
  type UpdateTrendRequest,
} from '../../../common/trends.ts';
import type { Db } from '../../db/client.ts';
import type { OrgActor } from '../../http/auth.ts';
import type { AppContext } from '../../http/context.ts';
import { badInput, conflict, forbidden, HttpProblem, notFound } from '../../http/problem.ts';
import { canManageCatalogue, canReadCatalogue, canSeeArchived } from './trends.policy.ts';
import { presentCatalogue, presentDevelopment, presentTrend } from './trends.presenter.ts';
import {
  countDevelopments,
  countTrends,
  findDevelopmentRow,
  findTrendRow,
  hasAnyTrend,
  insertDevelopmentRow,
  insertTrendRow,
  insertTrendsWithDevelopments,
  listDevelopmentRows,
  listTrendRows,
  listUsedKeys,
  setDevelopmentPositions,
  setTrendPositions,
  updateDevelopmentRow,
  updateTrendRow,
  withCatalogueLock,
  type Executor,
  type TrendRow,
  type Tx,
} from './trends.repo.ts';

const everything = { includeArchived: true };

function assertMayRead(actor: OrgActor): void {
  if (!canReadCatalogue(actor.role)) throw forbidden();
}

/** Throws the 403 for anyone who may not edit the catalogue. */
export function assertMayManage(actor: OrgActor): void {
  if (!canManageCatalogue(actor.role)) {
    throw forbidden('Only an admin of this organisation may change the trend catalogue.');
  }
}

function keyTaken(key: string): HttpProblem {
  const message = `"${key}" is already used by a trend or development of this organisation.`;
  return new HttpProblem(409, 'conflict', `key: ${message}`, {
    errors: [{ field: 'key', code: 'taken', message }],
  });
}

// A chosen key must be free; a generated one gets "-2", "-3" … until it is.
function pickKey(used: Set<string>, chosen: string | undefined, title: string, fallback: string) {
  if (chosen !== undefined) {
    if (used.has(chosen)) throw keyTaken(chosen);
    return chosen;
  }
  const base = keyFromTitle(title, fallback);
  let key = base;
  for (let suffix = 2; used.has(key); suffix++) key = `${base}-${suffix}`;
  return key;
}

function assertKeyFree(used: Set<string>, key: string | undefined, ownKey: string): void {
  if (key !== undefined && key !== ownKey && used.has(key)) throw keyTaken(key);
}

/**
 * Gives the organisation the built-in catalogue when it has never had a trend. Idempotent and
 * safe to run concurrently; archived trends count as present, so nothing an admin archived
 * comes back.
 */
export async function ensureTrendCatalogue(db: Db, orgId: string): Promise<void> {
  if (await hasAnyTrend(db, orgId)) return;
  await withCatalogueLock(db, orgId, async (tx) => {
    if (await hasAnyTrend(tx, orgId)) return;
    await insertTrendsWithDevelopments(tx, orgId, builtinCatalogue);
  });
}

async function readCatalogue(
  db: Executor,
  orgId: string,
  options: { includeArchived: boolean },
): Promise<TrendCatalogue> {
  const [trendRows, developmentRows] = await Promise.all([
    listTrendRows(db, orgId, options),
    listDevelopmentRows(db, orgId, options),
  ]);
  return presentCatalogue(trendRows, developmentRows);
}

/**
 * The organisation's catalogue as it stands now (built-ins added on first need), trends and
 * developments by position; archived ones only with `includeArchived`. For server code that copies
 * the catalogue into a lab; it checks no role.
 */
export async function loadTrendCatalogue(
  db: Db,
  orgId: string,
  options: { includeArchived: boolean } = { includeArchived: false },
): Promise<TrendCatalogue> {
  await ensureTrendCatalogue(db, orgId);
  return readCatalogue(db, orgId, options);
}

/** The catalogue for a member; archived items only for admins who ask for them (else 403). */
export async function getTrendCatalogue(
  ctx: AppContext,
  actor: OrgActor,
  query: TrendCatalogueQuery,
): Promise<TrendCatalogue> {
  assertMayRead(actor);
  const includeArchived = query.archived === 'include';
  if (includeArchived && !canSeeArchived(actor.role)) {
    throw forbidden('Only an admin of this organisation may see archived trends.');
  }
  return loadTrendCatalogue(ctx.database.db, actor.orgId, { includeArchived });
}

async function presentTrendWithAll(tx: Tx, orgId: string, row: TrendRow): Promise<Trend> {
  return presentTrend(
    row,
    await listDevelopmentRows(tx, orgId, { ...everything, trendId: row.id }),
  );
}

async function lockedTrend(tx: Tx, orgId: string, trendId: string): Promise<TrendRow> {
  const row = await findTrendRow(tx, orgId, trendId);
  if (!row) throw notFound('This trend');
  return row;
}

/** Adds a trend at the end of the catalogue (admins); 409 naming `key` when the key is taken. */
export async function addTrend(
  ctx: AppContext,
  actor: OrgActor,
  input: TrendInput,
): Promise<Trend> {
  assertMayManage(actor);
  const db = ctx.database.db;
  await ensureTrendCatalogue(db, actor.orgId);
  return withCatalogueLock(db, actor.orgId, async (tx) => {
    if ((await countTrends(tx, actor.orgId)) >= TRENDS_MAX) {
      throw conflict(`The catalogue holds at most ${TRENDS_MAX} trends, archived ones included.`);
    }
    const used = await listUsedKeys(tx, actor.orgId);
    const key = pickKey(used, input.key, input.title, 'trend');
    const row = await insertTrendRow(tx, actor.orgId, {
      key,
      title: input.title,
      description: input.description,
    });
    return presentTrend(row, []);
  });
}

/**
 * Changes the given fields of a trend (admins); `archived` archives or restores it. Answers the
 * trend with all its developments, archived ones included.
 */
export async function changeTrend(
  ctx: AppContext,
  actor: OrgActor,
  trendId: string,
  input: UpdateTrendRequest,
): Promise<Trend> {
  assertMayManage(actor);
  return withCatalogueLock(ctx.database.db, actor.orgId, async (tx) => {
    const current = await lockedTrend(tx, actor.orgId, trendId);
    assertKeyFree(await listUsedKeys(tx, actor.orgId), input.key, current.key);
    const row = await updateTrendRow(tx, actor.orgId, current, input);
    if (!row) throw notFound('This trend');
    return presentTrendWithAll(tx, actor.orgId, row);
  });
}

/** Archives a trend (admins); labs keep their copies, and PATCH `archived: false` restores it. */
export async function archiveTrend(
  ctx: AppContext,
  actor: OrgActor,
  trendId: string,
): Promise<void> {
  await changeTrend(ctx, actor, trendId, { archived: true });
}

function assertSameIds(field: string, given: readonly string[], existing: readonly string[]) {
  const wanted = new Set(existing);
  const isPermutation =
    given.length === existing.length &&
    new Set(given).size === given.length &&
    given.every((id) => wanted.has(id));
  if (!isPermutation) {
    throw badInput(field, 'must list every id exactly once, archived ones included.', 'mismatch');
  }
}

/**
 * Puts the organisation's trends in the given order (admins); the list must hold every trend id
 * of the organisation once (else 400 naming `trendIds`). Answers the whole catalogue, archived
 * items included.
 */
export async function reorderTrends(
  ctx: AppContext,
  actor: OrgActor,
  input: ReorderTrendsRequest,
): Promise<TrendCatalogue> {
  assertMayManage(actor);
  const db = ctx.database.db;
  await ensureTrendCatalogue(db, actor.orgId);
  return withCatalogueLock(db, actor.orgId, async (tx) => {
    const existing = await listTrendRows(tx, actor.orgId, everything);
    assertSameIds(
      'trendIds',
      input.trendIds,
      existing.map((row) => row.id),
    );
    await setTrendPositions(tx, actor.orgId, input.trendIds);
    return readCatalogue(tx, actor.orgId, everything);
  });
}

/** Adds a development at the end of a trend (admins); 409 naming `key` when the key is taken. */
export async function addDevelopment(
  ctx: AppContext,
  actor: OrgActor,
  trendId: string,
  input: DevelopmentInput,
): Promise<Development> {
  assertMayManage(actor);
  return withCatalogueLock(ctx.database.db, actor.orgId, async (tx) => {
    await lockedTrend(tx, actor.orgId, trendId);
    if ((await countDevelopments(tx, trendId)) >= DEVELOPMENTS_PER_TREND_MAX) {
      throw conflict(`A trend holds at most ${DEVELOPMENTS_PER_TREND_MAX} developments.`);
    }
    const used = await listUsedKeys(tx, actor.orgId);
    const key = pickKey(used, input.key, input.title, 'ontwikkeling');
    const row = await insertDevelopmentRow(tx, actor.orgId, trendId, {
      key,
      title: input.title,
      description: input.description,
    });
    return presentDevelopment(row);
  });
}

/**
 * Changes the given fields of a development (admins); `trendId` moves it to the end of another
 * trend of the organisation (else 400 naming `trendId`), `archived` archives or restores it.
 */
export async function changeDevelopment(
  ctx: AppContext,
  actor: OrgActor,
  developmentId: string,
  input: UpdateDevelopmentRequest,
): Promise<Development> {
  assertMayManage(actor);
  return withCatalogueLock(ctx.database.db, actor.orgId, async (tx) => {
    const current = await findDevelopmentRow(tx, actor.orgId, developmentId);
    if (!current) throw notFound('This development');
    if (input.trendId !== undefined && input.trendId !== current.trendId) {
      if (!(await findTrendRow(tx, actor.orgId, input.trendId))) {
        throw badInput('trendId', 'is not a trend of this organisation.', 'unknown_trend');
      }
      if ((await countDevelopments(tx, input.trendId)) >= DEVELOPMENTS_PER_TREND_MAX) {
        throw conflict(`A trend holds at most ${DEVELOPMENTS_PER_TREND_MAX} developments.`);
      }
    }
    assertKeyFree(await listUsedKeys(tx, actor.orgId), input.key, current.key);
    const row = await updateDevelopmentRow(tx, actor.orgId, current, input);
    if (!row) throw notFound('This development');
    return presentDevelopment(row);
  });
}

/** Archives a development (admins); PATCH `archived: false` restores it. */
export async function archiveDevelopment(
  ctx: AppContext,
  actor: OrgActor,
  developmentId: string,
): Promise<void> {
  await changeDevelopment(ctx, actor, developmentId, { archived: true });
}

/**
 * Puts a trend's developments in the given order (admins); the list must hold every development
 * id of the trend once (else 400 naming `developmentIds`). Answers the trend with all its
 * developments, archived ones included.
 */
export async function reorderDevelopments(
  ctx: AppContext,
  actor: OrgActor,
  trendId: string,
  input: ReorderDevelopmentsRequest,
): Promise<Trend> {
  assertMayManage(actor);
  return withCatalogueLock(ctx.database.db, actor.orgId, async (tx) => {
    const trendRow = await lockedTrend(tx, actor.orgId, trendId);
    const existing = await listDevelopmentRows(tx, actor.orgId, { ...everything, trendId });
    assertSameIds(
      'developmentIds',
      input.developmentIds,
      existing.map((row) => row.id),
    );
    await setDevelopmentPositions(tx, trendId, input.developmentIds);
    return presentTrendWithAll(tx, actor.orgId, trendRow);
  });
}
