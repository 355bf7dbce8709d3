// Signing out on every device at once, this one included.
import { Alert, Button, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../../api/client.ts';
import { useApiForm } from '../../components/useApiForm.ts';
import { SIGNED_OUT_EVERYWHERE_NOTICE } from '../auth/authNotices.ts';

/** Ends every session of the person and sends them to the sign-in page. */
export function SessionsSection() {
  const { t } = useTranslation('account');
  const navigate = useNavigate();
  const { describe } = useApiForm();
  const [isBusy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);

  async function signOutEverywhere() {
    if (isBusy) return;
    setBusy(true);
    setFailure(null);
    try {
      await api('POST', '/auth/sign-out-everywhere');
    } catch (error) {
      setFailure(error);
      setBusy(false);
      return;
    }
    // The sign-in page reloads the session when it arrives with this notice.
    void navigate('/sign-in', { replace: true, state: { notice: SIGNED_OUT_EVERYWHERE_NOTICE } });
  }

  return (
    <section aria-labelledby="account-sessions">
      <Heading2 id="account-sessions">{t('sessions.heading')}</Heading2>
      <Paragraph>{t('sessions.intro')}</Paragraph>
      {failure !== null && (
        <Alert type="error">
          <Paragraph>{describe(failure).general}</Paragraph>
        </Alert>
      )}
      <Paragraph>
        <Button
          appearance="secondary-action-button"
          busy={isBusy}
          onClick={() => void signOutEverywhere()}
        >
          {t('sessions.submit')}
        </Button>
      </Paragraph>
    </section>
  );
}
