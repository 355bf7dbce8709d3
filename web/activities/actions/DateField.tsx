// A labelled date input in the same layout as the shared fields (web/components/Fields.tsx has no date field).
import {
  FormField,
  FormFieldDescription,
  FormFieldErrorMessage,
  FormLabel,
  Paragraph,
  Textbox,
} from '@utrecht/component-library-react';
import type { ChangeEvent } from 'react';

/** A date input (YYYY-MM-DD) with its label, description and error linked for screen readers. */
export function DateField({
  name,
  label,
  description,
  error,
  value,
  onChange,
}: {
  name: string;
  label: string;
  description?: string;
  error?: string | undefined;
  value: string;
  onChange: (value: string) => void;
}) {
  const describedBy = [
    description ? `field-${name}-description` : null,
    error ? `field-${name}-error` : null,
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <FormField invalid={Boolean(error)} type="text">
      <Paragraph className="utrecht-form-field__label">
        <FormLabel htmlFor={`field-${name}`}>{label}</FormLabel>
      </Paragraph>
      {description && (
        <FormFieldDescription id={`field-${name}-description`}>{description}</FormFieldDescription>
      )}
      {error && <FormFieldErrorMessage id={`field-${name}-error`}>{error}</FormFieldErrorMessage>}
      <Paragraph className="utrecht-form-field__input">
        <Textbox
          id={`field-${name}`}
          name={name}
          type="date"
          value={value}
          invalid={Boolean(error)}
          aria-describedby={describedBy || undefined}
          onChange={(event: ChangeEvent<HTMLInputElement>) => onChange(event.target.value)}
        />
      </Paragraph>
    </FormField>
  );
}
