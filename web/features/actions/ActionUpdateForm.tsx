// The "bijwerken" form of one action: status, progress, a note and (for facilitators) the member
// who owns it. Only what changed is sent; the server adds it to the history.
import { Button, ButtonGroup, Fieldset, FieldsetLegend } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  actionUpdateRequest,
  followedAction as followedActionSchema,
  type FollowedAction,
} from '../../../common/actions.ts';
import {
  followUpStatuses,
  PROGRESS_MAX,
  PROGRESS_MIN,
  type FollowUpStatus,
} from '../../../common/activities/actions.ts';
import { api } from '../../api/client.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { SelectField, TextareaField, TextField } from '../../components/Fields.tsx';
import { useApiForm } from '../../components/useApiForm.ts';

const KEEP = '';

function isFollowUpStatus(status: string): status is FollowUpStatus {
  return (followUpStatuses as readonly string[]).includes(status);
}

/** Sends one follow-up change and hands the server's answer to `onSaved`. */
export function ActionUpdateForm({
  path,
  action,
  ownerCandidates,
  mayAssignOwner,
  onSaved,
}: {
  /** The action's PATCH path under /api/v1. */
  path: string;
  action: FollowedAction;
  ownerCandidates: { id: string; name: string }[];
  mayAssignOwner: boolean;
  onSaved: (action: FollowedAction) => void;
}) {
  const { t } = useTranslation('actionsFollowUp');
  const { errors, setErrors, isSubmitting, submit } = useApiForm();
  const currentStatus = isFollowUpStatus(action.status) ? action.status : KEEP;
  const [status, setStatus] = useState<string>(currentStatus);
  const [progress, setProgress] = useState(String(action.progress));
  const [note, setNote] = useState('');
  const [ownerId, setOwnerId] = useState(action.owner?.id ?? KEEP);
  const prefix = `action-${action.activityId}-${action.actionId}`;
  const name = (field: string) => `${prefix}-${field}`;

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const typedProgress = progress.trim();
    const progressValue = Number(typedProgress);
    const isProgressValid =
      /^\d{1,3}$/.test(typedProgress) &&
      progressValue >= PROGRESS_MIN &&
      progressValue <= PROGRESS_MAX;
    if (typedProgress !== '' && !isProgressValid) {
      // Our own words: the generic "too big" or "not a number" says less than the range does.
      setErrors({ general: null, fields: { progress: t('form.progressInvalid') } });
      return;
    }
    const body = {
      ...(status !== KEEP && status !== action.status ? { status } : {}),
      ...(typedProgress !== '' && progressValue !== action.progress
        ? { progress: progressValue }
        : {}),
      ...(note.trim() ? { note } : {}),
      ...(mayAssignOwner && ownerId !== (action.owner?.id ?? KEEP)
        ? { ownerUserId: ownerId === KEEP ? null : ownerId }
        : {}),
    };
    const saved = await submit(actionUpdateRequest, body, (input) =>
      api('PATCH', path, { body: input, schema: followedActionSchema }),
    );
    if (!saved) return;
    setNote('');
    setStatus(isFollowUpStatus(saved.status) ? saved.status : KEEP);
    setProgress(String(saved.progress));
    setOwnerId(saved.owner?.id ?? KEEP);
    onSaved(saved);
  }

  // Field names on this page carry the action, so the summary's links reach the right form.
  const shownErrors = {
    general: errors.general,
    fields: Object.fromEntries(
      Object.entries(errors.fields).map(([field, message]) => [name(field), message]),
    ),
  };
  const fieldError = (field: string) => errors.fields[field];
  const statusOptions = [
    ...(currentStatus === KEEP ? [{ value: KEEP, label: t(`statuses.${action.status}`) }] : []),
    ...followUpStatuses.map((value) => ({ value, label: t(`statuses.${value}`) })),
  ];

  return (
    <form noValidate onSubmit={(event) => void handleSubmit(event)} className="stadshart-stack">
      <ErrorSummary
        errors={shownErrors}
        fieldLabels={{
          [name('status')]: t('form.status'),
          [name('progress')]: t('form.progress'),
          [name('note')]: t('form.note'),
          [name('ownerUserId')]: t('form.owner'),
        }}
      />
      <Fieldset>
        <FieldsetLegend>{t('form.legend', { title: action.title })}</FieldsetLegend>
        <SelectField
          name={name('status')}
          label={t('form.status')}
          value={status}
          onChange={setStatus}
          options={statusOptions}
          error={fieldError('status')}
        />
        <TextField
          name={name('progress')}
          label={t('form.progress')}
          description={t('form.progressHint')}
          value={progress}
          onChange={setProgress}
          inputMode="numeric"
          error={fieldError('progress')}
        />
        <TextareaField
          name={name('note')}
          label={t('form.note')}
          description={t('form.noteHint')}
          value={note}
          onChange={setNote}
          rows={3}
          error={fieldError('note')}
        />
        {mayAssignOwner && (
          <SelectField
            name={name('ownerUserId')}
            label={t('form.owner')}
            description={t('form.ownerHint')}
            value={ownerId}
            onChange={setOwnerId}
            options={[
              { value: KEEP, label: t('form.noOwner') },
              ...ownerCandidates.map((person) => ({ value: person.id, label: person.name })),
              // A named owner who is no longer an active member stays choosable until replaced.
              ...(action.owner && !ownerCandidates.some((p) => p.id === action.owner?.id)
                ? [{ value: action.owner.id, label: action.owner.name }]
                : []),
            ]}
            error={fieldError('ownerUserId')}
          />
        )}
      </Fieldset>
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button" busy={isSubmitting}>
          {t('form.submit')}
        </Button>
      </ButtonGroup>
    </form>
  );
}
