import { getSchema } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import { richMarkTypes, richNodeTypes } from '../../../common/richtext.ts';
import { isAllowedHref, reportRichExtensions } from './RichTextEditor.tsx';

describe('the report’s rich-text editor', () => {
  it('can only write the nodes and marks the shared rich-text rules allow', () => {
    const schema = getSchema(reportRichExtensions());
    expect(Object.keys(schema.nodes).sort()).toEqual([...richNodeTypes].sort());
    expect(Object.keys(schema.marks).sort()).toEqual([...richMarkTypes].sort());
  });

  it('offers headings of level 2 and 3 only', () => {
    const schema = getSchema(reportRichExtensions());
    // The heading node's level attribute is checked against the configured levels on parse.
    const levels = reportRichExtensions().map(
      (extension) => (extension.options as { heading?: { levels: number[] } }).heading?.levels,
    );
    expect(levels).toEqual([[2, 3]]);
    expect(schema.nodes.heading).toBeDefined();
  });

  it('accepts web and mail links and nothing else', () => {
    expect(isAllowedHref('https://example.org')).toBe(true);
    expect(isAllowedHref('mailto:lab@example.org')).toBe(true);
    expect(isAllowedHref('javascript:alert(1)')).toBe(false);
    expect(isAllowedHref('data:text/html,x')).toBe(false);
    expect(isAllowedHref('https://')).toBe(false);
  });
});
