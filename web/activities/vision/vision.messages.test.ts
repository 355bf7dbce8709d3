import { describe, expect, it } from 'vitest';
import { suggestionStatuses } from '../../../common/activities/vision.ts';
import { expectCompleteMessages, keysOf } from '../../i18n/messages.testing.ts';
import { visionMessages } from './vision.messages.ts';

describe('messages of the vision activity', () => {
  it('has the same keys in Dutch and English, none empty', () => {
    expectCompleteMessages(visionMessages);
  });

  it('names every status of a suggestion and every toolbar button (the views look these up by value)', () => {
    const keys = new Set(keysOf(visionMessages.nl));
    for (const status of suggestionStatuses) expect(keys).toContain(`suggestions.status.${status}`);
    for (const button of ['bold', 'italic', 'heading', 'bulletList']) {
      expect(keys).toContain(`statement.${button}`);
    }
  });
});
