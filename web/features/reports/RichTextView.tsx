// Rich text (editor JSON) as HTML elements, through richBlocks() like every other reader, so
// nothing but text, emphasis and checked links can reach the page.
import { Heading, Link, Paragraph } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import {
  richBlocks,
  type RichBlock,
  type RichDoc,
  type RichSpan,
} from '../../../common/richtext.ts';

/** A list of the flat blocks' list items rebuilt as a tree, so nesting renders as nested lists. */
interface ListNode {
  ordered: boolean;
  items: { block: RichBlock; children: ListNode[] }[];
}

type Group = { kind: 'block'; block: RichBlock } | { kind: 'list'; list: ListNode };

function isListItem(block: RichBlock): boolean {
  return block.type === 'bulletItem' || block.type === 'orderedItem';
}

/** Groups consecutive list items into (nested) lists; other blocks stay as they are. */
export function groupRichBlocks(blocks: readonly RichBlock[]): Group[] {
  const groups: Group[] = [];
  let index = 0;
  const readList = (depth: number, ordered: boolean): ListNode => {
    const list: ListNode = { ordered, items: [] };
    while (index < blocks.length) {
      const block = blocks[index];
      if (!block || !isListItem(block) || block.level < depth) break;
      if (block.level > depth) {
        const parent = list.items.at(-1);
        const nested = readList(depth + 1, block.type === 'orderedItem');
        if (parent) parent.children.push(nested);
        else list.items.push({ block: { ...block, spans: [] }, children: [nested] });
        continue;
      }
      if ((block.type === 'orderedItem') !== ordered && list.items.length > 0) break;
      list.items.push({ block, children: [] });
      index += 1;
    }
    return list;
  };
  while (index < blocks.length) {
    const block = blocks[index];
    if (!block) break;
    if (isListItem(block)) {
      groups.push({ kind: 'list', list: readList(0, block.type === 'orderedItem') });
    } else {
      groups.push({ kind: 'block', block });
      index += 1;
    }
  }
  return groups;
}

function Spans({ spans }: { spans: readonly RichSpan[] }) {
  return (
    <>
      {spans.map((span, index) => {
        let node: ReactNode = span.text === '\n' ? <br /> : span.text;
        if (span.italic) node = <em>{node}</em>;
        if (span.bold) node = <strong>{node}</strong>;
        if (span.href) node = <Link href={span.href}>{node}</Link>;
        return <span key={index}>{node}</span>;
      })}
    </>
  );
}

function RichList({ list }: { list: ListNode }) {
  const items = list.items.map((item, index) => (
    <li key={index} className="utrecht-list-item">
      <Spans spans={item.block.spans} />
      {item.children.map((child, childIndex) => (
        <RichList key={childIndex} list={child} />
      ))}
    </li>
  ));
  return list.ordered ? (
    <ol className="utrecht-ordered-list">{items}</ol>
  ) : (
    <ul className="utrecht-unordered-list">{items}</ul>
  );
}

/**
 * Renders a rich text; its level-2 headings become `headingLevel`, level-3 one deeper (at most
 * h6), so the text fits under whatever heading it is placed.
 */
export function RichTextView({ doc, headingLevel }: { doc: RichDoc | null; headingLevel: number }) {
  return (
    <>
      {groupRichBlocks(richBlocks(doc)).map((group, index) => {
        if (group.kind === 'list') return <RichList key={index} list={group.list} />;
        const { block } = group;
        if (block.type === 'heading') {
          const level = Math.min(6, headingLevel + (block.level === 3 ? 1 : 0));
          return (
            <Heading key={index} level={level}>
              <Spans spans={block.spans} />
            </Heading>
          );
        }
        if (block.type === 'quote') {
          return (
            <blockquote key={index} className="utrecht-blockquote">
              <Paragraph>
                <Spans spans={block.spans} />
              </Paragraph>
            </blockquote>
          );
        }
        return (
          <Paragraph key={index}>
            <Spans spans={block.spans} />
          </Paragraph>
        );
      })}
    </>
  );
}
