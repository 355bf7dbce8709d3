// The admin's settings of an organisation: its name, primary colour and logo.
import {
  Alert,
  Button,
  ButtonGroup,
  FormField,
  FormFieldDescription,
  FormFieldErrorMessage,
  FormLabel,
  Heading1,
  Heading2,
  Paragraph,
} from '@utrecht/component-library-react';
import { useEffect, useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { hexColour } from '../../../common/fields.ts';
import {
  LOGO_MAX_BYTES,
  logoMediaTypes,
  organisation,
  updateOrganisationRequest,
  type Organisation,
} from '../../../common/orgs.ts';
import { api } from '../../api/client.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { TextField } from '../../components/Fields.tsx';
import { useApiForm } from '../../components/useApiForm.ts';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { formatNumber } from '../../i18n/i18n.ts';
import { MIN_TEXT_CONTRAST, isWhiteTextReadableOn, whiteTextContrast } from './contrast.ts';
import { useOrg } from './OrgContext.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';

const acceptedLogoTypes: readonly string[] = logoMediaTypes;

function formatRatio(ratio: number): string {
  // Rounded down, so a colour shown as "4,5 : 1" never fails the check it appears to pass.
  return formatNumber(Math.floor(ratio * 10) / 10, {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });
}

function DetailsForm({
  org,
  onSaved,
}: {
  org: Organisation;
  onSaved: (next: Organisation) => void;
}) {
  const { t } = useTranslation('orgs');
  const { errors, setErrors, isSubmitting, submit } = useApiForm();
  const [name, setName] = useState(org.name);
  const [colour, setColour] = useState(org.primaryColour);
  const [status, setStatus] = useState<string | null>(null);

  const isColourValid = hexColour.safeParse(colour).success;
  const ratio = isColourValid ? whiteTextContrast(colour) : null;

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    setStatus(null);
    if (!isColourValid) {
      setErrors({ general: null, fields: { primaryColour: t('settings.colourInvalid') } });
      return;
    }
    if (!isWhiteTextReadableOn(colour)) {
      setErrors({
        general: null,
        fields: {
          primaryColour: t('settings.colourTooLight', {
            ratio: formatRatio(whiteTextContrast(colour)),
            minimum: formatNumber(MIN_TEXT_CONTRAST),
          }),
        },
      });
      return;
    }
    const saved = await submit(
      updateOrganisationRequest,
      { name, primaryColour: colour },
      (input) => api('PATCH', `/orgs/${org.slug}`, { body: input, schema: organisation }),
    );
    if (!saved) return;
    onSaved(saved);
    setStatus(t('settings.saved'));
  }

  const colourError = errors.fields.primaryColour;
  return (
    <section aria-labelledby="details-title" className="stadshart-form">
      <Heading2 id="details-title">{t('settings.detailsTitle')}</Heading2>
      <ErrorSummary
        errors={errors}
        fieldLabels={{ name: t('settings.name'), primaryColour: t('settings.colour') }}
      />
      <form noValidate onSubmit={(event) => void handleSubmit(event)}>
        <TextField
          name="name"
          label={t('settings.name')}
          value={name}
          onChange={setName}
          error={errors.fields.name}
          autoComplete="organization"
          required
        />
        <FormField invalid={Boolean(colourError)} type="text">
          <Paragraph className="utrecht-form-field__label">
            <FormLabel htmlFor="field-primaryColour">{t('settings.colour')}</FormLabel>
          </Paragraph>
          <FormFieldDescription id="field-primaryColour-description">
            {t('settings.colourHint', { minimum: formatNumber(MIN_TEXT_CONTRAST) })}
          </FormFieldDescription>
          {colourError && (
            <FormFieldErrorMessage id="field-primaryColour-error">
              {colourError}
            </FormFieldErrorMessage>
          )}
          <Paragraph className="utrecht-form-field__input stadshart-colour-field">
            <input
              id="field-primaryColour"
              name="primaryColour"
              type="color"
              value={isColourValid ? colour.toLowerCase() : '#000000'}
              aria-invalid={colourError ? true : undefined}
              aria-describedby={
                colourError
                  ? 'field-primaryColour-description field-primaryColour-error'
                  : 'field-primaryColour-description'
              }
              onChange={(event: ChangeEvent<HTMLInputElement>) => setColour(event.target.value)}
            />
            <span className="stadshart-colour-field__hex">
              <FormLabel htmlFor="field-primaryColourHex">{t('settings.colourHex')}</FormLabel>
              <input
                id="field-primaryColourHex"
                className="utrecht-textbox utrecht-textbox--html-input"
                type="text"
                size={8}
                maxLength={7}
                spellCheck={false}
                autoComplete="off"
                value={colour}
                onChange={(event: ChangeEvent<HTMLInputElement>) => setColour(event.target.value)}
              />
            </span>
          </Paragraph>
        </FormField>
        {/* White text on a too-light colour would itself fail the contrast rule (axe: serious);
            the sentence below and the colour input's swatch already show why it is refused. */}
        {ratio !== null && ratio >= MIN_TEXT_CONTRAST && (
          <div className="stadshart-colour-preview" style={{ backgroundColor: colour }}>
            {t('settings.preview')}
          </div>
        )}
        <Paragraph>
          {ratio === null
            ? t('settings.colourInvalid')
            : t(ratio >= MIN_TEXT_CONTRAST ? 'settings.contrastOk' : 'settings.contrastTooLow', {
                ratio: formatRatio(ratio),
                minimum: formatNumber(MIN_TEXT_CONTRAST),
              })}
        </Paragraph>
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" busy={isSubmitting}>
            {t('settings.save')}
          </Button>
        </ButtonGroup>
      </form>
      <StatusMessage message={status} />
    </section>
  );
}

