// The overlaps to discuss: everyone sees each overlap and the room's verdict; facilitators record
// it (competition, complementary or no real overlap) with an optional note, or open it again.
import {
  Button,
  ButtonGroup,
  Fieldset,
  FieldsetLegend,
  FormFieldErrorMessage,
  Heading3,
  Heading4,
  Paragraph,
} from '@utrecht/component-library-react';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  joinList,
  type PositioningOverlap,
} from '../../../common/activities/positioning.overlap.ts';
import {
  overlapVerdicts,
  VERDICT_NOTE_MAX,
  type OverlapVerdict,
} from '../../../common/activities/positioning.ts';
import { TextField } from '../../components/Fields.tsx';
import { formatNumber } from '../../i18n/i18n.ts';
import { RadioOption } from '../RadioOption.tsx';
import type { PositioningData } from './usePositioningData.ts';

export interface VerdictActions {
  record(overlap: PositioningOverlap, verdict: OverlapVerdict, note: string): void;
  reopen(overlap: PositioningOverlap): void;
}

/** Lists every overlap with its verdict; `actions` (facilitators only) adds the forms. */
export function OverlapReview({
  activityId,
  data,
  locale,
  actions,
}: {
  activityId: string;
  data: PositioningData;
  locale: string;
  actions: VerdictActions | null;
}) {
  const { t } = useTranslation('positioning');
  const headingId = useId();
  const overlaps = data.analysis.overlaps;
  return (
    <section aria-labelledby={headingId} className="stadshart-positioning-overlaps">
      <Heading3 id={headingId}>{t('overlaps.heading')}</Heading3>
      {overlaps.length === 0 ? (
        <Paragraph>{t('overlaps.none')}</Paragraph>
      ) : (
        <>
          <Paragraph>{t('overlaps.intro')}</Paragraph>
          <ul className="stadshart-positioning-overlap-list">
            {overlaps.map((overlap) => (
              <li key={overlap.key} className="stadshart-positioning-overlap">
                <Heading4>
                  {t('overlaps.title', {
                    role: overlap.role,
                    programme: data.programmeLabel(overlap.programme),
                  })}
                </Heading4>
                <Paragraph>
                  {t('overlaps.places', {
                    places: joinList(locale, overlap.placeIds.map(data.placeName)),
                  })}
                </Paragraph>
                <Paragraph>
                  <strong>
                    {t('overlaps.verdict', { verdict: t(`overlaps.verdicts.${overlap.verdict}`) })}
                  </strong>
                </Paragraph>
                {overlap.note && (
                  <Paragraph>{t('overlaps.noteShown', { note: overlap.note })}</Paragraph>
                )}
                {actions && (
                  <VerdictForm
                    // A verdict recorded elsewhere refreshes the form's starting values.
                    key={`${overlap.verdict}|${overlap.note}`}
                    formId={`${activityId}-verdict-${overlap.key}`}
                    overlap={overlap}
                    actions={actions}
                  />
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function VerdictForm({
  formId,
  overlap,
  actions,
}: {
  formId: string;
  overlap: PositioningOverlap;
  actions: VerdictActions;
}) {
  const { t } = useTranslation('positioning');
  const [choice, setChoice] = useState<OverlapVerdict | null>(
    overlap.verdict === 'open' ? null : overlap.verdict,
  );
  const [note, setNote] = useState(overlap.note);
  const [errors, setErrors] = useState<{ choice?: string; note?: string }>({});
  // Overlap keys hold spaces and a bar; ids only need to be unique and stable.
  const safeId = formId.replace(/[^A-Za-z0-9-]/g, '_');
  const max = formatNumber(VERDICT_NOTE_MAX);

  function submit(event: FormEvent) {
    event.preventDefault();
    const next: typeof errors = {};
    if (!choice) next.choice = t('overlaps.noChoice');
    if (note.trim().length > VERDICT_NOTE_MAX) next.note = t('overlaps.noteTooLong', { max });
    setErrors(next);
    if (!choice || next.note) return;
    actions.record(overlap, choice, note.trim());
  }

  return (
    <form onSubmit={submit} noValidate className="stadshart-positioning-verdict">
      <Fieldset
        invalid={Boolean(errors.choice)}
        aria-describedby={errors.choice ? `${safeId}-choice-error` : undefined}
      >
        <FieldsetLegend>{t('overlaps.choose')}</FieldsetLegend>
        {errors.choice && (
          <FormFieldErrorMessage id={`${safeId}-choice-error`}>
            {errors.choice}
          </FormFieldErrorMessage>
        )}
        {overlapVerdicts.map((verdict) => (
          <RadioOption
            key={verdict}
            id={`${safeId}-${verdict}`}
            name={`${safeId}-choice`}
            label={t(`overlaps.choices.${verdict}`)}
            isChecked={choice === verdict}
            onCheck={() => setChoice(verdict)}
          />
        ))}
      </Fieldset>
      <TextField
        name={`${safeId}-note`}
        label={t('overlaps.note')}
        description={t('overlaps.noteHint', { max })}
        value={note}
        onChange={setNote}
        error={errors.note}
      />
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button">
          {t('overlaps.save')}
        </Button>
        {overlap.verdict !== 'open' && (
          <Button
            type="button"
            appearance="secondary-action-button"
            onClick={() => actions.reopen(overlap)}
          >
            {t('overlaps.reopen')}
          </Button>
        )}
      </ButtonGroup>
    </form>
  );
}
