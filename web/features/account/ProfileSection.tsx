// The profile form: name, function, municipality or organisation, and language.
import { Button, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  profile as profileSchema,
  suggestedFunctions,
  updateProfileRequest,
  type Profile,
  type UpdateProfileRequest,
} from '../../../common/account.ts';
import { locales } from '../../../common/fields.ts';
import { api } from '../../api/client.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { SelectField, TextField } from '../../components/Fields.tsx';
import { useApiForm } from '../../components/useApiForm.ts';
import { useSession } from '../../session/SessionProvider.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';

type ProfileForm = Required<UpdateProfileRequest>;
const FUNCTION_SUGGESTIONS_ID = 'function-suggestions';

// PATCH only what the person changed here: the header's language switch also saves the locale,
// and an unchanged form must not put the old one back.
function changedFields(profile: Profile, form: ProfileForm): UpdateProfileRequest {
  const changes: UpdateProfileRequest = {};
  if (form.name !== profile.name) changes.name = form.name;
  if (form.function !== profile.function) changes.function = form.function;
  if (form.municipality !== profile.municipality) changes.municipality = form.municipality;
  if (form.locale !== profile.locale) changes.locale = form.locale;
  return changes;
}

/** Edits the person's profile; after saving, the header (name, initials, language) follows. */
export function ProfileSection({
  profile,
  onSaved,
}: {
  profile: Profile;
  onSaved: (next: Profile) => void;
}) {
  const { t } = useTranslation('account');
  const sessionState = useSession();
  const { errors, isSubmitting, submit } = useApiForm();
  const [form, setForm] = useState<ProfileForm>({
    name: profile.name,
    function: profile.function,
    municipality: profile.municipality,
    locale: profile.locale,
  });
  const [isSaved, setSaved] = useState(false);
  const fieldLabels = {
    name: t('profile.name'),
    function: t('profile.function'),
    municipality: t('profile.municipality'),
    locale: t('profile.locale'),
  };

  function change<K extends keyof ProfileForm>(field: K) {
    return (value: ProfileForm[K]) => {
      setSaved(false);
      setForm((current) => ({ ...current, [field]: value }));
    };
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    const saved = await submit(updateProfileRequest, changedFields(profile, form), (body) =>
      api('PATCH', '/me', { body, schema: profileSchema }),
    );
    if (!saved) return;
    onSaved(saved);
    setSaved(true);
    // The session carries name, initials and language for the header; a failed reload only
    // leaves the header a step behind until the next page load.
    await sessionState.refresh().catch(() => undefined);
  }

  return (
    <section aria-labelledby="account-profile">
      <Heading2 id="account-profile">{t('profile.heading')}</Heading2>
      <Paragraph>
        <span className="stadshart-avatar" aria-hidden="true">
          {profile.initials}
        </span>{' '}
        {t('profile.initials', { initials: profile.initials })}
      </Paragraph>
      <form className="stadshart-form" noValidate onSubmit={(event) => void save(event)}>
        <ErrorSummary errors={errors} fieldLabels={fieldLabels} />
        <TextField
          name="name"
          label={fieldLabels.name}
          description={t('profile.nameHint')}
          autoComplete="name"
          value={form.name}
          onChange={change('name')}
          error={errors.fields.name}
          required
        />
        <TextField
          name="function"
          label={fieldLabels.function}
          description={t('profile.functionHint')}
          autoComplete="organization-title"
          list={FUNCTION_SUGGESTIONS_ID}
          value={form.function}
          onChange={change('function')}
          error={errors.fields.function}
        />
        <datalist id={FUNCTION_SUGGESTIONS_ID}>
          {suggestedFunctions.map((suggestion) => (
            <option key={suggestion} value={t(`profile.functions.${suggestion}`)} />
          ))}
        </datalist>
        <TextField
          name="municipality"
          label={fieldLabels.municipality}
          description={t('profile.municipalityHint')}
          autoComplete="organization"
          value={form.municipality}
          onChange={change('municipality')}
          error={errors.fields.municipality}
        />
        <SelectField
          name="locale"
          label={fieldLabels.locale}
          value={form.locale}
          onChange={(value) => change('locale')(locales.find((known) => known === value) ?? 'nl')}
          options={locales.map((locale) => ({
            value: locale,
            label: t(`profile.locales.${locale}`),
          }))}
          error={errors.fields.locale}
        />
        <Paragraph>
          <Button type="submit" appearance="primary-action-button" busy={isSubmitting}>
            {t('profile.submit')}
          </Button>
        </Paragraph>
      </form>
      <StatusMessage message={isSaved ? t('profile.saved') : null} />
    </section>
  );
}
