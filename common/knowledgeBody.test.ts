// The editor's schema and the stored rich text describe the same thing (docs/COLLAB_SPEC.md, B8).
import { getSchema } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import { KNOWLEDGE_HEADING_LEVELS, knowledgeBodyExtensions } from './knowledgeBody.ts';
import { richMarkTypes, richNodeTypes } from './richtext.ts';

describe('knowledge body editor schema', () => {
  it('B8: has exactly the nodes and marks a richDoc holds, so every edit projects', () => {
    const schema = getSchema(knowledgeBodyExtensions());
    expect(Object.keys(schema.nodes).sort()).toEqual([...richNodeTypes].sort());
    expect(Object.keys(schema.marks).sort()).toEqual([...richMarkTypes].sort());
    expect(KNOWLEDGE_HEADING_LEVELS).toEqual([2, 3]);
  });
});
