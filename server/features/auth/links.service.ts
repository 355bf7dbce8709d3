// One-time links (sign in, invitation, e-mail verification, password reset).
import type { Config } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import {
  consumeOneTimeToken,
  insertOneTimeToken,
  type LinkPurpose,
  type OneTimeTokenRow,
} from './links.repo.ts';
import { hashSecret, newSecret } from './tokens.ts';

/** The web page that handles each kind of link. */
export const linkPaths: Record<LinkPurpose, string> = {
  sign_in: '/auth/link',
  invite: '/welcome',
  verify_email: '/auth/verify',
  reset_password: '/auth/reset',
};

type LinkConfig = Pick<Config, 'PUBLIC_URL' | 'LINK_TTL_MINUTES' | 'INVITE_TTL_DAYS'>;

/**
 * Creates a one-time link for a person. The token sits in the URL fragment, which browsers
 * never send to a server, so it cannot end up in access logs or Referer headers.
 */
export async function issueLink(
  db: Db,
  config: LinkConfig,
  link: { userId: string; purpose: LinkPurpose; orgId?: string | null },
): Promise<{ url: string; expiresAt: Date }> {
  const token = newSecret();
  const now = new Date();
  const ttlMs =
    link.purpose === 'invite'
      ? config.INVITE_TTL_DAYS * 24 * 3600_000
      : config.LINK_TTL_MINUTES * 60_000;
  const expiresAt = new Date(now.getTime() + ttlMs);
  await insertOneTimeToken(db, {
    id: hashSecret(token),
    userId: link.userId,
    purpose: link.purpose,
    orgId: link.orgId ?? null,
    createdAt: now,
    expiresAt,
  });
  return { url: `${config.PUBLIC_URL}${linkPaths[link.purpose]}#token=${token}`, expiresAt };
}

/** Uses up a link's token; null when it is unknown, used, expired or meant for something else. */
export function redeemLink(
  db: Db,
  token: string,
  purpose: LinkPurpose,
): Promise<OneTimeTokenRow | null> {
  return consumeOneTimeToken(db, hashSecret(token), purpose, new Date());
}
