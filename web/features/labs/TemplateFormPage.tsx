// A canvas template: its name, description, default flag and sections; admins edit, others look.
import {
  Button,
  ButtonGroup,
  Fieldset,
  FieldsetLegend,
  FormField,
  FormFieldCheckbox,
  FormFieldDescription,
  FormFieldErrorMessage,
  FormLabel,
  Heading1,
  Heading2,
  Heading3,
  OrderedList,
  OrderedListItem,
  Paragraph,
} from '@utrecht/component-library-react';
import { useEffect, useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import {
  canvasTemplate as templateSchema,
  canvasTemplateInput,
  updateCanvasTemplateRequest,
  type CanvasTemplate,
} from '../../../common/canvas-templates.ts';
import { SECTIONS_MAX } from '../../../common/activities/canvas.ts';
import { api } from '../../api/client.ts';
import { useApiData } from '../../api/useApiData.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { TextareaField, TextField } from '../../components/Fields.tsx';
import { flashState } from '../../components/FlashMessage.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { useApiForm } from '../../components/useApiForm.ts';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { useOrgRole } from '../orgs/useOrgRole.ts';
import { ConfirmAction } from '../../components/ConfirmAction.tsx';
import { moveItem } from './moveItem.ts';
import { assignSectionKeys } from './sectionKeys.ts';

const NEW_SECTION_COLOUR = '#fbe7a1';
const HEX_COLOUR = /^#[0-9a-fA-F]{6}$/;

interface DraftSection {
  /** Identifies the row on screen only (React key, focus); never sent. */
  uid: number;
  /** The saved key; null for a section added in this form (a key is made from its title). */
  key: string | null;
  title: string;
  prompt: string;
  colour: string;
}

let nextUid = 1;
function draftOf(section: { key: string | null; title: string; prompt: string; colour: string }) {
  return { ...section, uid: nextUid++ };
}

/** The colour picker and its text alternative (for people who cannot use the picker, or know the code). */
function ColourField({
  name,
  label,
  hexLabel,
  value,
  error,
  onChange,
}: {
  name: string;
  label: string;
  hexLabel: string;
  value: string;
  error: string | undefined;
  onChange: (value: string) => void;
}) {
  const errorId = `field-${name}-error`;
  return (
    <FormField invalid={Boolean(error)} type="text">
      <Paragraph className="utrecht-form-field__label">
        <FormLabel htmlFor={`field-${name}`}>{label}</FormLabel>
      </Paragraph>
      {error && <FormFieldErrorMessage id={errorId}>{error}</FormFieldErrorMessage>}
      <Paragraph className="utrecht-form-field__input stadshart-colour-field">
        <input
          id={`field-${name}`}
          type="color"
          value={HEX_COLOUR.test(value) ? value.toLowerCase() : '#000000'}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          onChange={(event: ChangeEvent<HTMLInputElement>) => onChange(event.target.value)}
        />
        <span className="stadshart-colour-field__hex">
          <FormLabel htmlFor={`field-${name}-hex`}>{hexLabel}</FormLabel>
          <input
            id={`field-${name}-hex`}
            className="utrecht-textbox utrecht-textbox--html-input"
            type="text"
            size={8}
            maxLength={7}
            spellCheck={false}
            autoComplete="off"
            value={value}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? errorId : undefined}
            onChange={(event: ChangeEvent<HTMLInputElement>) => onChange(event.target.value)}
          />
        </span>
      </Paragraph>
    </FormField>
  );
}