function LogoForm({ org, onSaved }: { org: Organisation; onSaved: (next: Organisation) => void }) {
  const { t } = useTranslation('orgs');
  const { describe } = useApiForm();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);

  // The CSP allows data: images but not blob: URLs, so the preview is read as a data URL.
  useEffect(() => {
    if (!file) {
      setPreview(null);
      return;
    }
    let isCurrent = true;
    const reader = new FileReader();
    reader.onload = () => {
      if (isCurrent && typeof reader.result === 'string') setPreview(reader.result);
    };
    reader.readAsDataURL(file);
    return () => {
      isCurrent = false;
      reader.abort();
    };
  }, [file]);

  function choose(event: ChangeEvent<HTMLInputElement>) {
    setStatus(null);
    setError(null);
    const chosen = event.target.files?.[0] ?? null;
    if (chosen && !acceptedLogoTypes.includes(chosen.type)) {
      setFile(null);
      setError(t('settings.logoWrongType'));
      return;
    }
    if (chosen && chosen.size > LOGO_MAX_BYTES) {
      setFile(null);
      setError(
        t('settings.logoTooLarge', {
          size: formatNumber(Math.ceil(chosen.size / 1024)),
          max: formatNumber(LOGO_MAX_BYTES / 1024),
        }),
      );
      return;
    }
    setFile(chosen);
  }

  async function change(action: 'upload' | 'remove') {
    setStatus(null);
    setError(null);
    if (action === 'upload' && !file) {
      setError(t('settings.logoNoFile'));
      inputRef.current?.focus();
      return;
    }
    setBusy(true);
    try {
      const saved =
        action === 'upload' && file
          ? await api('PUT', `/orgs/${org.slug}/logo`, {
              raw: { data: file, contentType: file.type },
              schema: organisation,
            })
          : await api('DELETE', `/orgs/${org.slug}/logo`, { schema: organisation });
      onSaved(saved);
      setFile(null);
      if (inputRef.current) inputRef.current.value = '';
      setStatus(t(action === 'upload' ? 'settings.logoSaved' : 'settings.logoRemoved'));
    } catch (caught) {
      setError(describe(caught).general ?? t('common:errors.unexpected'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="logo-title" className="stadshart-form">
      <Heading2 id="logo-title">{t('settings.logoTitle')}</Heading2>
      {org.logoUrl ? (
        <figure className="stadshart-logo-preview">
          <img src={org.logoUrl} alt={t('settings.logoCurrentAlt', { name: org.name })} />
        </figure>
      ) : (
        <Paragraph>{t('settings.logoNone')}</Paragraph>
      )}
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void change('upload');
        }}
      >
        <FormField invalid={Boolean(error)} type="text">
          <Paragraph className="utrecht-form-field__label">
            <FormLabel htmlFor="field-logo">{t('settings.logoFile')}</FormLabel>
          </Paragraph>
          <FormFieldDescription id="field-logo-description">
            {t('settings.logoHint', { max: formatNumber(LOGO_MAX_BYTES / 1024) })}
          </FormFieldDescription>
          {error && (
            <FormFieldErrorMessage id="field-logo-error" role="alert">
              {error}
            </FormFieldErrorMessage>
          )}
          <Paragraph className="utrecht-form-field__input">
            <input
              ref={inputRef}
              id="field-logo"
              name="logo"
              type="file"
              accept={logoMediaTypes.join(',')}
              aria-invalid={error ? true : undefined}
              aria-describedby={
                error ? 'field-logo-description field-logo-error' : 'field-logo-description'
              }
              onChange={choose}
            />
          </Paragraph>
        </FormField>
        {preview && (
          <figure className="stadshart-logo-preview">
            <img src={preview} alt={t('settings.logoPreviewAlt')} />
            <figcaption>{t('settings.logoPreviewCaption')}</figcaption>
          </figure>
        )}
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" busy={isBusy}>
            {t('settings.logoUpload')}
          </Button>
          {org.hasLogo && (
            <Button
              appearance="secondary-action-button"
              busy={isBusy}
              onClick={() => void change('remove')}
            >
              {t('settings.logoRemove')}
            </Button>
          )}
        </ButtonGroup>
      </form>
      <StatusMessage message={status} />
    </section>
  );
}

/** Lets an admin rename the organisation, pick its colour (readable under white text) and set its logo. */
export function OrgSettingsPage() {
  const { t } = useTranslation('orgs');
  const orgState = useOrg();
  usePageTitle(t('settings.title'));
  const org = orgState?.org ?? null;

  let body;
  if (orgState?.isMissing) {
    body = (
      <Alert type="error">
        <Paragraph>{t('common:errors.notFoundText')}</Paragraph>
      </Alert>
    );
  } else if (!org) {
    body = <Paragraph role="status">{t('common:loading')}</Paragraph>;
  } else if (org.myRole !== 'admin') {
    body = (
      <Alert type="info">
        <Paragraph>{t('settings.onlyAdmins')}</Paragraph>
      </Alert>
    );
  } else {
    const save = (next: Organisation) => void orgState?.reload(next);
    body = (
      <>
        <DetailsForm key={`${org.id}-details`} org={org} onSaved={save} />
        <LogoForm org={org} onSaved={save} />
      </>
    );
  }

  return (
    <>
      <Heading1>{t('settings.title')}</Heading1>
      {body}
    </>
  );
}
