// Tells screen-reader users what others change in the actions activity, in a few words: new
// proposals, decisions, and (for participants) the vote opening, closing and being revealed.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { actionsRoots, actionValue, type ActionValue } from '../../../common/activities/actions.ts';
import type { ActivityState } from '../../../common/activities/control.ts';
import { formatNumber } from '../../i18n/i18n.ts';

/**
 * The first sync after opening brings every existing action as "new"; changes this soon after
 * the view appears are the document catching up, not news.
 */
const SETTLE_MS = 2000;

function parseAction(value: unknown): ActionValue | null {
  const parsed = actionValue.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** Announces others' proposals and the facilitator's decisions; never the viewer's own edits. */
export function useActionsAnnouncements({
  doc,
  state,
  isFacilitator,
  isVisible,
  announce,
}: {
  doc: Y.Doc;
  state: ActivityState;
  isFacilitator: boolean;
  /** Whether the viewer may see an action (private mode hides others' proposals). */
  isVisible: (action: ActionValue) => boolean;
  announce: (message: string) => void;
}): void {
  const { t } = useTranslation('actions');
  // The observer is registered once per document; it reads the latest values through this ref.
  const latest = useRef({ announce, t, isVisible });
  latest.current = { announce, t, isVisible };

  useEffect(() => {
    const openedAt = Date.now();
    const actions = doc.getMap<unknown>(actionsRoots.actions);
    const observe = (event: Y.YMapEvent<unknown>) => {
      if (event.transaction.local || Date.now() - openedAt < SETTLE_MS) return;
      const { announce, t, isVisible } = latest.current;
      const added: ActionValue[] = [];
      for (const [key, change] of event.changes.keys) {
        if (change.action === 'delete') continue;
        const after = parseAction(actions.get(key));
        if (!after || !isVisible(after)) continue;
        const before = parseAction(change.oldValue);
        if (change.action === 'add') added.push(after);
        else if (before && before.status !== after.status && after.status !== 'proposed') {
          announce(t(`announce.${after.status}`, { title: after.title }));
        }
      }
      const [first] = added;
      if (added.length === 1 && first) announce(t('announce.proposed', { title: first.title }));
      else if (added.length > 1) {
        announce(t('announce.proposedMany', { formatted: formatNumber(added.length) }));
      }
    };
    actions.observe(observe);
    return () => actions.unobserve(observe);
  }, [doc]);

  // The facilitator steers the vote and hears their own screen; participants are told.
  const vote = state.vote;
  const wasOpen = useRef(vote?.open ?? false);
  const wasRevealed = useRef(vote?.revealed ?? false);
  useEffect(() => {
    const { announce, t } = latest.current;
    const isOpen = vote?.open ?? false;
    const isRevealed = vote?.revealed ?? false;
    if (!isFacilitator && vote) {
      if (isOpen && !wasOpen.current) {
        announce(
          t('announce.voteOpened', {
            count: vote.dotsPerPerson,
            formatted: formatNumber(vote.dotsPerPerson),
          }),
        );
      } else if (!isOpen && wasOpen.current) announce(t('announce.voteClosed'));
      if (isRevealed && !wasRevealed.current) announce(t('announce.revealed'));
    }
    wasOpen.current = isOpen;
    wasRevealed.current = isRevealed;
  }, [vote, isFacilitator]);
}
