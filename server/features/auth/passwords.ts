// Password hashing: argon2id with the OWASP parameters, and verification without a timing oracle.
import { hash, parseOptions, verify, type Algorithm } from '@node-rs/argon2';
import { newSecret } from './tokens.ts';

// The package's Algorithm is a const enum that does not exist at run time; 2 is its Argon2id.
const ARGON2ID = 2 as Algorithm;

/**
 * OWASP Password Storage Cheat Sheet, first argon2id option: 19 MiB of memory, 2 passes,
 * 1 lane. Stored hashes carry their own parameters, so raising these later only affects new
 * hashes (and old ones are upgraded at the next successful sign-in).
 */
export const PASSWORD_HASH_OPTIONS = {
  algorithm: ARGON2ID,
  memoryCost: 19456,
  timeCost: 2,
  parallelism: 1,
} as const;

let decoyHash: Promise<string> | null = null;

// A hash of a random secret nobody knows, made once with the same parameters as real ones, so
// checking against it costs what checking a real password costs.
function getDecoyHash(): Promise<string> {
  decoyHash ??= hash(newSecret(), PASSWORD_HASH_OPTIONS);
  return decoyHash;
}

/** Hashes a new password for storage (PHC string with salt and parameters). */
export function hashPassword(password: string): Promise<string> {
  return hash(password, PASSWORD_HASH_OPTIONS);
}

/**
 * True when `password` matches `storedHash`. With no stored hash (unknown account, or one that
 * signs in by link only) it still spends a full verification against a decoy and answers false,
 * so the response time does not tell whether an account exists. argon2's own comparison of the
 * digests is constant-time.
 */
export async function verifyPassword(
  storedHash: string | null,
  password: string,
): Promise<boolean> {
  if (storedHash === null) {
    await verify(await getDecoyHash(), password);
    return false;
  }
  try {
    return await verify(storedHash, password);
  } catch {
    // A malformed stored hash must not reveal more than a wrong password does.
    return false;
  }
}

/** True when a stored hash was made with weaker (or other) parameters than today's. */
export function isHashOutdated(storedHash: string): boolean {
  try {
    const options = parseOptions(storedHash);
    return (
      options.algorithm !== PASSWORD_HASH_OPTIONS.algorithm ||
      options.memoryCost !== PASSWORD_HASH_OPTIONS.memoryCost ||
      options.timeCost !== PASSWORD_HASH_OPTIONS.timeCost ||
      options.parallelism !== PASSWORD_HASH_OPTIONS.parallelism
    );
  } catch {
    return true;
  }
}
