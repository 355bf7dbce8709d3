// Notices an auth or account page hands to the page it navigates to, in the router's location
// state. Only a fixed key travels, never text, so a crafted history state cannot put words on
// the page.
import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router';
import type { SessionResponse } from '../../../common/auth.ts';
import { useSession } from '../../session/SessionProvider.tsx';

/** The account page shows "your new password is saved" when it arrives with this notice. */
export const PASSWORD_RESET_NOTICE = 'password-reset';
/** The sign-in page confirms "you are signed out everywhere" when it arrives with this notice. */
export const SIGNED_OUT_EVERYWHERE_NOTICE = 'signed-out-everywhere';
/** The home page shows "your account has been deleted" when it arrives with this notice. */
export const ACCOUNT_DELETED_NOTICE = 'account-deleted';

const SIGNED_OUT: SessionResponse = {
  user: null,
  memberships: [],
  csrfToken: null,
  expiresAt: null,
};

/** Returns the notice key in a router location state, or null when there is none. */
export function readNotice(state: unknown): string | null {
  if (typeof state !== 'object' || state === null || !('notice' in state)) return null;
  return typeof state.notice === 'string' ? state.notice : null;
}

/**
 * True when this page was reached with `notice`, which says the person's sessions have just
 * ended; the page then reloads the session once, so nothing keeps showing them as signed in.
 * The page that ended the sessions navigates first and leaves the reload to this hook: it
 * needs a signed-in person itself and, reloading first, would race the navigation with its own
 * redirect to the sign-in page.
 */
export function useSessionEndedNotice(notice: string): boolean {
  const sessionState = useSession();
  const hasArrived = readNotice(useLocation().state) === notice;
  const isStillSignedIn = Boolean(sessionState.session?.user);
  const hasReloaded = useRef(false);
  useEffect(() => {
    if (!hasArrived || !isStillSignedIn || hasReloaded.current) return;
    hasReloaded.current = true;
    // The server has ended the sessions either way; without an answer, show it as signed out.
    sessionState.refresh().catch(() => sessionState.apply(SIGNED_OUT));
  }, [hasArrived, isStillSignedIn, sessionState]);
  return hasArrived;
}
