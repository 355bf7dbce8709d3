// Tells screen-reader users, politely and in few words, what changes in a trend scan that they
// did not do themselves: how many people scored, the vote, the results, chosen themes.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActivityState } from '../../../common/activities/control.ts';
import type { ChosenTheme } from '../../../common/activities/trendscan.doc.ts';
import type { DevelopmentValue } from '../../../common/activities/trendscan.ts';
import { formatNumber } from '../../i18n/i18n.ts';

/** How long after opening the view changes are the document catching up, not news. */
const SETTLE_MS = 2000;
/** The number of people who scored is said at most this often, with the latest count. */
const RESPONDENTS_EVERY_MS = 15_000;

/**
 * Announces the number of people who scored (throttled), new developments and chosen themes
 * from others, and for participants the vote opening or closing and the results appearing.
 */
export function useTrendscanAnnouncements({
  respondentCount,
  developments,
  chosen,
  state,
  participantId,
  isFacilitator,
  announce,
}: {
  respondentCount: number;
  developments: readonly DevelopmentValue[];
  chosen: readonly ChosenTheme[];
  state: ActivityState;
  participantId: string;
  isFacilitator: boolean;
  announce: (message: string) => void;
}): void {
  const { t } = useTranslation('trendscan');
  const openedAt = useRef(Date.now());
  const latest = useRef({ announce, t });
  latest.current = { announce, t };
  const isSettled = () => Date.now() - openedAt.current >= SETTLE_MS;

  const saidCount = useRef(respondentCount);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const pendingCount = useRef(respondentCount);
  const lastSaidAt = useRef(0);
  useEffect(() => {
    pendingCount.current = respondentCount;
    if (!isSettled()) {
      saidCount.current = respondentCount;
      return;
    }
    if (respondentCount <= saidCount.current || timer.current) return;
    const say = () => {
      timer.current = null;
      const count = pendingCount.current;
      if (count <= saidCount.current) return;
      saidCount.current = count;
      lastSaidAt.current = Date.now();
      const { announce, t } = latest.current;
      announce(t('announce.respondents', { count, formatted: formatNumber(count) }));
    };
    const wait = Math.max(0, lastSaidAt.current + RESPONDENTS_EVERY_MS - Date.now());
    timer.current = setTimeout(say, wait);
  }, [respondentCount]);
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  const knownDevelopments = useRef(new Set(developments.map((d) => d.id)));
  useEffect(() => {
    const known = knownDevelopments.current;
    const fresh = developments.filter((d) => !known.has(d.id));
    for (const development of developments) known.add(development.id);
    if (!isSettled()) return;
    const [first] = fresh.filter((d) => d.authorId !== participantId);
    if (first)
      latest.current.announce(
        latest.current.t('announce.developmentAdded', { title: first.title }),
      );
  }, [developments, participantId]);

  const knownChosen = useRef(new Set(chosen.map((c) => c.itemKey)));
  useEffect(() => {
    const known = knownChosen.current;
    const fresh = chosen.filter((c) => !known.has(c.itemKey));
    knownChosen.current = new Set(chosen.map((c) => c.itemKey));
    // Facilitators chose it themselves (or saw a colleague do so on the same list).
    if (!isSettled() || isFacilitator) return;
    for (const theme of fresh) {
      latest.current.announce(latest.current.t('announce.themeChosen', { label: theme.label }));
    }
  }, [chosen, isFacilitator]);

  const previous = useRef(state);
  useEffect(() => {
    const before = previous.current;
    previous.current = state;
    if (isFacilitator) return;
    const { announce, t } = latest.current;
    if (state.vote?.open && !before.vote?.open) {
      const votes = state.vote.dotsPerPerson;
      announce(t('announce.voteOpened', { count: votes, formatted: formatNumber(votes) }));
    } else if (before.vote?.open && state.vote && !state.vote.open) {
      announce(t('announce.voteClosed'));
    }
    if (state.resultsRevealed && !before.resultsRevealed) announce(t('announce.revealed'));
  }, [state, isFacilitator]);
}
