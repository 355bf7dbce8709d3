import { describe, it } from 'vitest';
import { expectCompleteMessages, expectSamePlaceholders } from '../../i18n/messages.testing.ts';
import { knowledgeEditorMessages } from './knowledgeEditor.messages.ts';

describe('messages of the knowledge body editor', () => {
  it('has the same keys in Dutch and English, none empty', () => {
    expectCompleteMessages(knowledgeEditorMessages);
  });

  it('uses the same placeholders in both languages', () => {
    expectSamePlaceholders(knowledgeEditorMessages);
  });
});
