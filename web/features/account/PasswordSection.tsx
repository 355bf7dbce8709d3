// Setting a first password, or changing the one the person has.
import { Button, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { changePasswordRequest, sessionResponse } from '../../../common/auth.ts';
import { api } from '../../api/client.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { TextField } from '../../components/Fields.tsx';
import { useApiForm } from '../../components/useApiForm.ts';
import { useSession } from '../../session/SessionProvider.tsx';
import { NewPasswordField } from '../auth/NewPasswordField.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { hasFieldProblem } from './hasFieldProblem.ts';

/** Sets or changes the password; the server then ends the person's sessions on other devices. */
export function PasswordSection() {
  const { t } = useTranslation('account');
  const sessionState = useSession();
  const { errors, setErrors, isSubmitting, submit } = useApiForm();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [isSaved, setSaved] = useState(false);
  const hasPassword = sessionState.session?.user?.hasPassword ?? false;
  const fieldLabels = { currentPassword: t('password.current'), newPassword: t('password.new') };

  async function save(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    const values = hasPassword ? { currentPassword, newPassword } : { newPassword };
    let isWrongCurrent = false;
    const answer = await submit(changePasswordRequest, values, async (body) => {
      try {
        return await api('PUT', '/me/password', { body, schema: sessionResponse });
      } catch (error) {
        // The shared words have no "incorrect"; say it in the person's language here.
        if (!hasFieldProblem(error, 'currentPassword', 'incorrect')) throw error;
        isWrongCurrent = true;
        return undefined;
      }
    });
    if (isWrongCurrent) {
      setErrors({ general: null, fields: { currentPassword: t('password.incorrect') } });
      return;
    }
    if (!answer) return;
    sessionState.apply(answer);
    setCurrentPassword('');
    setNewPassword('');
    setSaved(true);
  }

  return (
    <section aria-labelledby="account-password">
      <Heading2 id="account-password">{t('password.heading')}</Heading2>
      <Paragraph>{hasPassword ? t('password.changeIntro') : t('password.setIntro')}</Paragraph>
      <form className="stadshart-form" noValidate onSubmit={(event) => void save(event)}>
        <ErrorSummary errors={errors} fieldLabels={fieldLabels} />
        {hasPassword && (
          <TextField
            name="currentPassword"
            label={fieldLabels.currentPassword}
            type="password"
            autoComplete="current-password"
            value={currentPassword}
            onChange={setCurrentPassword}
            error={errors.fields.currentPassword}
            required
          />
        )}
        <NewPasswordField
          name="newPassword"
          label={fieldLabels.newPassword}
          value={newPassword}
          onChange={setNewPassword}
          error={errors.fields.newPassword}
        />
        <Paragraph>
          <Button type="submit" appearance="primary-action-button" busy={isSubmitting}>
            {hasPassword ? t('password.submitChange') : t('password.submitSet')}
          </Button>
        </Paragraph>
      </form>
      <StatusMessage message={isSaved ? t('password.saved') : null} />
    </section>
  );
}
