// One labelled radio button in the NL Design System form-field layout (the library has no ready-made one).
import {
  FormField,
  FormFieldDescription,
  FormLabel,
  Paragraph,
  RadioButton,
} from '@utrecht/component-library-react';
import type { ReactNode } from 'react';

/** A radio button with its label (and optional description) linked for screen readers. */
export function RadioOption({
  id,
  name,
  label,
  description,
  isChecked,
  onCheck,
}: {
  id: string;
  name: string;
  label: ReactNode;
  description?: string;
  isChecked: boolean;
  onCheck: () => void;
}) {
  return (
    <FormField type="radio">
      <Paragraph className="utrecht-form-field__input">
        <RadioButton
          id={id}
          name={name}
          checked={isChecked}
          aria-describedby={description ? `${id}-description` : undefined}
          onChange={onCheck}
        />
      </Paragraph>
      <Paragraph className="utrecht-form-field__label">
        <FormLabel htmlFor={id} type="radio" checked={isChecked}>
          {label}
        </FormLabel>
      </Paragraph>
      {description && (
        <FormFieldDescription id={`${id}-description`}>{description}</FormFieldDescription>
      )}
    </FormField>
  );
}