function TemplateForm({ orgSlug, existing }: { orgSlug: string; existing: CanvasTemplate | null }) {
  const { t } = useTranslation('labs');
  const navigate = useNavigate();
  const { errors, isSubmitting, submit, clearErrors } = useApiForm();
  const [saved, setSaved] = useState(existing);
  const [name, setName] = useState(existing?.name ?? '');
  const [description, setDescription] = useState(existing?.description ?? '');
  const [isDefault, setDefault] = useState(existing?.isDefault ?? false);
  const [sections, setSections] = useState<DraftSection[]>(() =>
    existing
      ? existing.sections.map(draftOf)
      : [draftOf({ key: null, title: '', prompt: '', colour: NEW_SECTION_COLOUR })],
  );
  const [status, setStatus] = useState<string | null>(null);
  const [focusKey, setFocusKey] = useState<string | null>(null);
  const focusables = useRef(new Map<string, HTMLElement>());
  const wasDefault = saved?.isDefault ?? false;

  useEffect(() => {
    if (!focusKey) return;
    const target = focusables.current.get(focusKey);
    // A new section's wrapper is registered; its title input is where typing starts.
    (target?.querySelector('input') ?? target)?.focus();
    setFocusKey(null);
  }, [focusKey]);

  function register(key: string) {
    return (element: HTMLElement | null) => {
      if (element) focusables.current.set(key, element);
      else focusables.current.delete(key);
    };
  }

  function change(uid: number, patch: Partial<Omit<DraftSection, 'uid' | 'key'>>) {
    setSections(
      sections.map((section) => (section.uid === uid ? { ...section, ...patch } : section)),
    );
  }

  function move(index: number, offset: number) {
    const section = sections[index];
    if (!section) return;
    const next = moveItem(sections, index, offset);
    const position = next.indexOf(section);
    setSections(next);
    // Errors are named by position ("sections.0.title"); after a move they would point elsewhere.
    clearErrors();
    setStatus(
      t('templateForm.moved', {
        title: section.title || t('templateForm.newSection'),
        position: position + 1,
      }),
    );
    // At either end the button pressed is gone; the other direction's button is still there.
    const direction =
      offset < 0 ? (position === 0 ? 'down' : 'up') : position === next.length - 1 ? 'up' : 'down';
    setFocusKey(`${section.uid}:${direction}`);
  }

  function remove(index: number) {
    setSections(sections.filter((_, at) => at !== index));
    clearErrors();
    setStatus(t('templateForm.sectionRemoved'));
    setFocusKey('add');
  }

  function add() {
    const section = draftOf({ key: null, title: '', prompt: '', colour: NEW_SECTION_COLOUR });
    setSections([...sections, section]);
    setStatus(null);
    setFocusKey(`${section.uid}:title`);
  }

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    setStatus(null);
    const body = assignSectionKeys(sections).map(({ key, title, prompt, colour }) => ({
      key,
      title,
      prompt,
      colour,
    }));
    if (!saved) {
      const created = await submit(
        canvasTemplateInput,
        { name, description, isDefault, sections: body },
        (input) =>
          api('POST', `/orgs/${orgSlug}/canvas-templates`, { body: input, schema: templateSchema }),
      );
      if (!created) return;
      await navigate(`/o/${orgSlug}/canvas-templates`, {
        state: flashState(t('templateForm.created', { name: created.name })),
      });
      return;
    }
    // The default stays the default until another template takes over, so it is never unset here.
    const values = wasDefault
      ? { name, description, sections: body }
      : { name, description, sections: body, isDefault };
    const updated = await submit(updateCanvasTemplateRequest, values, (input) =>
      api('PATCH', `/orgs/${orgSlug}/canvas-templates/${saved.id}`, {
        body: input,
        schema: templateSchema,
      }),
    );
    if (!updated) return;
    setSaved(updated);
    setDefault(updated.isDefault);
    setSections(updated.sections.map(draftOf));
    setStatus(t('templateForm.updated', { name: updated.name }));
  }

  const fieldLabels: Record<string, string> = {
    name: t('templateForm.name'),
    description: t('templateForm.description'),
    isDefault: t('templateForm.isDefault'),
    sections: t('templateForm.sectionsLegend'),
  };
  sections.forEach((_, index) => {
    const section = t('templateForm.section', { position: index + 1 });
    fieldLabels[`sections.${index}.title`] = `${section}: ${t('templateForm.sectionTitle')}`;
    fieldLabels[`sections.${index}.prompt`] = `${section}: ${t('templateForm.sectionPrompt')}`;
    fieldLabels[`sections.${index}.colour`] = `${section}: ${t('templateForm.sectionColour')}`;
    fieldLabels[`sections.${index}.key`] = `${section}: ${t('templateForm.sectionTitle')}`;
  });
  const sectionsError = errors.fields.sections;

  return (
    <div className="stadshart-form">
      <ErrorSummary errors={errors} fieldLabels={fieldLabels} />
      <form noValidate onSubmit={(event) => void handleSubmit(event)}>
        <TextField
          name="name"
          label={t('templateForm.name')}
          value={name}
          onChange={setName}
          error={errors.fields.name}
          autoComplete="off"
          required
        />
        <TextareaField
          name="description"
          label={`${t('templateForm.description')} ${t('common:form.optional')}`}
          value={description}
          onChange={setDescription}
          error={errors.fields.description}
          rows={3}
        />
        <div id="field-isDefault">
          <FormFieldCheckbox
            name="isDefault"
            label={t('templateForm.isDefault')}
            description={
              wasDefault ? t('templateForm.archiveDefault') : t('templateForm.isDefaultHint')
            }
            checked={isDefault}
            disabled={wasDefault}
            invalid={Boolean(errors.fields.isDefault)}
            errorMessage={errors.fields.isDefault}
            onChange={(event: ChangeEvent<HTMLInputElement>) => setDefault(event.target.checked)}
          />
        </div>
        <Fieldset
          id="field-sections"
          invalid={Boolean(sectionsError)}
          aria-describedby={
            sectionsError
              ? 'field-sections-description field-sections-error'
              : 'field-sections-description'
          }
        >
          <FieldsetLegend>{t('templateForm.sectionsLegend')}</FieldsetLegend>
          <FormFieldDescription id="field-sections-description">
            {t('templateForm.sectionsHint')}
          </FormFieldDescription>
          {sectionsError && (
            <FormFieldErrorMessage id="field-sections-error">{sectionsError}</FormFieldErrorMessage>
          )}
          <OrderedList className="stadshart-sections">
            {sections.map((section, index) => {
              const prefix = `sections.${index}`;
              const heading = t('templateForm.section', { position: index + 1 });
              const named = section.title.trim() || t('templateForm.newSection');
              return (
                <OrderedListItem key={section.uid} className="stadshart-sections__item">
                  <Heading3>
                    {heading}: {named}
                  </Heading3>
                  <div ref={register(`${section.uid}:title`)}>
                    <TextField
                      name={`${prefix}.title`}
                      label={t('templateForm.sectionTitle')}
                      value={section.title}
                      onChange={(title) => change(section.uid, { title })}
                      error={errors.fields[`${prefix}.title`] ?? errors.fields[`${prefix}.key`]}
                      autoComplete="off"
                      required
                    />
                  </div>
                  <TextareaField
                    name={`${prefix}.prompt`}
                    label={`${t('templateForm.sectionPrompt')} ${t('common:form.optional')}`}
                    value={section.prompt}
                    onChange={(prompt) => change(section.uid, { prompt })}
                    error={errors.fields[`${prefix}.prompt`]}
                    rows={2}
                  />
                  <ColourField
                    name={`${prefix}.colour`}
                    label={t('templateForm.sectionColour')}
                    hexLabel={t('templateForm.sectionColourHex')}
                    value={section.colour}
                    error={errors.fields[`${prefix}.colour`]}
                    onChange={(colour) => change(section.uid, { colour })}
                  />
                  <ButtonGroup>
                    {index > 0 && (
                      <Button
                        ref={register(`${section.uid}:up`)}
                        appearance="secondary-action-button"
                        onClick={() => move(index, -1)}
                      >
                        {t('templateForm.moveUp')}
                        <span className="stadshart-visually-hidden">
                          : {heading}, {named}
                        </span>
                      </Button>
                    )}
                    {index < sections.length - 1 && (
                      <Button
                        ref={register(`${section.uid}:down`)}
                        appearance="secondary-action-button"
                        onClick={() => move(index, 1)}
                      >
                        {t('templateForm.moveDown')}
                        <span className="stadshart-visually-hidden">
                          : {heading}, {named}
                        </span>
                      </Button>
                    )}
                    {sections.length > 1 && (
                      <Button
                        appearance="secondary-action-button"
                        hint="danger"
                        onClick={() => remove(index)}
                      >
                        {t('templateForm.removeSection')}
                        <span className="stadshart-visually-hidden">
                          : {heading}, {named}
                        </span>
                      </Button>
                    )}
                  </ButtonGroup>
                </OrderedListItem>
              );
            })}
          </OrderedList>
          {sections.length < SECTIONS_MAX && (
            <ButtonGroup>
              <Button ref={register('add')} appearance="secondary-action-button" onClick={add}>
                {t('templateForm.addSection')}
              </Button>
            </ButtonGroup>
          )}
        </Fieldset>
        <StatusMessage message={status} />
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" busy={isSubmitting}>
            {saved ? t('templateForm.saveChanges') : t('templateForm.create')}
          </Button>
          <Link to={`/o/${orgSlug}/canvas-templates`} className="utrecht-link">
            {t('common:form.cancel')}
          </Link>
        </ButtonGroup>
      </form>

      {saved && (
        <section aria-labelledby="template-archive-title">
          <Heading2 id="template-archive-title">{t('templateForm.archiveTitle')}</Heading2>
          {saved.isDefault ? (
            <Paragraph>{t('templateForm.archiveDefault')}</Paragraph>
          ) : (
            <ConfirmAction
              label={t('templateForm.archive')}
              question={t('templateForm.confirmArchive', { name: saved.name })}
              confirmLabel={t('templateForm.confirmArchiveButton')}
              onConfirm={async () => {
                await api('DELETE', `/orgs/${orgSlug}/canvas-templates/${saved.id}`);
                await navigate(`/o/${orgSlug}/canvas-templates`, {
                  state: flashState(t('templateForm.archived', { name: saved.name })),
                });
              }}
            />
          )}
        </section>
      )}
    </div>
  );
}

