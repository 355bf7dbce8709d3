// In a regional lab each person scores for their own place: they pick it here first.
import { Fieldset, FieldsetLegend, FormFieldDescription } from '@utrecht/component-library-react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lab } from '../../../common/labs.ts';
import { RadioOption } from '../RadioOption.tsx';

const NO_PLACE = 'none';

/** Radio buttons for the lab's places and "no place"; `onPick` gets a place id or null. */
export function PlacePicker({
  places,
  value,
  isReadOnly,
  onPick,
}: {
  places: Lab['places'];
  /** The current choice: a place id, null for "no place", undefined before choosing. */
  value: string | null | undefined;
  isReadOnly: boolean;
  onPick: (placeId: string | null) => void;
}) {
  const { t } = useTranslation('trendscan');
  const id = useId();
  return (
    <Fieldset disabled={isReadOnly} aria-describedby={`${id}-hint`}>
      <FieldsetLegend>{t('place.legend')}</FieldsetLegend>
      <FormFieldDescription id={`${id}-hint`}>{t('place.hint')}</FormFieldDescription>
      {places.map((place) => (
        <RadioOption
          key={place.id}
          id={`${id}-${place.id}`}
          name={`${id}-place`}
          label={t('place.option', { name: place.name, municipality: place.municipality })}
          isChecked={value === place.id}
          onCheck={() => onPick(place.id)}
        />
      ))}
      <RadioOption
        id={`${id}-${NO_PLACE}`}
        name={`${id}-place`}
        label={t('place.none')}
        isChecked={value === null}
        onCheck={() => onPick(null)}
      />
    </Fieldset>
  );
}
