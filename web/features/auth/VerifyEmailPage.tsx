// Where an e-mail verification link lands: it confirms the address and says so.
import { Alert, Heading1, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { acceptedResponse } from '../../../common/auth.ts';
import { api } from '../../api/client.ts';
import { useApiForm } from '../../components/useApiForm.ts';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { useSession } from '../../session/SessionProvider.tsx';
import { useFragmentToken } from './useFragmentToken.ts';

type Outcome = { kind: 'busy' } | { kind: 'done' } | { kind: 'failed'; message: string | null };

function NextStep({ isSignedIn }: { isSignedIn: boolean }) {
  const { t } = useTranslation('auth');
  return (
    <Paragraph>
      <RouterLink to={isSignedIn ? '/account' : '/'} className="utrecht-link">
        {isSignedIn ? t('verify.toAccount') : t('verify.toHome')}
      </RouterLink>
    </Paragraph>
  );
}

/** Uses the link's token once to confirm the address; on failure explains how to get a new link. */
export function VerifyEmailPage() {
  const { t } = useTranslation('auth');
  const token = useFragmentToken();
  const sessionState = useSession();
  const { describe } = useApiForm();
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'busy' });
  // A token works once: StrictMode runs effects twice, and a second use would fail the first.
  const usedToken = useRef<string | null>(null);
  const isSignedIn = Boolean(sessionState.session?.user);

  useEffect(() => {
    if (!token || usedToken.current === token) return;
    usedToken.current = token;
    setOutcome({ kind: 'busy' });
    api('POST', '/auth/verify-email', { body: { token }, schema: acceptedResponse })
      .then(() => {
        setOutcome({ kind: 'done' });
        // The session still says "not verified"; the account page reads it from there.
        return sessionState.refresh();
      })
      .catch((error: unknown) =>
        setOutcome((current) =>
          current.kind === 'done' ? current : { kind: 'failed', message: describe(error).general },
        ),
      );
  }, [token, sessionState, describe]);

  const shown: Outcome = token ? outcome : { kind: 'failed', message: t('verify.noToken') };
  const title = {
    busy: t('verify.titleBusy'),
    done: t('verify.titleDone'),
    failed: t('verify.titleFailed'),
  }[shown.kind];
  usePageTitle(title);

  return (
    <>
      <Heading1>{title}</Heading1>
      {shown.kind === 'busy' && <Paragraph role="status">{t('verify.busy')}</Paragraph>}
      {shown.kind === 'done' && (
        <>
          <Alert type="ok">
            <Paragraph>{t('verify.done')}</Paragraph>
          </Alert>
          <NextStep isSignedIn={isSignedIn} />
        </>
      )}
      {shown.kind === 'failed' && (
        <>
          <Alert type="error">
            {shown.message && <Paragraph>{shown.message}</Paragraph>}
            <Paragraph>
              {isSignedIn ? t('verify.failedSignedIn') : t('verify.failedSignedOut')}
            </Paragraph>
          </Alert>
          {isSignedIn ? (
            <NextStep isSignedIn />
          ) : (
            <Paragraph>
              <RouterLink to="/sign-in?next=%2Faccount" className="utrecht-link">
                {t('verify.signIn')}
              </RouterLink>
            </Paragraph>
          )}
        </>
      )}
    </>
  );
}
