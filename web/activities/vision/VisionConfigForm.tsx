// The vision settings in the agenda editor: target year, the lab's places it covers, the opening
// question, and who writes the text.
import {
  Fieldset,
  FieldsetLegend,
  FormFieldCheckbox,
  FormFieldDescription,
  FormFieldErrorMessage,
} from '@utrecht/component-library-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  VISION_PROMPT_MAX,
  VISION_YEAR_MAX,
  VISION_YEAR_MIN,
  visionConfig,
  visionEditorsValues,
  type VisionConfig,
} from '../../../common/activities/vision.ts';
import { TextareaField, TextField } from '../../components/Fields.tsx';
import { formatNumber } from '../../i18n/i18n.ts';
import { RadioOption } from '../RadioOption.tsx';
import type { ConfigFormProps } from '../registry.types.ts';
import { useShownMessages } from '../useShownMessages.ts';

/** The vision activity's settings form; renders nothing for another kind's config. */
export function VisionConfigForm(props: ConfigFormProps) {
  const { value } = props;
  if (value.kind !== 'vision') return null;
  return <VisionSettings {...props} value={value} />;
}

function VisionSettings({
  lab,
  value,
  onChange,
  errors,
}: Omit<ConfigFormProps, 'value'> & { value: VisionConfig }) {
  const { t } = useTranslation('vision');
  const [yearText, setYearText] = useState(String(value.targetYear));
  const limits = { min: String(VISION_YEAR_MIN), max: String(VISION_YEAR_MAX) };
  const messageFor = (field: string): string | null => {
    if (field === 'targetYear') return t('config.targetYearError', limits);
    if (field === 'placeIds') return t('config.placesError');
    if (field === 'prompt')
      return t('config.promptError', { max: formatNumber(VISION_PROMPT_MAX) });
    return null;
  };

  // Our own wording of what the shared schema finds; shown once a field was left, or in place
  // of the generic message when the agenda editor reports the same field after a submit.
  const checked = visionConfig.safeParse(value);
  const own: Record<string, string> = {};
  for (const issue of checked.success ? [] : checked.error.issues) {
    const field = String(issue.path[0] ?? '');
    const message = messageFor(field);
    if (message) own[field] ??= message;
  }
  const { shown, touch } = useShownMessages(own, errors, (path) => path.split('.')[0] ?? path);

  function changeYear(text: string) {
    setYearText(text);
    // An empty or partial year is kept as not-a-number, so the form cannot be saved with the old one.
    const year = /^\d{4}$/.test(text.trim()) ? Number(text.trim()) : Number.NaN;
    onChange({ ...value, targetYear: year });
  }

  function togglePlace(placeId: string, isChecked: boolean) {
    const placeIds = isChecked
      ? [...value.placeIds, placeId]
      : value.placeIds.filter((id) => id !== placeId);
    onChange({ ...value, placeIds });
  }

  const choices = lab.places.map((place) => ({
    id: place.id,
    label: t('config.placeOption', { name: place.name, municipality: place.municipality }),
  }));
  // A place chosen earlier that left the lab stays visible, so it can be unticked.
  for (const id of value.placeIds) {
    if (!choices.some((choice) => choice.id === id)) {
      choices.push({ id, label: t('config.unknownPlace') });
    }
  }

  return (
    <div className="stadshart-stack">
      <div onBlur={() => touch('targetYear')}>
        <TextField
          name="config.targetYear"
          label={t('config.targetYear')}
          description={t('config.targetYearHint', limits)}
          value={yearText}
          onChange={changeYear}
          inputMode="numeric"
          autoComplete="off"
          error={shown.targetYear}
          required
        />
      </div>

      <Fieldset
        id="field-config.placeIds"
        tabIndex={-1}
        invalid={Boolean(shown.placeIds)}
        aria-describedby={`field-config.placeIds-description${shown.placeIds ? ' field-config.placeIds-error' : ''}`}
      >
        <FieldsetLegend>{t('config.places')}</FieldsetLegend>
        <FormFieldDescription id="field-config.placeIds-description">
          {choices.length > 0 ? t('config.placesHint') : t('config.noLabPlaces')}
        </FormFieldDescription>
        {shown.placeIds && (
          <FormFieldErrorMessage id="field-config.placeIds-error">
            {shown.placeIds}
          </FormFieldErrorMessage>
        )}
        {choices.map((choice) => (
          <FormFieldCheckbox
            key={choice.id}
            name="config.placeIds"
            value={choice.id}
            label={choice.label}
            checked={value.placeIds.includes(choice.id)}
            onChange={(event) => togglePlace(choice.id, event.target.checked)}
          />
        ))}
      </Fieldset>

      <div onBlur={() => touch('prompt')}>
        <TextareaField
          name="config.prompt"
          label={t('config.prompt')}
          description={t('config.promptHint', { max: formatNumber(VISION_PROMPT_MAX) })}
          value={value.prompt}
          onChange={(prompt) => onChange({ ...value, prompt })}
          error={shown.prompt}
          rows={3}
        />
      </div>

      <Fieldset id="field-config.editors">
        <FieldsetLegend>{t('config.editors')}</FieldsetLegend>
        {shown.editors && <FormFieldErrorMessage>{shown.editors}</FormFieldErrorMessage>}
        {visionEditorsValues.map((editors) => (
          <RadioOption
            key={editors}
            id={`field-config.editors-${editors}`}
            name="config.editors"
            label={t(
              editors === 'everyone' ? 'config.editorsEveryone' : 'config.editorsFacilitators',
            )}
            description={t(
              editors === 'everyone'
                ? 'config.editorsEveryoneHint'
                : 'config.editorsFacilitatorsHint',
            )}
            isChecked={value.editors === editors}
            onCheck={() => onChange({ ...value, editors })}
          />
        ))}
      </Fieldset>
    </div>
  );
}
