// The rich text a vision allows, shared by the editor and the tests: paragraphs, one level of
// subheading, bold, italic, lists and line breaks. Kept small so every reader renders all of it.
import type { AnyExtension } from '@tiptap/core';
import { StarterKit } from '@tiptap/starter-kit';

/** The heading level inside the statement: below the activity (h2) and the view's own h3. */
export const STATEMENT_HEADING_LEVEL = 4;

/** Returns the editor's schema extensions (without collaboration, which needs the document). */
export function visionExtensions(): AnyExtension[] {
  return [
    StarterKit.configure({
      // Collaboration brings its own history, bound to the shared document.
      undoRedo: false,
      heading: { levels: [STATEMENT_HEADING_LEVEL] },
      // Nodes that would write by themselves (a trailing paragraph) or that readers would have
      // to render (links, code, rules) are left out.
      trailingNode: false,
      link: false,
      code: false,
      codeBlock: false,
      horizontalRule: false,
      strike: false,
      underline: false,
      blockquote: false,
    }),
  ];
}
