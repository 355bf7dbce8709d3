// The rules of the knowledge base: who writes, reviews and publishes an item, which status
// changes exist and what each records in the history, when the body may be written over HTTP,
// drafting a best practice from a finalised report, and what readers outside the organisation
// get to see (through knowledge.viewer.ts, the one visibility rule).
import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import {
  knowledgeSlug,
  type createKnowledgeRequest,
  type knowledgeHistory,
  type KnowledgeItem,
  type KnowledgeItemSummary,
  type KnowledgeStatus,
  type PublicKnowledgeItem,
  type updateKnowledgeRequest,
} from '../../../common/knowledge.ts';
import { reportDocument, reportRawData, type ReportRawData } from '../../../common/reports.ts';
import { emptyRichDoc, richPlainText } from '../../../common/richtext.ts';
import type { OrgActor } from '../../http/auth.ts';
import type { AppContext } from '../../http/context.ts';
import { conflict, forbidden, notFound } from '../../http/problem.ts';
import { readThemes } from '../labs/labs.presenter.ts';
import { loadOrgLab } from '../labs/labs.service.ts';
import {
  canEditItem,
  isReviewer,
  mayTransition,
  nextStatus,
  type KnowledgeTransition,
} from './knowledge.policy.ts';
import {
  presentEvent,
  presentItem,
  presentItemSummary,
  presentPublicItem,
  readBody,
  readMetadata,
  type KnowledgeItemPermissions,
} from './knowledge.presenter.ts';
import {
  findItemDetails,
  findItemDetailsBySlug,
  findReportVersionRow,
  hasLiveDocument,
  insertEvent,
  insertItemWithEvent,
  listEventRows,
  listImageRows,
  listItemRows,
  listRelatedRows,
  updateItemRow,
  withLockedItem,
  type KnowledgeItemPatch,
  type KnowledgeItemRow,
} from './knowledge.repo.ts';
import { mayReadKnowledgeItem, visitorViewer, type KnowledgeViewer } from './knowledge.viewer.ts';
import { draftFromReport, type ReportDraftMode } from './report-draft.ts';

type CreateKnowledgeRequest = z.infer<typeof createKnowledgeRequest>;
type UpdateKnowledgeRequest = z.infer<typeof updateKnowledgeRequest>;
type KnowledgeHistory = z.infer<typeof knowledgeHistory>;

/** How many related items an item page shows. */
export const RELATED_ITEMS_MAX = 5;

const itemNotFound = () => notFound('This knowledge item');

function newSlug(title: string): string {
  return knowledgeSlug(title, randomBytes(3).toString('hex'));
}

function permissionsOf(actor: OrgActor, status: KnowledgeStatus): KnowledgeItemPermissions {
  const reviewer = isReviewer(actor.role);
  return {
    edit: canEditItem(actor.role, status),
    review: reviewer && status === 'in_review',
    publish: reviewer,
  };
}

async function presentForActor(
  ctx: AppContext,
  actor: OrgActor,
  itemId: string,
): Promise<KnowledgeItem> {
  const db = ctx.database.db;
  const details = await findItemDetails(db, actor.orgId, itemId);
  if (!details) throw itemNotFound();
  const images = await listImageRows(db, itemId);
  return presentItem(details, images, permissionsOf(actor, details.item.status));
}

/** The organisation's items in any status, for its members; only one status when asked. */
export async function listKnowledgeItems(
  ctx: AppContext,
  actor: OrgActor,
  status: KnowledgeStatus | undefined,
): Promise<KnowledgeItemSummary[]> {
  const rows = await listItemRows(ctx.database.db, actor.orgId, status);
  return rows.map(presentItemSummary);
}

/**
 * Creates a draft in the actor's organisation (any member): a fresh slug from the title, the
 * given metadata over the defaults (CC BY-SA 4.0, open to everyone once published), and a
 * `created` event.
 */
export async function createKnowledgeItem(
  ctx: AppContext,
  actor: OrgActor,
  input: CreateKnowledgeRequest,
): Promise<KnowledgeItem> {
  const body = input.body ?? emptyRichDoc();
  const row = await insertItemWithEvent(
    ctx.database.db,
    {
      orgId: actor.orgId,
      slug: newSlug(input.title),
      kind: input.kind,
      status: 'draft',
      title: input.title,
      body,
      bodyText: richPlainText(body),
      createdBy: actor.auth.user.id,
      ...metadataPatch(input),
    },
    { actorId: actor.auth.user.id, note: null },
  );
  return presentForActor(ctx, actor, row.id);
}

