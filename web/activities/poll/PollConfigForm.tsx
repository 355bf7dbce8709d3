// The poll settings in the agenda editor: question, kind of answer, choices or scale.
import {
  Button,
  ButtonGroup,
  Fieldset,
  FieldsetLegend,
  FormFieldDescription,
  FormFieldErrorMessage,
  Paragraph,
} from '@utrecht/component-library-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  POLL_OPTIONS_MAX,
  pollConfig,
  pollTypes,
  type PollConfig,
  type PollType,
} from '../../../common/activities/poll.ts';
import { SelectField, TextField, TextareaField } from '../../components/Fields.tsx';
import { formatNumber } from '../../i18n/i18n.ts';
import { RadioOption } from '../RadioOption.tsx';
import type { ConfigFormProps } from '../registry.types.ts';
import { optionKeyFromLabel } from './pollModel.ts';

const DEFAULT_SCALE = { min: 1, max: 5, minLabel: '', maxLabel: '' };
const ANY_NUMBER = '';

/** The poll activity's settings form; renders nothing for another kind's config. */
export function PollConfigForm(props: ConfigFormProps) {
  const { value } = props;
  if (value.kind !== 'poll') return null;
  return <PollSettings {...props} value={value} />;
}

/** Which message key explains a zod issue on `path` (inside config) of a poll's settings. */
function messageKeyFor(path: string, code: string, config: PollConfig): string {
  if (path === 'question')
    return code === 'too_big' ? 'poll.config.errors.questionLong' : 'poll.config.errors.question';
  if (path === 'options') {
    return config.options.length < 2
      ? 'poll.config.errors.fewOptions'
      : 'poll.config.errors.sameOptions';
  }
  if (/^options\.\d+\.(label|key)$/.test(path)) {
    return code === 'too_big' ? 'poll.config.errors.optionLong' : 'poll.config.errors.option';
  }
  if (path === 'scale') return 'poll.config.errors.scale';
  return 'poll.config.errors.other';
}

