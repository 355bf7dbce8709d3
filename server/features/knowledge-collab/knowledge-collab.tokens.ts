// Collaboration tokens for a knowledge item's body. collab_tokens holds lab participants only, so
// these tokens are signed instead of stored: an HMAC-SHA256 over the item, the person and the
// expiry, checked by the collaboration server (docs/COLLAB_SPEC.md, "Knowledge items", B2).
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

const PREFIX = 'kb1';
// Binds the signature to this use, so the same secret can never sign something else alike.
const PURPOSE = 'stadshart knowledge body collab token';

// Without COLLAB_TOKEN_SECRET each process signs with its own random key: tokens then open
// documents on the server that issued them only, and none survive a restart (clients fetch anew).
const processSecret = randomBytes(32);

const claims = z.object({
  /** The knowledge item whose body the token opens. */
  i: z.uuid(),
  /** The person it was issued to. */
  u: z.uuid(),
  /** Expiry, milliseconds since the epoch. */
  x: z.number().int(),
});

export interface KnowledgeTokenClaims {
  itemId: string;
  userId: string;
  expiresAt: Date;
}

function keyOf(secret: string | undefined): Buffer {
  return secret ? Buffer.from(secret, 'utf8') : processSecret;
}

function sign(payload: string, secret: string | undefined): Buffer {
  return createHmac('sha256', keyOf(secret)).update(`${PURPOSE}\n${PREFIX}.${payload}`).digest();
}

/** Returns a token that opens the body of `itemId` for `userId` until `expiresAt`. */
export function signKnowledgeToken(
  input: KnowledgeTokenClaims,
  secret: string | undefined,
): string {
  const payload = Buffer.from(
    JSON.stringify({ i: input.itemId, u: input.userId, x: input.expiresAt.getTime() }),
  ).toString('base64url');
  return `${PREFIX}.${payload}.${sign(payload, secret).toString('base64url')}`;
}

/** The claims of a token this server (or one sharing its secret) signed and that is unexpired at `now`; else null. */
export function verifyKnowledgeToken(
  token: string,
  secret: string | undefined,
  now: Date,
): KnowledgeTokenClaims | null {
  const parts = token.split('.');
  if (parts.length !== 3 || parts[0] !== PREFIX) return null;
  const [, payload = '', signature = ''] = parts;
  // Compared as text: base64url decoding ignores a last character's spare bits, so two
  // spellings of one signature would otherwise both pass.
  const expected = Buffer.from(sign(payload, secret).toString('base64url'));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  const parsed = claims.safeParse(decoded);
  if (!parsed.success || parsed.data.x <= now.getTime()) return null;
  return { itemId: parsed.data.i, userId: parsed.data.u, expiresAt: new Date(parsed.data.x) };
}