/** What members who are not admins see: the template as it is. */
function TemplateView({ template }: { template: CanvasTemplate }) {
  const { t } = useTranslation('labs');
  return (
    <>
      {template.description && <Paragraph>{template.description}</Paragraph>}
      {template.isDefault && <Paragraph>{t('templateForm.isDefaultHint')}</Paragraph>}
      <Heading2>{t('templateForm.sectionsLegend')}</Heading2>
      <OrderedList>
        {template.sections.map((section) => (
          <OrderedListItem key={section.key}>
            <span
              className="stadshart-swatch"
              aria-hidden="true"
              style={{ backgroundColor: section.colour }}
            />{' '}
            <strong>{section.title}</strong> ({section.colour}):{' '}
            {section.prompt || t('templateForm.noPrompt')}
          </OrderedListItem>
        ))}
      </OrderedList>
    </>
  );
}

function ExistingTemplate({
  orgSlug,
  templateId,
  isAdmin,
  onName,
}: {
  orgSlug: string;
  templateId: string;
  isAdmin: boolean;
  onName: (name: string) => void;
}) {
  const template = useApiData(`/orgs/${orgSlug}/canvas-templates/${templateId}`, templateSchema);
  const loadedName = template.data?.name;
  useEffect(() => {
    if (loadedName) onName(loadedName);
  }, [loadedName, onName]);
  return (
    <LoadState resource={template}>
      {(data) =>
        isAdmin ? (
          <TemplateForm key={data.id} orgSlug={orgSlug} existing={data} />
        ) : (
          <TemplateView template={data} />
        )
      }
    </LoadState>
  );
}

