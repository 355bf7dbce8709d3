// A knowledge item's body between its two forms: richDoc JSON in knowledge_items.body and the
// TipTap fragment of its live document (docs/COLLAB_SPEC.md, "Knowledge items", B7–B9). Pure.
import { getSchema } from '@tiptap/core';
import type { Schema } from '@tiptap/pm/model';
import { prosemirrorJSONToYXmlFragment, yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { measureRichFragment } from '../../../common/richFragment.ts';
import { KNOWLEDGE_BODY_ROOT, knowledgeBodyExtensions } from '../../../common/knowledgeBody.ts';
import { richDoc, richPlainText, type RichDoc } from '../../../common/richtext.ts';

let schema: Schema | null = null;

/** The editor's ProseMirror schema, built once: the same extensions the browser's editor uses. */
function bodySchema(): Schema {
  schema ??= getSchema(knowledgeBodyExtensions());
  return schema;
}

/** The body fragment of a knowledge document. */
export function bodyFragment(doc: Y.Doc): Y.XmlFragment {
  return doc.getXmlFragment(KNOWLEDGE_BODY_ROOT);
}

/**
 * Writes `body` (richDoc JSON) into the empty body fragment of `doc`, as the editor would have
 * written it. Throws when the body is not a richDoc or does not fit the editor's schema.
 */
export function writeBodyInto(doc: Y.Doc, body: unknown): void {
  const parsed = richDoc.parse(body);
  prosemirrorJSONToYXmlFragment(bodySchema(), parsed, bodyFragment(doc));
}

/** The Yjs state of a fresh document whose body holds `body`; empty when `body` is empty. */
export function initialBodyState(body: unknown): Uint8Array {
  const doc = new Y.Doc();
  try {
    writeBodyInto(doc, body);
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}

const safeHref = /^(https?:\/\/|mailto:)/i;

function isSafeMark(mark: unknown): boolean {
  if (typeof mark !== 'object' || mark === null) return true;
  const { type, attrs } = mark as { type?: unknown; attrs?: { href?: unknown } };
  if (type !== 'link') return true;
  return typeof attrs?.href === 'string' && safeHref.test(attrs.href);
}

// The editor only makes web and mail links; anything else that reached the document (another
// client) loses its link, not its text, so one odd link cannot stop the whole body's projection.
function withSafeLinks(node: unknown): unknown {
  if (typeof node !== 'object' || node === null) return node;
  const { marks, content, ...rest } = node as { marks?: unknown; content?: unknown };
  return {
    ...rest,
    ...(Array.isArray(marks) ? { marks: marks.filter(isSafeMark) } : {}),
    ...(Array.isArray(content) ? { content: content.map(withSafeLinks) } : {}),
  };
}

export type BodyProjection =
  { ok: true; body: RichDoc; bodyText: string } | { ok: false; reason: string };

/** Reads the body fragment as richDoc JSON with its plain text; not ok when it is no valid richDoc. */
export function projectBody(doc: Y.Doc): BodyProjection {
  let json: unknown;
  try {
    json = yXmlFragmentToProsemirrorJSON(bodyFragment(doc));
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : 'unreadable fragment' };
  }
  const checked = richDoc.safeParse(withSafeLinks(json));
  if (!checked.success) return { ok: false, reason: checked.error.issues[0]?.message ?? 'invalid' };
  return { ok: true, body: checked.data, bodyText: richPlainText(checked.data) };
}

/** The body's size as the write check counts it: characters plus one per node. */
export function measureBody(doc: Y.Doc): number {
  return measureRichFragment(bodyFragment(doc));
}
