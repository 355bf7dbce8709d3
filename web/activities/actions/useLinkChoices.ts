// What an action can be linked to, fetched once per view: the lab's themes at once, and the
// trends, opportunities and scenarios from the lab's synthesis when that can be read.
import { useEffect, useMemo, useState } from 'react';
import { z } from 'zod';
import type { ActionLink } from '../../../common/activities/actions.ts';
import type { Lab } from '../../../common/labs.ts';
import { api } from '../../api/client.ts';
import { guestHeaders } from '../../collab/guestSecrets.ts';
import { linkChoicesFrom } from './actionsModel.ts';

export interface LinkChoices {
  links: ActionLink[];
  /** loading: themes only for now; full: with the synthesis; themes: the synthesis failed. */
  source: 'loading' | 'full' | 'themes';
}

/**
 * Returns the link choices for the lab. A synthesis that cannot be fetched (not there yet, the
 * network, a refusal) leaves the lab's themes: the form never waits for it.
 */
export function useLinkChoices(lab: Lab): LinkChoices {
  const [synthesis, setSynthesis] = useState<unknown>(null);
  const [source, setSource] = useState<LinkChoices['source']>('loading');

  useEffect(() => {
    let isCurrent = true;
    api('GET', `/labs/${lab.id}/synthesis`, { schema: z.unknown(), headers: guestHeaders(lab.id) })
      .then((answer) => {
        if (!isCurrent) return;
        setSynthesis(answer);
        setSource('full');
      })
      .catch(() => {
        if (isCurrent) setSource('themes');
      });
    return () => {
      isCurrent = false;
    };
  }, [lab.id]);

  const links = useMemo(() => linkChoicesFrom(lab.themes, synthesis), [lab.themes, synthesis]);
  return { links, source };
}
