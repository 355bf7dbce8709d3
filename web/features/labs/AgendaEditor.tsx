// The lab's agenda: its activities in order, moved with buttons, edited in place, added and removed.
import {
  Alert,
  Button,
  ButtonGroup,
  Heading2,
  Heading3,
  OrderedList,
  OrderedListItem,
  Paragraph,
} from '@utrecht/component-library-react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  activityKinds,
  type ActivityConfig,
  type ActivityKind,
} from '../../../common/activities/registry.ts';
import {
  activity as activitySchema,
  activityInput,
  lab as labSchema,
  reorderActivitiesRequest,
  updateActivityRequest,
  type Activity,
  type Lab,
} from '../../../common/labs.ts';
import { moduleFor } from '../../activities/registry.ts';
import { api } from '../../api/client.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { TextField } from '../../components/Fields.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { useApiForm } from '../../components/useApiForm.ts';
import { ConfirmAction } from '../../components/ConfirmAction.tsx';
import { RadioGroupField } from './LabFields.tsx';
import { moveItem } from './moveItem.ts';

const CONFIG_PREFIX = 'config.';

/** Splits form errors into the form's own fields and the settings form's (paths inside `config`). */
function splitConfigErrors(fields: Record<string, string>): {
  own: Record<string, string>;
  config: Record<string, string>;
} {
  const own: Record<string, string> = {};
  const config: Record<string, string> = {};
  for (const [field, message] of Object.entries(fields)) {
    if (field.startsWith(CONFIG_PREFIX)) config[field.slice(CONFIG_PREFIX.length)] = message;
    else own[field] = message;
  }
  return { own, config };
}

/** The kind's name from the activity module, in the words of the activities namespace. */
function useKindLabel(): (kind: ActivityKind) => string {
  const { t } = useTranslation('labs');
  return (kind) => t(moduleFor(kind).labelKey, { ns: 'activities', defaultValue: kind });
}

/**
 * Adds an activity (no `existing`) or changes one: kind (new only), title, and the kind's own
 * settings form from the activity registry. Validates with the shared schemas before sending.
 */
function ActivityForm({
  lab,
  orgSlug,
  existing,
  onSaved,
  onCancel,
}: {
  lab: Lab;
  orgSlug: string;
  existing: Activity | null;
  onSaved: (saved: Activity) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation('labs');
  const kindLabel = useKindLabel();
  const { errors, isSubmitting, submit } = useApiForm();
  const [kind, setKind] = useState<ActivityKind>(existing?.kind ?? 'canvas');
  const [title, setTitle] = useState(existing?.title ?? '');
  const [config, setConfig] = useState<ActivityConfig>(
    existing?.config ?? moduleFor('canvas').defaultConfig(),
  );
  const { own, config: configErrors } = splitConfigErrors(errors.fields);
  const { ConfigForm } = moduleFor(kind);
  const base = `/orgs/${orgSlug}/labs/${lab.id}/activities`;
  // The settings form names its own fields; the summary says at least that they are settings.
  const fieldLabels: Record<string, string> = {
    title: t('agenda.titleLabel'),
    kind: t('agenda.kindLegend'),
    config: t('agenda.settingsTitle'),
  };
  for (const field of Object.keys(errors.fields)) {
    if (field.startsWith(CONFIG_PREFIX)) fieldLabels[field] = t('agenda.settingsTitle');
  }

  function chooseKind(next: ActivityKind) {
    setKind(next);
    // Settings of one kind mean nothing to another, so a new kind starts from its own defaults.
    setConfig(moduleFor(next).defaultConfig());
  }

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const saved = existing
      ? await submit(updateActivityRequest, { title, config }, (input) =>
          api('PATCH', `${base}/${existing.id}`, { body: input, schema: activitySchema }),
        )
      : await submit(activityInput, { title, kind, config }, (input) =>
          api('POST', base, { body: input, schema: activitySchema }),
        );
    if (saved) onSaved(saved);
  }

  return (
    <div className="stadshart-form stadshart-activity-form">
      <ErrorSummary errors={errors} fieldLabels={fieldLabels} />
      <form noValidate onSubmit={(event) => void handleSubmit(event)}>
        {!existing && (
          <RadioGroupField
            name="kind"
            legend={t('agenda.kindLegend')}
            error={own.kind}
            value={kind}
            onChange={(next) => chooseKind(next as ActivityKind)}
            choices={activityKinds.map((value) => ({ value, label: kindLabel(value) }))}
          />
        )}
        <TextField
          name="title"
          label={t('agenda.titleLabel')}
          value={title}
          onChange={setTitle}
          error={own.title}
          autoComplete="off"
          required
        />
        <Heading3>{t('agenda.settingsTitle')}</Heading3>
        <ConfigForm lab={lab} value={config} onChange={setConfig} errors={configErrors} />
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" busy={isSubmitting}>
            {existing ? t('agenda.save') : t('agenda.add')}
          </Button>
          <Button appearance="secondary-action-button" onClick={onCancel}>
            {t('common:form.cancel')}
          </Button>
        </ButtonGroup>
      </form>
    </div>
  );
}

