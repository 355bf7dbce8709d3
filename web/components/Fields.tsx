// Labelled form fields built from NL Design System parts; each links its error and description for screen readers.
import {
  FormField,
  FormFieldDescription,
  FormFieldErrorMessage,
  FormLabel,
  Paragraph,
  Select,
  SelectOption,
  Textarea,
  Textbox,
} from '@utrecht/component-library-react';
import type { ChangeEvent, ReactNode } from 'react';

interface BaseFieldProps {
  /** Field name as the API names it; also the id suffix the error summary links to. */
  name: string;
  label: string;
  description?: ReactNode;
  error?: string | undefined;
  required?: boolean;
}

function describedBy(name: string, description: unknown, error: unknown): string | undefined {
  const ids = [
    description ? `field-${name}-description` : null,
    error ? `field-${name}-error` : null,
  ].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

function FieldFrame({
  name,
  label,
  description,
  error,
  children,
}: BaseFieldProps & { children: ReactNode }) {
  return (
    <FormField invalid={Boolean(error)} type="text">
      <Paragraph className="utrecht-form-field__label">
        <FormLabel htmlFor={`field-${name}`}>{label}</FormLabel>
      </Paragraph>
      {description && (
        <FormFieldDescription id={`field-${name}-description`}>{description}</FormFieldDescription>
      )}
      {error && <FormFieldErrorMessage id={`field-${name}-error`}>{error}</FormFieldErrorMessage>}
      <Paragraph className="utrecht-form-field__input">{children}</Paragraph>
    </FormField>
  );
}

/** A one-line text (or date) input with its label, description and error. */
export function TextField(
  props: BaseFieldProps & {
    value: string;
    onChange: (value: string) => void;
    type?: 'text' | 'email' | 'password' | 'url' | 'tel' | 'search' | 'date' | 'datetime-local';
    autoComplete?: string;
    list?: string;
    inputMode?: 'text' | 'email' | 'numeric';
  },
) {
  const {
    name,
    value,
    onChange,
    type = 'text',
    autoComplete,
    error,
    required,
    description,
    list,
    inputMode,
  } = props;
  return (
    <FieldFrame {...props}>
      <Textbox
        id={`field-${name}`}
        name={name}
        type={type}
        value={value}
        autoComplete={autoComplete}
        list={list}
        inputMode={inputMode}
        invalid={Boolean(error)}
        required={required}
        aria-describedby={describedBy(name, description, error)}
        onChange={(event: ChangeEvent<HTMLInputElement>) => onChange(event.target.value)}
      />
    </FieldFrame>
  );
}

/** A multi-line text input with its label, description and error. */
export function TextareaField(
  props: BaseFieldProps & { value: string; onChange: (value: string) => void; rows?: number },
) {
  const { name, value, onChange, error, required, description, rows = 4 } = props;
  return (
    <FieldFrame {...props}>
      <Textarea
        id={`field-${name}`}
        name={name}
        value={value}
        rows={rows}
        invalid={Boolean(error)}
        required={required}
        aria-describedby={describedBy(name, description, error)}
        onChange={(event: ChangeEvent<HTMLTextAreaElement>) => onChange(event.target.value)}
      />
    </FieldFrame>
  );
}

/** A select with its label, description and error. */
export function SelectField(
  props: BaseFieldProps & {
    value: string;
    onChange: (value: string) => void;
    options: { value: string; label: string }[];
  },
) {
  const { name, value, onChange, error, required, description, options } = props;
  return (
    <FieldFrame {...props}>
      <Select
        id={`field-${name}`}
        name={name}
        value={value}
        invalid={Boolean(error)}
        required={required}
        aria-describedby={describedBy(name, description, error)}
        onChange={(event: ChangeEvent<HTMLSelectElement>) => onChange(event.target.value)}
      >
        {options.map((option) => (
          <SelectOption key={option.value} value={option.value}>
            {option.label}
          </SelectOption>
        ))}
      </Select>
    </FieldFrame>
  );
}
