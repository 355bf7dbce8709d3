import { describe, expect, it } from 'vitest';
import { laneKeys } from '../../../common/activities/scenarios.ts';
import { expectCompleteMessages, keysOf } from '../../i18n/messages.testing.ts';
import { scenariosMessages } from './scenarios.messages.ts';

describe('messages of the scenarios activity', () => {
  it('has the same keys in Dutch and English, none empty', () => {
    expectCompleteMessages(scenariosMessages);
  });

  it('names every lane and every state of a verdict cell (the views look these up by value)', () => {
    const keys = new Set(keysOf(scenariosMessages.nl));
    for (const lane of laneKeys) {
      expect(keys).toContain(`lanes.${lane}`);
      expect(keys).toContain(`lanesShort.${lane}`);
    }
    for (const state of ['origin', 'holds', 'fails', 'open']) {
      expect(keys).toContain(`actions.${state}`);
    }
  });
});
