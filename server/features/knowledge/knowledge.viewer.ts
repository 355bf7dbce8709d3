// Who reads the knowledge base, and the one rule of what they may read. The search, the item
// API, the public pages, the feed and file serving all decide visibility through this rule, so a
// draft or members-only item cannot leak through one of them alone.
import type { Auth } from '../auth/sessions.service.ts';
import type { KnowledgeStatus } from '../../../common/knowledge.ts';

export interface KnowledgeViewer {
  /** Null for a visitor. */
  userId: string | null;
  /** Organisations the person is an active member of (any role). */
  memberOrgIds: readonly string[];
  /** Organisations where the person may review and publish (facilitator or admin). */
  reviewerOrgIds: readonly string[];
}

/** A visitor: reads only published items that are not members-only. */
export const visitorViewer: KnowledgeViewer = {
  userId: null,
  memberOrgIds: [],
  reviewerOrgIds: [],
};

/** The viewer behind a session (or a visitor without one). */
export function knowledgeViewerOf(auth: Auth | null): KnowledgeViewer {
  if (!auth) return visitorViewer;
  return {
    userId: auth.user.id,
    memberOrgIds: auth.memberships.map((m) => m.orgId),
    reviewerOrgIds: auth.memberships
      .filter((m) => m.role === 'admin' || m.role === 'facilitator')
      .map((m) => m.orgId),
  };
}

/**
 * True when the viewer may read the item: published and open to all, or any item (draft, in
 * review, unpublished, members-only) of an organisation the viewer is an active member of.
 */
export function mayReadKnowledgeItem(
  viewer: KnowledgeViewer,
  item: { orgId: string; status: KnowledgeStatus; membersOnly: boolean },
): boolean {
  if (viewer.memberOrgIds.includes(item.orgId)) return true;
  return item.status === 'published' && !item.membersOnly;
}
