// How the group arrives at its top themes: a vote on the items (while the facilitator keeps it
// open) and the list of chosen themes, which facilitators order with buttons.
import {
  Button,
  ButtonGroup,
  Heading3,
  OrderedList,
  OrderedListItem,
  Paragraph,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VoteState } from '../../../common/activities/control.ts';
import {
  isInThemeVote,
  moveChosenTheme,
  unchooseTheme,
  type ChosenTheme,
} from '../../../common/activities/trendscan.doc.ts';
import type { ScanItem, ScanTrend } from '../../../common/activities/trendscan.ts';
import { formatNumber } from '../../i18n/i18n.ts';
import type * as Y from 'yjs';

/** Votes on the items: a button per item while the vote is open, the tally once it may be seen. */
export function ThemeVoting({
  items,
  trends,
  vote,
  tally,
  myVotes,
  votesLeft,
  isTallyVisible,
  isReadOnly,
  onCast,
  onWithdraw,
}: {
  items: readonly ScanItem[];
  trends: readonly ScanTrend[];
  vote: VoteState;
  tally: ReadonlyMap<string, number>;
  myVotes: ReadonlySet<string>;
  votesLeft: number;
  isTallyVisible: boolean;
  isReadOnly: boolean;
  onCast: (item: ScanItem) => void;
  onWithdraw: (item: ScanItem) => void;
}) {
  const { t } = useTranslation('trendscan');
  const inVote = items.filter((item) => isInThemeVote({ ...vote, open: true }, item));
  const trendTitle = trends.find((trend) => trend.key === vote.sectionKey)?.title;
  return (
    <div className="stadshart-trendscan-vote">
      <Paragraph>
        {vote.open
          ? t('vote.votesLeft', { count: votesLeft, formatted: formatNumber(votesLeft) })
          : t('vote.isClosed')}
      </Paragraph>
      {vote.sectionKey !== null && trendTitle && (
        <Paragraph>{t('vote.onlyTrend', { trend: trendTitle })}</Paragraph>
      )}
      <UnorderedList className="stadshart-trendscan-vote__list">
        {inVote.map((item) => {
          const isMine = myVotes.has(item.itemKey);
          const count = tally.get(item.itemKey) ?? 0;
          return (
            <UnorderedListItem key={item.itemKey} className="stadshart-trendscan-vote__item">
              <span className="stadshart-trendscan-vote__title">{item.title}</span>
              {isTallyVisible && (
                <span className="stadshart-trendscan-vote__tally">
                  {t('vote.tally', { count, formatted: formatNumber(count) })}
                </span>
              )}
              {isMine && <span className="stadshart-trendscan-vote__mine">{t('vote.mine')}</span>}
              {vote.open && !isReadOnly && (
                <ButtonGroup>
                  {isMine ? (
                    <Button
                      appearance="secondary-action-button"
                      aria-label={t('vote.withdrawLabel', { item: item.title })}
                      onClick={() => onWithdraw(item)}
                    >
                      {t('vote.withdraw')}
                    </Button>
                  ) : (
                    <Button
                      appearance="primary-action-button"
                      aria-label={t('vote.castLabel', { item: item.title })}
                      disabled={votesLeft < 1}
                      onClick={() => onCast(item)}
                    >
                      {t('vote.cast')}
                    </Button>
                  )}
                </ButtonGroup>
              )}
            </UnorderedListItem>
          );
        })}
      </UnorderedList>
    </div>
  );
}

type FocusTarget = { itemKey: string; direction: 'up' | 'down' } | null;

/** The chosen themes in order; facilitators move them with buttons and take them off. */
export function ChosenThemes({
  doc,
  chosen,
  themeCount,
  mayEdit,
  size = 'normal',
}: {
  doc: Y.Doc;
  chosen: readonly ChosenTheme[];
  themeCount: number;
  mayEdit: boolean;
  size?: 'normal' | 'large';
}) {
  const { t } = useTranslation('trendscan');
  const headingId = useId();
  const [status, setStatus] = useState('');
  const [focusTarget, setFocusTarget] = useState<FocusTarget>(null);
  const buttons = useRef(new Map<string, HTMLButtonElement>());

  useEffect(() => {
    if (!focusTarget) return;
    const index = chosen.findIndex((theme) => theme.itemKey === focusTarget.itemKey);
    // At the top there is no "up" button any more (and at the bottom no "down"): use the other.
    const isAtEnd =
      (focusTarget.direction === 'up' && index === 0) ||
      (focusTarget.direction === 'down' && index === chosen.length - 1);
    const direction = isAtEnd
      ? focusTarget.direction === 'up'
        ? 'down'
        : 'up'
      : focusTarget.direction;
    buttons.current.get(`${focusTarget.itemKey}:${direction}`)?.focus();
    setFocusTarget(null);
  }, [focusTarget, chosen]);

  function move(theme: ChosenTheme, direction: 'up' | 'down') {
    const index = chosen.findIndex((candidate) => candidate.itemKey === theme.itemKey);
    if (!moveChosenTheme(doc, theme.itemKey, direction)) return;
    const position = direction === 'up' ? index : index + 2;
    setStatus(t('themes.moved', { label: theme.label, position: formatNumber(position) }));
    setFocusTarget({ itemKey: theme.itemKey, direction });
  }

  function remove(theme: ChosenTheme) {
    if (unchooseTheme(doc, theme.itemKey)) setStatus(t('themes.removed', { label: theme.label }));
  }

  const keep = (key: string) => (element: HTMLButtonElement | null) => {
    if (element) buttons.current.set(key, element);
    else buttons.current.delete(key);
  };

  return (
    <section
      aria-labelledby={headingId}
      className={`stadshart-trendscan-themes stadshart-trendscan-themes--${size}`}
    >
      <Heading3 id={headingId}>{t('themes.title')}</Heading3>
      <Paragraph>
        {t('themes.hint', { count: themeCount, formatted: formatNumber(themeCount) })}
      </Paragraph>
      {chosen.length === 0 ? (
        <Paragraph>{t('themes.none')}</Paragraph>
      ) : (
        <OrderedList className="stadshart-trendscan-themes__list">
          {chosen.map((theme, index) => (
            <OrderedListItem key={theme.itemKey}>
              <span className="stadshart-trendscan-themes__label">{theme.label}</span>
              {mayEdit && (
                <ButtonGroup>
                  {index > 0 && (
                    <Button
                      ref={keep(`${theme.itemKey}:up`)}
                      appearance="subtle-button"
                      aria-label={t('themes.upLabel', { label: theme.label })}
                      onClick={() => move(theme, 'up')}
                    >
                      {t('themes.up')}
                    </Button>
                  )}
                  {index < chosen.length - 1 && (
                    <Button
                      ref={keep(`${theme.itemKey}:down`)}
                      appearance="subtle-button"
                      aria-label={t('themes.downLabel', { label: theme.label })}
                      onClick={() => move(theme, 'down')}
                    >
                      {t('themes.down')}
                    </Button>
                  )}
                  <Button
                    appearance="subtle-button"
                    aria-label={t('themes.removeLabel', { label: theme.label })}
                    onClick={() => remove(theme)}
                  >
                    {t('themes.remove')}
                  </Button>
                </ButtonGroup>
              )}
            </OrderedListItem>
          ))}
        </OrderedList>
      )}
      <p role="status" className="stadshart-visually-hidden">
        {status}
      </p>
    </section>
  );
}
