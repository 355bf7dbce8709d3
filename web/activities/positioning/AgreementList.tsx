// The agreements between places: everyone reads them; facilitators record and remove them.
import {
  Button,
  ButtonGroup,
  Fieldset,
  FieldsetLegend,
  FormFieldCheckbox,
  FormFieldDescription,
  Heading3,
  Heading4,
  Paragraph,
} from '@utrecht/component-library-react';
import { useId, useState, type ChangeEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { joinList } from '../../../common/activities/positioning.overlap.ts';
import {
  AGREEMENT_TEXT_MAX,
  type AgreementValue,
  type PositioningConfig,
} from '../../../common/activities/positioning.ts';
import { SelectField, TextareaField } from '../../components/Fields.tsx';
import { formatNumber } from '../../i18n/i18n.ts';
import type { PositioningData } from './usePositioningData.ts';

export interface AgreementActions {
  add(input: { text: string; placeIds: string[]; programme: string | null }): void;
  remove(agreement: AgreementValue): void;
}

const ANY_PROGRAMME = '';

/** Lists the agreements; `actions` (facilitators only) adds the form and remove buttons. */
export function AgreementList({
  activityId,
  config,
  data,
  locale,
  actions,
  size = 'normal',
}: {
  activityId: string;
  config: PositioningConfig;
  data: PositioningData;
  locale: string;
  actions: AgreementActions | null;
  size?: 'normal' | 'large';
}) {
  const { t } = useTranslation('positioning');
  const headingId = useId();
  return (
    <section
      aria-labelledby={headingId}
      className={`stadshart-positioning-agreements stadshart-positioning-agreements--${size}`}
    >
      <Heading3 id={headingId}>{t('agreements.heading')}</Heading3>
      {data.agreements.length === 0 ? (
        <Paragraph>{t('agreements.none')}</Paragraph>
      ) : (
        <ul className="stadshart-positioning-agreement-list">
          {data.agreements.map((agreement) => (
            <li key={agreement.id} className="stadshart-positioning-agreement">
              <p className="stadshart-positioning-agreement__text">{agreement.text}</p>
              <p className="stadshart-positioning-agreement__meta">
                <span>
                  {t('agreements.about', {
                    places:
                      agreement.placeIds.length === 0
                        ? t('agreements.region')
                        : joinList(locale, agreement.placeIds.map(data.placeName)),
                  })}
                </span>
                {agreement.programme !== null && (
                  <span>
                    {t('agreements.programme', {
                      programme: data.programmeLabel(agreement.programme),
                    })}
                  </span>
                )}
              </p>
              {actions && (
                <Button
                  type="button"
                  appearance="subtle-button"
                  hint="danger"
                  aria-label={t('agreements.removeLabel', { text: agreement.text })}
                  onClick={() => actions.remove(agreement)}
                >
                  {t('agreements.remove')}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {actions && (
        <AgreementForm activityId={activityId} config={config} data={data} actions={actions} />
      )}
    </section>
  );
}

function AgreementForm({
  activityId,
  config,
  data,
  actions,
}: {
  activityId: string;
  config: PositioningConfig;
  data: PositioningData;
  actions: AgreementActions;
}) {
  const { t } = useTranslation('positioning');
  const [text, setText] = useState('');
  const [placeIds, setPlaceIds] = useState<string[]>([]);
  const [programme, setProgramme] = useState(ANY_PROGRAMME);
  const [error, setError] = useState<string | undefined>(undefined);
  const headingId = useId();
  const field = `${activityId}-agreement`;
  const max = formatNumber(AGREEMENT_TEXT_MAX);

  function submit(event: FormEvent) {
    event.preventDefault();
    const trimmed = text.trim();
    if (trimmed === '') {
      setError(t('agreements.empty'));
    } else if (trimmed.length > AGREEMENT_TEXT_MAX) {
      setError(t('agreements.tooLong', { max }));
    } else {
      setError(undefined);
      actions.add({
        text: trimmed,
        placeIds: config.placeIds.filter((id) => placeIds.includes(id)),
        programme: programme === ANY_PROGRAMME ? null : programme,
      });
      setText('');
      setPlaceIds([]);
      setProgramme(ANY_PROGRAMME);
      return;
    }
    document.getElementById(`field-${field}`)?.focus();
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby={headingId} className="stadshart-stack">
      <Heading4 id={headingId}>{t('agreements.formHeading')}</Heading4>
      <TextareaField
        name={field}
        label={t('agreements.text')}
        description={t('agreements.textHint', { max })}
        value={text}
        onChange={setText}
        error={error}
        rows={3}
      />
      <Fieldset>
        <FieldsetLegend>{t('agreements.places')}</FieldsetLegend>
        <FormFieldDescription>{t('agreements.placesHint')}</FormFieldDescription>
        {config.placeIds.map((placeId) => (
          <FormFieldCheckbox
            key={placeId}
            name={`${field}-places`}
            value={placeId}
            label={data.placeName(placeId)}
            checked={placeIds.includes(placeId)}
            onChange={(event: ChangeEvent<HTMLInputElement>) =>
              setPlaceIds(
                event.target.checked
                  ? [...placeIds, placeId]
                  : placeIds.filter((id) => id !== placeId),
              )
            }
          />
        ))}
      </Fieldset>
      <SelectField
        name={`${field}-programme`}
        label={t('agreements.programmeField')}
        value={programme}
        onChange={setProgramme}
        options={[
          { value: ANY_PROGRAMME, label: t('agreements.anyProgramme') },
          ...config.programmes.map((p) => ({ value: p.key, label: p.label })),
        ]}
      />
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button">
          {t('agreements.submit')}
        </Button>
      </ButtonGroup>
    </form>
  );
}
