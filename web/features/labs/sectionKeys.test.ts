import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canvasSection } from '../../../common/activities/canvas.ts';
import { assignSectionKeys, keyFromTitle } from './sectionKeys.ts';

describe('keyFromTitle', () => {
  it('makes a readable key of letters, digits and hyphens', () => {
    expect(keyFromTitle('Wonen & werken')).toBe('wonen-werken');
    expect(keyFromTitle('  DNA en identiteit ')).toBe('dna-en-identiteit');
    expect(keyFromTitle('Ideeën')).toBe('ideeen');
  });

  it('falls back to a fixed key when the title has no letters or digits', () => {
    expect(keyFromTitle('!!!')).toBe('vak');
    expect(keyFromTitle('')).toBe('vak');
  });
});

describe('assignSectionKeys', () => {
  it('keeps existing keys and numbers a new key that is taken', () => {
    const sections = assignSectionKeys([
      { key: 'wonen', title: 'Wonen' },
      { key: null, title: 'Wonen' },
      { key: null, title: 'Wonen' },
    ]);
    expect(sections.map((section) => section.key)).toEqual(['wonen', 'wonen-2', 'wonen-3']);
  });

  it('gives every section a unique key the shared section schema accepts', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            key: fc.option(fc.constantFrom('wonen', 'werken', 'vak', 'vak-2')),
            title: fc.string({ maxLength: 80 }),
          }),
          { maxLength: 24 },
        ),
        (input) => {
          // Existing keys are unique in a saved template; the generator may repeat them, so dedupe first.
          const seen = new Set<string>();
          const sections = input.map((section) => {
            if (section.key === null || seen.has(section.key)) return { ...section, key: null };
            seen.add(section.key);
            return section;
          });
          const keys = assignSectionKeys(sections).map((section) => section.key);
          expect(new Set(keys).size).toBe(keys.length);
          for (const key of keys) {
            expect(
              canvasSection.safeParse({ key, title: 'T', colour: '#000000' }).success,
              key,
            ).toBe(true);
          }
        },
      ),
    );
  });
});
