import { describe, expect, it } from 'vitest';
import { labKinds, labStatuses, participantKinds, participantRoles } from '../../../common/labs.ts';
import { problemCodes } from '../../../common/problem.ts';
import { commonMessages } from '../../i18n/common.messages.ts';
import type { MessageTree } from '../../i18n/messages.ts';
import { labsMessages } from './labs.messages.ts';

function keysOf(tree: MessageTree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : keysOf(value, `${prefix}${key}.`),
  );
}

function valueAt(tree: MessageTree, key: string): string | undefined {
  let node: MessageTree | string | undefined = tree;
  for (const part of key.split('.')) {
    node = typeof node === 'object' ? node[part] : undefined;
  }
  return typeof node === 'string' ? node : undefined;
}

describe('messages of the lab pages', () => {
  it('has the same keys in Dutch and English, none empty', () => {
    expect(keysOf(labsMessages.en).sort()).toEqual(keysOf(labsMessages.nl).sort());
    for (const locale of [labsMessages.nl, labsMessages.en]) {
      for (const key of keysOf(locale)) expect(valueAt(locale, key), key).toBeTruthy();
    }
  });

  it('names every lab kind, status, participant kind and role the contract knows', () => {
    const keys = [
      ...labKinds.map((kind) => `kinds.${kind}`),
      ...labKinds.map((kind) => `kindHints.${kind}`),
      ...labStatuses.map((status) => `statuses.${status}`),
      ...labStatuses.map((status) => `status.explain.${status}`),
      ...labStatuses.map((status) => `status.moved.${status}`),
      ...labStatuses.map((status) => `status.actions.${status}`),
      ...participantKinds.map((kind) => `participantKinds.${kind}`),
      ...participantRoles.map((role) => `participantRoles.${role}`),
    ];
    for (const locale of [labsMessages.nl, labsMessages.en]) {
      for (const key of keys) expect(valueAt(locale, key), key).toBeTruthy();
    }
  });

  it('explains every problem code the API can answer, in both languages', () => {
    for (const locale of [commonMessages.nl, commonMessages.en]) {
      for (const code of problemCodes) {
        expect(valueAt(locale, `errors.codes.${code}`), code).toBeTruthy();
      }
    }
  });
});
