// Where a mailed sign-in link lands: it signs the person in and sends them to the home page.
import { Alert, Heading1, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useNavigate } from 'react-router';
import { sessionResponse } from '../../../common/auth.ts';
import { api } from '../../api/client.ts';
import { useApiForm } from '../../components/useApiForm.ts';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { useSession } from '../../session/SessionProvider.tsx';
import { useFragmentToken } from './useFragmentToken.ts';

/** Uses the link's token once to sign in; on failure says so and offers to sign in again. */
export function MagicLinkPage() {
  const { t } = useTranslation('auth');
  const token = useFragmentToken();
  const sessionState = useSession();
  const navigate = useNavigate();
  const { describe } = useApiForm();
  const [consumeFailure, setConsumeFailure] = useState<string | null>(null);
  // A token works once: StrictMode runs effects twice, and a second use would fail the first.
  const usedToken = useRef<string | null>(null);

  useEffect(() => {
    if (!token || usedToken.current === token) return;
    usedToken.current = token;
    setConsumeFailure(null);
    api('POST', '/auth/magic-link/consume', { body: { token }, schema: sessionResponse })
      .then((answer) => {
        sessionState.apply(answer);
        return navigate('/', { replace: true });
      })
      .catch((error: unknown) => setConsumeFailure(describe(error).general));
  }, [token, sessionState, navigate, describe]);

  const failure = token ? consumeFailure : t('magicLink.noToken');
  const title = failure ? t('magicLink.titleFailed') : t('magicLink.titleBusy');
  usePageTitle(title);

  return (
    <>
      <Heading1>{title}</Heading1>
      {failure ? (
        <>
          <Alert type="error">
            <Paragraph>{failure}</Paragraph>
          </Alert>
          <Paragraph>
            <RouterLink to="/sign-in" className="utrecht-link">
              {t('magicLink.again')}
            </RouterLink>
          </Paragraph>
        </>
      ) : (
        <Paragraph role="status">{t('magicLink.busy')}</Paragraph>
      )}
    </>
  );
}
