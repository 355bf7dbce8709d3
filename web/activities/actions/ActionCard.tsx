// One action as a card: what, status (in words), owner, horizon, links and dots, and what the
// viewer may do with it — always as text, never as HTML.
import {
  Button,
  ButtonGroup,
  Heading4,
  Paragraph,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { linkId, type ActionStatus, type ActionValue } from '../../../common/activities/actions.ts';
import { ConfirmAction } from '../../components/ConfirmAction.tsx';
import { formatNumber } from '../../i18n/i18n.ts';
import { formatDay } from './formatDay.ts';

export interface ActionCardProps {
  action: ActionValue;
  /** Place in the list and its length (for the move buttons). */
  index: number;
  count: number;
  /** Everyone's dots on the action, or null while the tally is hidden from the viewer. */
  tally: number | null;
  myDots: number;
  dotsLeft: number;
  /** The vote is open and the viewer may write. */
  isVoting: boolean;
  isMine: boolean;
  isFacilitator: boolean;
  readOnly: boolean;
  /** False in an anonymous lab: nobody sees who proposed what. */
  showAuthor: boolean;
  onPlaceDot: () => void;
  onTakeBackDot: () => void;
  onEdit: () => void;
  onWithdraw: () => Promise<void>;
  onSetStatus: (status: ActionStatus) => void;
  onMove: (direction: -1 | 1) => void;
  /** The edit form, shown inside the card while the viewer edits it. */
  editor: ReactNode;
}

/** The status changes a facilitator can make from each status. */
const DECISIONS: Record<ActionStatus, { status: ActionStatus; label: string }[]> = {
  proposed: [
    { status: 'confirmed', label: 'card.confirm' },
    { status: 'rejected', label: 'card.reject' },
  ],
  confirmed: [
    { status: 'rejected', label: 'card.reject' },
    { status: 'proposed', label: 'card.reopen' },
  ],
  rejected: [
    { status: 'confirmed', label: 'card.confirm' },
    { status: 'proposed', label: 'card.reopen' },
  ],
};

/** The card's move buttons have ids, so focus can follow the card to its new place. */
export function moveButtonId(actionId: string, direction: -1 | 1): string {
  return `action-${actionId}-${direction < 0 ? 'up' : 'down'}`;
}

/** The card's edit button, which gets the focus back when the edit form closes. */
export function editButtonId(actionId: string): string {
  return `action-${actionId}-edit-button`;
}

/** Renders one action for participants and facilitators. */
export function ActionCard(props: ActionCardProps) {
  const { t } = useTranslation('actions');
  const titleId = useId();
  const { action } = props;
  const mayEditOwn = props.isMine && action.status === 'proposed' && !props.readOnly;
  const mayDecide = props.isFacilitator && !props.readOnly;
  const dates =
    action.startsOn && action.endsOn
      ? t('card.dates', { start: formatDay(action.startsOn), end: formatDay(action.endsOn) })
      : action.startsOn
        ? t('card.from', { start: formatDay(action.startsOn) })
        : action.endsOn
          ? t('card.until', { end: formatDay(action.endsOn) })
          : null;

  return (
    <li className={`stadshart-actions-card stadshart-actions-card--${action.status}`}>
      <article aria-labelledby={titleId}>
        <Heading4 id={titleId}>{action.title}</Heading4>
        <Paragraph className="stadshart-actions-card__status">
          {t(`statuses.${action.status}`)}
          {props.isMine && <> · {t('card.yours')}</>}
        </Paragraph>
        {action.description && (
          <Paragraph className="stadshart-actions-card__description">
            {action.description}
          </Paragraph>
        )}
        <UnorderedList className="stadshart-actions-card__meta">
          <UnorderedListItem>
            {action.ownerName ? t('card.owner', { owner: action.ownerName }) : t('card.noOwner')}
          </UnorderedListItem>
          <UnorderedListItem>
            {t('card.horizon', { horizon: t(`horizons.${action.horizon}`) })}
            {dates && <> ({dates})</>}
          </UnorderedListItem>
          {props.showAuthor && action.authorName && (
            <UnorderedListItem>
              {t('card.proposedBy', { name: action.authorName })}
            </UnorderedListItem>
          )}
        </UnorderedList>
        {action.links.length > 0 && (
          <>
            <Paragraph className="stadshart-actions-card__links-title">{t('card.links')}</Paragraph>
            <UnorderedList className="stadshart-actions-card__links">
              {action.links.map((link) => (
                <UnorderedListItem key={linkId(link)}>
                  {t('card.link', { type: t(`linkTypes.${link.type}`), label: link.label })}
                </UnorderedListItem>
              ))}
            </UnorderedList>
          </>
        )}
        {(props.tally !== null || props.myDots > 0) && (
          <Paragraph className="stadshart-actions-card__dots">
            {props.tally !== null &&
              t('card.tally', { count: props.tally, formatted: formatNumber(props.tally) })}
            {props.tally !== null && props.myDots > 0 && ' · '}
            {props.myDots > 0 &&
              t('card.myDots', { count: props.myDots, formatted: formatNumber(props.myDots) })}
          </Paragraph>
        )}

        {props.isVoting && (action.status !== 'rejected' || props.myDots > 0) && (
          <ButtonGroup>
            {action.status !== 'rejected' && (
              <Button
                appearance="secondary-action-button"
                disabled={props.dotsLeft < 1}
                aria-label={t('card.placeDotLabel', { title: action.title })}
                onClick={props.onPlaceDot}
              >
                {t('card.placeDot')}
              </Button>
            )}
            {props.myDots > 0 && (
              <Button
                appearance="secondary-action-button"
                aria-label={t('card.takeBackDotLabel', { title: action.title })}
                onClick={props.onTakeBackDot}
              >
                {t('card.takeBackDot')}
              </Button>
            )}
          </ButtonGroup>
        )}

        {mayDecide && (
          <>
            <ButtonGroup aria-label={t('card.decideLabel', { title: action.title })}>
              {DECISIONS[action.status].map((decision) => (
                <Button
                  key={decision.status}
                  appearance={
                    decision.status === 'confirmed'
                      ? 'primary-action-button'
                      : 'secondary-action-button'
                  }
                  aria-describedby={titleId}
                  onClick={() => props.onSetStatus(decision.status)}
                >
                  {t(decision.label)}
                </Button>
              ))}
            </ButtonGroup>
            <ButtonGroup aria-label={t('card.orderLabel', { title: action.title })}>
              <Button
                id={moveButtonId(action.id, -1)}
                appearance="subtle-button"
                disabled={props.index === 0}
                aria-describedby={titleId}
                onClick={() => props.onMove(-1)}
              >
                {t('card.up')}
              </Button>
              <Button
                id={moveButtonId(action.id, 1)}
                appearance="subtle-button"
                disabled={props.index >= props.count - 1}
                aria-describedby={titleId}
                onClick={() => props.onMove(1)}
              >
                {t('card.down')}
              </Button>
            </ButtonGroup>
          </>
        )}

        {(mayDecide || mayEditOwn) && !props.editor && (
          <ButtonGroup>
            <Button
              id={editButtonId(action.id)}
              appearance="secondary-action-button"
              aria-describedby={titleId}
              onClick={props.onEdit}
            >
              {t('card.edit')}
            </Button>
            <ConfirmAction
              label={
                <>
                  {t(mayDecide ? 'card.delete' : 'card.withdraw')}
                  <span className="stadshart-visually-hidden">: {action.title}</span>
                </>
              }
              question={t(mayDecide ? 'card.deleteQuestion' : 'card.withdrawQuestion')}
              confirmLabel={t(mayDecide ? 'card.deleteConfirm' : 'card.withdrawConfirm')}
              onConfirm={props.onWithdraw}
            />
          </ButtonGroup>
        )}
        {props.editor}
      </article>
    </li>
  );
}
