// What a participant sees and does in the actions activity: the actions as cards, a form to
// propose one, edit or withdraw their own proposals, and dots while the vote is open. Facilitators
// also confirm, reject, reorder and steer the vote.
import {
  Button,
  ButtonGroup,
  Fieldset,
  FieldsetLegend,
  Heading3,
  Paragraph,
} from '@utrecht/component-library-react';
import { useCallback, useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  actionDotsLeft,
  clearActionDots,
  editAction,
  moveAction,
  myActionDots,
  placeActionDot,
  proposeAction,
  readActions,
  setActionStatus,
  tallyActionDots,
  takeBackActionDot,
  withdrawAction,
  type ActionDraft,
} from '../../../common/activities/actions.doc.ts';
import type {
  ActionStatus,
  ActionsConfig,
  ActionValue,
} from '../../../common/activities/actions.ts';
import { useDocVersion } from '../../collab/useDocVersion.ts';
import { ConfirmAction } from '../../components/ConfirmAction.tsx';
import { formatNumber } from '../../i18n/i18n.ts';
import type { ActivityViewProps } from '../registry.types.ts';
import { ActionCard, editButtonId, moveButtonId } from './ActionCard.tsx';
import { ActionForm } from './ActionForm.tsx';
import { emptyFormValues, formValuesOf } from './actionsModel.ts';
import { useActionsAnnouncements } from './useActionsAnnouncements.ts';
import { useLinkChoices } from './useLinkChoices.ts';

/** The actions activity's participant view (facilitators see their extra buttons in it too). */
export function ActionsView(props: ActivityViewProps) {
  if (props.activity.config.kind !== 'actions') return null;
  return <Actions {...props} config={props.activity.config} />;
}

const STATUS_MESSAGES: Record<ActionStatus, string> = {
  proposed: 'status.reopened',
  confirmed: 'status.confirmed',
  rejected: 'status.rejected',
};

