// Random secrets for cookies and links; only their SHA-256 is ever stored.
import { createHash, randomBytes } from 'node:crypto';

/** A fresh 256-bit secret, URL-safe. */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** The SHA-256 of a secret, as stored in the database. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
