import { describe, it } from 'vitest';
import { expectCompleteMessages, expectSamePlaceholders } from '../../i18n/messages.testing.ts';
import { trendsMessages } from './trends.messages.ts';

describe('messages of the trend catalogue', () => {
  it('has the same keys in Dutch and English, none empty', () => {
    expectCompleteMessages(trendsMessages);
  });

  it('uses the same placeholders in both languages', () => {
    expectSamePlaceholders(trendsMessages);
  });
});
