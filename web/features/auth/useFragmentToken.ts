// Mailed links carry their one-time token in the URL fragment (never sent to a server, so never
// in access logs or Referer headers); this module reads it and takes it out of the address bar.
import { useEffect, useState } from 'react';
import { useLocation } from 'react-router';

/** Returns the `token` parameter of a fragment such as "#token=abc", or null when there is none. */
export function readFragmentToken(hash: string): string | null {
  const fragment = hash.startsWith('#') ? hash.slice(1) : hash;
  const token = new URLSearchParams(fragment).get('token');
  return token ? token : null;
}

/**
 * Returns the token of the link that opened this page and removes the fragment from the address
 * bar, so the token is not in screenshots, bookmarks or the browser's history. A link opened
 * into the same tab later (only the fragment changes, the page stays) replaces the token.
 */
export function useFragmentToken(): string | null {
  const location = useLocation();
  const [token, setToken] = useState(() => readFragmentToken(window.location.hash));
  // Runs for every location the router reports: its copy of the fragment goes stale once we
  // clear the address bar, so the fragment itself is read from window.location.
  useEffect(() => {
    const arrived = readFragmentToken(window.location.hash);
    if (!arrived) return;
    setToken(arrived);
    const { pathname, search } = window.location;
    // Keep the router's own history state, so back and forward keep working.
    window.history.replaceState(window.history.state, '', pathname + search);
  }, [location]);
  return token;
}
