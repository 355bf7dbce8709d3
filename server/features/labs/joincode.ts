// Join codes: short, typed off a projector, and random enough that guessing one is hopeless.
import { randomInt } from 'node:crypto';
import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH } from '../../../common/labs.ts';

/** Picks one index below `size`; crypto-random unless a test passes its own. */
export type PickIndex = (size: number) => number;

/** A fresh join code: JOIN_CODE_LENGTH characters drawn uniformly from JOIN_CODE_ALPHABET. */
export function generateJoinCode(pick: PickIndex = randomInt): string {
  let code = '';
  for (let i = 0; i < JOIN_CODE_LENGTH; i++)
    code += JOIN_CODE_ALPHABET[pick(JOIN_CODE_ALPHABET.length)];
  return code;
}

/** How many different codes exist (25^6 ≈ 244 million); docs/labs.md works out what that means. */
export function countPossibleJoinCodes(): number {
  return JOIN_CODE_ALPHABET.length ** JOIN_CODE_LENGTH;
}
