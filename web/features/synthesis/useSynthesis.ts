// Follows a lab's synthesis: fetched every 5 seconds while the tab is visible, and corrected on request.
import { useCallback, useEffect, useRef, useState } from 'react';
import { synthesis as synthesisSchema } from '../../../common/synthesis.ts';
import type { Synthesis, SynthesisGroupRequest } from '../../../common/synthesis.ts';
import { api } from '../../api/client.ts';
import { guestHeaders } from '../../collab/guestSecrets.ts';

/** How often the pages ask for the synthesis while they are visible. */
export const SYNTHESIS_POLL_MS = 5000;

export interface SynthesisState {
  synthesis: Synthesis | null;
  /** Where the current synthesis came from: a regular fetch, or the answer to a correction. */
  source: 'poll' | 'correction';
  /** The error of the last fetch (null after a good one). */
  error: unknown;
  /** Sends one correction of the grouping; resolves once the new synthesis is shown. */
  correct: (request: SynthesisGroupRequest) => Promise<void>;
}

/**
 * GETs /labs/:labId/synthesis now and every SYNTHESIS_POLL_MS while the page is visible (a
 * hidden tab asks nothing, and asks at once when it is shown again); nothing while `labId` is
 * null. An answer to a request that started before the one shown is dropped, so a late fetch
 * never undoes a correction.
 */
export function useSynthesis(labId: string | null): SynthesisState {
  const [state, setState] = useState<Omit<SynthesisState, 'correct'>>({
    synthesis: null,
    source: 'poll',
    error: null,
  });
  const started = useRef(0);
  const shown = useRef(0);

  useEffect(() => {
    if (labId === null) return;
    let isCurrent = true;
    const load = async () => {
      if (document.visibilityState === 'hidden') return;
      const sequence = ++started.current;
      try {
        const answer = await api('GET', `/labs/${labId}/synthesis`, {
          schema: synthesisSchema,
          headers: guestHeaders(labId),
        });
        if (!isCurrent || sequence < shown.current) return;
        shown.current = sequence;
        setState({ synthesis: answer, source: 'poll', error: null });
      } catch (error) {
        if (isCurrent) setState((current) => ({ ...current, error }));
      }
    };
    void load();
    const timer = setInterval(() => void load(), SYNTHESIS_POLL_MS);
    const onVisibility = () => {
      if (document.visibilityState === 'visible') void load();
    };
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      isCurrent = false;
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [labId]);

  const correct = useCallback(
    async (request: SynthesisGroupRequest) => {
      if (labId === null) return;
      const sequence = ++started.current;
      const answer = await api('POST', `/labs/${labId}/synthesis/groups`, {
        body: request,
        schema: synthesisSchema,
        headers: guestHeaders(labId),
      });
      if (sequence < shown.current) return;
      shown.current = sequence;
      setState({ synthesis: answer, source: 'correction', error: null });
    },
    [labId],
  );

  return { ...state, correct };
}
