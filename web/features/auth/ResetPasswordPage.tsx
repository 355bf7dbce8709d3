// "Forgot password": ask for a reset link by e-mail, and, opened from that link, choose a new one.
import { Alert, Button, Heading1, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useNavigate } from 'react-router';
import { passwordResetConfirm, sessionResponse } from '../../../common/auth.ts';
import { api, ApiError } from '../../api/client.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { useApiForm } from '../../components/useApiForm.ts';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { useSession } from '../../session/SessionProvider.tsx';
import { PASSWORD_RESET_NOTICE } from './authNotices.ts';
import { EmailLinkForm } from './EmailLinkForm.tsx';
import { NewPasswordField } from './NewPasswordField.tsx';
import { useFragmentToken } from './useFragmentToken.ts';

function RequestResetForm({ isLinkDead }: { isLinkDead: boolean }) {
  const { t } = useTranslation('auth');
  usePageTitle(t('reset.title'));
  const headingRef = useRef<HTMLHeadingElement>(null);
  // The new-password form the person was using is gone; start them at the explanation.
  useEffect(() => {
    if (isLinkDead) headingRef.current?.focus();
  }, [isLinkDead]);

  return (
    <>
      <Heading1 ref={headingRef} tabIndex={-1}>
        {t('reset.title')}
      </Heading1>
      {isLinkDead && (
        <Alert type="warning">
          <Paragraph>{t('reset.expired')}</Paragraph>
        </Alert>
      )}
      <Paragraph>{t('reset.intro')}</Paragraph>
      <EmailLinkForm
        endpoint="/auth/password-reset"
        submitLabel={t('reset.submit')}
        sentMessage={(email) => t('reset.sent', { email })}
      />
      <Paragraph>
        <RouterLink to="/sign-in" className="utrecht-link">
          {t('reset.backToSignIn')}
        </RouterLink>
      </Paragraph>
    </>
  );
}

function ChooseNewPasswordForm({ token, onLinkDead }: { token: string; onLinkDead: () => void }) {
  const { t } = useTranslation('auth');
  usePageTitle(t('reset.newTitle'));
  const sessionState = useSession();
  const navigate = useNavigate();
  const { errors, isSubmitting, submit } = useApiForm();
  const [password, setPassword] = useState('');

  async function save(event: FormEvent) {
    event.preventDefault();
    const answer = await submit(passwordResetConfirm, { token, password }, async (body) => {
      try {
        return await api('POST', '/auth/password-reset/confirm', { body, schema: sessionResponse });
      } catch (error) {
        if (error instanceof ApiError && error.problem.code === 'token_invalid') {
          onLinkDead();
          return undefined;
        }
        throw error;
      }
    });
    if (!answer) return;
    sessionState.apply(answer);
    void navigate('/account', { replace: true, state: { notice: PASSWORD_RESET_NOTICE } });
  }

  return (
    <>
      <Heading1>{t('reset.newTitle')}</Heading1>
      <Paragraph>{t('reset.newIntro')}</Paragraph>
      <form className="stadshart-form" noValidate onSubmit={(event) => void save(event)}>
        <ErrorSummary errors={errors} fieldLabels={{ password: t('reset.newPassword') }} />
        <NewPasswordField
          name="password"
          label={t('reset.newPassword')}
          value={password}
          onChange={setPassword}
          error={errors.fields.password}
        />
        <Paragraph>
          <Button type="submit" appearance="primary-action-button" busy={isSubmitting}>
            {t('reset.newSubmit')}
          </Button>
        </Paragraph>
      </form>
    </>
  );
}

/** Without a token: asks for a reset link. With one (#token=…): lets the person choose a new password. */
export function ResetPasswordPage() {
  const token = useFragmentToken();
  const [deadToken, setDeadToken] = useState<string | null>(null);
  if (token && token !== deadToken) {
    return (
      <ChooseNewPasswordForm key={token} token={token} onLinkDead={() => setDeadToken(token)} />
    );
  }
  return <RequestResetForm isLinkDead={deadToken !== null} />;
}
