// Reading and writing a vision document (ADR 0002, free roots): the statement is a Y.XmlFragment
// that the rich-text editor edits; suggestions are plain JSON in a root map. The web app, the
// server's rules and the synthesis all read the document through these helpers.
import * as Y from 'yjs';
import { measureRichFragment } from '../richFragment.ts';
import {
  suggestionValue,
  visionFreeRoots,
  visionRoots,
  type SuggestionStatus,
  type SuggestionValue,
} from './vision.ts';

/** Elements that break a line inside a paragraph rather than holding text. */
const LINE_BREAKS = new Set(['hardBreak']);
const LISTS: Record<string, 'bullet' | 'ordered'> = {
  bulletList: 'bullet',
  orderedList: 'ordered',
};

/** The statement's rich text: the fragment the editor's Collaboration extension binds to. */
export function visionFragment(doc: Y.Doc): Y.XmlFragment {
  return doc.getXmlFragment(visionFreeRoots.text);
}

function suggestionsOf(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(visionRoots.suggestions);
}

/** The plain text of one text node: formatting and embedded objects are left out. */
function plainOf(text: Y.XmlText): string {
  let plain = '';
  for (const part of text.toDelta() as { insert: unknown }[]) {
    if (typeof part.insert === 'string') plain += part.insert;
  }
  return plain;
}

/** True when an element holds only text (a paragraph, a heading), not other blocks. */
function isTextBlock(element: Y.XmlElement): boolean {
  return element
    .toArray()
    .every((child) => child instanceof Y.XmlText || LINE_BREAKS.has(nodeNameOf(child)));
}

function nodeNameOf(node: unknown): string {
  return node instanceof Y.XmlElement ? node.nodeName : '';
}

function inlineOf(element: Y.XmlElement): string {
  return element
    .toArray()
    .map((child) => (child instanceof Y.XmlText ? plainOf(child) : '\n'))
    .join('');
}

/** The blocks of text in a container, in order; lists become one block of "- " or "1. " lines. */
function blocksOf(container: Y.XmlFragment | Y.XmlElement): string[] {
  const blocks: string[] = [];
  for (const child of container.toArray()) {
    if (child instanceof Y.XmlText) {
      blocks.push(plainOf(child));
    } else if (child instanceof Y.XmlElement) {
      const list = LISTS[child.nodeName];
      if (list) {
        const lines = child.toArray().map((item, index) => {
          const marker = list === 'bullet' ? '- ' : `${index + 1}. `;
          const body = item instanceof Y.XmlElement ? blocksOf(item).join('\n') : '';
          // Lines after the first line up under the item's text, so nested lists stay readable.
          return marker + body.split('\n').join(`\n${' '.repeat(marker.length)}`);
        });
        blocks.push(lines.join('\n'));
      } else if (isTextBlock(child)) {
        blocks.push(inlineOf(child));
      } else {
        blocks.push(...blocksOf(child));
      }
    }
  }
  return blocks.filter((block) => block.trim() !== '');
}

/**
 * Returns the statement as plain text: paragraphs and headings separated by a blank line, list
 * items as "- " (or "1. ") lines, line breaks kept, formatting and empty paragraphs left out.
 */
export function readVisionText(doc: Y.Doc): string {
  return blocksOf(visionFragment(doc)).join('\n\n');
}

/**
 * Returns the statement's size as the server limits it (VISION_TEXT_MAX): every character, plus
 * one for each paragraph, heading, list, list item, text run or other node.
 */
export function measureVisionText(doc: Y.Doc): number {
  return measureRichFragment(visionFragment(doc));
}

function compareSuggestions(a: SuggestionValue, b: SuggestionValue): number {
  return a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Returns every well-formed suggestion, oldest first (ties by id); others are skipped. */
export function readSuggestions(doc: Y.Doc): SuggestionValue[] {
  const suggestions: SuggestionValue[] = [];
  for (const [id, raw] of suggestionsOf(doc).entries()) {
    const parsed = suggestionValue.safeParse(raw);
    if (parsed.success && parsed.data.id === id) suggestions.push(parsed.data);
  }
  return suggestions.sort(compareSuggestions);
}

/** Counts the suggestions still waiting for a facilitator's decision. */
export function countOpenSuggestions(doc: Y.Doc): number {
  return readSuggestions(doc).filter((s) => s.status === 'open').length;
}

/** Stores a new open suggestion of `author` and returns it. */
export function addSuggestion(
  doc: Y.Doc,
  input: { text: string; quote: string | null; authorId: string; authorName: string },
  options: { id?: string; now?: number } = {},
): SuggestionValue {
  const suggestion: SuggestionValue = {
    id: options.id ?? globalThis.crypto.randomUUID(),
    text: input.text,
    quote: input.quote,
    authorId: input.authorId,
    authorName: input.authorName,
    createdAt: options.now ?? Date.now(),
    status: 'open',
  };
  doc.transact(() => suggestionsOf(doc).set(suggestion.id, suggestion));
  return suggestion;
}

/** Withdraws a suggestion (its author, while open; or a facilitator); false when it was not there. */
export function withdrawSuggestion(doc: Y.Doc, id: string): boolean {
  let isDone = false;
  doc.transact(() => {
    if (!suggestionsOf(doc).has(id)) return;
    suggestionsOf(doc).delete(id);
    isDone = true;
  });
  return isDone;
}

/** Records a facilitator's decision on a suggestion; false when there is no such suggestion. */
export function decideSuggestion(doc: Y.Doc, id: string, status: SuggestionStatus): boolean {
  const parsed = suggestionValue.safeParse(suggestionsOf(doc).get(id));
  if (!parsed.success) return false;
  doc.transact(() => suggestionsOf(doc).set(id, { ...parsed.data, status }));
  return true;
}
