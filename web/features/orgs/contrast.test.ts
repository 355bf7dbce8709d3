import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MIN_TEXT_CONTRAST,
  contrastRatio,
  isWhiteTextReadableOn,
  relativeLuminance,
  whiteTextContrast,
} from './contrast.ts';

const hexColour = fc
  .tuple(fc.nat(255), fc.nat(255), fc.nat(255))
  .map((channels) => `#${channels.map((c) => c.toString(16).padStart(2, '0')).join('')}`);

describe('contrast', () => {
  it('gives black and white their known luminance and the full ratio of 21', () => {
    expect(relativeLuminance('#000000')).toBe(0);
    expect(relativeLuminance('#FFFFFF')).toBeCloseTo(1, 10);
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 10);
    expect(whiteTextContrast('#ffffff')).toBeCloseTo(1, 10);
  });

  it('matches published reference values', () => {
    // WebAIM's contrast checker: #767676 on white is 4.54:1, #777777 is 4.48:1.
    expect(whiteTextContrast('#767676')).toBeCloseTo(4.54, 2);
    expect(whiteTextContrast('#777777')).toBeCloseTo(4.48, 2);
    // Pure red on white is 4.0:1, and the default Stadshart blue is well above the minimum.
    expect(whiteTextContrast('#ff0000')).toBeCloseTo(4.0, 1);
    expect(whiteTextContrast('#1a5a96')).toBeGreaterThan(7);
  });

  it('refuses colours just under 4.5:1 and accepts those just above', () => {
    expect(isWhiteTextReadableOn('#767676')).toBe(true);
    expect(isWhiteTextReadableOn('#777777')).toBe(false);
    expect(isWhiteTextReadableOn('#ffff00')).toBe(false);
    expect(isWhiteTextReadableOn('#000000')).toBe(true);
  });

  it('is symmetric and stays between 1 and 21 for any two colours', () => {
    fc.assert(
      fc.property(hexColour, hexColour, (a, b) => {
        const ratio = contrastRatio(a, b);
        expect(ratio).toBeGreaterThanOrEqual(1);
        expect(ratio).toBeLessThanOrEqual(21 + 1e-9);
        expect(contrastRatio(b, a)).toBe(ratio);
      }),
    );
  });

  it('finds a darker grey never less readable under white text', () => {
    fc.assert(
      fc.property(fc.nat(254), (level) => {
        const grey = (value: number) => `#${value.toString(16).padStart(2, '0').repeat(3)}`;
        expect(whiteTextContrast(grey(level))).toBeGreaterThan(whiteTextContrast(grey(level + 1)));
        expect(isWhiteTextReadableOn(grey(level))).toBe(
          whiteTextContrast(grey(level)) >= MIN_TEXT_CONTRAST,
        );
      }),
    );
  });

  it('rejects text that is not a #rrggbb colour', () => {
    expect(() => whiteTextContrast('red')).toThrow(RangeError);
    expect(() => whiteTextContrast('#fff')).toThrow(RangeError);
  });
});
