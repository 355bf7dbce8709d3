// Where an invitation link lands: the invited person chooses a name and password and is signed in.
import { Alert, Button, Heading1, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useNavigate } from 'react-router';
import { acceptInviteRequest, sessionResponse } from '../../../common/auth.ts';
import { api, ApiError } from '../../api/client.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { TextField } from '../../components/Fields.tsx';
import { useApiForm } from '../../components/useApiForm.ts';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { useSession } from '../../session/SessionProvider.tsx';
import { NewPasswordField } from './NewPasswordField.tsx';
import { useFragmentToken } from './useFragmentToken.ts';
import { welcomeDestination } from './welcomeDestination.ts';

function InvalidInvitation({ hasReplacedForm }: { hasReplacedForm: boolean }) {
  const { t } = useTranslation('auth');
  usePageTitle(t('welcome.invalidTitle'));
  const headingRef = useRef<HTMLHeadingElement>(null);
  // The form the person was typing in is gone; start them at the explanation.
  useEffect(() => {
    if (hasReplacedForm) headingRef.current?.focus();
  }, [hasReplacedForm]);
  return (
    <>
      <Heading1 ref={headingRef} tabIndex={-1}>
        {t('welcome.invalidTitle')}
      </Heading1>
      <Alert type="warning">
        <Paragraph>{t('welcome.invalidText')}</Paragraph>
      </Alert>
      <Paragraph>{t('welcome.invalidSignIn')}</Paragraph>
      <Paragraph>
        <RouterLink to="/sign-in" className="utrecht-link">
          {t('welcome.signIn')}
        </RouterLink>
      </Paragraph>
    </>
  );
}

function AcceptInvitationForm({ token, onInvalid }: { token: string; onInvalid: () => void }) {
  const { t } = useTranslation('auth');
  usePageTitle(t('welcome.title'));
  const sessionState = useSession();
  const navigate = useNavigate();
  const { errors, isSubmitting, submit } = useApiForm();
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');

  async function accept(event: FormEvent) {
    event.preventDefault();
    const answer = await submit(acceptInviteRequest, { token, name, password }, async (body) => {
      try {
        return await api('POST', '/auth/invite/accept', { body, schema: sessionResponse });
      } catch (error) {
        if (error instanceof ApiError && error.problem.code === 'token_invalid') {
          onInvalid();
          return undefined;
        }
        throw error;
      }
    });
    if (!answer) return;
    const destination = welcomeDestination(sessionState.session, answer);
    sessionState.apply(answer);
    void navigate(destination, { replace: true });
  }

  return (
    <>
      <Heading1>{t('welcome.title')}</Heading1>
      <Paragraph>{t('welcome.intro')}</Paragraph>
      <form className="stadshart-form" noValidate onSubmit={(event) => void accept(event)}>
        <ErrorSummary
          errors={errors}
          fieldLabels={{ name: t('welcome.name'), password: t('welcome.password') }}
        />
        <TextField
          name="name"
          label={t('welcome.name')}
          description={t('welcome.nameHint')}
          autoComplete="name"
          value={name}
          onChange={setName}
          error={errors.fields.name}
          required
        />
        <NewPasswordField
          name="password"
          label={t('welcome.password')}
          value={password}
          onChange={setPassword}
          error={errors.fields.password}
        />
        <Paragraph>
          <Button type="submit" appearance="primary-action-button" busy={isSubmitting}>
            {t('welcome.submit')}
          </Button>
        </Paragraph>
      </form>
    </>
  );
}

/** Accepts the invitation in the link; a used, expired or withdrawn one gets a clear way forward. */
export function WelcomePage() {
  const token = useFragmentToken();
  const [deadToken, setDeadToken] = useState<string | null>(null);
  if (!token || token === deadToken) {
    return <InvalidInvitation hasReplacedForm={deadToken !== null} />;
  }
  return <AcceptInvitationForm key={token} token={token} onInvalid={() => setDeadToken(token)} />;
}
