// A guest's lab-scoped secret, kept in this browser so a reload or a lost connection keeps their identity.
import { GUEST_AUTH_SCHEME } from '../../common/labs.ts';

const key = (labId: string) => `stadshart.guest.${labId}`;

/** Remembers the guest secret for one lab (overwrites an older one). */
export function saveGuestSecret(labId: string, secret: string): void {
  try {
    localStorage.setItem(key(labId), secret);
  } catch {
    // Private browsing may refuse storage; the guest then stays who they are until a reload.
    memory.set(labId, secret);
  }
}

const memory = new Map<string, string>();

/** The guest secret for this lab, or null when this browser did not join it as a guest. */
export function readGuestSecret(labId: string): string | null {
  try {
    return localStorage.getItem(key(labId)) ?? memory.get(labId) ?? null;
  } catch {
    return memory.get(labId) ?? null;
  }
}

/** Forgets the guest secret (after removal from the lab, or when the guest leaves). */
export function forgetGuestSecret(labId: string): void {
  memory.delete(labId);
  try {
    localStorage.removeItem(key(labId));
  } catch {
    // Nothing stored, nothing to forget.
  }
}

/** Headers for a lab-scoped API call: the guest's Authorization when there is a secret. */
export function guestHeaders(labId: string): Record<string, string> {
  const secret = readGuestSecret(labId);
  return secret ? { authorization: `${GUEST_AUTH_SCHEME} ${secret}` } : {};
}
