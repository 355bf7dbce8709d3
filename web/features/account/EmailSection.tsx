// The e-mail address, whether it is confirmed, and a new confirmation mail when it is not.
import {
  Alert,
  Button,
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Heading2,
  Paragraph,
} from '@utrecht/component-library-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { acceptedResponse } from '../../../common/auth.ts';
import { api } from '../../api/client.ts';
import { useApiForm } from '../../components/useApiForm.ts';
import { useSession } from '../../session/SessionProvider.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';

/** Shows the address and its state; offers to resend the confirmation mail while unconfirmed. */
export function EmailSection() {
  const { t } = useTranslation('account');
  const { session } = useSession();
  const { describe } = useApiForm();
  const [isSending, setSending] = useState(false);
  const [isSent, setSent] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const user = session?.user;
  if (!user) return null;

  async function resend() {
    if (isSending) return;
    setSending(true);
    setSent(false);
    setFailure(null);
    try {
      await api('POST', '/auth/verify-email/resend', { schema: acceptedResponse });
      setSent(true);
    } catch (error) {
      setFailure(error);
    } finally {
      setSending(false);
    }
  }

  return (
    <section aria-labelledby="account-email">
      <Heading2 id="account-email">{t('email.heading')}</Heading2>
      <DataList>
        <DataListItem>
          <DataListKey>{t('email.address')}</DataListKey>
          <DataListValue>{user.email}</DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>{t('email.state')}</DataListKey>
          <DataListValue>
            {user.emailVerified ? t('email.verified') : t('email.unverified')}
          </DataListValue>
        </DataListItem>
      </DataList>
      {!user.emailVerified && (
        <>
          <Paragraph>{t('email.unverifiedHint')}</Paragraph>
          {failure !== null && (
            <Alert type="error">
              <Paragraph>{describe(failure).general}</Paragraph>
            </Alert>
          )}
          <Paragraph>
            <Button
              appearance="secondary-action-button"
              busy={isSending}
              onClick={() => void resend()}
            >
              {t('email.resend')}
            </Button>
          </Paragraph>
          <StatusMessage message={isSent ? t('email.resent', { email: user.email }) : null} />
        </>
      )}
    </section>
  );
}
