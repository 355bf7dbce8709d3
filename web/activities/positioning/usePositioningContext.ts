// Loads the lab's places with their DNA and canvas ambitions (GET /labs/:labId/positioning-context).
import { useCallback, useEffect, useState } from 'react';
import {
  positioningContext,
  type PositioningContext,
} from '../../../common/activities/positioning.ts';
import { api } from '../../api/client.ts';
import { guestHeaders } from '../../collab/guestSecrets.ts';

export interface PositioningContextState {
  context: PositioningContext | null;
  /** The ApiError or NetworkError of the last load, or null. */
  error: unknown;
  reload: () => void;
}

/**
 * Fetches the context once per lab, as a guest when this browser holds the lab's guest secret
 * (like the live page's GET /labs/:labId); the views work without it, only less informed.
 */
export function usePositioningContext(labId: string): PositioningContextState {
  const [context, setContext] = useState<PositioningContext | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let isCurrent = true;
    void (async () => {
      try {
        const answer = await api('GET', `/labs/${labId}/positioning-context`, {
          schema: positioningContext,
          headers: guestHeaders(labId),
        });
        if (!isCurrent) return;
        setContext(answer);
        setError(null);
      } catch (caught) {
        if (isCurrent) setError(caught);
      }
    })();
    return () => {
      isCurrent = false;
    };
  }, [labId, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { context, error, reload };
}
