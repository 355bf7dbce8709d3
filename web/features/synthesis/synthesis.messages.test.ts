import { describe, expect, it } from 'vitest';
import { actionHorizons, storedActionStatuses } from '../../../common/activities/actions.ts';
import { laneKeys } from '../../../common/activities/scenarios.ts';
import { positioningSynthesis } from '../../../common/synthesis.ts';
import { expectCompleteMessages, keysOf } from '../../i18n/messages.testing.ts';
import { synthesisMessages } from './synthesis.messages.ts';

describe('messages of the synthesis', () => {
  it('has the same keys in Dutch and English, none empty', () => {
    expectCompleteMessages(synthesisMessages);
  });

  it('names every verdict, action status, horizon and scenario lane (looked up by value)', () => {
    const keys = new Set(keysOf(synthesisMessages.nl));
    const verdicts = positioningSynthesis.shape.overlaps.element.shape.verdict.options;
    for (const verdict of verdicts) expect(keys).toContain(`positioning.verdicts.${verdict}`);
    for (const status of storedActionStatuses) expect(keys).toContain(`actions.statuses.${status}`);
    for (const horizon of actionHorizons) expect(keys).toContain(`actions.horizons.${horizon}`);
    for (const lane of laneKeys) expect(keys).toContain(`scenarios.lanes.${lane}`);
  });
});