function Actions({
  lab,
  activity,
  doc,
  state,
  me,
  readOnly,
  controls,
  config,
  ...props
}: ActivityViewProps & { config: ActionsConfig }) {
  const { t } = useTranslation('actions');
  const listHeadingId = useId();
  const formHeadingId = useId();
  const version = useDocVersion(doc);
  const [status, setStatus] = useState('');
  const [editing, setEditing] = useState<string | null>(null);
  // Where focus goes after the page changed under it: an element id, and one to try when that
  // one is gone or disabled.
  const [focusAfter, setFocusAfter] = useState<{ id: string; fallback: string } | null>(null);
  const choices = useLinkChoices(lab);
  const isFacilitator = me.role === 'facilitator';
  const vote = state.vote;
  const isVoting = Boolean(vote?.open) && !readOnly;

  const isVisible = useCallback(
    (action: ActionValue) =>
      isFacilitator || !state.private || action.authorId === me.participantId,
    [isFacilitator, state.private, me.participantId],
  );
  const actions = useMemo(
    () => readActions(doc).filter(isVisible),
    // The version is what changes when the document does.
    [doc, version, isVisible],
  );
  const tally = useMemo(() => tallyActionDots(doc), [doc, version]);
  const dotsLeft = useMemo(
    () => actionDotsLeft(doc, me.participantId, vote),
    [doc, version, me.participantId, vote],
  );
  const showTally = isFacilitator || !vote || vote.revealed;

  const announce = (message: string) => props.announce(message);
  useActionsAnnouncements({ doc, state, isFacilitator, isVisible, announce });

  // A moved card is re-inserted elsewhere in the list and a closed edit form takes its fields
  // along: the card's own button gets the focus back.
  useEffect(() => {
    if (!focusAfter) return;
    const target = document.getElementById(focusAfter.id);
    const isUsable = target !== null && !(target instanceof HTMLButtonElement && target.disabled);
    (isUsable ? target : document.getElementById(focusAfter.fallback))?.focus();
    setFocusAfter(null);
  }, [focusAfter]);

  const left = (count: number) => t('vote.left', { count, formatted: formatNumber(count) });

  function propose(draft: ActionDraft) {
    proposeAction(doc, draft, {
      authorId: me.participantId,
      authorName: lab.anonymous ? '' : me.displayName,
    });
    setStatus(t('status.proposed'));
  }

  function stopEditing(actionId: string) {
    setEditing(null);
    setFocusAfter({ id: editButtonId(actionId), fallback: listHeadingId });
  }

  function saveEdit(actionId: string, draft: ActionDraft) {
    editAction(doc, actionId, draft);
    stopEditing(actionId);
    setStatus(t('status.saved'));
  }

  function placeDot(actionId: string) {
    if (placeActionDot(doc, me.participantId, actionId, vote)) {
      setStatus(
        t('status.dotPlaced', { left: formatNumber(actionDotsLeft(doc, me.participantId, vote)) }),
      );
    }
  }

  function takeBackDot(actionId: string) {
    if (takeBackActionDot(doc, me.participantId, actionId, vote)) {
      setStatus(
        t('status.dotTakenBack', {
          left: formatNumber(actionDotsLeft(doc, me.participantId, vote)),
        }),
      );
    }
  }

  function decide(actionId: string, next: ActionStatus) {
    setActionStatus(doc, actionId, next);
    setStatus(t(STATUS_MESSAGES[next]));
  }

  function move(actionId: string, direction: -1 | 1) {
    if (!moveAction(doc, actionId, direction)) return;
    setStatus(t(direction < 0 ? 'status.movedUp' : 'status.movedDown'));
    setFocusAfter({
      id: moveButtonId(actionId, direction),
      fallback: moveButtonId(actionId, direction < 0 ? 1 : -1),
    });
  }

  async function withdraw(action: ActionValue) {
    withdrawAction(doc, action.id);
    setStatus(t(isFacilitator ? 'status.deleted' : 'status.withdrawn'));
    document.getElementById(listHeadingId)?.focus();
    return Promise.resolve();
  }

  return (
    <div className="stadshart-actions">
      <Paragraph>{t('list.intro')}</Paragraph>
      {state.private && (
        <Paragraph>
          {isFacilitator ? t('list.privateFacilitator') : t('list.privateParticipant')}
        </Paragraph>
      )}

      {controls && !readOnly && (
        <Fieldset>
          <FieldsetLegend>{t('facilitator.legend')}</FieldsetLegend>
          <ButtonGroup>
            {vote?.open ? (
              <Button
                appearance="secondary-action-button"
                onClick={() => controls.setActivityState({ vote: { ...vote, open: false } })}
              >
                {t('facilitator.closeVote')}
              </Button>
            ) : (
              <Button
                appearance="primary-action-button"
                onClick={() =>
                  controls.setActivityState({
                    vote: {
                      open: true,
                      dotsPerPerson: config.dotsPerPerson,
                      sectionKey: null,
                      revealed: vote?.revealed ?? false,
                    },
                  })
                }
              >
                {t('facilitator.openVote', {
                  count: config.dotsPerPerson,
                  formatted: formatNumber(config.dotsPerPerson),
                })}
              </Button>
            )}
            {vote && (
              <Button
                appearance="secondary-action-button"
                onClick={() =>
                  controls.setActivityState({ vote: { ...vote, revealed: !vote.revealed } })
                }
              >
                {vote.revealed ? t('facilitator.hide') : t('facilitator.reveal')}
              </Button>
            )}
          </ButtonGroup>
          {tally.size > 0 && (
            <ConfirmAction
              label={t('facilitator.clearDots')}
              question={t('facilitator.clearQuestion')}
              confirmLabel={t('facilitator.clearConfirm')}
              onConfirm={() => {
                clearActionDots(doc);
                setStatus(t('status.cleared'));
                return Promise.resolve();
              }}
            />
          )}
        </Fieldset>
      )}

      {vote && (
        <Paragraph className="stadshart-actions__vote">
          {vote.open
            ? t('vote.open', {
                count: vote.dotsPerPerson,
                formatted: formatNumber(vote.dotsPerPerson),
              })
            : vote.revealed
              ? t('vote.closedRevealed')
              : t('vote.closedHidden')}
          {isVoting && <> {left(dotsLeft)}</>}
          {vote.open && !showTally && <> {t('vote.hidden')}</>}
        </Paragraph>
      )}

      <section aria-labelledby={listHeadingId}>
        <Heading3 id={listHeadingId} tabIndex={-1}>
          {t('list.title', { count: actions.length, formatted: formatNumber(actions.length) })}
        </Heading3>
        {actions.length === 0 ? (
          <Paragraph>{t('list.empty')}</Paragraph>
        ) : (
          <ol className="stadshart-actions__list">
            {actions.map((action, index) => (
              <ActionCard
                key={action.id}
                action={action}
                index={index}
                count={actions.length}
                tally={showTally ? (tally.get(action.id) ?? 0) : null}
                myDots={myActionDots(doc, me.participantId, action.id)}
                dotsLeft={dotsLeft}
                isVoting={isVoting}
                isMine={action.authorId === me.participantId}
                isFacilitator={isFacilitator}
                readOnly={readOnly}
                showAuthor={!lab.anonymous}
                onPlaceDot={() => placeDot(action.id)}
                onTakeBackDot={() => takeBackDot(action.id)}
                onEdit={() => setEditing(action.id)}
                onWithdraw={() => withdraw(action)}
                onSetStatus={(next) => decide(action.id, next)}
                onMove={(direction) => move(action.id, direction)}
                editor={
                  editing === action.id && !readOnly ? (
                    <section aria-label={t('form.editTitle')}>
                      <ActionForm
                        idPrefix={`action-${action.id}-edit`}
                        initial={formValuesOf(action)}
                        choices={choices}
                        termEnds={config.termEnds}
                        submitLabel={t('form.submitEdit')}
                        onSubmit={(draft) => saveEdit(action.id, draft)}
                        onCancel={() => stopEditing(action.id)}
                      />
                    </section>
                  ) : null
                }
              />
            ))}
          </ol>
        )}
      </section>

      {!readOnly && (
        <section aria-labelledby={formHeadingId}>
          <Heading3 id={formHeadingId}>{t('form.proposeTitle')}</Heading3>
          <ActionForm
            idPrefix={`actions-${activity.id}-new`}
            initial={emptyFormValues()}
            choices={choices}
            termEnds={config.termEnds}
            submitLabel={t('form.submitPropose')}
            onSubmit={propose}
          />
        </section>
      )}

      <p className="stadshart-visually-hidden" role="status">
        {status}
      </p>
    </div>
  );
}
