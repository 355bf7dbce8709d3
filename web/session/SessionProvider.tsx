// Holds who is signed in for the whole app, loaded from GET /api/v1/session.
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react';
import { sessionResponse, type SessionResponse } from '../../common/auth.ts';
import { api, setCsrfToken, setSessionLostHandler } from '../api/client.ts';
import { changeLocale } from '../i18n/i18n.ts';

interface SessionState {
  /** null while loading the first time. */
  session: SessionResponse | null;
  /** Reloads the session, e.g. after signing in or out. */
  refresh: () => Promise<void>;
  /** Replaces the session with an answer the server just gave (sign-in endpoints return one). */
  apply: (next: SessionResponse) => void;
}

const SessionContext = createContext<SessionState | null>(null);

/** Provides the session to everything below it. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<SessionResponse | null>(null);

  const apply = useCallback((next: SessionResponse) => {
    setCsrfToken(next.csrfToken);
    setSession(next);
    // A signed-in person's saved language wins over the browser's last choice.
    if (next.user) void changeLocale(next.user.locale);
  }, []);

  const refresh = useCallback(async () => {
    apply(await api('GET', '/session', { schema: sessionResponse }));
  }, [apply]);

  useEffect(() => {
    const signedOut = () =>
      apply({ user: null, memberships: [], csrfToken: null, expiresAt: null });
    refresh().catch(signedOut);
    // A session ended elsewhere (deactivation, sign-out everywhere, timeout) shows at once.
    setSessionLostHandler(() => void refresh().catch(signedOut));
    return () => setSessionLostHandler(null);
  }, [refresh, apply]);

  const value = useMemo(() => ({ session, refresh, apply }), [session, refresh, apply]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/** The session state; must be used below SessionProvider. */
export function useSession(): SessionState {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}
