// The details of a knowledge item besides its body: kind, title, summary, audience, places,
// trends, region, themes, size class, licence and attribution, saved with PATCH.
import {
  Button,
  ButtonGroup,
  Fieldset,
  FieldsetLegend,
  FormFieldCheckbox,
  FormFieldErrorMessage,
} from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  barometerThemes,
  knowledgeItem,
  knowledgeKinds,
  knowledgeMetadata,
  sizeClasses,
  type KnowledgeItem,
  type KnowledgeMetadata,
} from '../../../common/knowledge.ts';
import { licenceCodes, licenceInfo, type LicenceCode } from '../../../common/reports.ts';
import { api } from '../../api/client.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { SelectField, TextareaField, TextField } from '../../components/Fields.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { useApiForm, type FormErrors } from '../../components/useApiForm.ts';
import { metadataOf } from './knowledgeModel.ts';
import { TagInput } from './TagInput.tsx';

/** Reduces "places.2" to "places": the form shows one message per field. */
function topLevel(fields: Record<string, string>): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [field, message] of Object.entries(fields)) {
    result[field.split('.')[0] ?? field] ??= message;
  }
  return result;
}

/** The fields themselves, for the form below and for tests: values in, changes out. */
export function KnowledgeMetadataFields({
  values,
  onChange,
  errors,
  isReadOnly,
}: {
  values: KnowledgeMetadata;
  onChange: (patch: Partial<KnowledgeMetadata>) => void;
  errors: FormErrors;
  isReadOnly: boolean;
}) {
  const { t } = useTranslation('knowledge');
  const fields = topLevel(errors.fields);
  const optional = ` ${t('common:form.optional')}`;
  const labels: Record<string, string> = {
    kind: t('fields.kind'),
    title: t('fields.title'),
    summary: t('fields.summary'),
    membersOnly: t('fields.membersOnly'),
    places: t('fields.places'),
    trends: t('fields.trends'),
    region: t('fields.region'),
    themes: t('fields.themes'),
    sizeClass: t('fields.sizeClass'),
    licence: t('fields.licence'),
    attribution: t('fields.attribution'),
  };
  return (
    <>
      <ErrorSummary errors={{ general: errors.general, fields }} fieldLabels={labels} />
      {/* One disabled group makes every field read-only at once for those who may not edit. */}
      <Fieldset disabled={isReadOnly}>
        <SelectField
          name="kind"
          label={labels.kind ?? ''}
          value={values.kind}
          onChange={(kind) => onChange({ kind: kind as KnowledgeMetadata['kind'] })}
          options={knowledgeKinds.map((kind) => ({ value: kind, label: t(`kinds.${kind}`) }))}
          error={fields.kind}
          required
        />
        <TextField
          name="title"
          label={labels.title ?? ''}
          value={values.title}
          onChange={(title) => onChange({ title })}
          error={fields.title}
          required
        />
        <TextareaField
          name="summary"
          label={`${labels.summary ?? ''}${optional}`}
          description={t('fields.summaryHint')}
          value={values.summary}
          onChange={(summary) => onChange({ summary })}
          error={fields.summary}
          rows={4}
        />
        <FormFieldCheckbox
          id="field-membersOnly"
          name="membersOnly"
          label={labels.membersOnly}
          checked={values.membersOnly}
          onChange={(event) => onChange({ membersOnly: event.target.checked })}
        />
        <TagInput
          name="places"
          label={`${labels.places ?? ''}${optional}`}
          description={t('fields.placesHint')}
          tags={values.places}
          onChange={(places) => onChange({ places })}
          error={fields.places}
          isDisabled={isReadOnly}
        />
        <TagInput
          name="trends"
          label={`${labels.trends ?? ''}${optional}`}
          description={t('fields.trendsHint')}
          tags={values.trends}
          onChange={(trends) => onChange({ trends })}
          error={fields.trends}
          isDisabled={isReadOnly}
        />
        <TextField
          name="region"
          label={`${labels.region ?? ''}${optional}`}
          value={values.region ?? ''}
          onChange={(region) => onChange({ region: region === '' ? null : region })}
          error={fields.region}
        />
        <Fieldset
          id="field-themes"
          invalid={Boolean(fields.themes)}
          aria-describedby={fields.themes ? 'field-themes-error' : undefined}
        >
          <FieldsetLegend>{`${labels.themes ?? ''}${optional}`}</FieldsetLegend>
          {fields.themes && (
            <FormFieldErrorMessage id="field-themes-error">{fields.themes}</FormFieldErrorMessage>
          )}
          {barometerThemes.map((theme) => (
            <FormFieldCheckbox
              key={theme}
              name="themes"
              value={theme}
              label={t(`themes.${theme}`)}
              checked={values.themes.includes(theme)}
              onChange={(event) =>
                onChange({
                  themes: event.target.checked
                    ? barometerThemes.filter((t2) => t2 === theme || values.themes.includes(t2))
                    : values.themes.filter((t2) => t2 !== theme),
                })
              }
            />
          ))}
        </Fieldset>
        <SelectField
          name="sizeClass"
          label={`${labels.sizeClass ?? ''}${optional}`}
          value={values.sizeClass ?? ''}
          onChange={(size) =>
            onChange({ sizeClass: size === '' ? null : (size as KnowledgeMetadata['sizeClass']) })
          }
          options={[
            { value: '', label: t('sizes.none') },
            ...sizeClasses.map((size) => ({ value: size, label: t(`sizes.${size}`) })),
          ]}
          error={fields.sizeClass}
        />
        <SelectField
          name="licence"
          label={labels.licence ?? ''}
          value={values.licence}
          onChange={(licence) => onChange({ licence: licence as LicenceCode })}
          options={licenceCodes.map((code) => ({ value: code, label: licenceInfo[code].name }))}
          error={fields.licence}
          required
        />
        <TextField
          name="attribution"
          label={`${labels.attribution ?? ''}${optional}`}
          description={t('fields.attributionHint')}
          value={values.attribution}
          onChange={(attribution) => onChange({ attribution })}
          error={fields.attribution}
        />
      </Fieldset>
    </>
  );
}

/** Edits and saves the item's details; `onSaved` receives the item as the server answered it. */
export function KnowledgeMetadataForm({
  orgSlug,
  item,
  onSaved,
}: {
  orgSlug: string;
  item: KnowledgeItem;
  onSaved: (item: KnowledgeItem) => void;
}) {
  const { t } = useTranslation('knowledge');
  const { errors, isSubmitting, submit } = useApiForm();
  const [values, setValues] = useState<KnowledgeMetadata>(() => metadataOf(item));
  const [saved, setSaved] = useState<string | null>(null);
  const isReadOnly = !item.can.edit;

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    setSaved(null);
    const answer = await submit(knowledgeMetadata, values, (input) =>
      api('PATCH', `/orgs/${orgSlug}/knowledge/${item.id}`, { body: input, schema: knowledgeItem }),
    );
    if (!answer) return;
    setValues(metadataOf(answer));
    onSaved(answer);
    setSaved(t('editor.saved'));
  }

  return (
    <form noValidate onSubmit={(event) => void handleSubmit(event)} className="stadshart-form">
      <KnowledgeMetadataFields
        values={values}
        onChange={(patch) => {
          setSaved(null);
          setValues((current) => ({ ...current, ...patch }));
        }}
        errors={errors}
        isReadOnly={isReadOnly}
      />
      {!isReadOnly && (
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" busy={isSubmitting}>
            {t('editor.save')}
          </Button>
        </ButtonGroup>
      )}
      <StatusMessage message={saved} />
    </form>
  );
}
