// What the public pages need: who is reading (from the session cookie, which the API's hook does
// not resolve outside /api/), an item with its state, search results and the feed's items.
import type { PublicKnowledgeItem, SearchQuery, SearchResult } from '../../../common/knowledge.ts';
import type { AppContext } from '../../http/context.ts';
import { resolveSession } from '../auth/sessions.service.ts';
import { readPublicKnowledgeItem } from '../knowledge/knowledge.service.ts';
import {
  knowledgeViewerOf,
  mayReadKnowledgeItem,
  visitorViewer,
  type KnowledgeViewer,
} from '../knowledge/knowledge.viewer.ts';
import { searchKnowledge } from '../search/search.service.ts';
import { FEED_SIZE } from './public-site.feed.ts';
import { isPubliclyCacheable, mayEditFromPublicPage } from './public-site.policy.ts';
import { findItemState, listPublicFeedItems, type FeedItemRow } from './public-site.repo.ts';

/** The reader behind a session cookie secret; a visitor without one or with a stale one. */
export async function resolvePublicViewer(
  ctx: AppContext,
  secret: string | undefined,
): Promise<KnowledgeViewer> {
  if (!secret) return visitorViewer;
  return knowledgeViewerOf(await resolveSession(ctx.database.db, ctx.config, secret));
}

/** Where a member edits an item in the web app. */
export function memberEditPath(orgSlug: string, itemId: string): string {
  return `/o/${encodeURIComponent(orgSlug)}/kennisbank/${itemId}`;
}

/** What the route needs to answer a conditional request before reading the whole item. */
export interface ItemHead {
  lastModified: Date;
  isPublic: boolean;
  editPath: string | null;
  status: 'draft' | 'in_review' | 'published' | 'unpublished';
  membersOnly: boolean;
}

/**
 * The item's state as this viewer may know it, or null when the page must be a 404: no such
 * item, not published (drafts live in the web app), or not readable by this viewer.
 */
export async function readItemHead(
  ctx: AppContext,
  viewer: KnowledgeViewer,
  slug: string,
): Promise<ItemHead | null> {
  const state = await findItemState(ctx.database.db, slug);
  if (!state || state.status !== 'published' || !mayReadKnowledgeItem(viewer, state)) return null;
  const published = state.publishedAt?.getTime() ?? 0;
  return {
    lastModified: new Date(Math.max(state.updatedAt.getTime(), published)),
    isPublic: isPubliclyCacheable(viewer, state),
    editPath: mayEditFromPublicPage(viewer, state) ? memberEditPath(state.orgSlug, state.id) : null,
    status: state.status,
    membersOnly: state.membersOnly,
  };
}

/** The item with its related items as this viewer may read it, or null (same rule as the API). */
export function readItem(
  ctx: AppContext,
  viewer: KnowledgeViewer,
  slug: string,
): Promise<PublicKnowledgeItem | null> {
  return readPublicKnowledgeItem(ctx, viewer, slug);
}

/** One page of search results for this viewer (their organisation's drafts included). */
export function searchItems(
  ctx: AppContext,
  viewer: KnowledgeViewer,
  query: SearchQuery,
): Promise<SearchResult> {
  return searchKnowledge(ctx, viewer, query);
}

/** The newest items everyone may read, for the feed. */
export function listFeedItems(ctx: AppContext): Promise<FeedItemRow[]> {
  return listPublicFeedItems(ctx.database.db, FEED_SIZE);
}
