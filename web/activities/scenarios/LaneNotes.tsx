// One lane of a scenario: its notes (as text), with adding, changing and deleting by keyboard.
import { Button, ButtonGroup, Heading4, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { LaneKey, ScenarioNoteValue } from '../../../common/activities/scenarios.ts';
import { collabDefaults } from '../../../common/collab.ts';
import { ConfirmAction } from '../../components/ConfirmAction.tsx';
import { TextareaField } from '../../components/Fields.tsx';
import { formatNumber } from '../../i18n/i18n.ts';

/** The server enforces its own configured limit; this default is what the browser warns about. */
const NOTE_MAX_LENGTH = collabDefaults.noteMaxLength;

export interface LaneNoteActions {
  add: (text: string) => void;
  edit: (noteId: string, text: string) => void;
  remove: (noteId: string) => void;
}

/**
 * A text area with a character count; `onSubmit` gets the trimmed text only when it is neither
 * empty nor too long. Escape cancels. `fieldName` must be unique on the page.
 */
function NoteTextForm({
  fieldName,
  label,
  initialText,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  fieldName: string;
  label: string;
  initialText: string;
  submitLabel: string;
  onSubmit: (text: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation('scenarios');
  const [text, setText] = useState(initialText);
  const [error, setError] = useState<string | undefined>(undefined);
  const formRef = useRef<HTMLFormElement>(null);
  const length = text.trim().length;

  useEffect(() => {
    formRef.current?.querySelector('textarea')?.focus();
  }, []);

  function submit(event: FormEvent) {
    event.preventDefault();
    const trimmed = text.trim();
    if (trimmed === '') setError(t('note.empty'));
    else if (trimmed.length > NOTE_MAX_LENGTH) {
      setError(t('note.tooLong', { max: formatNumber(NOTE_MAX_LENGTH) }));
    } else {
      setError(undefined);
      onSubmit(trimmed);
      setText('');
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
    <form ref={formRef} onSubmit={submit} onKeyDown={cancelOnEscape} noValidate>
      <TextareaField
        name={fieldName}
        label={label}
        value={text}
        onChange={setText}
        error={error}
        rows={2}
        description={t('note.length', {
          length: formatNumber(length),
          max: formatNumber(NOTE_MAX_LENGTH),
        })}
      />
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button">
          {submitLabel}
        </Button>
        <Button type="button" appearance="secondary-action-button" onClick={onCancel}>
          {t('note.cancel')}
        </Button>
      </ButtonGroup>
    </form>
  );
}

function LaneNote({
  note,
  idPrefix,
  isOwn,
  showAuthor,
  canChange,
  actions,
}: {
  note: ScenarioNoteValue;
  idPrefix: string;
  isOwn: boolean;
  showAuthor: boolean;
  canChange: boolean;
  actions: LaneNoteActions;
}) {
  const { t } = useTranslation('scenarios');
  const [isEditing, setEditing] = useState(false);
  const editRef = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(false);

  // Back on the edit button after saving or cancelling, so keyboard users keep their place.
  useEffect(() => {
    if (!isEditing && wasEditing.current) editRef.current?.focus();
    wasEditing.current = isEditing;
  }, [isEditing]);

  const author = isOwn ? t('note.yours') : note.authorName || t('note.unknownAuthor');
  return (
    <li className="stadshart-scenarios-note">
      {isEditing ? (
        <NoteTextForm
          fieldName={`${idPrefix}-edit-${note.id}`}
          label={t('note.editLabel')}
          initialText={note.text}
          submitLabel={t('note.save')}
          onSubmit={(text) => {
            actions.edit(note.id, text);
            setEditing(false);
          }}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <>
          <p className="stadshart-scenarios-note__text">{note.text}</p>
          {(showAuthor || isOwn) && <p className="stadshart-scenarios-note__meta">{author}</p>}
          {canChange && (
            <div className="stadshart-scenarios-note__actions">
              <ButtonGroup>
                <Button
                  ref={editRef}
                  type="button"
                  appearance="subtle-button"
                  onClick={() => setEditing(true)}
                >
                  {t('note.edit')}
                </Button>
              </ButtonGroup>
              <ConfirmAction
                label={t('note.delete')}
                question={t('note.deleteQuestion')}
                confirmLabel={t('note.deleteConfirm')}
                onConfirm={() => {
                  actions.remove(note.id);
                  return Promise.resolve();
                }}
              />
            </div>
          )}
        </>
      )}
    </li>
  );
}

/** Shows one lane's notes and, when the viewer may write, the buttons and forms to change them. */
export function LaneNotes({
  lane,
  idPrefix,
  scenarioHeadingId,
  notes,
  viewerId,
  isFacilitator,
  showAuthors,
  canWrite,
  actions,
}: {
  lane: LaneKey;
  /** Unique on the page for this lane (activity, scenario and lane). */
  idPrefix: string;
  /** The heading of the scenario, so the lane's buttons say which scenario they are for. */
  scenarioHeadingId: string;
  notes: readonly ScenarioNoteValue[];
  viewerId: string;
  isFacilitator: boolean;
  showAuthors: boolean;
  canWrite: boolean;
  actions: LaneNoteActions;
}) {
  const { t } = useTranslation('scenarios');
  const [isAdding, setAdding] = useState(false);
  const addRef = useRef<HTMLButtonElement>(null);
  const wasAdding = useRef(false);
  const headingId = `${idPrefix}-heading`;

  useEffect(() => {
    if (!isAdding && wasAdding.current) addRef.current?.focus();
    wasAdding.current = isAdding;
  }, [isAdding]);

  return (
    <section className="stadshart-scenarios-lane" aria-labelledby={headingId}>
      <Heading4 id={headingId}>
        {t(`lanes.${lane}`)}{' '}
        <span className="stadshart-scenarios-lane__count">
          ({t('note.count', { count: notes.length, formatted: formatNumber(notes.length) })})
        </span>
      </Heading4>
      {notes.length === 0 ? (
        <Paragraph className="stadshart-scenarios-lane__empty">{t('note.none')}</Paragraph>
      ) : (
        <ul className="stadshart-scenarios-notes">
          {notes.map((note) => (
            <LaneNote
              key={note.id}
              note={note}
              idPrefix={idPrefix}
              isOwn={note.authorId === viewerId}
              showAuthor={showAuthors}
              canChange={canWrite && (isFacilitator || note.authorId === viewerId)}
              actions={actions}
            />
          ))}
        </ul>
      )}
      {canWrite &&
        (isAdding ? (
          <NoteTextForm
            fieldName={`${idPrefix}-new`}
            label={t('note.addLabel', { lane: t(`lanesShort.${lane}`) })}
            initialText=""
            submitLabel={t('note.submit')}
            onSubmit={actions.add}
            onCancel={() => setAdding(false)}
          />
        ) : (
          <ButtonGroup>
            <Button
              ref={addRef}
              type="button"
              appearance="secondary-action-button"
              aria-describedby={`${scenarioHeadingId} ${headingId}`}
              onClick={() => setAdding(true)}
            >
              {t('note.add')}
            </Button>
          </ButtonGroup>
        ))}
    </section>
  );
}
