// Rich text as the editor (TipTap's JSON) writes it, limited to what reports and knowledge items
// use: paragraphs, two heading levels, lists, quotes, bold, italic and links. Every reader (web,
// server-rendered pages, PDF, DOCX, Markdown) goes through richBlocks, so none of them interprets
// editor JSON on its own and nothing else (HTML, scripts, images by URL) can ride along.
import { z } from 'zod';

/** The largest rich text we store, measured as characters of text plus one per node. */
export const RICH_TEXT_MAX = 100_000;
/** How deep lists may nest; deeper input is refused rather than flattened silently. */
export const RICH_DEPTH_MAX = 8;

export const richMarkTypes = ['bold', 'italic', 'link'] as const;
export const richMark = z.object({
  type: z.enum(richMarkTypes),
  attrs: z
    .object({
      // Only web links and mail; a javascript: or data: URL is refused, not rendered.
      href: z
        .string()
        .max(2000)
        .regex(/^(https?:\/\/|mailto:)/i, 'a link starting with http://, https:// or mailto:')
        .optional(),
    })
    .loose()
    .optional(),
});
export type RichMark = z.infer<typeof richMark>;

export const richNodeTypes = [
  'doc',
  'paragraph',
  'heading',
  'bulletList',
  'orderedList',
  'listItem',
  'blockquote',
  'text',
  'hardBreak',
] as const;
export type RichNodeType = (typeof richNodeTypes)[number];

/** One node of editor JSON; attributes other than a heading's level are kept but never read. */
export interface RichNode {
  type: RichNodeType;
  text?: string | undefined;
  marks?: RichMark[] | undefined;
  attrs?: Record<string, unknown> | undefined;
  content?: RichNode[] | undefined;
}

export const richNode: z.ZodType<RichNode> = z.lazy(() =>
  z.object({
    type: z.enum(richNodeTypes),
    text: z.string().optional(),
    marks: z.array(richMark).max(8).optional(),
    attrs: z.record(z.string(), z.unknown()).optional(),
    content: z.array(richNode).optional(),
  }),
);

function measure(node: RichNode, depth: number): number {
  if (depth > RICH_DEPTH_MAX * 2 + 2) return Number.POSITIVE_INFINITY;
  let size = 1 + (node.text?.length ?? 0);
  for (const child of node.content ?? []) size += measure(child, depth + 1);
  return size;
}

/** A whole rich text: a `doc` node within the size and depth limits. */
export const richDoc = richNode
  .refine((node) => node.type === 'doc', 'a rich text starts with a doc node')
  .refine((node) => measure(node, 0) <= RICH_TEXT_MAX, `at most ${RICH_TEXT_MAX} characters`);
export type RichDoc = RichNode;

/** An empty rich text. */
export const emptyRichDoc = (): RichDoc => ({ type: 'doc', content: [] });

/** A run of text with its marks, as every renderer needs it. */
export interface RichSpan {
  text: string;
  bold: boolean;
  italic: boolean;
  /** A checked http(s)/mailto URL, or null. */
  href: string | null;
}

/** A block of rich text, flattened: list items carry their list's kind and nesting depth. */
export interface RichBlock {
  type: 'paragraph' | 'heading' | 'bulletItem' | 'orderedItem' | 'quote';
  /** Heading level (2 or 3) for headings; list depth (0 = top) for list items; else 0. */
  level: number;
  spans: RichSpan[];
}

function spansOf(node: RichNode): RichSpan[] {
  const spans: RichSpan[] = [];
  const walk = (n: RichNode) => {
    if (n.type === 'text' && n.text) {
      const marks = n.marks ?? [];
      const link = marks.find((m) => m.type === 'link')?.attrs?.href;
      spans.push({
        text: n.text,
        bold: marks.some((m) => m.type === 'bold'),
        italic: marks.some((m) => m.type === 'italic'),
        href: typeof link === 'string' && /^(https?:\/\/|mailto:)/i.test(link) ? link : null,
      });
    } else if (n.type === 'hardBreak') {
      spans.push({ text: '\n', bold: false, italic: false, href: null });
    }
    for (const child of n.content ?? []) walk(child);
  };
  walk(node);
  return spans;
}

/** Flattens editor JSON into blocks in reading order; unknown shapes degrade to paragraphs. */
export function richBlocks(doc: RichDoc | null | undefined): RichBlock[] {
  const blocks: RichBlock[] = [];
  const visit = (node: RichNode, list: 'bulletItem' | 'orderedItem' | null, depth: number) => {
    switch (node.type) {
      case 'doc':
        for (const child of node.content ?? []) visit(child, null, 0);
        return;
      case 'heading': {
        const level = node.attrs?.level === 3 ? 3 : 2;
        blocks.push({ type: 'heading', level, spans: spansOf(node) });
        return;
      }
      case 'bulletList':
      case 'orderedList':
        for (const item of node.content ?? []) {
          visit(
            item,
            node.type === 'bulletList' ? 'bulletItem' : 'orderedItem',
            list ? depth + 1 : 0,
          );
        }
        return;
      case 'listItem':
        for (const child of node.content ?? []) {
          if (child.type === 'bulletList' || child.type === 'orderedList') {
            visit(child, list, depth);
          } else {
            blocks.push({ type: list ?? 'bulletItem', level: depth, spans: spansOf(child) });
          }
        }
        return;
      case 'blockquote':
        for (const child of node.content ?? []) {
          blocks.push({ type: 'quote', level: 0, spans: spansOf(child) });
        }
        return;
      default:
        blocks.push({ type: 'paragraph', level: 0, spans: spansOf(node) });
    }
  };
  if (doc) visit(doc, null, 0);
  return blocks.filter((b) => b.spans.length > 0 || b.type === 'paragraph');
}

/** The text of a rich text without formatting, blocks separated by blank lines (for search). */
export function richPlainText(doc: RichDoc | null | undefined): string {
  return richBlocks(doc)
    .map((block) => block.spans.map((s) => s.text).join(''))
    .filter((text) => text.trim() !== '')
    .join('\n\n');
}

/** A rich text made of plain paragraphs, one per blank-line-separated chunk of the input. */
export function richDocFromText(text: string): RichDoc {
  const paragraphs = text
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  return {
    type: 'doc',
    content: paragraphs.map((p) => ({ type: 'paragraph', content: [{ type: 'text', text: p }] })),
  };
}
