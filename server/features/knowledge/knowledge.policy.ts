// Who may write, review and publish knowledge items, and which status changes exist. Pure
// functions; who may READ an item is knowledge.viewer.ts, the one visibility rule.
import type { KnowledgeStatus } from '../../../common/knowledge.ts';
import { hasRoleAtLeast, type OrgRole } from '../../../common/roles.ts';

/** The status changes of the review workflow, each recorded as one history event. */
export const knowledgeTransitions = ['submit', 'return', 'publish', 'unpublish'] as const;
export type KnowledgeTransition = (typeof knowledgeTransitions)[number];

const from: Record<KnowledgeTransition, readonly KnowledgeStatus[]> = {
  submit: ['draft', 'unpublished'],
  return: ['in_review'],
  publish: ['draft', 'in_review', 'unpublished'],
  unpublish: ['published'],
};

const to: Record<KnowledgeTransition, KnowledgeStatus> = {
  submit: 'in_review',
  return: 'draft',
  publish: 'published',
  unpublish: 'unpublished',
};

/** True when this role reviews and publishes in its organisation: facilitators and admins. */
export function isReviewer(role: OrgRole): boolean {
  return hasRoleAtLeast(role, 'facilitator');
}

/** Statuses in which every active member of the organisation is an author of the item. */
const memberEditable: readonly KnowledgeStatus[] = ['draft', 'unpublished'];

/**
 * True when the role may edit an item's metadata, body and images in this status: every active
 * member while it is a draft or unpublished; while a reviewer looks at it (in review) or it is
 * live, only reviewers, whose edits of a published item go live at once. The live body document
 * (knowledge-collab) and image uploads ask this same rule.
 */
export function canEditItem(role: OrgRole, status: KnowledgeStatus): boolean {
  if (isReviewer(role)) return true;
  return memberEditable.includes(status);
}

/** True when the role may make this change at all (regardless of the item's status). */
export function mayTransition(role: OrgRole, transition: KnowledgeTransition): boolean {
  if (transition === 'submit') return hasRoleAtLeast(role, 'member');
  return isReviewer(role);
}

/** The status the change leads to from `status`, or null when it does not apply there. */
export function nextStatus(
  status: KnowledgeStatus,
  transition: KnowledgeTransition,
): KnowledgeStatus | null {
  return from[transition].includes(status) ? to[transition] : null;
}
