// What leaves the server about knowledge items: never a raw row, never the search vector.
import type { z } from 'zod';
import {
  barometerTheme,
  sizeClass,
  type knowledgeEvent,
  type KnowledgeImage,
  type KnowledgeItem,
  type KnowledgeItemSummary,
  type KnowledgeMetadata,
  type PublicKnowledgeItem,
} from '../../../common/knowledge.ts';
import { knowledgeDocumentName } from '../../../common/collab.ts';
import { attributionLine, DEFAULT_LICENCE, licenceCode } from '../../../common/reports.ts';
import { emptyRichDoc, richDoc, type RichDoc } from '../../../common/richtext.ts';
import type {
  KnowledgeEventRow,
  KnowledgeItemDetails,
  KnowledgeItemRow,
  RelatedItemRow,
  StoredFileRow,
} from './knowledge.repo.ts';

type KnowledgeEvent = z.infer<typeof knowledgeEvent>;

/** What the asking person may do with the item (knowledgeItem.can). */
export interface KnowledgeItemPermissions {
  edit: boolean;
  review: boolean;
  publish: boolean;
}

/** The stored body, or an empty one when what is stored no longer fits the schema. */
export function readBody(value: unknown): RichDoc {
  const parsed = richDoc.safeParse(value);
  return parsed.success ? parsed.data : emptyRichDoc();
}

/** The item's metadata as the contract types it; stored values outside the schema fall back. */
export function readMetadata(row: KnowledgeItemRow): KnowledgeMetadata {
  const licence = licenceCode.safeParse(row.licence);
  const size = sizeClass.safeParse(row.sizeClass);
  return {
    kind: row.kind,
    title: row.title,
    summary: row.summary,
    membersOnly: row.membersOnly,
    places: row.places,
    region: row.region,
    trends: row.trends,
    themes: row.themes.flatMap((theme) => {
      const parsed = barometerTheme.safeParse(theme);
      return parsed.success ? [parsed.data] : [];
    }),
    sizeClass: size.success ? size.data : null,
    licence: licence.success ? licence.data : DEFAULT_LICENCE,
    attribution: row.attribution,
  };
}

/** The credit line of the item: the year it was first published, else the year it was made. */
export function presentAttributionLine(row: KnowledgeItemRow, orgName: string): string {
  const metadata = readMetadata(row);
  return attributionLine({
    attribution: metadata.attribution,
    orgName,
    year: (row.firstPublishedAt ?? row.createdAt).getFullYear(),
    licence: metadata.licence,
  });
}

/** One uploaded image, served from /files/<id>. */
export function presentImage(row: StoredFileRow): KnowledgeImage {
  return {
    id: row.id,
    url: `/files/${row.id}`,
    mediaType: row.mediaType,
    byteSize: row.byteSize,
    fileName: row.fileName,
    alt: row.alt,
  };
}

/** The item as its authors and reviewers see it. */
export function presentItem(
  details: KnowledgeItemDetails,
  images: readonly StoredFileRow[],
  can: KnowledgeItemPermissions,
): KnowledgeItem {
  const row = details.item;
  return {
    ...readMetadata(row),
    id: row.id,
    slug: row.slug,
    orgSlug: details.orgSlug,
    orgName: details.orgName,
    status: row.status,
    body: readBody(row.body),
    documentName: knowledgeDocumentName(row.id),
    images: images.map(presentImage),
    attributionLine: presentAttributionLine(row, details.orgName),
    source:
      row.labId !== null && row.reportVersion !== null
        ? { labId: row.labId, version: row.reportVersion }
        : null,
    createdBy: details.createdByName,
    reviewNote: row.reviewNote,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    can,
  };
}

/** One line of the organisation's list. */
export function presentItemSummary(row: KnowledgeItemRow): KnowledgeItemSummary {
  return {
    id: row.id,
    slug: row.slug,
    kind: row.kind,
    title: row.title,
    summary: row.summary,
    status: row.status,
    membersOnly: row.membersOnly,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** One event of the history. */
export function presentEvent(row: KnowledgeEventRow): KnowledgeEvent {
  return {
    id: row.id,
    action: row.action,
    actor: row.actorName,
    note: row.note,
    title: row.title,
    at: row.createdAt.toISOString(),
  };
}

/**
 * The item as a reader of the knowledge base sees it. `publishedAt` is passed in so the preview
 * of an unpublished item can show the moment it would go live.
 */
export function presentPublicItem(
  details: KnowledgeItemDetails,
  images: readonly StoredFileRow[],
  related: readonly RelatedItemRow[],
  publishedAt: Date,
): PublicKnowledgeItem {
  const row = details.item;
  return {
    ...readMetadata(row),
    slug: row.slug,
    orgName: details.orgName,
    body: readBody(row.body),
    images: images.map(presentImage),
    attributionLine: presentAttributionLine(row, details.orgName),
    publishedAt: publishedAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    related: related.map((item) => ({
      slug: item.slug,
      title: item.title,
      kind: item.kind,
      summary: item.summary,
    })),
  };
}
