// Signing in, two ways on one page: e-mail and password, or a one-time link by e-mail.
import { Alert, Button, Heading1, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useNavigate, useSearchParams } from 'react-router';
import { sessionResponse, signInRequest } from '../../../common/auth.ts';
import { api } from '../../api/client.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { TextField } from '../../components/Fields.tsx';
import { useApiForm } from '../../components/useApiForm.ts';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { useSession } from '../../session/SessionProvider.tsx';
import { SIGNED_OUT_EVERYWHERE_NOTICE, useSessionEndedNotice } from './authNotices.ts';
import { EmailLinkForm } from './EmailLinkForm.tsx';
import { safeNextPath } from './safeNextPath.ts';

function PasswordSignInForm() {
  const { t } = useTranslation('auth');
  const sessionState = useSession();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const { errors, isSubmitting, submit } = useApiForm();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');

  async function signIn(event: FormEvent) {
    event.preventDefault();
    const answer = await submit(signInRequest, { email, password }, (body) =>
      api('POST', '/auth/sign-in', { body, schema: sessionResponse }),
    );
    if (!answer) return;
    sessionState.apply(answer);
    void navigate(safeNextPath(searchParams.get('next')), { replace: true });
  }

  return (
    <section aria-labelledby="sign-in-password">
      <Heading2 id="sign-in-password">{t('signIn.password.heading')}</Heading2>
      <form className="stadshart-form" noValidate onSubmit={(event) => void signIn(event)}>
        <ErrorSummary
          errors={errors}
          fieldLabels={{ email: t('signIn.email'), password: t('signIn.password.password') }}
        />
        <TextField
          name="email"
          label={t('signIn.email')}
          type="email"
          autoComplete="username"
          value={email}
          onChange={setEmail}
          error={errors.fields.email}
          required
        />
        <TextField
          name="password"
          label={t('signIn.password.password')}
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={setPassword}
          error={errors.fields.password}
          required
        />
        <Paragraph>
          <Button type="submit" appearance="primary-action-button" busy={isSubmitting}>
            {t('signIn.password.submit')}
          </Button>
        </Paragraph>
        <Paragraph>
          <RouterLink to="/auth/reset" className="utrecht-link">
            {t('signIn.password.forgot')}
          </RouterLink>
        </Paragraph>
      </form>
    </section>
  );
}

function SignInLinkForm() {
  const { t } = useTranslation('auth');
  return (
    <section aria-labelledby="sign-in-link">
      <Heading2 id="sign-in-link">{t('signIn.link.heading')}</Heading2>
      <Paragraph>{t('signIn.link.intro')}</Paragraph>
      <EmailLinkForm
        endpoint="/auth/magic-link"
        fieldName="linkEmail"
        submitLabel={t('signIn.link.submit')}
        sentMessage={(email) => t('signIn.link.sent', { email })}
        appearance="secondary-action-button"
      />
    </section>
  );
}

/** The sign-in page; afterwards the person goes on to `?next=` when that is a page of this site. */
export function SignInPage() {
  const { t } = useTranslation('auth');
  const { session } = useSession();
  usePageTitle(t('signIn.title'));
  const isSignedOutEverywhere = useSessionEndedNotice(SIGNED_OUT_EVERYWHERE_NOTICE);
  // Right after signing out everywhere the session may still name the person for a moment.
  const user = isSignedOutEverywhere ? null : (session?.user ?? null);

  return (
    <>
      <Heading1>{t('signIn.title')}</Heading1>
      {isSignedOutEverywhere && (
        <Alert type="ok">
          <Paragraph>{t('signIn.signedOutEverywhere')}</Paragraph>
        </Alert>
      )}
      {user ? (
        <>
          <Paragraph>{t('signIn.alreadySignedIn', { name: user.name || user.email })}</Paragraph>
          <Paragraph>
            <RouterLink to="/" className="utrecht-link">
              {t('signIn.toHome')}
            </RouterLink>
          </Paragraph>
        </>
      ) : (
        <div className="stadshart-stack">
          <PasswordSignInForm />
          <SignInLinkForm />
        </div>
      )}
    </>
  );
}
