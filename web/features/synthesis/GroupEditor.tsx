// The facilitator's corrections of one canvas section's groups: rename, merge, move notes to a
// new or another group, and back to the automatic grouping. Everything is a form: no dragging.
import {
  Alert,
  Button,
  ButtonGroup,
  Fieldset,
  FieldsetLegend,
  FormFieldCheckbox,
  Heading3,
  Heading4,
  Paragraph,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { synthesisGroupRequest, type SynthesisGroupRequest } from '../../../common/synthesis.ts';
import { ConfirmAction } from '../../components/ConfirmAction.tsx';
import { SelectField, TextField } from '../../components/Fields.tsx';
import { useApiForm } from '../../components/useApiForm.ts';
import { formatNumber } from '../../i18n/i18n.ts';
import { GroupBasis, NoteText, useGroupLabel, type CanvasSection } from './SynthesisParts.tsx';

const NEW_GROUP = '';

function RenameForm({
  fieldName,
  label,
  serverError,
  onSave,
  onClose,
}: {
  fieldName: string;
  label: string;
  serverError: string | undefined;
  onSave: (label: string) => Promise<boolean>;
  onClose: () => void;
}) {
  const { t } = useTranslation('synthesis');
  const [value, setValue] = useState(label);
  const [error, setError] = useState<string | undefined>();

  useEffect(() => {
    document.getElementById(`field-${fieldName}`)?.focus();
  }, [fieldName]);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (value.trim() === '') {
      setError(t('group.nameRequired'));
      return;
    }
    setError(undefined);
    if (await onSave(value.trim())) onClose();
  };

  return (
    <form onSubmit={(event) => void submit(event)} aria-label={t('group.renameOf', { label })}>
      <TextField
        name={fieldName}
        label={t('group.newName')}
        value={value}
        onChange={setValue}
        error={error ?? serverError}
      />
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button">
          {t('group.save')}
        </Button>
        <Button type="button" appearance="secondary-action-button" onClick={onClose}>
          {t('group.cancel')}
        </Button>
      </ButtonGroup>
    </form>
  );
}

/**
 * One canvas section on the facilitator's synthesis page: its groups with checkboxes to choose
 * notes, a rename form per group, and forms to merge groups, move the chosen notes and reset.
 */
