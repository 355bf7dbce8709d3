// The canvas settings in the agenda editor: take over a template's sections, pick the place.
import {
  Button,
  FormFieldDescription,
  FormFieldErrorMessage,
  Heading4,
  OrderedList,
  OrderedListItem,
  Paragraph,
} from '@utrecht/component-library-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { CanvasConfig } from '../../../common/activities/canvas.ts';
import { builtinTemplates, canvasTemplateList } from '../../../common/canvas-templates.ts';
import { placeList } from '../../../common/places.ts';
import { useApiData } from '../../api/useApiData.ts';
import { SelectField } from '../../components/Fields.tsx';
import { LoadProblem } from '../../components/LoadState.tsx';
import type { ConfigFormProps } from '../registry.types.ts';

const NO_PLACE = '';
const NO_TEMPLATE = '';

/** The canvas activity's settings form; renders nothing for another kind's config. */
export function CanvasConfigForm(props: ConfigFormProps) {
  const { value } = props;
  if (value.kind !== 'canvas') return null;
  return <CanvasSettings {...props} value={value} />;
}

function CanvasSettings({
  value,
  onChange,
  errors,
}: Omit<ConfigFormProps, 'value'> & { value: CanvasConfig }) {
  const { t } = useTranslation('activities');
  const { orgSlug } = useParams();
  const templates = useApiData(
    orgSlug ? `/orgs/${orgSlug}/canvas-templates` : null,
    canvasTemplateList,
  );
  const places = useApiData(orgSlug ? `/orgs/${orgSlug}/places` : null, placeList);
  const [templateId, setTemplateId] = useState(NO_TEMPLATE);
  const [applied, setApplied] = useState('');

  // Outside an organisation's pages the built-in templates are what there is.
  const choices =
    templates.data?.templates.map((template) => ({
      id: template.id,
      name: template.name,
      sections: template.sections,
    })) ??
    (orgSlug
      ? []
      : builtinTemplates.map((b) => ({ id: b.key, name: b.name, sections: b.sections })));
  const chosen = choices.find((c) => c.id === templateId) ?? null;
  const sectionsError =
    errors.sections ??
    Object.entries(errors).find(([path]) => path.startsWith('sections.'))?.[1] ??
    null;

  const placeOptions = [
    { value: NO_PLACE, label: t('canvas.config.noPlace') },
    ...(places.data?.places ?? []).map((place) => ({
      value: place.id,
      label: t('canvas.config.placeOption', { name: place.name, municipality: place.municipality }),
    })),
  ];
  // A place chosen earlier stays selectable even if the list has not loaded (or it was removed).
  if (value.placeId && !placeOptions.some((o) => o.value === value.placeId)) {
    placeOptions.push({ value: value.placeId, label: t('canvas.config.unknownPlace') });
  }

  return (
    <div className="stadshart-stack">
      <SelectField
        name="config.template"
        label={t('canvas.config.template')}
        description={t('canvas.config.templateHint')}
        value={templateId}
        onChange={(next) => {
          setTemplateId(next);
          setApplied('');
        }}
        options={[
          { value: NO_TEMPLATE, label: t('canvas.config.chooseTemplate') },
          ...choices.map((c) => ({ value: c.id, label: c.name })),
        ]}
      />
      {templates.error !== null && <LoadProblem error={templates.error} />}
      <Paragraph>
        <Button
          type="button"
          appearance="secondary-action-button"
          disabled={chosen === null}
          onClick={() => {
            if (!chosen) return;
            onChange({ ...value, sections: chosen.sections.map((section) => ({ ...section })) });
            setApplied(t('canvas.config.applied', { name: chosen.name }));
          }}
        >
          {t('canvas.config.apply')}
        </Button>
      </Paragraph>
      <p role="status">{applied}</p>

      <SelectField
        name="config.placeId"
        label={t('canvas.config.place')}
        value={value.placeId ?? NO_PLACE}
        error={errors.placeId}
        onChange={(next) => onChange({ ...value, placeId: next === NO_PLACE ? null : next })}
        options={placeOptions}
      />
      {places.error !== null && <LoadProblem error={places.error} />}

      <div id="field-config.sections" tabIndex={-1}>
        <Heading4>{t('canvas.config.sections')}</Heading4>
        <FormFieldDescription>{t('canvas.config.sectionsHint')}</FormFieldDescription>
        {sectionsError && <FormFieldErrorMessage>{sectionsError}</FormFieldErrorMessage>}
        <OrderedList>
          {value.sections.map((section) => (
            <OrderedListItem key={section.key}>
              <span
                className="stadshart-swatch"
                style={{ backgroundColor: section.colour }}
                aria-hidden="true"
              />
              <strong>{section.title}</strong>
              {section.prompt && <span>: {section.prompt}</span>}
            </OrderedListItem>
          ))}
        </OrderedList>
      </div>
    </div>
  );
}
