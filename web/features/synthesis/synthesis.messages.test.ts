import { describe, expect, it } from 'vitest';
import { actionHorizons, storedActionStatuses } from '../../../common/activities/actions.ts';
import { laneKeys } from '../../../common/activities/scenarios.ts';
import { positioningSynthesis } from '../../../common/synthesis.ts';
import type { MessageTree } from '../../i18n/messages.ts';
import { synthesisMessages } from './synthesis.messages.ts';

function keysOf(tree: MessageTree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : keysOf(value, `${prefix}${key}.`),
  );
}

describe('messages of the synthesis', () => {
  it('has the same keys in Dutch and English, none empty', () => {
    const { nl, en } = synthesisMessages;
    expect(keysOf(en).sort()).toEqual(keysOf(nl).sort());
    for (const locale of [nl, en]) {
      for (const key of keysOf(locale)) {
        const value = key
          .split('.')
          .reduce<MessageTree | string>(
            (node, part) => (typeof node === 'string' ? node : (node[part] ?? '')),
            locale,
          );
        expect(value, key).not.toBe('');
      }
    }
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
