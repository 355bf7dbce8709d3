// The form to propose a new development under one of the scan's trends.
import { Button, ButtonGroup, Fieldset, FieldsetLegend } from '@utrecht/component-library-react';
import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  DEVELOPMENT_DESCRIPTION_MAX,
  DEVELOPMENT_TITLE_MAX,
  type ScanTrend,
} from '../../../common/activities/trendscan.ts';
import { SelectField, TextareaField, TextField } from '../../components/Fields.tsx';
import { formatNumber } from '../../i18n/i18n.ts';

/**
 * Asks for the trend, a title and an optional explanation; `onSubmit` gets them trimmed, only
 * when they fit. Escape closes the form.
 */
export function DevelopmentForm({
  idPrefix,
  trends,
  onSubmit,
  onClose,
}: {
  idPrefix: string;
  trends: readonly ScanTrend[];
  onSubmit: (input: { trendKey: string; title: string; description: string }) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation('trendscan');
  const [trendKey, setTrendKey] = useState(trends[0]?.key ?? '');
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [errors, setErrors] = useState<{ title?: string; description?: string }>({});
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    formRef.current?.querySelector('select')?.focus();
  }, []);

  function submit(event: FormEvent) {
    event.preventDefault();
    const cleanTitle = title.trim();
    const cleanDescription = description.trim();
    const next: typeof errors = {};
    if (cleanTitle === '') next.title = t('development.emptyTitle');
    else if (cleanTitle.length > DEVELOPMENT_TITLE_MAX) {
      next.title = t('development.titleLong', { max: formatNumber(DEVELOPMENT_TITLE_MAX) });
    }
    if (cleanDescription.length > DEVELOPMENT_DESCRIPTION_MAX) {
      next.description = t('development.descriptionLong', {
        max: formatNumber(DEVELOPMENT_DESCRIPTION_MAX),
      });
    }
    setErrors(next);
    if (next.title || next.description) {
      formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    onSubmit({ trendKey, title: cleanTitle, description: cleanDescription });
    setTitle('');
    setDescription('');
  }

  function closeOnEscape(event: KeyboardEvent) {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    onClose();
  }

  return (
    <form ref={formRef} onSubmit={submit} onKeyDown={closeOnEscape} noValidate>
      <Fieldset>
        <FieldsetLegend>{t('development.legend')}</FieldsetLegend>
        <SelectField
          name={`${idPrefix}-trend`}
          label={t('development.trend')}
          value={trendKey}
          onChange={setTrendKey}
          options={trends.map((trend) => ({ value: trend.key, label: trend.title }))}
        />
        <TextField
          name={`${idPrefix}-title`}
          label={t('development.title')}
          value={title}
          onChange={setTitle}
          error={errors.title}
          autoComplete="off"
          required
        />
        <TextareaField
          name={`${idPrefix}-description`}
          label={t('development.description')}
          description={t('development.descriptionHint', {
            max: formatNumber(DEVELOPMENT_DESCRIPTION_MAX),
          })}
          value={description}
          onChange={setDescription}
          error={errors.description}
          rows={3}
        />
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button">
            {t('development.submit')}
          </Button>
          <Button type="button" appearance="secondary-action-button" onClick={onClose}>
            {t('development.close')}
          </Button>
        </ButtonGroup>
      </Fieldset>
    </form>
  );
}
