// An editable list of labelled rows in a config form (poll options, positioning programmes):
// one text field per row, a remove button per row and an add button, in one fieldset.
import {
  Button,
  ButtonGroup,
  Fieldset,
  FieldsetLegend,
  FormFieldDescription,
  FormFieldErrorMessage,
} from '@utrecht/component-library-react';
import { TextField } from '../components/Fields.tsx';

/**
 * Renders the rows of `config.<name>` as text fields named `config.<name>.<index>.label`. Adding
 * moves focus to the new row's field, removing moves it to the fieldset.
 */
export function EditableList({
  name,
  legend,
  hint,
  messages,
  labels,
  rowLabel,
  removeText,
  removeLabel,
  addText,
  canAdd,
  canRemove,
  onTouch,
  onChangeLabel,
  onAdd,
  onRemove,
}: {
  name: string;
  legend: string;
  hint: string;
  /** The messages shown, by field: `<name>` for the whole list, `<name>.<index>.label` per row. */
  messages: Readonly<Record<string, string>>;
  labels: readonly string[];
  rowLabel: (index: number) => string;
  removeText: string;
  /** The remove button's accessible name, naming the row. */
  removeLabel: (index: number) => string;
  addText: string;
  canAdd: boolean;
  canRemove: boolean;
  /** Called with the field a person left: the list's name or a row's `<name>.<index>.label`. */
  onTouch: (field: string) => void;
  onChangeLabel: (index: number, label: string) => void;
  onAdd: () => void;
  onRemove: (index: number) => void;
}) {
  const id = `field-config.${name}`;
  const error = messages[name];

  function add() {
    onAdd();
    // Focus the new field once it is on the page.
    const index = labels.length;
    window.requestAnimationFrame(() => document.getElementById(`${id}.${index}.label`)?.focus());
  }

  function remove(index: number) {
    onRemove(index);
    window.requestAnimationFrame(() => document.getElementById(id)?.focus());
  }

  return (
    <Fieldset
      id={id}
      tabIndex={-1}
      invalid={Boolean(error)}
      aria-describedby={error ? `${id}-error` : undefined}
      onBlur={() => onTouch(name)}
    >
      <FieldsetLegend>{legend}</FieldsetLegend>
      <FormFieldDescription>{hint}</FormFieldDescription>
      {error && <FormFieldErrorMessage id={`${id}-error`}>{error}</FormFieldErrorMessage>}
      {labels.map((label, index) => {
        const field = `${name}.${index}.label`;
        return (
          <div key={index} className="stadshart-option-row" onBlur={() => onTouch(field)}>
            <TextField
              name={`config.${field}`}
              label={rowLabel(index)}
              value={label}
              onChange={(next) => onChangeLabel(index, next)}
              error={messages[field]}
            />
            <Button
              type="button"
              appearance="subtle-button"
              hint="danger"
              disabled={!canRemove}
              aria-label={removeLabel(index)}
              onClick={() => remove(index)}
            >
              {removeText}
            </Button>
          </div>
        );
      })}
      <ButtonGroup>
        <Button type="button" appearance="secondary-action-button" disabled={!canAdd} onClick={add}>
          {addText}
        </Button>
      </ButtonGroup>
    </Fieldset>
  );
}