// Only the fields the request names; the title and kind are handled by the callers that need them.
function metadataPatch(input: UpdateKnowledgeRequest): KnowledgeItemPatch {
  const patch: KnowledgeItemPatch = {};
  if (input.kind !== undefined) patch.kind = input.kind;
  if (input.title !== undefined) patch.title = input.title;
  if (input.summary !== undefined) patch.summary = input.summary;
  if (input.membersOnly !== undefined) patch.membersOnly = input.membersOnly;
  if (input.places !== undefined) patch.places = input.places;
  if (input.region !== undefined) patch.region = input.region === '' ? null : input.region;
  if (input.trends !== undefined) patch.trends = input.trends;
  if (input.themes !== undefined) patch.themes = input.themes;
  if (input.sizeClass !== undefined) patch.sizeClass = input.sizeClass;
  if (input.licence !== undefined) patch.licence = input.licence;
  if (input.attribution !== undefined) patch.attribution = input.attribution;
  return patch;
}

/** The organisation's item for one of its members, with what they may do with it. */
export function getKnowledgeItem(
  ctx: AppContext,
  actor: OrgActor,
  itemId: string,
): Promise<KnowledgeItem> {
  return presentForActor(ctx, actor, itemId);
}

/**
 * Changes the given fields. Members edit while the item is not published; facilitators and
 * admins always, and their edits of a published item are live at once. The body may be written
 * here only while the item has no live document; after that the collaborative editor owns it
 * (409).
 */
export async function updateKnowledgeItem(
  ctx: AppContext,
  actor: OrgActor,
  itemId: string,
  input: UpdateKnowledgeRequest,
): Promise<KnowledgeItem> {
  await withLockedItem(ctx.database.db, actor.orgId, itemId, async (tx, item) => {
    if (!item) throw itemNotFound();
    if (!canEditItem(actor.role, item.status)) {
      throw forbidden('A published item is changed only by a facilitator or an admin.');
    }
    const patch = metadataPatch(input);
    if (input.body !== undefined) {
      if (await hasLiveDocument(tx, itemId)) {
        throw conflict(
          'The body of this item is edited live in the collaborative editor; change it there.',
        );
      }
      patch.body = input.body;
      patch.bodyText = richPlainText(input.body);
    }
    await updateItemRow(tx, itemId, patch);
  });
  return presentForActor(ctx, actor, itemId);
}

// What a published or unpublished event keeps: the whole content as it was at that moment.
function snapshotOf(item: KnowledgeItemRow) {
  return { ...readMetadata(item), body: readBody(item.body) };
}

const refusals: Record<KnowledgeTransition, string> = {
  submit: 'Only a draft or an unpublished item can be submitted for review.',
  return: 'Only an item in review can be sent back.',
  publish: 'This item is already published.',
  unpublish: 'Only a published item can be unpublished.',
};

/**
 * Moves the item through the workflow (knowledge.policy.ts): 403 for a role that may not, 409
 * from a status where the change does not apply. Each change writes one history event;
 * publishing and unpublishing keep a full snapshot of the content.
 */
export async function transitionKnowledgeItem(
  ctx: AppContext,
  actor: OrgActor,
  itemId: string,
  transition: KnowledgeTransition,
  note: string | null = null,
): Promise<KnowledgeItem> {
  await withLockedItem(ctx.database.db, actor.orgId, itemId, async (tx, item) => {
    if (!item) throw itemNotFound();
    if (!mayTransition(actor.role, transition)) {
      throw forbidden('Only a facilitator or an admin of this organisation may do this.');
    }
    const status = nextStatus(item.status, transition);
    if (status === null) throw conflict(refusals[transition]);
    const now = new Date();
    const patch: KnowledgeItemPatch = { status };
    if (transition === 'return') patch.reviewNote = note;
    if (transition === 'publish') {
      patch.publishedAt = now;
      patch.firstPublishedAt = item.firstPublishedAt ?? now;
      patch.publishedBy = actor.auth.user.id;
      patch.reviewNote = null;
    }
    await updateItemRow(tx, itemId, patch);
    const action = (
      {
        submit: 'submitted',
        return: 'returned',
        publish: 'published',
        unpublish: 'unpublished',
      } as const
    )[transition];
    const keepsSnapshot = transition === 'publish' || transition === 'unpublish';
    await insertEvent(tx, {
      itemId,
      action,
      actorId: actor.auth.user.id,
      note,
      title: item.title,
      snapshot: keepsSnapshot ? snapshotOf(item) : null,
    });
  });
  return presentForActor(ctx, actor, itemId);
}

