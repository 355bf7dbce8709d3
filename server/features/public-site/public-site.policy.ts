// Who may see what the public pages show beyond the item itself, and which answers a shared cache
// may keep. Pure, so the rules can be tested without a database.
import type { KnowledgeViewer } from '../knowledge/knowledge.viewer.ts';

/**
 * How long shared caches and feed readers may keep the feed without asking. Pages carry no such
 * time: they are revalidated on every visit (a cheap 304 through the ETag), so an item that is
 * unpublished is gone at once, not after a cache's lifetime.
 */
export const FEED_MAX_AGE_S = 900;
export const ASSET_MAX_AGE_S = 31_536_000;

/** True when the viewer may edit the item from the public page (a member of its organisation). */
export function mayEditFromPublicPage(viewer: KnowledgeViewer, item: { orgId: string }): boolean {
  return viewer.memberOrgIds.includes(item.orgId);
}

/**
 * True when an answer about this item is the same for everybody and may be kept by shared caches:
 * the item is open to all and the viewer sees no member-only extras (labels, edit link).
 */
export function isPubliclyCacheable(
  viewer: KnowledgeViewer,
  item: { orgId: string; status: string; membersOnly: boolean },
): boolean {
  return item.status === 'published' && !item.membersOnly && !mayEditFromPublicPage(viewer, item);
}

/** True when a search answer may be kept by shared caches: only a visitor's results are. */
export function isSearchPubliclyCacheable(viewer: KnowledgeViewer): boolean {
  return viewer.memberOrgIds.length === 0;
}

/**
 * The Cache-Control value for an answer that is public or personal; public answers without a
 * max-age must be revalidated on every use.
 */
export function cacheControlOf(isPublic: boolean, maxAgeSeconds?: number): string {
  if (!isPublic) return 'private, no-cache';
  return maxAgeSeconds === undefined ? 'public, no-cache' : `public, max-age=${maxAgeSeconds}`;
}
