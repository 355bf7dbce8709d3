// Adding a place, or changing one: name, municipality, CBS code, description and DNA tags.
import { Button, ButtonGroup, Heading1, Paragraph } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { place as placeSchema, placeInput, type Place } from '../../../common/places.ts';
import { api, ApiError } from '../../api/client.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { TextareaField, TextField } from '../../components/Fields.tsx';
import { useApiForm } from '../../components/useApiForm.ts';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { flashState } from '../../components/FlashMessage.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { useApiData } from '../../api/useApiData.ts';
import { useOrgRole } from '../orgs/useOrgRole.ts';
import { topLevelFieldErrors } from './fieldErrors.ts';
import { formatTagList, parseTagList } from './tags.ts';
import { OnlyManagers } from './OnlyManagers.tsx';

function PlaceForm({ orgSlug, existing }: { orgSlug: string; existing: Place | null }) {
  const { t } = useTranslation('places');
  const navigate = useNavigate();
  const { errors, setErrors, isSubmitting, submit } = useApiForm();
  const [name, setName] = useState(existing?.name ?? '');
  const [municipality, setMunicipality] = useState(existing?.municipality ?? '');
  const [cbsCode, setCbsCode] = useState(existing?.cbsCode ?? '');
  const [description, setDescription] = useState(existing?.description ?? '');
  const [tags, setTags] = useState(formatTagList(existing?.dnaTags ?? []));
  const fields = topLevelFieldErrors(errors.fields);
  // The only way a CBS code goes wrong is its form; say which form, in the summary too.
  if (fields.cbsCode) fields.cbsCode = t('form.cbsCodeInvalid');
  const cancelTo = existing ? `/o/${orgSlug}/places/${existing.id}` : `/o/${orgSlug}/places`;

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const values = {
      name,
      municipality,
      // An emptied code is sent as null so an edit can remove it.
      cbsCode: cbsCode.trim() === '' ? null : cbsCode,
      description,
      dnaTags: parseTagList(tags),
    };
    const saved = await submit(placeInput, values, async (input) => {
      try {
        return await api(
          existing ? 'PATCH' : 'POST',
          existing ? `/orgs/${orgSlug}/places/${existing.id}` : `/orgs/${orgSlug}/places`,
          { body: input, schema: placeSchema },
        );
      } catch (error) {
        // The one clash a place can have: the same name in the same municipality.
        if (error instanceof ApiError && error.status === 409) {
          setErrors({ general: null, fields: { name: t('form.duplicate') } });
          return undefined;
        }
        throw error;
      }
    });
    if (!saved) return;
    await navigate(`/o/${orgSlug}/places/${saved.id}`, {
      state: flashState(t(existing ? 'form.updated' : 'form.created', { name: saved.name })),
    });
  }

  return (
    <div className="stadshart-form">
      <ErrorSummary
        errors={{ general: errors.general, fields }}
        fieldLabels={{
          name: t('fields.name'),
          municipality: t('fields.municipality'),
          cbsCode: t('fields.cbsCode'),
          description: t('fields.description'),
          dnaTags: t('fields.dnaTags'),
        }}
      />
      <form noValidate onSubmit={(event) => void handleSubmit(event)}>
        <TextField
          name="name"
          label={t('fields.name')}
          description={t('form.nameHint')}
          value={name}
          onChange={setName}
          error={fields.name}
          required
        />
        <TextField
          name="municipality"
          label={t('fields.municipality')}
          value={municipality}
          onChange={setMunicipality}
          error={fields.municipality}
          required
        />
        <TextField
          name="cbsCode"
          label={`${t('fields.cbsCode')} ${t('common:form.optional')}`}
          description={t('form.cbsCodeHint')}
          value={cbsCode}
          onChange={setCbsCode}
          error={fields.cbsCode}
          autoComplete="off"
        />
        <TextareaField
          name="description"
          label={`${t('fields.description')} ${t('common:form.optional')}`}
          value={description}
          onChange={setDescription}
          error={fields.description}
          rows={5}
        />
        <TextField
          name="dnaTags"
          label={`${t('fields.dnaTags')} ${t('common:form.optional')}`}
          description={t('form.dnaTagsHint')}
          value={tags}
          onChange={setTags}
          error={fields.dnaTags}
          autoComplete="off"
        />
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" busy={isSubmitting}>
            {existing ? t('form.saveChanges') : t('form.create')}
          </Button>
          <Link to={cancelTo} className="utrecht-link">
            {t('common:form.cancel')}
          </Link>
        </ButtonGroup>
      </form>
    </div>
  );
}

function EditPlace({ orgSlug, placeId }: { orgSlug: string; placeId: string }) {
  const place = useApiData(`/orgs/${orgSlug}/places/${placeId}`, placeSchema);
  return (
    <LoadState resource={place}>
      {(data) => <PlaceForm key={data.id} orgSlug={orgSlug} existing={data} />}
    </LoadState>
  );
}

/** The form for a new place (/places/new) or for changing one (/places/:placeId/edit). */
export function PlaceFormPage() {
  const { t } = useTranslation('places');
  const { orgSlug, canManagePlaces } = useOrgRole();
  const { placeId } = useParams<{ placeId: string }>();
  const title = placeId ? t('form.editTitle') : t('form.newTitle');
  usePageTitle(title);

  return (
    <>
      <Heading1>{title}</Heading1>
      {!canManagePlaces ? (
        <OnlyManagers />
      ) : (
        <>
          <Paragraph>{t('form.intro')}</Paragraph>
          {placeId ? (
            <EditPlace orgSlug={orgSlug} placeId={placeId} />
          ) : (
            <PlaceForm orgSlug={orgSlug} existing={null} />
          )}
        </>
      )}
    </>
  );
}
