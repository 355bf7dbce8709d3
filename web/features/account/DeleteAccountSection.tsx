// Deleting the account: what it means, then a second step that asks for the e-mail address.
import {
  Alert,
  Button,
  ButtonGroup,
  Heading2,
  Heading3,
  Paragraph,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useNavigate } from 'react-router';
import { deleteAccountRequest } from '../../../common/account.ts';
import type { SessionMembership } from '../../../common/auth.ts';
import { api, ApiError } from '../../api/client.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { TextField } from '../../components/Fields.tsx';
import { useApiForm } from '../../components/useApiForm.ts';
import { useSession } from '../../session/SessionProvider.tsx';
import { ACCOUNT_DELETED_NOTICE } from '../auth/authNotices.ts';
import { hasFieldProblem } from './hasFieldProblem.ts';

// The server does not say which organisation would lose its last admin, so list every
// organisation the person runs, each with the page where they can make someone else admin.
function LastAdminHelp({ memberships }: { memberships: SessionMembership[] }) {
  const { t } = useTranslation('account');
  const administered = memberships.filter((membership) => membership.role === 'admin');
  if (administered.length === 0) return null;
  return (
    <Alert type="warning">
      <Heading3>{t('delete.lastAdminHeading')}</Heading3>
      <Paragraph>{t('delete.lastAdminText')}</Paragraph>
      <UnorderedList>
        {administered.map((membership) => (
          <UnorderedListItem key={membership.orgId}>
            <RouterLink to={`/o/${membership.orgSlug}/members`} className="utrecht-link">
              {t('delete.lastAdminLink', { org: membership.orgName })}
            </RouterLink>
          </UnorderedListItem>
        ))}
      </UnorderedList>
    </Alert>
  );
}

function ConfirmDeletion({ email, onCancel }: { email: string; onCancel: () => void }) {
  const { t } = useTranslation('account');
  const { session } = useSession();
  const navigate = useNavigate();
  const { errors, setErrors, isSubmitting, submit } = useApiForm();
  const [confirmEmail, setConfirmEmail] = useState('');
  const [isLastAdmin, setLastAdmin] = useState(false);

  // The person chose to go on; put them where they type.
  useEffect(() => {
    document.getElementById('field-confirmEmail')?.focus();
  }, []);

  async function deleteAccount(event: FormEvent) {
    event.preventDefault();
    setLastAdmin(false);
    let isMismatch = false;
    const isDeleted = await submit(deleteAccountRequest, { confirmEmail }, async (body) => {
      try {
        await api('DELETE', '/me', { body });
        return true;
      } catch (error) {
        if (error instanceof ApiError && error.problem.code === 'last_admin') setLastAdmin(true);
        // The shared words have no "mismatch"; say it in the person's language here.
        if (!hasFieldProblem(error, 'confirmEmail', 'mismatch')) throw error;
        isMismatch = true;
        return false;
      }
    });
    if (isMismatch) {
      setErrors({ general: null, fields: { confirmEmail: t('delete.mismatch') } });
      return;
    }
    if (!isDeleted) return;
    // The home page reloads the session when it arrives with this notice.
    void navigate('/', { replace: true, state: { notice: ACCOUNT_DELETED_NOTICE } });
  }

  return (
    <form className="stadshart-form" noValidate onSubmit={(event) => void deleteAccount(event)}>
      <ErrorSummary errors={errors} fieldLabels={{ confirmEmail: t('delete.confirmEmail') }} />
      {isLastAdmin && <LastAdminHelp memberships={session?.memberships ?? []} />}
      <TextField
        name="confirmEmail"
        label={t('delete.confirmEmail')}
        description={t('delete.confirmEmailHint', { email })}
        type="email"
        autoComplete="off"
        value={confirmEmail}
        onChange={setConfirmEmail}
        error={errors.fields.confirmEmail}
        required
      />
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button" hint="danger" busy={isSubmitting}>
          {t('delete.confirm')}
        </Button>
        <Button appearance="secondary-action-button" onClick={onCancel}>
          {t('delete.cancel')}
        </Button>
      </ButtonGroup>
    </form>
  );
}

/** Explains what deleting the account does and, after a second explicit step, deletes it. */
export function DeleteAccountSection() {
  const { t } = useTranslation('account');
  const { session } = useSession();
  const [isConfirming, setConfirming] = useState(false);
  const startRef = useRef<HTMLButtonElement>(null);
  const hasOpened = useRef(false);
  // Back from the second step (cancelled): return focus to the button that opened it.
  useEffect(() => {
    if (isConfirming) hasOpened.current = true;
    else if (hasOpened.current) startRef.current?.focus();
  }, [isConfirming]);
  const email = session?.user?.email;
  if (!email) return null;

  return (
    <section aria-labelledby="account-delete">
      <Heading2 id="account-delete">{t('delete.heading')}</Heading2>
      <Paragraph>{t('delete.intro')}</Paragraph>
      <UnorderedList>
        <UnorderedListItem>{t('delete.consequenceProfile')}</UnorderedListItem>
        <UnorderedListItem>{t('delete.consequenceAccess')}</UnorderedListItem>
        <UnorderedListItem>{t('delete.consequenceFinal')}</UnorderedListItem>
      </UnorderedList>
      {isConfirming ? (
        <ConfirmDeletion email={email} onCancel={() => setConfirming(false)} />
      ) : (
        <Paragraph>
          <Button
            ref={startRef}
            appearance="secondary-action-button"
            hint="danger"
            onClick={() => setConfirming(true)}
          >
            {t('delete.start')}
          </Button>
        </Paragraph>
      )}
    </section>
  );
}
