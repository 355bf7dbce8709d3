// Where to go after signing in: only ever a page of this site, never another host.

const FALLBACK = '/';
const PROBE_ORIGIN = 'https://stadshart.invalid';

/**
 * Returns `next` when it is a path on this site (such as "/o/velsen/places?tab=1"), otherwise
 * "/"; so a crafted sign-in link cannot send someone on to another website.
 */
export function safeNextPath(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//')) return FALLBACK;
  // Let the URL parser judge the rest the way a browser would: it reads "/\evil.example" and
  // "/<tab>/evil.example" as "//evil.example", another host.
  if (new URL(next, PROBE_ORIGIN).origin !== PROBE_ORIGIN) return FALLBACK;
  return next;
}
