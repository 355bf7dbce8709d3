// The knowledge base (kennisbank): items written by members of an organisation, reviewed and
// published for everyone (or for the organisation's members only), searched with facets
// (docs/knowledge.md).
import { z } from 'zod';
import { isoDateTime, slug, uuid } from './fields.ts';
import { ATTRIBUTION_MAX, licenceCode } from './reports.ts';
import { richDoc } from './richtext.ts';

export const knowledgeKinds = ['best_practice', 'publication', 'blog', 'event_report'] as const;
export const knowledgeKind = z.enum(knowledgeKinds);
export type KnowledgeKind = z.infer<typeof knowledgeKind>;

/**
 * draft → in_review (submitted by a member) → published (by a facilitator or admin; a draft may
 * be published directly by them) → unpublished (history kept) → published again. A review may
 * send an item back to draft with a note.
 */
export const knowledgeStatuses = ['draft', 'in_review', 'published', 'unpublished'] as const;
export const knowledgeStatus = z.enum(knowledgeStatuses);
export type KnowledgeStatus = z.infer<typeof knowledgeStatus>;

/** The six themes of the national Binnenstadsbarometer, by key; the web app translates them. */
export const barometerThemes = [
  'economie',
  'veerkracht',
  'inclusiviteit',
  'identiteit',
  'governance',
  'levendigheid',
] as const;
export const barometerTheme = z.enum(barometerThemes);
export type BarometerTheme = z.infer<typeof barometerTheme>;

/** Size class of a municipality by inhabitants. */
export const sizeClasses = ['lt20k', '20k-50k', '50k-100k', '100k-250k', 'gt250k'] as const;
export const sizeClass = z.enum(sizeClasses);
export type SizeClass = z.infer<typeof sizeClass>;

export const KNOWLEDGE_TITLE_MAX = 200;
export const KNOWLEDGE_SUMMARY_MAX = 1000;
export const KNOWLEDGE_TAG_MAX = 120;
export const KNOWLEDGE_TAGS_MAX = 30;
export const REVIEW_NOTE_MAX = 2000;

const tagList = z
  .array(z.string().trim().min(1).max(KNOWLEDGE_TAG_MAX))
  .max(KNOWLEDGE_TAGS_MAX)
  .refine((tags) => new Set(tags.map((t) => t.toLowerCase())).size === tags.length, {
    message: 'every tag once',
  });

/** What an author sets about an item besides its body. */
export const knowledgeMetadata = z.object({
  kind: knowledgeKind,
  title: z.string().trim().min(1).max(KNOWLEDGE_TITLE_MAX),
  summary: z.string().trim().max(KNOWLEDGE_SUMMARY_MAX),
  membersOnly: z.boolean(),
  /** Place names (e.g. "IJmuiden"), free text so items of other organisations can share them. */
  places: tagList,
  region: z.string().trim().max(KNOWLEDGE_TAG_MAX).nullable(),
  /** Trend titles from the catalogue (e.g. "Anders consumeren"). */
  trends: tagList,
  themes: z
    .array(barometerTheme)
    .max(barometerThemes.length)
    .refine((t) => new Set(t).size === t.length, { message: 'every theme once' }),
  sizeClass: sizeClass.nullable(),
  licence: licenceCode,
  attribution: z.string().trim().max(ATTRIBUTION_MAX),
});
export type KnowledgeMetadata = z.infer<typeof knowledgeMetadata>;

export const createKnowledgeRequest = knowledgeMetadata.partial().extend({
  kind: knowledgeKind,
  title: knowledgeMetadata.shape.title,
  body: richDoc.optional(),
});
export const updateKnowledgeRequest = knowledgeMetadata.partial().extend({
  /** Only for items nobody edits live; the collaborative editor writes the body through /collab. */
  body: richDoc.optional(),
});

export const knowledgeImage = z.object({
  id: uuid,
  /** Where the image is served: /files/<id>. */
  url: z.string(),
  mediaType: z.string(),
  byteSize: z.number().int(),
  fileName: z.string(),
  alt: z.string(),
});
export type KnowledgeImage = z.infer<typeof knowledgeImage>;

export const IMAGE_MAX_BYTES = 5 * 1024 * 1024;
export const IMAGE_ALT_MAX = 300;
export const IMAGES_PER_ITEM_MAX = 20;
/** The only image types accepted, recognised by their first bytes, not by name or header. */
export const imageMediaTypes = ['image/png', 'image/jpeg', 'image/webp', 'image/gif'] as const;
/** The alt text of an image: what it shows, for people who cannot see it (required). */
export const imageAlt = z.string().trim().min(1).max(IMAGE_ALT_MAX);
/** PATCH …/images/:imageId; the upload (multipart) sends the same `alt` as a form field. */
export const updateImageRequest = z.object({ alt: imageAlt });

