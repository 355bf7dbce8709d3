// Pure helpers of the vision views: where a quoted passage stands in the editor's document, what
// an accepted suggestion becomes, how big the statement is, which places it covers.
import type { JSONContent } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import type { VisionConfig } from '../../../common/activities/vision.ts';
import type { Lab } from '../../../common/labs.ts';

/** The places a vision covers, by name; empty when it covers the whole lab. */
export function coveredPlaces(lab: Pick<Lab, 'places'>, config: VisionConfig): string[] {
  const chosen = new Set(config.placeIds);
  return lab.places.filter((place) => chosen.has(place.id)).map((place) => place.name);
}

interface TextMap {
  /** The document's text with every run of white space (and every block boundary) as one space. */
  text: string;
  /** For each character of `text`: the document position before it (-1 for boundaries). */
  positions: number[];
}

function isSpace(char: string): boolean {
  return /\s/.test(char);
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Flattens the document's text so a passage can be found whatever the line breaks around it. */
function mapText(doc: ProseMirrorNode): TextMap {
  const map: TextMap = { text: '', positions: [] };
  const push = (char: string, position: number) => {
    const last = map.text[map.text.length - 1];
    if (isSpace(char)) {
      if (map.text === '' || last === ' ') return;
      map.text += ' ';
      map.positions.push(position);
      return;
    }
    map.text += char;
    map.positions.push(position);
  };
  doc.descendants((node, position) => {
    if (node.isText) {
      const text = node.text ?? '';
      for (let i = 0; i < text.length; i += 1) push(text.charAt(i), position + i);
      return false;
    }
    if (node.isBlock || node.type.name === 'hardBreak') push(' ', -1);
    return true;
  });
  return map;
}

/**
 * Finds `quote` in the document, ignoring differences in white space and line breaks; returns
 * the range to replace (from its first to after its last character), or null when it is gone.
 */
export function findQuote(
  doc: ProseMirrorNode,
  quote: string,
): { from: number; to: number } | null {
  const needle = collapse(quote);
  if (needle === '') return null;
  const map = mapText(doc);
  const start = map.text.indexOf(needle);
  if (start === -1) return null;
  const from = map.positions[start];
  const last = map.positions[start + needle.length - 1];
  // The needle is trimmed, so both ends are characters of the text, never boundaries.
  if (from === undefined || last === undefined || from < 0 || last < 0) return null;
  return { from, to: last + 1 };
}

/** The paragraphs a suggestion's text becomes: one per line, empty lines left out, as text (never HTML). */
export function paragraphsOf(text: string): JSONContent[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => ({ type: 'paragraph', content: [{ type: 'text', text: line }] }));
}

/**
 * What replaces a quoted passage: the text itself when it is one line (so it stays inside the
 * paragraph), otherwise its paragraphs.
 */
export function replacementOf(text: string): JSONContent[] {
  const paragraphs = paragraphsOf(text);
  if (paragraphs.length === 1) return paragraphs[0]?.content ?? [];
  return paragraphs;
}

/**
 * The statement's size as the server counts it (measureVisionText in common/activities/vision.doc.ts):
 * every character, plus one per node, where the text of a paragraph between two line breaks is
 * one text node. Lets the editor stop at the limit before the server has to refuse.
 */
export function measureDocument(node: ProseMirrorNode): number {
  let size = 0;
  let isInText = false;
  node.forEach((child) => {
    if (child.isText) {
      if (!isInText) size += 1;
      isInText = true;
      size += child.text?.length ?? 0;
      return;
    }
    isInText = false;
    size += 1 + measureDocument(child);
  });
  return size;
}

/** The selected passage of the editor's document as plain text (blocks separated by a blank line). */
export function selectedPassage(doc: ProseMirrorNode, from: number, to: number): string {
  if (from === to) return '';
  return doc.textBetween(from, to, '\n\n', '\n').trim();
}
