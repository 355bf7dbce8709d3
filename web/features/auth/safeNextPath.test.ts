import { describe, expect, it } from 'vitest';
import { safeNextPath } from './safeNextPath.ts';

describe('safeNextPath', () => {
  it('keeps a path on this site, with its query and fragment', () => {
    expect(safeNextPath('/account')).toBe('/account');
    expect(safeNextPath('/o/velsen/places?sort=name#top')).toBe('/o/velsen/places?sort=name#top');
  });

  it('falls back to the home page when there is nothing', () => {
    expect(safeNextPath(null)).toBe('/');
    expect(safeNextPath(undefined)).toBe('/');
    expect(safeNextPath('')).toBe('/');
  });

  it.each([
    'https://evil.example/',
    'http://evil.example',
    '//evil.example',
    '///evil.example',
    '/\\evil.example',
    '/\t/evil.example',
    '/\n/evil.example',
    'javascript:alert(1)',
    'account',
    ' /account',
  ])('refuses %j, which is not a path on this site', (next) => {
    expect(safeNextPath(next)).toBe('/');
  });
});
