// Rich text held live in a Yjs document (a TipTap Y.XmlFragment): its size as the server limits
// it, shared by every document kind with a rich-text free root (vision, knowledge items).
import * as Y from 'yjs';

/**
 * Returns the fragment's size: every character, plus one for each paragraph, heading, list,
 * list item, text run or other node.
 */
export function measureRichFragment(container: Y.XmlFragment | Y.XmlElement): number {
  let size = 0;
  for (const child of container.toArray()) {
    size += 1;
    if (child instanceof Y.XmlElement) size += measureRichFragment(child);
    else if (child instanceof Y.XmlText) size += child.length;
  }
  return size;
}
