// The poll settings in the agenda editor: question, kind of answer, choices or scale.
import {
  Fieldset,
  FieldsetLegend,
  FormFieldErrorMessage,
  Paragraph,
} from '@utrecht/component-library-react';
import { useRef } from 'react';
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
import { EditableList } from '../EditableList.tsx';
import { appendEmpty, relabel } from '../labelledKeys.ts';
import { RadioOption } from '../RadioOption.tsx';
import type { ConfigFormProps } from '../registry.types.ts';
import { useShownMessages } from '../useShownMessages.ts';
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
  const { shown, touch } = useShownMessages(ownMessages, errors);

  function changeType(type: PollType) {
    onChange({
      ...value,
      type,
      scale: type === 'scale' ? (value.scale ?? DEFAULT_SCALE) : value.scale,
      maxChoices: type === 'multiple' ? value.maxChoices : null,
    });
  }

  function removeOption(index: number) {
    const options = value.options.filter((_, i) => i !== index);
    const maxChoices =
      value.maxChoices !== null && value.maxChoices > options.length ? null : value.maxChoices;
    onChange({ ...value, options, maxChoices });
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
        <EditableList
          name="options"
          legend={t('poll.config.options')}
          hint={t('poll.config.optionsHint', { max: formatNumber(POLL_OPTIONS_MAX) })}
          messages={shown}
          labels={value.options.map((option) => option.label)}
          rowLabel={(index) => t('poll.config.option', { number: index + 1 })}
          removeText={t('poll.config.removeOption')}
          removeLabel={(index) => t('poll.config.removeOptionLabel', { number: index + 1 })}
          addText={t('poll.config.addOption')}
          canAdd={value.options.length < POLL_OPTIONS_MAX}
          canRemove
          onTouch={touch}
          onChangeLabel={(index, label) =>
            onChange({
              ...value,
              options: relabel(value.options, index, label, savedKeys.current, optionKeyFromLabel),
            })
          }
          onAdd={() =>
            onChange({ ...value, options: appendEmpty(value.options, optionKeyFromLabel) })
          }
          onRemove={removeOption}
        />
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