/** Where focus goes after a move: the same button on the moved step, or its other one at an end. */
type FocusTarget = { id: string; direction: 'up' | 'down' } | null;

/**
 * Lists the agenda; people who may edit the lab move steps up and down (keyboard buttons, no
 * dragging needed), edit, remove (after a confirm step) and add them. Every change goes through
 * the API and reports the lab or activity the server answers to `onChange`.
 */
export function AgendaEditor({
  lab,
  orgSlug,
  onChange,
}: {
  lab: Lab;
  orgSlug: string;
  onChange: (next: Lab) => void;
}) {
  const { t } = useTranslation('labs');
  const kindLabel = useKindLabel();
  const { describe } = useApiForm();
  /** The id of the step being edited, 'new' while adding one, or null. */
  const [editing, setEditing] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [isMoving, setMoving] = useState(false);
  const [focusTarget, setFocusTarget] = useState<FocusTarget>(null);
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const addButton = useRef<HTMLButtonElement>(null);
  const isEditable = lab.can.edit && lab.status !== 'closed';
  const activities = [...lab.activities].sort((a, b) => a.position - b.position);
  const total = activities.length;

  useEffect(() => {
    if (!focusTarget) return;
    const index = activities.findIndex((activity) => activity.id === focusTarget.id);
    // At the top there is no "up" button any more (and at the bottom no "down"): use the other.
    const direction =
      (focusTarget.direction === 'up' && index === 0) ||
      (focusTarget.direction === 'down' && index === total - 1)
        ? focusTarget.direction === 'up'
          ? 'down'
          : 'up'
        : focusTarget.direction;
    buttons.current.get(`${focusTarget.id}:${direction}`)?.focus();
    setFocusTarget(null);
  }, [focusTarget, activities, total]);

  function buttonRef(key: string) {
    return (element: HTMLButtonElement | null) => {
      if (element) buttons.current.set(key, element);
      else buttons.current.delete(key);
    };
  }

  async function move(index: number, offset: number) {
    const moved = activities[index];
    if (!moved) return;
    const order = moveItem(activities, index, offset).map((activity) => activity.id);
    setError(null);
    setStatus(null);
    setMoving(true);
    try {
      const next = await api('PUT', `/orgs/${orgSlug}/labs/${lab.id}/activities/order`, {
        body: reorderActivitiesRequest.parse({ activityIds: order }),
        schema: labSchema,
      });
      onChange(next);
      setStatus(
        t('agenda.moved', {
          title: moved.title,
          position: order.indexOf(moved.id) + 1,
          total,
        }),
      );
      setFocusTarget({ id: moved.id, direction: offset < 0 ? 'up' : 'down' });
    } catch (caught) {
      setError(describe(caught).general ?? t('common:errors.unexpected'));
    } finally {
      setMoving(false);
    }
  }

  function replaceActivity(saved: Activity) {
    onChange({
      ...lab,
      activities: lab.activities.map((activity) => (activity.id === saved.id ? saved : activity)),
    });
    setEditing(null);
    setStatus(t('agenda.saved', { title: saved.title }));
    setFocusTarget(null);
    // Back to the step's edit button, where the person started.
    requestAnimationFrame(() => buttons.current.get(`${saved.id}:edit`)?.focus());
  }

  function appendActivity(saved: Activity) {
    onChange({ ...lab, activities: [...lab.activities, saved] });
    setEditing(null);
    setStatus(t('agenda.added', { title: saved.title }));
    requestAnimationFrame(() => buttons.current.get(`${saved.id}:edit`)?.focus());
  }

  async function remove(activity: Activity) {
    await api('DELETE', `/orgs/${orgSlug}/labs/${lab.id}/activities/${activity.id}`);
    onChange({
      ...lab,
      activities: lab.activities.filter((candidate) => candidate.id !== activity.id),
    });
    setStatus(t('agenda.removed', { title: activity.title }));
    // The step and its buttons are gone; the add button stays put.
    requestAnimationFrame(() => addButton.current?.focus());
  }

  return (
    <section aria-labelledby="lab-agenda-title">
      <Heading2 id="lab-agenda-title">{t('agenda.title')}</Heading2>
      {isEditable ? (
        <Paragraph>{t('agenda.intro')}</Paragraph>
      ) : (
        lab.can.edit && <Paragraph>{t('agenda.readOnly')}</Paragraph>
      )}
      {error && (
        <Alert type="error">
          <Paragraph>{error}</Paragraph>
        </Alert>
      )}
      {total === 0 ? (
        <Paragraph>{t('agenda.empty')}</Paragraph>
      ) : (
        <OrderedList className="stadshart-agenda">
          {activities.map((activity, index) => (
            <OrderedListItem key={activity.id} className="stadshart-agenda__step">
              <Heading3>
                {activity.title}{' '}
                <span className="stadshart-agenda__kind">({kindLabel(activity.kind)})</span>
              </Heading3>
              {isEditable && editing === activity.id && (
                <ActivityForm
                  lab={lab}
                  orgSlug={orgSlug}
                  existing={activity}
                  onSaved={replaceActivity}
                  onCancel={() => {
                    setEditing(null);
                    requestAnimationFrame(() =>
                      buttons.current.get(`${activity.id}:edit`)?.focus(),
                    );
                  }}
                />
              )}
              {isEditable && editing !== activity.id && (
                <div className="stadshart-agenda__actions">
                  <ButtonGroup>
                    {index > 0 && (
                      <Button
                        ref={buttonRef(`${activity.id}:up`)}
                        appearance="secondary-action-button"
                        disabled={isMoving}
                        onClick={() => void move(index, -1)}
                      >
                        {t('agenda.moveUp')}
                        <span className="stadshart-visually-hidden">: {activity.title}</span>
                      </Button>
                    )}
                    {index < total - 1 && (
                      <Button
                        ref={buttonRef(`${activity.id}:down`)}
                        appearance="secondary-action-button"
                        disabled={isMoving}
                        onClick={() => void move(index, 1)}
                      >
                        {t('agenda.moveDown')}
                        <span className="stadshart-visually-hidden">: {activity.title}</span>
                      </Button>
                    )}
                    <Button
                      ref={buttonRef(`${activity.id}:edit`)}
                      appearance="secondary-action-button"
                      onClick={() => {
                        setStatus(null);
                        setEditing(activity.id);
                      }}
                    >
                      {t('agenda.edit')}
                      <span className="stadshart-visually-hidden">: {activity.title}</span>
                    </Button>
                  </ButtonGroup>
                  <ConfirmAction
                    label={
                      <>
                        {t('agenda.remove')}
                        <span className="stadshart-visually-hidden">: {activity.title}</span>
                      </>
                    }
                    question={t('agenda.confirmRemove', { title: activity.title })}
                    confirmLabel={t('agenda.confirmRemoveButton')}
                    onConfirm={() => remove(activity)}
                  />
                </div>
              )}
            </OrderedListItem>
          ))}
        </OrderedList>
      )}
      <StatusMessage message={status} />
      {isEditable &&
        (editing === 'new' ? (
          <section aria-labelledby="lab-agenda-add-title">
            <Heading3 id="lab-agenda-add-title">{t('agenda.addTitle')}</Heading3>
            <ActivityForm
              lab={lab}
              orgSlug={orgSlug}
              existing={null}
              onSaved={appendActivity}
              onCancel={() => {
                setEditing(null);
                requestAnimationFrame(() => addButton.current?.focus());
              }}
            />
          </section>
        ) : (
          <ButtonGroup>
            <Button
              ref={addButton}
              appearance="primary-action-button"
              onClick={() => {
                setStatus(null);
                setEditing('new');
              }}
            >
              {t('agenda.addOpen')}
            </Button>
          </ButtonGroup>
        ))}
    </section>
  );
}
