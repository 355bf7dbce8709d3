// Adding a region, or changing one: its name, description and the places it groups.
import {
  Button,
  ButtonGroup,
  Fieldset,
  FieldsetLegend,
  FormFieldCheckbox,
  FormFieldDescription,
  FormFieldErrorMessage,
  Heading1,
} from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import {
  placeList,
  region as regionSchema,
  regionInput,
  type Place,
  type Region,
} from '../../../common/places.ts';
import { api } from '../../api/client.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { TextareaField, TextField } from '../../components/Fields.tsx';
import { useApiForm } from '../../components/useApiForm.ts';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { flashState } from '../../components/FlashMessage.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { useApiData, type ApiData } from '../../api/useApiData.ts';
import { useOrgRole } from '../orgs/useOrgRole.ts';
import { topLevelFieldErrors } from './fieldErrors.ts';
import { OnlyManagers } from './OnlyManagers.tsx';

function RegionForm({
  orgSlug,
  existing,
  places,
}: {
  orgSlug: string;
  existing: Region | null;
  places: Place[];
}) {
  const { t } = useTranslation('places');
  const navigate = useNavigate();
  const { errors, isSubmitting, submit } = useApiForm();
  const [name, setName] = useState(existing?.name ?? '');
  const [description, setDescription] = useState(existing?.description ?? '');
  const [chosen, setChosen] = useState<ReadonlySet<string>>(
    new Set(existing?.places.map((place) => place.id) ?? []),
  );
  const fields = topLevelFieldErrors(errors.fields);
  const cancelTo = existing ? `/o/${orgSlug}/regions/${existing.id}` : `/o/${orgSlug}/regions`;

  function toggle(placeId: string, isChecked: boolean) {
    const next = new Set(chosen);
    if (isChecked) next.add(placeId);
    else next.delete(placeId);
    setChosen(next);
  }

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    // Keep the order of the list on screen, so the request does not depend on click order.
    const placeIds = places.filter((place) => chosen.has(place.id)).map((place) => place.id);
    const saved = await submit(regionInput, { name, description, placeIds }, (input) =>
      api(
        existing ? 'PATCH' : 'POST',
        existing ? `/orgs/${orgSlug}/regions/${existing.id}` : `/orgs/${orgSlug}/regions`,
        { body: input, schema: regionSchema },
      ),
    );
    if (!saved) return;
    await navigate(`/o/${orgSlug}/regions/${saved.id}`, {
      state: flashState(
        t(existing ? 'regionForm.updated' : 'regionForm.created', { name: saved.name }),
      ),
    });
  }

  const placesError = fields.placeIds;
  return (
    <div className="stadshart-form">
      <ErrorSummary
        errors={{ general: errors.general, fields }}
        fieldLabels={{
          name: t('fields.regionName'),
          description: t('fields.description'),
          placeIds: t('regionForm.placesLegend'),
        }}
      />
      <form noValidate onSubmit={(event) => void handleSubmit(event)}>
        <TextField
          name="name"
          label={t('fields.regionName')}
          description={t('regionForm.nameHint')}
          value={name}
          onChange={setName}
          error={fields.name}
          required
        />
        <TextareaField
          name="description"
          label={`${t('fields.description')} ${t('common:form.optional')}`}
          value={description}
          onChange={setDescription}
          error={fields.description}
          rows={4}
        />
        <Fieldset
          id="field-placeIds"
          invalid={Boolean(placesError)}
          aria-describedby={
            placesError
              ? 'field-placeIds-description field-placeIds-error'
              : 'field-placeIds-description'
          }
        >
          <FieldsetLegend>{t('regionForm.placesLegend')}</FieldsetLegend>
          <FormFieldDescription id="field-placeIds-description">
            {places.length === 0 ? t('regionForm.noPlacesYet') : t('regionForm.placesHint')}
          </FormFieldDescription>
          {placesError && (
            <FormFieldErrorMessage id="field-placeIds-error">{placesError}</FormFieldErrorMessage>
          )}
          {places.map((place) => (
            <FormFieldCheckbox
              key={place.id}
              name="placeIds"
              value={place.id}
              label={t('region.placeLabel', { name: place.name, municipality: place.municipality })}
              checked={chosen.has(place.id)}
              onChange={(event) => toggle(place.id, event.target.checked)}
            />
          ))}
        </Fieldset>
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" busy={isSubmitting}>
            {existing ? t('regionForm.saveChanges') : t('regionForm.create')}
          </Button>
          <Link to={cancelTo} className="utrecht-link">
            {t('common:form.cancel')}
          </Link>
        </ButtonGroup>
      </form>
    </div>
  );
}

function WithPlaces({
  orgSlug,
  existing,
  places,
}: {
  orgSlug: string;
  existing: Region | null;
  places: ApiData<{ places: Place[] }>;
}) {
  return (
    <LoadState resource={places}>
      {(data) => (
        <RegionForm
          key={existing?.id ?? 'new'}
          orgSlug={orgSlug}
          existing={existing}
          places={data.places}
        />
      )}
    </LoadState>
  );
}

function EditRegion({ orgSlug, regionId }: { orgSlug: string; regionId: string }) {
  const region = useApiData(`/orgs/${orgSlug}/regions/${regionId}`, regionSchema);
  const places = useApiData(`/orgs/${orgSlug}/places`, placeList);
  return (
    <LoadState resource={region}>
      {(data) => <WithPlaces orgSlug={orgSlug} existing={data} places={places} />}
    </LoadState>
  );
}

function NewRegion({ orgSlug }: { orgSlug: string }) {
  const places = useApiData(`/orgs/${orgSlug}/places`, placeList);
  return <WithPlaces orgSlug={orgSlug} existing={null} places={places} />;
}

/** The form for a new region (/regions/new) or for changing one (/regions/:regionId/edit). */
export function RegionFormPage() {
  const { t } = useTranslation('places');
  const { orgSlug, canManagePlaces } = useOrgRole();
  const { regionId } = useParams<{ regionId: string }>();
  const title = regionId ? t('regionForm.editTitle') : t('regionForm.newTitle');
  usePageTitle(title);

  let body;
  if (!canManagePlaces) body = <OnlyManagers />;
  else if (regionId) body = <EditRegion orgSlug={orgSlug} regionId={regionId} />;
  else body = <NewRegion orgSlug={orgSlug} />;
  return (
    <>
      <Heading1>{title}</Heading1>
      {body}
    </>
  );
}
