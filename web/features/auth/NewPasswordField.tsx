// The field for choosing a password: the length rule stated up front and a way to see what you typed.
import { FormFieldCheckbox } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PASSWORD_MIN } from '../../../common/fields.ts';
import { TextField } from '../../components/Fields.tsx';

interface NewPasswordFieldProps {
  /** Field name as the API names it, e.g. "password" or "newPassword". */
  name: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
}

/** A new-password input with the minimum length as its description and a "show password" toggle. */
export function NewPasswordField({ name, label, value, onChange, error }: NewPasswordFieldProps) {
  const { t } = useTranslation('auth');
  const [isShown, setShown] = useState(false);
  return (
    <>
      <TextField
        name={name}
        label={label}
        type={isShown ? 'text' : 'password'}
        autoComplete="new-password"
        description={t('password.hint', { min: PASSWORD_MIN })}
        value={value}
        onChange={onChange}
        error={error}
        required
      />
      <FormFieldCheckbox
        label={t('password.show')}
        checked={isShown}
        onChange={(event) => setShown(event.target.checked)}
      />
    </>
  );
}
