import { describe, expect, it } from 'vitest';
import {
  barometerThemes,
  knowledgeEventActions,
  knowledgeKinds,
  knowledgeStatuses,
  sizeClasses,
} from '../../../common/knowledge.ts';
import {
  expectCompleteMessages,
  expectSamePlaceholders,
  valueAt,
} from '../../i18n/messages.testing.ts';
import { knowledgeMessages } from './knowledge.messages.ts';

describe('messages of the knowledge pages', () => {
  it('has the same keys in Dutch and English, none empty', () => {
    expectCompleteMessages(knowledgeMessages);
  });

  it('uses the same placeholders in both languages', () => {
    expectSamePlaceholders(knowledgeMessages);
  });

  it('names every kind, status, theme, size class and history action', () => {
    const keys = [
      ...knowledgeKinds.map((k) => `kinds.${k}`),
      ...knowledgeStatuses.map((s) => `statuses.${s}`),
      ...barometerThemes.map((t) => `themes.${t}`),
      ...sizeClasses.map((s) => `sizes.${s}`),
      ...knowledgeEventActions.map((a) => `history.actions.${a}`),
    ];
    for (const locale of [knowledgeMessages.nl, knowledgeMessages.en]) {
      for (const key of keys) expect(valueAt(locale, key), key).not.toBe('');
    }
  });
});
