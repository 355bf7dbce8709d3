// Loads what the live page needs before connecting: the lab and who this person is in it.
import { useEffect, useState } from 'react';
import { collabToken as collabTokenSchema, lab as labSchema } from '../../../common/labs.ts';
import type { CollabToken, Lab } from '../../../common/labs.ts';
import { api, ApiError, NetworkError } from '../../api/client.ts';
import { forgetGuestSecret, guestHeaders } from '../../collab/guestSecrets.ts';
import type { LabIdentity } from '../../collab/labConnection.ts';
import type { LiveProblemKind } from './LiveProblem.tsx';
import { forgetLab, readSavedIdentity, readSavedLab, saveIdentity, saveLab } from './liveCache.ts';

export type LoadProblem = LiveProblemKind;

export type LiveLabState =
  | { status: 'loading' }
  | { status: 'problem'; problem: LoadProblem }
  | {
      status: 'ready';
      lab: Lab;
      me: LabIdentity & { displayName: string };
      /** The token fetched to learn who the person is; the connection uses it first. */
      firstToken: CollabToken | null;
      /** True when the lab came from this browser's copy because the server was unreachable. */
      isSavedCopy: boolean;
    };

/** Turns a failed lab or token request into what the page explains. */
export function describeLoadError(error: unknown): LoadProblem {
  if (error instanceof NetworkError) return 'network';
  if (!(error instanceof ApiError)) return 'unexpected';
  if (error.problem.code === 'participant_removed') return 'removed';
  if (error.problem.code === 'lab_full') return 'labFull';
  if (error.status === 401) return 'unauthenticated';
  if (error.status === 404) return 'notFound';
  if (error.status === 403) return 'forbidden';
  if (error.status === 409) return 'notOpen';
  return 'unexpected';
}

/**
 * Loads the lab (GET /labs/:labId) and a collaboration token (for the participant id and role),
 * as a guest when this browser holds the lab's guest secret; falls back to this browser's copy
 * when the server cannot be reached. `knownName` is the name to write under when known; nothing
 * loads while `labId` is null (e.g. until the session, and with it the CSRF token, is known).
 */
export function useLiveLab(labId: string | null, knownName: string | null): LiveLabState {
  const [state, setState] = useState<LiveLabState>({ status: 'loading' });
  useEffect(() => {
    if (labId === null) return;
    let isCurrent = true;
    const settle = (next: LiveLabState) => {
      if (isCurrent) setState(next);
    };
    const fail = (problem: LoadProblem) => {
      if (problem === 'removed') {
        forgetGuestSecret(labId);
        forgetLab(labId);
      }
      settle({ status: 'problem', problem });
    };
    setState({ status: 'loading' });
    void (async () => {
      const headers = guestHeaders(labId);
      let lab: Lab;
      let isSavedCopy = false;
      try {
        lab = await api('GET', `/labs/${labId}`, { schema: labSchema, headers });
        saveLab(lab);
      } catch (error) {
        const saved = readSavedLab(labId);
        if (!(error instanceof NetworkError) || !saved) return fail(describeLoadError(error));
        lab = saved;
        isSavedCopy = true;
      }
      const savedMe = readSavedIdentity(labId);
      let token: CollabToken | null = null;
      if (!isSavedCopy) {
        try {
          token = await api('POST', `/labs/${labId}/collab-token`, {
            schema: collabTokenSchema,
            headers,
          });
        } catch (error) {
          if (!(error instanceof NetworkError) || !savedMe) return fail(describeLoadError(error));
        }
      } else if (!savedMe) {
        return fail('network');
      }
      const identity: LabIdentity = token
        ? { participantId: token.participantId, role: token.role, readOnly: token.readOnly }
        : {
            participantId: savedMe?.participantId ?? '',
            role: savedMe?.role ?? 'participant',
            readOnly: savedMe?.readOnly ?? false,
          };
      const isSamePerson = savedMe?.participantId === identity.participantId;
      // The server's answer names the person as it checks their notes; the saved copy covers offline.
      const displayName =
        token?.displayName ?? knownName ?? (isSamePerson ? savedMe?.displayName : '') ?? '';
      const me = { ...identity, displayName };
      saveIdentity(labId, me);
      settle({ status: 'ready', lab, me, firstToken: token, isSavedCopy });
    })();
    return () => {
      isCurrent = false;
    };
  }, [labId, knownName]);
  return state;
}