/** The item's history, oldest first, for members of its organisation. */
export async function getKnowledgeHistory(
  ctx: AppContext,
  actor: OrgActor,
  itemId: string,
): Promise<KnowledgeHistory> {
  const db = ctx.database.db;
  if (!(await findItemDetails(db, actor.orgId, itemId))) throw itemNotFound();
  return { events: (await listEventRows(db, itemId)).map(presentEvent) };
}

/**
 * The item as readers would see it if it were published now (the deliberate publish step), for
 * members of its organisation. Related items are those its readers would get: everyone's, or the
 * member's view for a members-only item.
 */
export async function previewKnowledgeItem(
  ctx: AppContext,
  actor: OrgActor,
  itemId: string,
  viewer: KnowledgeViewer,
): Promise<PublicKnowledgeItem> {
  const db = ctx.database.db;
  const details = await findItemDetails(db, actor.orgId, itemId);
  if (!details) throw itemNotFound();
  const readers = details.item.membersOnly ? viewer : visitorViewer;
  const [images, related] = await Promise.all([
    listImageRows(db, itemId),
    listRelatedRows(db, readers, itemId, RELATED_ITEMS_MAX),
  ]);
  return presentPublicItem(details, images, related, details.item.publishedAt ?? new Date());
}

/**
 * A published item as this viewer may read it, with its related items; null when there is no
 * such item or the viewer may not read it. Drafts, items in review and unpublished items are
 * never public, not even to members (they read them through the organisation's API); a
 * members-only item is public to members of its organisation alone.
 */
export async function readPublicKnowledgeItem(
  ctx: AppContext,
  viewer: KnowledgeViewer,
  slug: string,
): Promise<PublicKnowledgeItem | null> {
  const db = ctx.database.db;
  const details = await findItemDetailsBySlug(db, slug);
  if (!details) return null;
  const item = details.item;
  if (item.status !== 'published' || item.publishedAt === null) return null;
  if (!mayReadKnowledgeItem(viewer, item)) return null;
  const [images, related] = await Promise.all([
    listImageRows(db, item.id),
    listRelatedRows(db, viewer, item.id, RELATED_ITEMS_MAX),
  ]);
  return presentPublicItem(details, images, related, item.publishedAt);
}

/**
 * Up to `limit` other published items this viewer may read, most related first (shared trends,
 * themes, places, region, and words of the title and summary); never an item the viewer may not
 * read.
 */
export function listRelatedItems(
  ctx: AppContext,
  viewer: KnowledgeViewer,
  itemId: string,
  limit: number = RELATED_ITEMS_MAX,
): Promise<PublicKnowledgeItem['related']> {
  return listRelatedRows(ctx.database.db, viewer, itemId, limit);
}

/**
 * Drafts a best practice from a finalised report version (the lab's facilitators and the
 * organisation's admins): metadata from the cover and the lab's themes, licence and attribution
 * from the version, and the whole report or a shorter text as the body. 404 for a lab or version
 * the actor cannot see.
 */
export async function publishReportAsDraft(
  ctx: AppContext,
  actor: OrgActor,
  labId: string,
  version: number,
  mode: ReportDraftMode,
): Promise<KnowledgeItem> {
  const db = ctx.database.db;
  const { lab, mayFacilitate } = await loadOrgLab(ctx, actor, labId);
  if (!mayFacilitate) {
    throw forbidden("Only the lab's facilitators and admins may publish its report.");
  }
  const row = await findReportVersionRow(db, labId, version);
  if (!row) throw notFound('This report version');
  const document = reportDocument.safeParse(row.document);
  if (!document.success) {
    throw conflict('This report version cannot be read; finalise the report again.');
  }
  const raw = reportRawData.safeParse(row.raw);
  const emptyRaw: ReportRawData = { notes: [], votes: [], scores: [], actions: [] };
  const draft = draftFromReport(
    document.data,
    raw.success ? raw.data : emptyRaw,
    readThemes(lab.themes),
    mode,
  );
  const created = await insertItemWithEvent(
    db,
    {
      orgId: actor.orgId,
      slug: newSlug(draft.title),
      kind: 'best_practice',
      status: 'draft',
      title: draft.title,
      summary: draft.summary,
      body: draft.body,
      bodyText: richPlainText(draft.body),
      places: draft.places,
      region: draft.region,
      trends: draft.trends,
      themes: [],
      licence: document.data.licence.code,
      attribution: document.data.licence.attribution,
      labId,
      reportVersion: version,
      createdBy: actor.auth.user.id,
    },
    { actorId: actor.auth.user.id, note: `Opgesteld uit versie ${version} van het verslag.` },
  );
  return presentForActor(ctx, actor, created.id);
}
