// What a facilitator steers inside a trend scan: showing the results and the vote on themes.
import {
  Button,
  ButtonGroup,
  Fieldset,
  FieldsetLegend,
  FormFieldDescription,
  Paragraph,
} from '@utrecht/component-library-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { voteState, type ActivityState } from '../../../common/activities/control.ts';
import { clearThemeVotes } from '../../../common/activities/trendscan.doc.ts';
import { ConfirmAction } from '../../components/ConfirmAction.tsx';
import { TextField } from '../../components/Fields.tsx';
import { formatNumber } from '../../i18n/i18n.ts';
import type { FacilitatorControls } from '../registry.types.ts';

/**
 * Writes the activity's state through `controls` (results revealed, the vote and its size) and
 * clears votes in the document; disabled when the lab is read-only.
 */
export function TrendscanFacilitatorPanel({
  doc,
  state,
  controls,
  defaultVotes,
  isReadOnly,
}: {
  doc: Y.Doc;
  state: ActivityState;
  controls: FacilitatorControls;
  /** The number of votes per person proposed for a new vote (the number of themes). */
  defaultVotes: number;
  isReadOnly: boolean;
}) {
  const { t } = useTranslation('trendscan');
  const id = useId();
  const [dots, setDots] = useState(String(defaultVotes));
  const [dotsError, setDotsError] = useState<string | undefined>(undefined);
  const [status, setStatus] = useState('');
  const vote = state.vote;

  function openVote() {
    const parsed = voteState.safeParse({
      open: true,
      dotsPerPerson: Number(dots),
      sectionKey: null,
      revealed: vote?.revealed ?? false,
    });
    if (!parsed.success) {
      setDotsError(t('vote.dotsInvalid'));
      return;
    }
    setDotsError(undefined);
    controls.setActivityState({ vote: parsed.data });
  }

  return (
    <div className="stadshart-trendscan-steer">
      <Fieldset disabled={isReadOnly}>
        <FieldsetLegend>{t('results.title')}</FieldsetLegend>
        <Paragraph>{state.resultsRevealed ? t('results.shown') : t('results.notShown')}</Paragraph>
        <ButtonGroup>
          <Button
            appearance="secondary-action-button"
            disabled={isReadOnly}
            onClick={() => controls.setActivityState({ resultsRevealed: !state.resultsRevealed })}
          >
            {state.resultsRevealed ? t('results.hide') : t('results.reveal')}
          </Button>
        </ButtonGroup>
      </Fieldset>

      <Fieldset disabled={isReadOnly} aria-describedby={`${id}-vote-hint`}>
        <FieldsetLegend>{t('vote.legend')}</FieldsetLegend>
        <FormFieldDescription id={`${id}-vote-hint`}>{t('vote.hint')}</FormFieldDescription>
        {vote && (
          <Paragraph>
            {vote.open
              ? t('vote.isOpen', {
                  count: vote.dotsPerPerson,
                  formatted: formatNumber(vote.dotsPerPerson),
                })
              : t('vote.isClosed')}
          </Paragraph>
        )}
        {!vote?.open && (
          <TextField
            name={`${id}-dots`}
            label={t('vote.dots')}
            value={dots}
            onChange={setDots}
            inputMode="numeric"
            error={dotsError}
          />
        )}
        <ButtonGroup>
          {vote?.open ? (
            <Button
              appearance="secondary-action-button"
              disabled={isReadOnly}
              onClick={() => controls.setActivityState({ vote: { ...vote, open: false } })}
            >
              {t('vote.close')}
            </Button>
          ) : (
            <Button appearance="primary-action-button" disabled={isReadOnly} onClick={openVote}>
              {vote ? t('vote.reopen') : t('vote.open')}
            </Button>
          )}
          {vote && (
            <Button
              appearance="secondary-action-button"
              disabled={isReadOnly}
              onClick={() =>
                controls.setActivityState({ vote: { ...vote, revealed: !vote.revealed } })
              }
            >
              {vote.revealed ? t('vote.hide') : t('vote.reveal')}
            </Button>
          )}
        </ButtonGroup>
        {vote && !isReadOnly && (
          <ConfirmAction
            label={t('vote.clear')}
            question={t('vote.clearQuestion')}
            confirmLabel={t('vote.clearConfirm')}
            onConfirm={() => {
              clearThemeVotes(doc);
              setStatus(t('vote.cleared'));
              return Promise.resolve();
            }}
          />
        )}
        <p role="status" className="stadshart-visually-hidden">
          {status}
        </p>
      </Fieldset>
    </div>
  );
}