function PollSettings({
  value,
  onChange,
  errors,
}: Omit<ConfigFormProps, 'value'> & { value: PollConfig }) {
  const { t } = useTranslation('activities');
  // Keys of options that were already saved stay as they are: answers given refer to them.
  const savedKeys = useRef(new Set(value.options.map((option) => option.key)));
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const isChoice = value.type === 'single' || value.type === 'multiple';

  // Our own wording of each problem the shared schema finds; shown once a field was left, or
  // in place of the generic message when the agenda editor reports the same field after a submit.
  const checked = pollConfig.safeParse(value);
  const ownMessages: Record<string, string> = {};
  for (const issue of checked.success ? [] : checked.error.issues) {
    const path = issue.path.join('.');
    const field = /^options\.\d+\.key$/.test(path) ? path.replace(/key$/, 'label') : path;
    ownMessages[field] ??= t(messageKeyFor(path, issue.code, value), {
      max: formatNumber(POLL_OPTIONS_MAX),
    });
  }
  const shown: Record<string, string> = {};
  for (const [field, message] of Object.entries(ownMessages)) {
    if (touched.has(field)) shown[field] = message;
  }
  for (const [field, message] of Object.entries(errors)) {
    shown[field] = ownMessages[field] ?? message;
  }
  const touch = (field: string) => {
    if (!touched.has(field)) setTouched(new Set([...touched, field]));
  };

  function changeType(type: PollType) {
    onChange({
      ...value,
      type,
      scale: type === 'scale' ? (value.scale ?? DEFAULT_SCALE) : value.scale,
      maxChoices: type === 'multiple' ? value.maxChoices : null,
    });
  }

  function changeOptionLabel(index: number, label: string) {
    const options = value.options.map((option, i) => {
      if (i !== index) return option;
      const others = value.options.filter((_, j) => j !== index).map((o) => o.key);
      const key = savedKeys.current.has(option.key)
        ? option.key
        : optionKeyFromLabel(label, others);
      return { key, label };
    });
    onChange({ ...value, options });
  }

  function addOption() {
    const key = optionKeyFromLabel(
      '',
      value.options.map((o) => o.key),
    );
    onChange({ ...value, options: [...value.options, { key, label: '' }] });
    // Focus the new field once it is on the page.
    const index = value.options.length;
    window.requestAnimationFrame(() =>
      document.getElementById(`field-config.options.${index}.label`)?.focus(),
    );
  }

  function removeOption(index: number) {
    const options = value.options.filter((_, i) => i !== index);
    const maxChoices =
      value.maxChoices !== null && value.maxChoices > options.length ? null : value.maxChoices;
    onChange({ ...value, options, maxChoices });
    window.requestAnimationFrame(() => document.getElementById('field-config.options')?.focus());
  }

  const scale = value.scale ?? DEFAULT_SCALE;
  const setScale = (patch: Partial<typeof scale>) =>
    onChange({ ...value, scale: { ...scale, ...patch } });

  return (
    <div className="stadshart-stack">
      <div onBlur={() => touch('question')}>
        <TextareaField
          name="config.question"
          label={t('poll.config.question')}
          value={value.question}
          onChange={(question) => onChange({ ...value, question })}
          error={shown.question}
          rows={2}
        />
      </div>

      <Fieldset id="field-config.type">
        <FieldsetLegend>{t('poll.config.type')}</FieldsetLegend>
        {pollTypes.map((type) => (
          <RadioOption
            key={type}
            id={`field-config.type-${type}`}
            name="config.type"
            label={t(`poll.types.${type}`)}
            description={t(`poll.typeHints.${type}`)}
            isChecked={value.type === type}
            onCheck={() => changeType(type)}
          />
        ))}
      </Fieldset>

      {isChoice && (
        <Fieldset
          id="field-config.options"
          tabIndex={-1}
          invalid={Boolean(shown.options)}
          aria-describedby={shown.options ? 'field-config.options-error' : undefined}
          onBlur={() => touch('options')}
        >
          <FieldsetLegend>{t('poll.config.options')}</FieldsetLegend>
          <FormFieldDescription>
            {t('poll.config.optionsHint', { max: formatNumber(POLL_OPTIONS_MAX) })}
          </FormFieldDescription>
          {shown.options && (
            <FormFieldErrorMessage id="field-config.options-error">
              {shown.options}
            </FormFieldErrorMessage>
          )}
          {value.options.map((option, index) => {
            const field = `options.${index}.label`;
            return (
              <div key={index} className="stadshart-option-row" onBlur={() => touch(field)}>
                <TextField
                  name={`config.${field}`}
                  label={t('poll.config.option', { number: index + 1 })}
                  value={option.label}
                  onChange={(label) => changeOptionLabel(index, label)}
                  error={shown[field]}
                />
                <Button
                  type="button"
                  appearance="subtle-button"
                  hint="danger"
                  aria-label={t('poll.config.removeOptionLabel', { number: index + 1 })}
                  onClick={() => removeOption(index)}
                >
                  {t('poll.config.removeOption')}
                </Button>
              </div>
            );
          })}
          <ButtonGroup>
            <Button
              type="button"
              appearance="secondary-action-button"
              disabled={value.options.length >= POLL_OPTIONS_MAX}
              onClick={addOption}
            >
              {t('poll.config.addOption')}
            </Button>
          </ButtonGroup>
        </Fieldset>
      )}

      {value.type === 'multiple' && (
        <SelectField
          name="config.maxChoices"
          label={t('poll.config.maxChoices')}
          value={value.maxChoices === null ? ANY_NUMBER : String(value.maxChoices)}
          error={shown.maxChoices}
          onChange={(next) =>
            onChange({ ...value, maxChoices: next === ANY_NUMBER ? null : Number(next) })
          }
          options={[
            { value: ANY_NUMBER, label: t('poll.config.anyNumber') },
            ...value.options
              .slice(1)
              .map((_, i) => ({ value: String(i + 1), label: formatNumber(i + 1) })),
          ]}
        />
      )}

      {value.type === 'scale' && (
        <Fieldset id="field-config.scale" tabIndex={-1}>
          <FieldsetLegend>{t('poll.config.scale')}</FieldsetLegend>
          {shown.scale && <FormFieldErrorMessage>{shown.scale}</FormFieldErrorMessage>}
          <SelectField
            name="config.scale.min"
            label={t('poll.config.scaleMin')}
            value={String(scale.min)}
            error={shown['scale.min']}
            onChange={(next) => setScale({ min: Number(next) })}
            options={[0, 1].map((n) => ({ value: String(n), label: formatNumber(n) }))}
          />
          <SelectField
            name="config.scale.max"
            label={t('poll.config.scaleMax')}
            value={String(scale.max)}
            error={shown['scale.max']}
            onChange={(next) => setScale({ max: Number(next) })}
            options={[2, 3, 4, 5, 6, 7, 8, 9, 10].map((n) => ({
              value: String(n),
              label: formatNumber(n),
            }))}
          />
          <TextField
            name="config.scale.minLabel"
            label={t('poll.config.scaleMinLabel', { value: scale.min })}
            description={t('poll.config.scaleLabelHint')}
            value={scale.minLabel}
            error={shown['scale.minLabel']}
            onChange={(minLabel) => setScale({ minLabel })}
          />
          <TextField
            name="config.scale.maxLabel"
            label={t('poll.config.scaleMaxLabel', { value: scale.max })}
            description={t('poll.config.scaleLabelHint')}
            value={scale.maxLabel}
            error={shown['scale.maxLabel']}
            onChange={(maxLabel) => setScale({ maxLabel })}
          />
        </Fieldset>
      )}
      {value.type === 'open' && <Paragraph>{t('poll.config.openHint')}</Paragraph>}
    </div>
  );
}
