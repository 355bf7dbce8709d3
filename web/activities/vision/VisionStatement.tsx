// The statement rendered from the document without an editor: for the big screen and for people
// who may not write it. Everything is rendered as text; nothing from the document becomes HTML.
import { Paragraph } from '@utrecht/component-library-react';
import { useMemo, type ReactNode, type Ref } from 'react';
import * as Y from 'yjs';
import { readVisionText, visionFragment } from '../../../common/activities/vision.doc.ts';
import { useDocVersion } from '../../collab/useDocVersion.ts';

function renderText(text: Y.XmlText, key: number): ReactNode {
  const parts = text.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[];
  return parts.map((part, index) => {
    if (typeof part.insert !== 'string') return null;
    let node: ReactNode = part.insert;
    if (part.attributes?.italic) node = <em>{node}</em>;
    if (part.attributes?.bold) node = <strong>{node}</strong>;
    return <span key={`${key}-${index}`}>{node}</span>;
  });
}

function renderChildren(container: Y.XmlFragment | Y.XmlElement): ReactNode[] {
  return container.toArray().map((child, index) => {
    if (child instanceof Y.XmlText) return renderText(child, index);
    if (!(child instanceof Y.XmlElement)) return null;
    const children = renderChildren(child);
    switch (child.nodeName) {
      case 'paragraph':
        return <p key={index}>{children}</p>;
      case 'heading':
        return <h4 key={index}>{children}</h4>;
      case 'bulletList':
        return <ul key={index}>{children}</ul>;
      case 'orderedList':
        return <ol key={index}>{children}</ol>;
      case 'listItem':
        return <li key={index}>{children}</li>;
      case 'hardBreak':
        return <br key={index} />;
      default:
        // Something this version does not know: its text still shows.
        return <div key={index}>{children}</div>;
    }
  });
}

/** Shows the statement as it is now, re-rendered on every change; `emptyText` while it is empty. */
export function VisionStatement({
  doc,
  emptyText,
  isLarge = false,
  containerRef,
}: {
  doc: Y.Doc;
  emptyText: string;
  isLarge?: boolean;
  /** The element holding the text, so a selection inside it can be quoted. */
  containerRef?: Ref<HTMLDivElement>;
}) {
  const version = useDocVersion(doc);
  const fragment = visionFragment(doc);
  const content = useMemo(() => renderChildren(fragment), [fragment, version]);
  const isEmpty = useMemo(() => readVisionText(doc) === '', [doc, version]);
  const className = `stadshart-vision-statement${isLarge ? ' stadshart-vision-statement--large' : ''}`;
  return (
    <div className={className} ref={containerRef}>
      {isEmpty ? <Paragraph>{emptyText}</Paragraph> : content}
    </div>
  );
}
