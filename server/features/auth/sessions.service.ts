// Sessions: creating them at sign-in, finding them on each request, ending them.
import type { SessionMembership } from '../../../common/auth.ts';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import {
  deleteSession,
  deleteSessionsOfUser,
  findLiveSession,
  insertSession,
  listActiveMemberships,
  touchSession,
  type SessionRow,
  type UserRow,
} from './sessions.repo.ts';
import { hashSecret, newSecret } from './tokens.ts';

export interface Auth {
  session: SessionRow;
  user: UserRow;
  memberships: SessionMembership[];
}

type SessionConfig = Pick<Config, 'SESSION_IDLE_MINUTES' | 'SESSION_ABSOLUTE_MINUTES'>;

// Writing last_seen_at on every request would make each GET a write; once a minute is enough.
const TOUCH_INTERVAL_MS = 60_000;

/** Starts a session for a person; returns the secret for the cookie (never stored as such). */
export async function startSession(
  db: Db,
  config: SessionConfig,
  userId: string,
  userAgent: string,
): Promise<{ secret: string; expiresAt: Date }> {
  const secret = newSecret();
  const now = new Date();
  const expiresAt = new Date(now.getTime() + config.SESSION_ABSOLUTE_MINUTES * 60_000);
  await insertSession(db, {
    id: hashSecret(secret),
    userId,
    csrfToken: newSecret(),
    userAgent: userAgent.slice(0, 300),
    createdAt: now,
    lastSeenAt: now,
    expiresAt,
  });
  return { secret, expiresAt };
}

/** Resolves a cookie secret to the signed-in person, or null when the session is gone or timed out. */
export async function resolveSession(
  db: Db,
  config: SessionConfig,
  secret: string,
): Promise<Auth | null> {
  const now = new Date();
  const idleCutoff = new Date(now.getTime() - config.SESSION_IDLE_MINUTES * 60_000);
  const found = await findLiveSession(db, hashSecret(secret), idleCutoff, now);
  if (!found) return null;
  if (now.getTime() - found.session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    await touchSession(db, found.session.id, now);
  }
  const memberships = await listActiveMemberships(db, found.user.id);
  return { ...found, memberships };
}

/** Ends the session behind a cookie secret. */
export async function endSession(db: Db, sessionId: string): Promise<void> {
  await deleteSession(db, sessionId);
}

/** Ends every session of a person at once (sign out everywhere, deactivation, password change). */
export async function endAllSessions(db: Db, userId: string): Promise<void> {
  await deleteSessionsOfUser(db, userId);
}

/** The initials shown in a person's avatar: first letters of the first and last word of the name. */
export function initialsOf(name: string, email: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const first = words[0];
  const last = words.length > 1 ? words[words.length - 1] : undefined;
  if (!first) return (email[0] ?? '?').toUpperCase();
  return ((first[0] ?? '') + (last?.[0] ?? '')).toUpperCase();
}
