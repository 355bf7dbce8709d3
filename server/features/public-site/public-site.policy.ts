// Who may see what the public pages show beyond the item itself, and which answers a shared cache
// may keep. Pure, so the rules can be tested without a database.
import type { KnowledgeViewer } from '../knowledge/knowledge.viewer.ts';

/** How long shared caches and browsers may keep a public page or the feed without asking. */
export const PUBLIC_PAGE_MAX_AGE_S = 300;
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

/** The Cache-Control value for a page that is public or personal. */
export function cacheControlOf(isPublic: boolean, maxAgeSeconds = PUBLIC_PAGE_MAX_AGE_S): string {
  return isPublic ? `public, max-age=${maxAgeSeconds}` : 'private, no-cache';
}
