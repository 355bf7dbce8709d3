// Form fields the shared set lacks: a group of radio buttons, a group of checkboxes.
import {
  Fieldset,
  FieldsetLegend,
  FormField,
  FormFieldCheckbox,
  FormFieldDescription,
  FormFieldErrorMessage,
  FormLabel,
  RadioButton,
} from '@utrecht/component-library-react';
import type { ChangeEvent, ReactNode } from 'react';

function describedBy(name: string, description: unknown, error: unknown): string | undefined {
  const ids = [
    description ? `field-${name}-description` : null,
    error ? `field-${name}-error` : null,
  ].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

interface Choice {
  value: string;
  label: string;
  description?: string;
}

/**
 * One choice out of a few, as radio buttons in a fieldset whose id is `field-<name>` (where the
 * error summary links to).
 */
export function RadioGroupField({
  name,
  legend,
  description,
  error,
  value,
  onChange,
  choices,
}: {
  name: string;
  legend: string;
  description?: ReactNode;
  error?: string | undefined;
  value: string;
  onChange: (value: string) => void;
  choices: Choice[];
}) {
  return (
    <Fieldset
      id={`field-${name}`}
      invalid={Boolean(error)}
      aria-describedby={describedBy(name, description, error)}
    >
      <FieldsetLegend>{legend}</FieldsetLegend>
      {description && (
        <FormFieldDescription id={`field-${name}-description`}>{description}</FormFieldDescription>
      )}
      {error && <FormFieldErrorMessage id={`field-${name}-error`}>{error}</FormFieldErrorMessage>}
      {choices.map((choice) => {
        const id = `field-${name}-${choice.value}`;
        return (
          <FormField key={choice.value} type="radio">
            <div className="utrecht-form-field__label utrecht-form-field__label--radio">
              <FormLabel type="radio" htmlFor={id} checked={value === choice.value}>
                <RadioButton
                  id={id}
                  className="utrecht-form-field__input"
                  name={name}
                  value={choice.value}
                  checked={value === choice.value}
                  aria-describedby={choice.description ? `${id}-description` : undefined}
                  onChange={() => onChange(choice.value)}
                />
                {choice.label}
              </FormLabel>
            </div>
            {choice.description && (
              <FormFieldDescription
                id={`${id}-description`}
                className="utrecht-form-field__description"
              >
                {choice.description}
              </FormFieldDescription>
            )}
          </FormField>
        );
      })}
    </Fieldset>
  );
}

/** Several choices out of a list, as checkboxes in a fieldset whose id is `field-<name>`. */
export function CheckboxGroupField({
  name,
  legend,
  description,
  error,
  chosen,
  onChange,
  choices,
}: {
  name: string;
  legend: string;
  description?: ReactNode;
  error?: string | undefined;
  chosen: ReadonlySet<string>;
  onChange: (next: ReadonlySet<string>) => void;
  choices: Choice[];
}) {
  function toggle(value: string, isChecked: boolean) {
    const next = new Set(chosen);
    if (isChecked) next.add(value);
    else next.delete(value);
    onChange(next);
  }
  return (
    <Fieldset
      id={`field-${name}`}
      invalid={Boolean(error)}
      aria-describedby={describedBy(name, description, error)}
    >
      <FieldsetLegend>{legend}</FieldsetLegend>
      {description && (
        <FormFieldDescription id={`field-${name}-description`}>{description}</FormFieldDescription>
      )}
      {error && <FormFieldErrorMessage id={`field-${name}-error`}>{error}</FormFieldErrorMessage>}
      {choices.map((choice) => (
        <FormFieldCheckbox
          key={choice.value}
          name={name}
          value={choice.value}
          label={choice.label}
          description={choice.description}
          checked={chosen.has(choice.value)}
          onChange={(event: ChangeEvent<HTMLInputElement>) =>
            toggle(choice.value, event.target.checked)
          }
        />
      ))}
    </Fieldset>
  );
}
