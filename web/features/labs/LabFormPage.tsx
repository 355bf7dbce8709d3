// Preparing a lab, or changing one: title, question, kind, places, date, venue, facilitators and template.
import {
  Button,
  ButtonGroup,
  FormFieldCheckbox,
  Heading1,
  Paragraph,
} from '@utrecht/component-library-react';
import { useState, type ChangeEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { canvasTemplateList, type CanvasTemplate } from '../../../common/canvas-templates.ts';
import {
  lab as labSchema,
  labInput,
  labKinds,
  updateLabRequest,
  type Lab,
  type LabKind,
} from '../../../common/labs.ts';
import { memberList, type Member } from '../../../common/orgs.ts';
import { placeList, regionList, type Place, type Region } from '../../../common/places.ts';
import { hasRoleAtLeast } from '../../../common/roles.ts';
import { api } from '../../api/client.ts';
import { useApiData, type ApiData } from '../../api/useApiData.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { SelectField, TextareaField, TextField } from '../../components/Fields.tsx';
import { flashState } from '../../components/FlashMessage.tsx';
import { LoadProblem } from '../../components/LoadState.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { useApiForm } from '../../components/useApiForm.ts';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { useSession } from '../../session/SessionProvider.tsx';
import { useOrgRole } from '../orgs/useOrgRole.ts';
import { topLevelFieldErrors } from '../places/fieldErrors.ts';
import { CheckboxGroupField, RadioGroupField } from './LabFields.tsx';
import { fromLocalInput, toLocalInput } from './localDateTime.ts';

interface Person {
  id: string;
  name: string;
  role: Member['role'] | null;
}

/**
 * Who can be chosen as facilitator: active facilitators and admins from the member list (when the
 * person may read it), the lab's present facilitators, and the person themselves, who comes first.
 */
function facilitatorChoices(
  me: { id: string; name: string },
  members: Member[] | null,
  existing: Lab | null,
): Person[] {
  const people = new Map<string, Person>();
  for (const member of members ?? []) {
    if (member.status !== 'active' || !hasRoleAtLeast(member.role, 'facilitator')) continue;
    people.set(member.userId, {
      id: member.userId,
      name: member.name || member.email,
      role: member.role,
    });
  }
  for (const person of existing?.facilitators ?? []) {
    if (!people.has(person.id)) people.set(person.id, { ...person, role: null });
  }
  const self = people.get(me.id) ?? { ...me, role: null };
  people.delete(me.id);
  const others = [...people.values()].sort((a, b) => a.name.localeCompare(b.name));
  return [self, ...others];
}

function LabForm({
  orgSlug,
  existing,
  places,
  regions,
  templates,
  members,
}: {
  orgSlug: string;
  existing: Lab | null;
  places: Place[];
  regions: Region[];
  /** null when the templates could not be loaded (the server then uses the default). */
  templates: CanvasTemplate[] | null;
  /** null when the person may not read the member list. */
  members: Member[] | null;
}) {
  const { t } = useTranslation('labs');
  const navigate = useNavigate();
  const { session } = useSession();
  const me = { id: session?.user?.id ?? '', name: session?.user?.name ?? '' };
  const { errors, isSubmitting, submit } = useApiForm();
  const [title, setTitle] = useState(existing?.title ?? '');
  const [question, setQuestion] = useState(existing?.question ?? '');
  const [kind, setKind] = useState<LabKind>(existing?.kind ?? 'local');
  const [chosenPlaces, setChosenPlaces] = useState<ReadonlySet<string>>(
    new Set(existing?.places.map((place) => place.id) ?? []),
  );
  const [regionId, setRegionId] = useState(existing?.regionId ?? '');
  const [startsAt, setStartsAt] = useState(toLocalInput(existing?.startsAt ?? null));
  const [venue, setVenue] = useState(existing?.venue ?? '');
  const people = facilitatorChoices(me, members, existing);
  const [chosenFacilitators, setChosenFacilitators] = useState<ReadonlySet<string>>(
    new Set(existing ? existing.facilitators.map((person) => person.id) : [me.id]),
  );
  const [isAnonymous, setAnonymous] = useState(existing?.anonymous ?? false);
  const [templateId, setTemplateId] = useState(
    templates?.find((template) => template.isDefault)?.id ?? templates?.[0]?.id ?? '',
  );
  const [status, setStatus] = useState<string | null>(null);
  const fields = topLevelFieldErrors(errors.fields);
  const cancelTo = existing ? `/o/${orgSlug}/labs/${existing.id}` : `/o/${orgSlug}/labs`;

  function chooseRegion(next: string) {
    setRegionId(next);
    const region = regions.find((candidate) => candidate.id === next);
    if (!region) {
      setStatus(null);
      return;
    }
    // Adds the region's places to what is ticked already, so no earlier choice is lost.
    setChosenPlaces(new Set([...chosenPlaces, ...region.places.map((place) => place.id)]));
    setStatus(t('form.regionFilled', { region: region.name }));
  }

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    setStatus(null);
    const values = {
      title,
      question,
      kind,
      // The order on screen, so the request does not depend on the order of clicking.
      placeIds: places.filter((place) => chosenPlaces.has(place.id)).map((place) => place.id),
      regionId: regionId === '' ? null : regionId,
      startsAt: fromLocalInput(startsAt),
      venue,
      facilitatorIds: people
        .filter((person) => chosenFacilitators.has(person.id))
        .map((person) => person.id),
      anonymous: isAnonymous,
    };
    const saved = existing
      ? await submit(updateLabRequest, values, (input) =>
          api('PATCH', `/orgs/${orgSlug}/labs/${existing.id}`, { body: input, schema: labSchema }),
        )
      : await submit(
          labInput,
          { ...values, templateId: templateId === '' ? null : templateId },
          (input) => api('POST', `/orgs/${orgSlug}/labs`, { body: input, schema: labSchema }),
        );
    if (!saved) return;
    await navigate(`/o/${orgSlug}/labs/${saved.id}`, {
      state: flashState(existing ? t('form.updated') : t('form.created', { title: saved.title })),
    });
  }

  const placeLabel = (place: { name: string; municipality: string }) =>
    place.name === place.municipality ? place.name : `${place.name} (${place.municipality})`;

  return (
    <div className="stadshart-form">
      <Paragraph>{t('form.intro')}</Paragraph>
      <ErrorSummary
        errors={{ general: errors.general, fields }}
        fieldLabels={{
          title: t('fields.title'),
          question: t('fields.question'),
          kind: t('fields.kind'),
          placeIds: t('fields.places'),
          regionId: t('fields.region'),
          startsAt: t('fields.startsAt'),
          venue: t('fields.venue'),
          facilitatorIds: t('fields.facilitators'),
          anonymous: t('fields.anonymous'),
          templateId: t('fields.template'),
        }}
      />
      <form noValidate onSubmit={(event) => void handleSubmit(event)}>
        <TextField
          name="title"
          label={t('fields.title')}
          description={t('form.titleHint')}
          value={title}
          onChange={setTitle}
          error={fields.title}
          autoComplete="off"
          required
        />
        <TextareaField
          name="question"
          label={`${t('fields.question')} ${t('common:form.optional')}`}
          description={t('form.questionHint')}
          value={question}
          onChange={setQuestion}
          error={fields.question}
          rows={4}
        />
        <RadioGroupField
          name="kind"
          legend={t('fields.kind')}
          error={fields.kind}
          value={kind}
          onChange={(next) => setKind(next as LabKind)}
          choices={labKinds.map((value) => ({
            value,
            label: t(`kinds.${value}`),
            description: t(`kindHints.${value}`),
          }))}
        />
        {regions.length > 0 && (
          <SelectField
            name="regionId"
            label={`${t('fields.region')} ${t('common:form.optional')}`}
            description={t('form.regionHint')}
            value={regionId}
            onChange={chooseRegion}
            error={fields.regionId}
            options={[
              { value: '', label: t('form.regionNone') },
              ...regions.map((region) => ({ value: region.id, label: region.name })),
            ]}
          />
        )}
        <StatusMessage message={status} />
        <CheckboxGroupField
          name="placeIds"
          legend={t('fields.places')}
          description={places.length === 0 ? t('form.noPlaces') : t('form.placesHint')}
          error={fields.placeIds}
          chosen={chosenPlaces}
          onChange={setChosenPlaces}
          choices={places.map((place) => ({ value: place.id, label: placeLabel(place) }))}
        />
        <TextField
          type="datetime-local"
          name="startsAt"
          label={`${t('fields.startsAt')} ${t('common:form.optional')}`}
          description={t('form.startsAtHint')}
          value={startsAt}
          onChange={setStartsAt}
          error={fields.startsAt}
        />
        <TextField
          name="venue"
          label={`${t('fields.venue')} ${t('common:form.optional')}`}
          description={t('form.venueHint')}
          value={venue}
          onChange={setVenue}
          error={fields.venue}
        />
        <CheckboxGroupField
          name="facilitatorIds"
          legend={t('fields.facilitators')}
          description={members ? t('form.facilitatorsHint') : t('form.facilitatorsOnlySelf')}
          error={fields.facilitatorIds}
          chosen={chosenFacilitators}
          onChange={setChosenFacilitators}
          choices={people.map((person) => ({
            value: person.id,
            label:
              person.id === me.id
                ? t('form.facilitatorSelf', { name: person.name })
                : person.role
                  ? t('form.facilitatorLabel', {
                      name: person.name,
                      role: t(`common:roles.${person.role}`),
                    })
                  : person.name,
          }))}
        />
        <div id="field-anonymous">
          <FormFieldCheckbox
            name="anonymous"
            label={t('form.anonymousLabel')}
            description={t('form.anonymousHint')}
            invalid={Boolean(fields.anonymous)}
            errorMessage={fields.anonymous}
            checked={isAnonymous}
            onChange={(event: ChangeEvent<HTMLInputElement>) => setAnonymous(event.target.checked)}
          />
        </div>
        {!existing &&
          (templates && templates.length > 0 ? (
            <SelectField
              name="templateId"
              label={t('fields.template')}
              description={t('form.templateHint')}
              value={templateId}
              onChange={setTemplateId}
              error={fields.templateId}
              options={templates.map((template) => ({
                value: template.id,
                label: template.isDefault
                  ? t('form.templateDefault', { name: template.name })
                  : template.name,
              }))}
            />
          ) : (
            <Paragraph>{t('form.templatesUnavailable')}</Paragraph>
          ))}
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

/** Waits for the form's lists; the templates and members are extras the form can do without. */
function WithLists({
  orgSlug,
  existing,
  isAdmin,
}: {
  orgSlug: string;
  existing: Lab | null;
  isAdmin: boolean;
}) {
  const { t } = useTranslation();
  const places = useApiData(`/orgs/${orgSlug}/places`, placeList);
  const regions = useApiData(`/orgs/${orgSlug}/regions`, regionList);
  const templates = useApiData(
    existing ? null : `/orgs/${orgSlug}/canvas-templates`,
    canvasTemplateList,
  );
  const members = useApiData(isAdmin ? `/orgs/${orgSlug}/members` : null, memberList);
  const required: ApiData<unknown>[] = [places, regions];
  const failed = required.find((resource) => resource.error);
  if (failed) return <LoadProblem error={failed.error} />;
  if (!places.data || !regions.data || templates.isLoading || members.isLoading) {
    return <Paragraph role="status">{t('loading')}</Paragraph>;
  }
  return (
    <LabForm
      key={existing?.id ?? 'new'}
      orgSlug={orgSlug}
      existing={existing}
      places={places.data.places}
      regions={regions.data.regions}
      templates={templates.data?.templates ?? null}
      members={members.data?.members ?? null}
    />
  );
}

function EditLab({
  orgSlug,
  labId,
  isAdmin,
}: {
  orgSlug: string;
  labId: string;
  isAdmin: boolean;
}) {
  const { t } = useTranslation('labs');
  const lab = useApiData(`/orgs/${orgSlug}/labs/${labId}`, labSchema);
  if (lab.error) return <LoadProblem error={lab.error} />;
  if (!lab.data) return <Paragraph role="status">{t('common:loading')}</Paragraph>;
  if (!lab.data.can.edit) return <Paragraph>{t('form.notEditable')}</Paragraph>;
  return <WithLists orgSlug={orgSlug} existing={lab.data} isAdmin={isAdmin} />;
}

/** The form for a new lab (/labs/new) or for changing one (/labs/:labId/edit). */
export function LabFormPage() {
  const { t } = useTranslation('labs');
  const { orgSlug, role, isAdmin } = useOrgRole();
  const { labId } = useParams<{ labId: string }>();
  const title = labId ? t('form.editTitle') : t('form.newTitle');
  usePageTitle(title);
  const mayPrepare = role !== null && hasRoleAtLeast(role, 'facilitator');

  let body;
  if (!mayPrepare) body = <Paragraph>{t('form.onlyFacilitators')}</Paragraph>;
  else if (labId) body = <EditLab orgSlug={orgSlug} labId={labId} isAdmin={isAdmin} />;
  else body = <WithLists orgSlug={orgSlug} existing={null} isAdmin={isAdmin} />;
  return (
    <>
      <Heading1>{title}</Heading1>
      {body}
      <Paragraph>
        <Link to={`/o/${orgSlug}/labs`} className="utrecht-link">
          {t('lab.back')}
        </Link>
      </Paragraph>
    </>
  );
}
