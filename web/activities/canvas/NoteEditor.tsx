// The form to write or change a note: its text with a character count, and its colour by name.
import { Button, ButtonGroup, Fieldset, FieldsetLegend } from '@utrecht/component-library-react';
import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { noteColours, type NoteColour } from '../../../common/activities/canvas.ts';
import { collabDefaults } from '../../../common/collab.ts';
import { TextareaField } from '../../components/Fields.tsx';
import { formatNumber } from '../../i18n/i18n.ts';
import { RadioOption } from '../RadioOption.tsx';

/** The server enforces its own configured limit; this default is what the browser warns about. */
const NOTE_MAX_LENGTH = collabDefaults.noteMaxLength;

/**
 * Shows a text area and colour choice; `onSubmit` gets the trimmed text only when it is neither
 * empty nor too long. Escape in the text area cancels. `fieldName` must be unique on the page.
 */
export function NoteEditor({
  fieldName,
  label,
  initialText = '',
  initialColour = 'yellow',
  submitLabel,
  onSubmit,
  onCancel,
  cancelLabel,
  clearAfterSubmit = false,
}: {
  fieldName: string;
  label: string;
  initialText?: string;
  initialColour?: NoteColour;
  submitLabel: string;
  onSubmit: (text: string, colour: NoteColour) => void;
  onCancel: () => void;
  cancelLabel?: string;
  clearAfterSubmit?: boolean;
}) {
  const { t } = useTranslation('activities');
  const [text, setText] = useState(initialText);
  const [colour, setColour] = useState<NoteColour>(initialColour);
  const [error, setError] = useState<string | undefined>(undefined);
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    formRef.current?.querySelector('textarea')?.focus();
  }, []);

  function submit(event: FormEvent) {
    event.preventDefault();
    const trimmed = text.trim();
    if (trimmed.length === 0) {
      setError(t('canvas.editor.empty'));
    } else if (trimmed.length > NOTE_MAX_LENGTH) {
      setError(t('canvas.editor.tooLong', { max: formatNumber(NOTE_MAX_LENGTH) }));
    } else {
      setError(undefined);
      onSubmit(trimmed, colour);
      if (clearAfterSubmit) setText('');
    }
    formRef.current?.querySelector('textarea')?.focus();
  }

  function cancelOnEscape(event: KeyboardEvent) {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    onCancel();
  }

  return (
    <form
      ref={formRef}
      className="stadshart-note-editor"
      onSubmit={submit}
      onKeyDown={cancelOnEscape}
      noValidate
    >
      <TextareaField
        name={fieldName}
        label={label}
        value={text}
        onChange={setText}
        error={error}
        rows={3}
        description={t('canvas.editor.count', {
          count: text.trim().length,
          formatted: formatNumber(text.trim().length),
          max: formatNumber(NOTE_MAX_LENGTH),
        })}
      />
      <Fieldset>
        <FieldsetLegend>{t('canvas.editor.colour')}</FieldsetLegend>
        <div className="stadshart-colour-choices">
          {noteColours.map((option) => (
            <RadioOption
              key={option}
              id={`field-${fieldName}-colour-${option}`}
              name={`${fieldName}-colour`}
              label={
                <>
                  <span
                    className={`stadshart-swatch stadshart-note--${option}`}
                    aria-hidden="true"
                  />
                  {t(`colours.${option}`)}
                </>
              }
              isChecked={colour === option}
              onCheck={() => setColour(option)}
            />
          ))}
        </div>
      </Fieldset>
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button">
          {submitLabel}
        </Button>
        <Button type="button" appearance="secondary-action-button" onClick={onCancel}>
          {cancelLabel ?? t('common:form.cancel')}
        </Button>
      </ButtonGroup>
    </form>
  );
}
