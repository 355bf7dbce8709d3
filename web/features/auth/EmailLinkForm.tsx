// "Mail me a link": one e-mail field, one button, and the same neutral confirmation whether or
// not the address has an account. Used for sign-in links and for password-reset links.
import { Button, Paragraph } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { acceptedResponse, magicLinkRequest } from '../../../common/auth.ts';
import { api } from '../../api/client.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { TextField } from '../../components/Fields.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { useApiForm } from '../../components/useApiForm.ts';

interface EmailLinkFormProps {
  /** The API endpoint that mails the link, e.g. '/auth/magic-link'. */
  endpoint: string;
  /**
   * The input's name on the page. The API always calls the field `email`; a page that has another
   * `email` input gives this one its own name, so the error summary links to the right field.
   */
  fieldName?: string;
  submitLabel: string;
  /** The confirmation, given the address the link went to (if it has an account). */
  sentMessage: (email: string) => string;
  appearance?: 'primary-action-button' | 'secondary-action-button';
}

/** Asks the server to mail a link to the typed address and confirms it without revealing accounts. */
export function EmailLinkForm({
  endpoint,
  fieldName = 'email',
  submitLabel,
  sentMessage,
  appearance = 'primary-action-button',
}: EmailLinkFormProps) {
  const { t } = useTranslation('auth');
  const { errors, isSubmitting, submit } = useApiForm();
  const [email, setEmail] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);

  async function requestLink(event: FormEvent) {
    event.preventDefault();
    setSentTo(null);
    // Both link requests take the same body, so one schema checks both.
    const answer = await submit(magicLinkRequest, { email }, (body) =>
      api('POST', endpoint, { body, schema: acceptedResponse }),
    );
    if (answer) setSentTo(email.trim());
  }

  const { email: emailError, ...otherFields } = errors.fields;
  const pageErrors = {
    general: errors.general,
    fields: emailError ? { ...otherFields, [fieldName]: emailError } : otherFields,
  };

  return (
    <>
      <form className="stadshart-form" noValidate onSubmit={(event) => void requestLink(event)}>
        <ErrorSummary errors={pageErrors} fieldLabels={{ [fieldName]: t('signIn.email') }} />
        <TextField
          name={fieldName}
          label={t('signIn.email')}
          type="email"
          autoComplete="username"
          value={email}
          onChange={setEmail}
          error={pageErrors.fields[fieldName]}
          required
        />
        <Paragraph>
          <Button type="submit" appearance={appearance} busy={isSubmitting}>
            {submitLabel}
          </Button>
        </Paragraph>
      </form>
      <StatusMessage message={sentTo === null ? null : sentMessage(sentTo)} />
    </>
  );
}
