// The actions settings in the agenda editor: dots per person and when the council term ends.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ACTION_DOTS_MAX,
  ACTION_DOTS_MIN,
  isoDate,
  type ActionsConfig,
} from '../../../common/activities/actions.ts';
import { TextField } from '../../components/Fields.tsx';
import { formatNumber } from '../../i18n/i18n.ts';
import type { ConfigFormProps } from '../registry.types.ts';

/** The actions activity's settings form; renders nothing for another kind's config. */
export function ActionsConfigForm(props: ConfigFormProps) {
  const { value } = props;
  if (value.kind !== 'actions') return null;
  return <ActionsSettings {...props} value={value} />;
}

function ActionsSettings({
  value,
  onChange,
  errors,
}: Omit<ConfigFormProps, 'value'> & { value: ActionsConfig }) {
  const { t } = useTranslation('actions');
  // The number as typed: "1" on the way to "10" must not be forced anywhere while typing.
  const [dots, setDots] = useState(String(value.dotsPerPerson));
  const [isDotsTouched, setDotsTouched] = useState(false);
  const limits = { min: formatNumber(ACTION_DOTS_MIN), max: formatNumber(ACTION_DOTS_MAX) };
  const typed = Number(dots);
  const isDotsValid =
    /^\d+$/.test(dots.trim()) && typed >= ACTION_DOTS_MIN && typed <= ACTION_DOTS_MAX;
  const isTermValid = value.termEnds === null || isoDate.safeParse(value.termEnds).success;

  function changeDots(next: string) {
    setDots(next);
    setDotsTouched(true);
    const number = Number(next);
    // An invalid number stays in the field (with its message) and is sent as typed, so the
    // agenda editor's check names this field too.
    onChange({ ...value, dotsPerPerson: /^\d+$/.test(next.trim()) ? number : Number.NaN });
  }

  return (
    <div className="stadshart-stack">
      <TextField
        name="config.dotsPerPerson"
        label={t('config.dotsPerPerson')}
        description={t('config.dotsHint', limits)}
        value={dots}
        onChange={changeDots}
        inputMode="numeric"
        error={
          (isDotsTouched && !isDotsValid) || errors.dotsPerPerson
            ? t('config.errors.dots', limits)
            : undefined
        }
      />
      <TextField
        type="date"
        name="config.termEnds"
        label={t('config.termEnds')}
        description={t('config.termEndsHint')}
        value={value.termEnds ?? ''}
        onChange={(termEnds) => onChange({ ...value, termEnds: termEnds.trim() || null })}
        error={!isTermValid || errors.termEnds ? t('config.errors.termEnds') : undefined}
      />
    </div>
  );
}