/** An item as its authors and reviewers see it (GET /orgs/:orgSlug/knowledge/:itemId). */
export const knowledgeItem = knowledgeMetadata.extend({
  id: uuid,
  slug: z.string(),
  orgSlug: slug,
  orgName: z.string(),
  status: knowledgeStatus,
  body: richDoc,
  /** The Yjs document the collaborative editor opens (docs/COLLAB_SPEC.md, "Knowledge items"). */
  documentName: z.string(),
  images: z.array(knowledgeImage),
  attributionLine: z.string(),
  /** The lab and report version it came from, if any. */
  source: z.object({ labId: uuid, version: z.number().int() }).nullable(),
  createdBy: z.string().nullable(),
  reviewNote: z.string().nullable(),
  publishedAt: isoDateTime.nullable(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  can: z.object({ edit: z.boolean(), review: z.boolean(), publish: z.boolean() }),
});
export type KnowledgeItem = z.infer<typeof knowledgeItem>;

export const knowledgeItemSummary = knowledgeItem.pick({
  id: true,
  slug: true,
  kind: true,
  title: true,
  summary: true,
  status: true,
  membersOnly: true,
  publishedAt: true,
  updatedAt: true,
});
export type KnowledgeItemSummary = z.infer<typeof knowledgeItemSummary>;
export const knowledgeItemList = z.object({ items: z.array(knowledgeItemSummary) });

export const knowledgeEventActions = [
  'created',
  'submitted',
  'returned',
  'published',
  'unpublished',
] as const;
export const knowledgeEvent = z.object({
  id: uuid,
  action: z.enum(knowledgeEventActions),
  actor: z.string().nullable(),
  note: z.string().nullable(),
  /** Title at that moment (published/unpublished keep the whole snapshot server-side). */
  title: z.string(),
  at: isoDateTime,
});
export const knowledgeHistory = z.object({ events: z.array(knowledgeEvent) });

export const reviewRequest = z.object({ note: z.string().trim().max(REVIEW_NOTE_MAX).optional() });

export const knowledgeParams = z.object({ orgSlug: slug });
export const knowledgeItemParams = knowledgeParams.extend({ itemId: uuid });
export const knowledgeImageParams = knowledgeItemParams.extend({ imageId: uuid });

// ---------------------------------------------------------------------------------------------
// Public reading and search

/** A published item as anyone allowed to read it sees it (JSON twin of /kennisbank/<slug>). */
export const publicKnowledgeItem = knowledgeMetadata.extend({
  slug: z.string(),
  orgName: z.string(),
  body: richDoc,
  images: z.array(knowledgeImage),
  attributionLine: z.string(),
  publishedAt: isoDateTime,
  updatedAt: isoDateTime,
  related: z.array(
    z.object({ slug: z.string(), title: z.string(), kind: knowledgeKind, summary: z.string() }),
  ),
});
export type PublicKnowledgeItem = z.infer<typeof publicKnowledgeItem>;

export const SEARCH_QUERY_MAX = 200;
export const SEARCH_PAGE_SIZE_MAX = 50;
export const searchSorts = ['relevance', 'date'] as const;

const oneOrMany = <T extends z.ZodType>(schema: T) =>
  z.preprocess(
    (v: unknown): unknown[] => (v === undefined ? [] : Array.isArray(v) ? (v as unknown[]) : [v]),
    z.array(schema).max(20),
  );

/** GET /api/v1/knowledge/search and the form on /kennisbank use the same query parameters. */
export const searchQuery = z.object({
  q: z.string().trim().max(SEARCH_QUERY_MAX).default(''),
  kind: oneOrMany(knowledgeKind),
  trend: oneOrMany(z.string().trim().min(1).max(KNOWLEDGE_TAG_MAX)),
  theme: oneOrMany(barometerTheme),
  region: oneOrMany(z.string().trim().min(1).max(KNOWLEDGE_TAG_MAX)),
  place: oneOrMany(z.string().trim().min(1).max(KNOWLEDGE_TAG_MAX)),
  size: oneOrMany(sizeClass),
  year: oneOrMany(z.coerce.number().int().min(1900).max(2200)),
  sort: z.enum(searchSorts).default('relevance'),
  page: z.coerce.number().int().min(1).max(1000).default(1),
  pageSize: z.coerce.number().int().min(1).max(SEARCH_PAGE_SIZE_MAX).default(20),
});
export type SearchQuery = z.infer<typeof searchQuery>;

/** A piece of a snippet; `hit` pieces matched the query (rendered as <mark>, never as HTML). */
export const snippetPart = z.object({ text: z.string(), hit: z.boolean() });

export const searchHit = z.object({
  slug: z.string(),
  kind: knowledgeKind,
  title: z.string(),
  summary: z.string(),
  snippet: z.array(snippetPart),
  orgName: z.string(),
  places: z.array(z.string()),
  status: knowledgeStatus,
  membersOnly: z.boolean(),
  publishedAt: isoDateTime.nullable(),
  /** For the searcher's own drafts: where to edit it; null for published items. */
  editPath: z.string().nullable(),
});
export type SearchHit = z.infer<typeof searchHit>;

export const facetValue = z.object({ value: z.string(), count: z.number().int() });
export const searchFacetNames = [
  'kind',
  'trend',
  'theme',
  'region',
  'place',
  'size',
  'year',
] as const;
export type SearchFacetName = (typeof searchFacetNames)[number];

export const searchResult = z.object({
  query: z.string(),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  hits: z.array(searchHit),
  /** Counts over all matches of the query and the other facets' filters. */
  facets: z.object({
    kind: z.array(facetValue),
    trend: z.array(facetValue),
    theme: z.array(facetValue),
    region: z.array(facetValue),
    place: z.array(facetValue),
    size: z.array(facetValue),
    year: z.array(facetValue),
  }),
  /** When the words found little, a close spelling from titles (pg_trgm), else null. */
  suggestion: z.string().nullable(),
});
export type SearchResult = z.infer<typeof searchResult>;

/** Builds a URL-safe slug from a title plus a short unique suffix (e.g. "regiolab-ijmond-3f9a2c"). */
export function knowledgeSlug(title: string, suffix: string): string {
  const base = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '');
  return base ? `${base}-${suffix}` : suffix;
}
