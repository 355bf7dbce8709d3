import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH, joinCode } from '../../../common/labs.ts';
import { countPossibleJoinCodes, generateJoinCode } from './joincode.ts';

describe('generateJoinCode', () => {
  it('draws codes of the right length from the alphabet, which the join form accepts', () => {
    for (let i = 0; i < 200; i++) {
      const code = generateJoinCode();
      expect(code).toHaveLength(JOIN_CODE_LENGTH);
      expect([...code].every((c) => JOIN_CODE_ALPHABET.includes(c))).toBe(true);
      expect(joinCode.parse(code)).toBe(code);
    }
  });

  it('property: every index the random source picks maps to that letter of the alphabet', () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat({ max: JOIN_CODE_ALPHABET.length - 1 }), {
          minLength: JOIN_CODE_LENGTH,
          maxLength: JOIN_CODE_LENGTH,
        }),
        (picks) => {
          const queue = [...picks];
          const code = generateJoinCode((size) => {
            expect(size).toBe(JOIN_CODE_ALPHABET.length);
            return queue.shift() ?? 0;
          });
          expect(code).toBe(picks.map((i) => JOIN_CODE_ALPHABET[i]).join(''));
        },
      ),
    );
  });

  it('uses every letter of the alphabet (no letter is out of reach)', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 500; i++) for (const c of generateJoinCode()) seen.add(c);
    expect(seen.size).toBe(JOIN_CODE_ALPHABET.length);
  });

  it('has about 244 million possible codes', () => {
    expect(countPossibleJoinCodes()).toBe(25 ** 6);
    expect(countPossibleJoinCodes()).toBeGreaterThan(244_000_000);
  });
});
