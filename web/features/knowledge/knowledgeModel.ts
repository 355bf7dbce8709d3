// Pure rules of the members' knowledge pages: which workflow steps to offer, list filters, the
// metadata form's values, and the words for an upload error. Kept out of the components so they
// are tested without a browser.
import {
  IMAGE_MAX_BYTES,
  IMAGES_PER_ITEM_MAX,
  type KnowledgeItem,
  type KnowledgeItemSummary,
  type KnowledgeKind,
  type KnowledgeMetadata,
  type KnowledgeStatus,
} from '../../../common/knowledge.ts';

export type WorkflowStep = 'submit' | 'return' | 'publish' | 'unpublish';

/**
 * The workflow buttons to show for an item, in order. Mirrors the server's rules (members submit
 * drafts and unpublished items; reviewers return items in review, publish anything not published
 * and unpublish published ones); the server checks again.
 */
export function workflowStepsFor(item: Pick<KnowledgeItem, 'status' | 'can'>): WorkflowStep[] {
  const steps: WorkflowStep[] = [];
  const { status, can } = item;
  if (can.edit && (status === 'draft' || status === 'unpublished') && !can.publish) {
    steps.push('submit');
  }
  if (can.review && status === 'in_review') steps.push('return');
  if (can.publish && status !== 'published') steps.push('publish');
  if (can.publish && status === 'published') steps.push('unpublish');
  return steps;
}

/**
 * Publishing is deliberate: the first press opens the preview, and only from the preview can the
 * person confirm. 'closed' offers the button that opens it.
 */
export type PublishPhase = 'closed' | 'preview';

export interface ListFilter {
  status: KnowledgeStatus | 'all';
  kind: KnowledgeKind | 'all';
}

/** The items matching the filter, in the order given. */
export function filterItems<T extends Pick<KnowledgeItemSummary, 'status' | 'kind'>>(
  items: readonly T[],
  filter: ListFilter,
): T[] {
  return items.filter(
    (item) =>
      (filter.status === 'all' || item.status === filter.status) &&
      (filter.kind === 'all' || item.kind === filter.kind),
  );
}

/** The item's metadata as the form edits it (and PATCH sends it). */
export function metadataOf(item: KnowledgeItem): KnowledgeMetadata {
  return {
    kind: item.kind,
    title: item.title,
    summary: item.summary,
    membersOnly: item.membersOnly,
    places: [...item.places],
    region: item.region,
    trends: [...item.trends],
    themes: [...item.themes],
    sizeClass: item.sizeClass,
    licence: item.licence,
    attribution: item.attribution,
  };
}

/** Adds a tag unless it is empty or already there (case-insensitively, as the server compares). */
export function addTag(tags: readonly string[], candidate: string): string[] {
  const tag = candidate.trim();
  if (!tag || tags.some((existing) => existing.toLowerCase() === tag.toLowerCase())) {
    return [...tags];
  }
  return [...tags, tag];
}

/** A byte count in the words of the interface: "5 MB". */
export function formatMegabytes(bytes: number): string {
  return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
}

export type UploadProblem = 'noFile' | 'tooLarge' | 'wrongType' | 'empty' | 'full';

/** What a chosen file is wrong with before it is sent, or null (the server checks the content). */
export function checkChosenFile(file: { size: number } | null): UploadProblem | null {
  if (!file) return 'noFile';
  if (file.size === 0) return 'empty';
  if (file.size > IMAGE_MAX_BYTES) return 'tooLarge';
  return null;
}

/** The upload problem an API status stands for, or null for other failures. */
export function uploadProblemOf(status: number): UploadProblem | null {
  if (status === 413) return 'tooLarge';
  if (status === 415) return 'wrongType';
  if (status === 409) return 'full';
  return null;
}

/** The parameters the upload error messages need. */
export const uploadLimits = {
  size: formatMegabytes(IMAGE_MAX_BYTES),
  max: IMAGES_PER_ITEM_MAX,
};
