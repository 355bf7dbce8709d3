// The last lab answer and identity this browser saw, so a page reloaded without a connection still opens.
import { lab as labSchema, type Lab } from '../../../common/labs.ts';
import type { LabIdentity } from '../../collab/labConnection.ts';

const labKey = (labId: string) => `stadshart.live.${labId}.lab`;
const meKey = (labId: string) => `stadshart.live.${labId}.me`;

function read(key: string): unknown {
  try {
    const stored = window.localStorage.getItem(key);
    return stored === null ? null : (JSON.parse(stored) as unknown);
  } catch {
    return null;
  }
}

function write(key: string, value: unknown): void {
  try {
    window.localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Without storage the page simply needs a connection to open again.
  }
}

/** Remembers the lab as the server last described it. */
export function saveLab(value: Lab): void {
  write(labKey(value.id), value);
}

/** The remembered lab, or null when none (or it no longer fits the schema). */
export function readSavedLab(labId: string): Lab | null {
  const parsed = labSchema.safeParse(read(labKey(labId)));
  return parsed.success ? parsed.data : null;
}

/** Remembers who this browser is in the lab, with the name it writes under. */
export function saveIdentity(labId: string, identity: LabIdentity & { displayName: string }): void {
  write(meKey(labId), identity);
}

/** The remembered identity, or null. */
export function readSavedIdentity(labId: string): (LabIdentity & { displayName: string }) | null {
  const value = read(meKey(labId));
  if (typeof value !== 'object' || value === null) return null;
  const { participantId, role, readOnly, displayName } = value as Record<string, unknown>;
  if (typeof participantId !== 'string') return null;
  if (role !== 'facilitator' && role !== 'participant') return null;
  return {
    participantId,
    role,
    readOnly: readOnly === true,
    displayName: typeof displayName === 'string' ? displayName : '',
  };
}

/** Forgets what this browser kept about the lab (after removal). */
export function forgetLab(labId: string): void {
  try {
    window.localStorage.removeItem(labKey(labId));
    window.localStorage.removeItem(meKey(labId));
  } catch {
    // Nothing stored, nothing to forget.
  }
}