/** New template (/canvas-templates/new), or one template (/canvas-templates/:templateId). */
export function TemplateFormPage() {
  const { t } = useTranslation('labs');
  const { orgSlug, isAdmin } = useOrgRole();
  const { templateId } = useParams<{ templateId: string }>();
  const [name, setName] = useState<string | null>(null);
  let title = t('templateForm.newTitle');
  if (templateId)
    title = isAdmin ? t('templateForm.editTitle') : (name ?? t('templateForm.viewTitle'));
  usePageTitle(title);

  let body;
  if (templateId) {
    body = (
      <ExistingTemplate
        orgSlug={orgSlug}
        templateId={templateId}
        isAdmin={isAdmin}
        onName={setName}
      />
    );
  } else if (isAdmin) {
    body = (
      <>
        <Paragraph>{t('templateForm.intro')}</Paragraph>
        <TemplateForm orgSlug={orgSlug} existing={null} />
      </>
    );
  } else {
    body = <Paragraph>{t('templateForm.onlyAdmins')}</Paragraph>;
  }
  return (
    <>
      <Heading1>{title}</Heading1>
      <Paragraph>
        <Link to={`/o/${orgSlug}/canvas-templates`} className="utrecht-link">
          {t('templates.back')}
        </Link>
      </Paragraph>
      {body}
    </>
  );
}
