import { describe, expect, it } from 'vitest';
import { topLevelFieldErrors } from './fieldErrors.ts';

describe('topLevelFieldErrors', () => {
  it('folds list items onto the field that edits the list, first message winning', () => {
    expect(
      topLevelFieldErrors({
        name: 'Vul dit veld in.',
        'dnaTags.2': 'Dit is te lang.',
        'dnaTags.5': 'Dit is te kort.',
      }),
    ).toEqual({ name: 'Vul dit veld in.', dnaTags: 'Dit is te lang.' });
  });

  it('leaves plain fields and an empty set alone', () => {
    expect(topLevelFieldErrors({ placeIds: 'x' })).toEqual({ placeIds: 'x' });
    expect(topLevelFieldErrors({})).toEqual({});
  });
});
