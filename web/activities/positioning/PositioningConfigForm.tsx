// The positioning settings in the agenda editor: the programmes (rows) and the lab's places (columns).
import {
  Fieldset,
  FieldsetLegend,
  FormFieldCheckbox,
  FormFieldDescription,
  FormFieldErrorMessage,
  Paragraph,
} from '@utrecht/component-library-react';
import { useEffect, useRef, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  POSITIONING_PLACES_MAX,
  PROGRAMME_LABEL_MAX,
  PROGRAMMES_MAX,
  positioningConfig,
  type PositioningConfig,
} from '../../../common/activities/positioning.ts';
import { formatNumber } from '../../i18n/i18n.ts';
import { EditableList } from '../EditableList.tsx';
import { appendEmpty, relabel } from '../labelledKeys.ts';
import type { ConfigFormProps } from '../registry.types.ts';
import { useShownMessages } from '../useShownMessages.ts';
import { programmeKeyFromLabel } from './positioningModel.ts';

/** The positioning activity's settings form; renders nothing for another kind's config. */
export function PositioningConfigForm(props: ConfigFormProps) {
  const { value } = props;
  if (value.kind !== 'positioning') return null;
  return <PositioningSettings {...props} value={value} />;
}

/** Which message key explains a zod issue on `path` (inside config). */
function messageKeyFor(path: string, code: string): string {
  if (path === 'programmes') return 'config.errors.programmes';
  if (/^programmes\.\d+\.(label|key)$/.test(path)) {
    return code === 'too_big' ? 'config.errors.programmeLong' : 'config.errors.programme';
  }
  if (path === 'placeIds' || path.startsWith('placeIds.')) return 'config.errors.places';
  return 'config.errors.other';
}

function PositioningSettings({
  lab,
  value,
  onChange,
  errors,
}: Omit<ConfigFormProps, 'value'> & { value: PositioningConfig }) {
  const { t } = useTranslation('positioning');
  // Keys that were there when the form opened stay: roles and verdicts refer to them, and the
  // default keys match the canvas sections whose notes are shown as ambitions.
  const savedKeys = useRef(new Set(value.programmes.map((p) => p.key)));
  const latest = useRef({ value, onChange });
  latest.current = { value, onChange };
  const hasFilled = useRef(false);

  // A new positioning starts with the lab's places, in the lab's order; once, so a person who
  // unticks them all is not overruled when the lab is loaded again.
  useEffect(() => {
    if (hasFilled.current || lab.places.length === 0) return;
    hasFilled.current = true;
    const current = latest.current.value;
    if (current.placeIds.length > 0) return;
    latest.current.onChange({
      ...current,
      placeIds: lab.places.slice(0, POSITIONING_PLACES_MAX).map((place) => place.id),
    });
  }, [lab.places]);

  const limits = {
    max: formatNumber(PROGRAMMES_MAX),
    placesMax: formatNumber(POSITIONING_PLACES_MAX),
  };
  const checked = positioningConfig.safeParse(value);
  const ownMessages: Record<string, string> = {};
  for (const issue of checked.success ? [] : checked.error.issues) {
    const path = issue.path.join('.');
    const field = path.startsWith('placeIds') ? 'placeIds' : path.replace(/key$/, 'label');
    ownMessages[field] ??= t(messageKeyFor(path, issue.code), {
      max: path.startsWith('placeIds')
        ? limits.placesMax
        : /label|key/.test(path)
          ? formatNumber(PROGRAMME_LABEL_MAX)
          : limits.max,
    });
  }
  const { shown, touch } = useShownMessages(ownMessages, errors, (path) =>
    path.startsWith('placeIds') ? 'placeIds' : path,
  );

  function togglePlace(placeId: string, isChecked: boolean) {
    const chosen = new Set(value.placeIds);
    if (isChecked) chosen.add(placeId);
    else chosen.delete(placeId);
    // The lab's order, then any place chosen earlier that the lab no longer has.
    const ordered = [
      ...lab.places.map((place) => place.id).filter((id) => chosen.has(id)),
      ...value.placeIds.filter((id) => chosen.has(id) && !lab.places.some((p) => p.id === id)),
    ];
    onChange({ ...value, placeIds: ordered });
  }

  const unknownPlaces = value.placeIds.filter((id) => !lab.places.some((p) => p.id === id));

  return (
    <div className="stadshart-stack">
      <EditableList
        name="programmes"
        legend={t('config.programmes')}
        hint={t('config.programmesHint', { max: limits.max })}
        messages={shown}
        labels={value.programmes.map((programme) => programme.label)}
        rowLabel={(index) => t('config.programme', { number: index + 1 })}
        removeText={t('config.removeProgramme')}
        removeLabel={(index) => t('config.removeProgrammeLabel', { number: index + 1 })}
        addText={t('config.addProgramme')}
        canAdd={value.programmes.length < PROGRAMMES_MAX}
        canRemove={value.programmes.length > 1}
        onTouch={touch}
        onChangeLabel={(index, label) =>
          onChange({
            ...value,
            programmes: relabel(
              value.programmes,
              index,
              label,
              savedKeys.current,
              programmeKeyFromLabel,
            ),
          })
        }
        onAdd={() =>
          onChange({
            ...value,
            programmes: appendEmpty(value.programmes, programmeKeyFromLabel),
          })
        }
        onRemove={(index) =>
          onChange({ ...value, programmes: value.programmes.filter((_, i) => i !== index) })
        }
      />

      <Fieldset
        id="field-config.placeIds"
        tabIndex={-1}
        invalid={Boolean(shown.placeIds)}
        aria-describedby={shown.placeIds ? 'field-config.placeIds-error' : undefined}
        onBlur={() => touch('placeIds')}
      >
        <FieldsetLegend>{t('config.places')}</FieldsetLegend>
        <FormFieldDescription>
          {t('config.placesHint', { max: limits.placesMax })}
        </FormFieldDescription>
        {shown.placeIds && (
          <FormFieldErrorMessage id="field-config.placeIds-error">
            {shown.placeIds}
          </FormFieldErrorMessage>
        )}
        {lab.places.length < 2 && <Paragraph>{t('config.noPlaces')}</Paragraph>}
        {lab.places.map((place) => (
          <FormFieldCheckbox
            key={place.id}
            name="config.placeIds"
            value={place.id}
            label={`${place.name} (${place.municipality})`}
            checked={value.placeIds.includes(place.id)}
            onChange={(event: ChangeEvent<HTMLInputElement>) =>
              togglePlace(place.id, event.target.checked)
            }
          />
        ))}
        {unknownPlaces.map((placeId) => (
          <FormFieldCheckbox
            key={placeId}
            name="config.placeIds"
            value={placeId}
            label={t('config.unknownPlace')}
            checked
            onChange={(event: ChangeEvent<HTMLInputElement>) =>
              togglePlace(placeId, event.target.checked)
            }
          />
        ))}
      </Fieldset>
    </div>
  );
}
