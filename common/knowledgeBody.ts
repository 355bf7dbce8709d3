// A knowledge item's body edited live: the one free root of its document, the collaboration token
// that opens it, and the editor schema both the browser's editor and the server's projection use
// (docs/COLLAB_SPEC.md, "Knowledge items").
import type { AnyExtension } from '@tiptap/core';
import { StarterKit } from '@tiptap/starter-kit';
import { z } from 'zod';
import { isoDateTime } from './fields.ts';

/** The free root (U6) of `knowledge.<itemId>`: the TipTap fragment holding the body. */
export const KNOWLEDGE_BODY_ROOT = 'body';

/** The heading levels of a body (the item's title is the page's h1). */
export const KNOWLEDGE_HEADING_LEVELS = [2, 3] as const;

/** POST /api/v1/orgs/:orgSlug/knowledge/:itemId/collab-token answers this. */
export const knowledgeCollabToken = z.object({
  token: z.string(),
  expiresAt: isoDateTime,
  /** True when this person may read the body but not change it now (the item's status, their role). */
  readOnly: z.boolean(),
  /** The document the token opens: `knowledge.<itemId>`. */
  documentName: z.string(),
});
export type KnowledgeCollabToken = z.infer<typeof knowledgeCollabToken>;

/**
 * Returns the editor's schema extensions (without collaboration, which needs the document): exactly
 * what common/richtext.ts richDoc holds (paragraphs, headings 2 and 3, lists, quotes, bold, italic,
 * links, line breaks), so every body the editor writes projects into a valid richDoc.
 */
export function knowledgeBodyExtensions(): AnyExtension[] {
  return [
    StarterKit.configure({
      // Collaboration brings its own history, bound to the shared document.
      undoRedo: false,
      heading: { levels: [...KNOWLEDGE_HEADING_LEVELS] },
      // A trailing paragraph would be written by every editor that opens the body on its own.
      trailingNode: false,
      link: {
        openOnClick: false,
        autolink: false,
        protocols: ['mailto'],
        // Only what richDoc keeps: web links and mail.
        isAllowedUri: (url) => /^(https?:\/\/|mailto:)/i.test(url),
      },
      code: false,
      codeBlock: false,
      horizontalRule: false,
      strike: false,
      underline: false,
    }),
  ];
}
