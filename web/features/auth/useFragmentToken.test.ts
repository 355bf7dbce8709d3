import { describe, expect, it } from 'vitest';
import { readFragmentToken } from './useFragmentToken.ts';

describe('readFragmentToken', () => {
  it('reads the token of a mailed link', () => {
    expect(readFragmentToken('#token=abcDEF123-_abcDEF123-_')).toBe('abcDEF123-_abcDEF123-_');
  });

  it('reads it among other parameters and without the leading #', () => {
    expect(readFragmentToken('#lang=nl&token=abc')).toBe('abc');
    expect(readFragmentToken('token=abc')).toBe('abc');
  });

  it('decodes what the link encoded', () => {
    expect(readFragmentToken('#token=a%2Bb')).toBe('a+b');
  });

  it('answers null when there is no token', () => {
    expect(readFragmentToken('')).toBeNull();
    expect(readFragmentToken('#')).toBeNull();
    expect(readFragmentToken('#token=')).toBeNull();
    expect(readFragmentToken('#main')).toBeNull();
  });
});