export function GroupEditor({
  activityId,
  section,
  correct,
}: {
  activityId: string;
  section: CanvasSection;
  correct: (request: SynthesisGroupRequest) => Promise<void>;
}) {
  const { t } = useTranslation('synthesis');
  const uid = useId();
  const headingId = `${uid}-heading`;
  const labelOf = useGroupLabel();
  const form = useApiForm();
  const [status, setStatus] = useState('');
  const [renaming, setRenaming] = useState<string | null>(null);
  const [chosenGroups, setChosenGroups] = useState<ReadonlySet<string>>(new Set());
  const [chosenNotes, setChosenNotes] = useState<ReadonlySet<string>>(new Set());
  const [mergeLabel, setMergeLabel] = useState('');
  const [destination, setDestination] = useState(NEW_GROUP);
  const [newLabel, setNewLabel] = useState('');

  const notes = new Map(section.notes.map((note) => [note.id, note]));
  const groupKeys = section.groups.map((group) => group.key);
  // Groups and notes can disappear between two updates; only what is still there counts.
  const selectedGroups = groupKeys.filter((key) => chosenGroups.has(key));
  const selectedNotes = section.notes.map((n) => n.id).filter((id) => chosenNotes.has(id));
  const target = { activityId, sectionKey: section.key };
  const hasDestination = destination === NEW_GROUP || groupKeys.includes(destination);

  const toggle = (set: ReadonlySet<string>, key: string, isOn: boolean) => {
    const next = new Set(set);
    if (isOn) next.add(key);
    else next.delete(key);
    return next;
  };

  const run = async (values: unknown, done: string, action?: () => Promise<void>) => {
    setStatus('');
    let isDone = false;
    await form.submit(synthesisGroupRequest, values, async (request) => {
      await (action ?? (() => correct(request)))();
      isDone = true;
    });
    if (isDone) setStatus(done);
    return isDone;
  };

  const merge = async () => {
    if (selectedGroups.length < 2) {
      setStatus(t('merge.tooFew'));
      return;
    }
    const label = mergeLabel.trim();
    const isDone = await run(
      { ...target, op: 'merge', groupKeys: selectedGroups, ...(label ? { label } : {}) },
      t('merge.done'),
    );
    if (isDone) {
      setChosenGroups(new Set());
      setMergeLabel('');
    }
  };

  const move = async () => {
    if (selectedNotes.length === 0) {
      setStatus(t('move.noneChosen'));
      return;
    }
    let isDone: boolean;
    if (destination === NEW_GROUP || !hasDestination) {
      isDone = await run(
        { ...target, op: 'split', noteIds: selectedNotes, label: newLabel.trim() },
        t('move.done'),
      );
    } else {
      const [first] = selectedNotes;
      isDone = await run(
        { ...target, op: 'move', noteId: first, groupKey: destination },
        t('move.done'),
        async () => {
          // One correction per note: a move names one note and one group.
          for (const noteId of selectedNotes) {
            await correct({ ...target, op: 'move', noteId, groupKey: destination });
          }
        },
      );
    }
    if (isDone) {
      setChosenNotes(new Set());
      setNewLabel('');
    }
  };

  return (
    <section aria-labelledby={headingId} className="stadshart-synthesis-section">
      <Heading3 id={headingId}>{section.title}</Heading3>
      {section.notes.length === 0 ? (
        <Paragraph>{t('canvas.emptySection')}</Paragraph>
      ) : (
        <Paragraph>
          {t('notes', {
            count: section.notes.length,
            formatted: formatNumber(section.notes.length),
          })}
        </Paragraph>
      )}

      {section.groups.map((group, index) => {
        const label = labelOf(group);
        const renameButtonId = `${uid}-rename-${index}`;
        return (
          <div key={group.key} className="stadshart-synthesis-group">
            <Heading4>
              {label}{' '}
              <span className="stadshart-synthesis-group__count">
                (
                {t('notes', {
                  count: group.noteIds.length,
                  formatted: formatNumber(group.noteIds.length),
                })}
                )
              </span>
            </Heading4>
            <GroupBasis group={group} />
            {renaming === group.key ? (
              <RenameForm
                fieldName={`${uid}-name-${index}`}
                label={label}
                serverError={form.errors.fields.label}
                onSave={(newName) =>
                  run(
                    { ...target, op: 'rename', groupKey: group.key, label: newName },
                    t('renamed', { label: newName }),
                  )
                }
                onClose={() => {
                  setRenaming(null);
                  // Back to where the person was, after the form disappears.
                  setTimeout(() => document.getElementById(renameButtonId)?.focus(), 0);
                }}
              />
            ) : (
              <ButtonGroup>
                <Button
                  id={renameButtonId}
                  appearance="subtle-button"
                  onClick={() => setRenaming(group.key)}
                  aria-label={t('group.renameOf', { label })}
                >
                  {t('group.rename')}
                </Button>
              </ButtonGroup>
            )}
            <UnorderedList className="stadshart-synthesis-notes">
              {group.noteIds.map((noteId) => {
                const note = notes.get(noteId);
                if (!note) return null;
                return (
                  <UnorderedListItem key={noteId}>
                    <FormFieldCheckbox
                      label={<NoteText note={note} />}
                      checked={chosenNotes.has(noteId)}
                      onChange={(event: React.ChangeEvent<HTMLInputElement>) =>
                        setChosenNotes((current) => toggle(current, noteId, event.target.checked))
                      }
                    />
                  </UnorderedListItem>
                );
              })}
            </UnorderedList>
          </div>
        );
      })}

      {/* One live region for what the forms below say back: done, or what is missing. */}
      <div role="status" className="stadshart-synthesis-section__status">
        {status && <Paragraph>{status}</Paragraph>}
      </div>
      {form.errors.general && (
        <Alert type="error">
          <Paragraph>{form.errors.general}</Paragraph>
        </Alert>
      )}

      {section.groups.length > 1 && (
        <Fieldset>
          <FieldsetLegend>{t('merge.legend')}</FieldsetLegend>
          <Paragraph>{t('merge.hint')}</Paragraph>
          {section.groups.map((group) => (
            <FormFieldCheckbox
              key={group.key}
              label={t('group.choose', { label: labelOf(group) })}
              checked={chosenGroups.has(group.key)}
              onChange={(event: React.ChangeEvent<HTMLInputElement>) =>
                setChosenGroups((current) => toggle(current, group.key, event.target.checked))
              }
            />
          ))}
          <TextField
            name={`${uid}-merge-label`}
            label={t('merge.label')}
            value={mergeLabel}
            onChange={setMergeLabel}
          />
          <ButtonGroup>
            <Button
              appearance="secondary-action-button"
              busy={form.isSubmitting}
              onClick={() => void merge()}
            >
              {t('merge.button')}
            </Button>
          </ButtonGroup>
        </Fieldset>
      )}

      {section.notes.length > 0 && (
        <Fieldset>
          <FieldsetLegend>{t('move.legend')}</FieldsetLegend>
          <Paragraph>{t('move.hint')}</Paragraph>
          <SelectField
            name={`${uid}-destination`}
            label={t('move.destination')}
            value={hasDestination ? destination : NEW_GROUP}
            onChange={setDestination}
            options={[
              { value: NEW_GROUP, label: t('move.newGroup') },
              ...section.groups.map((group) => ({ value: group.key, label: labelOf(group) })),
            ]}
          />
          {(destination === NEW_GROUP || !hasDestination) && (
            <TextField
              name={`${uid}-new-label`}
              label={t('move.newLabel')}
              value={newLabel}
              onChange={setNewLabel}
              error={form.errors.fields.label}
            />
          )}
          <ButtonGroup>
            <Button
              appearance="secondary-action-button"
              busy={form.isSubmitting}
              onClick={() => void move()}
            >
              {t('move.button')}
            </Button>
          </ButtonGroup>
        </Fieldset>
      )}

      {section.groups.length > 0 && (
        <ConfirmAction
          label={t('reset.button')}
          question={t('reset.question')}
          confirmLabel={t('reset.confirm')}
          isDanger={false}
          onConfirm={async () => {
            await correct({ ...target, op: 'reset' });
            setStatus(t('reset.done'));
          }}
        />
      )}
    </section>
  );
}
