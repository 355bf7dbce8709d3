// The organisation's trend catalogue: every member reads it; admins edit, add, archive and reorder.
import {
  Alert,
  Button,
  ButtonGroup,
  FormFieldCheckbox,
  Heading1,
  Heading2,
  Heading3,
  Paragraph,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { z } from 'zod';
import {
  development as developmentSchema,
  developmentInput,
  reorderDevelopmentsRequest,
  reorderTrendsRequest,
  trend as trendSchema,
  trendCatalogue,
  trendInput,
  updateDevelopmentRequest,
  updateTrendRequest,
  type Development,
  type Trend,
  type TrendCatalogue,
} from '../../../common/trends.ts';
import { api } from '../../api/client.ts';
import { useApiData } from '../../api/useApiData.ts';
import { ConfirmAction } from '../../components/ConfirmAction.tsx';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { TextareaField, TextField } from '../../components/Fields.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { useApiForm } from '../../components/useApiForm.ts';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { useOrgRole } from '../orgs/useOrgRole.ts';
import { moveAmongVisible } from './moveAmongVisible.ts';

/** Which form is open: one at a time, so its fields can carry the API's field names as ids. */
type Editing =
  | { kind: 'trend'; id: string }
  | { kind: 'development'; id: string }
  | { kind: 'newTrend' }
  | { kind: 'newDevelopment'; trendId: string }
  | null;

/** Title and description of a trend or development, checked with `schema` before `send`. */
function ItemForm<S extends z.ZodType, R>({
  schema,
  initial,
  label,
  submitLabel,
  send,
  onSaved,
  onCancel,
}: {
  schema: S;
  initial: { title: string; description: string };
  /** Names the form for screen readers, e.g. "Edit trend …". */
  label: string;
  submitLabel: string;
  send: (input: z.infer<S>) => Promise<R>;
  onSaved: (saved: R) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation('trends');
  const { errors, isSubmitting, submit } = useApiForm();
  const [title, setTitle] = useState(initial.title);
  const [description, setDescription] = useState(initial.description);

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const saved = await submit(schema, { title, description }, send);
    if (saved !== undefined) onSaved(saved);
  }

  return (
    <div className="stadshart-form">
      <ErrorSummary
        errors={errors}
        fieldLabels={{ title: t('fields.title'), description: t('fields.description') }}
      />
      <form noValidate aria-label={label} onSubmit={(event) => void handleSubmit(event)}>
        <TextField
          name="title"
          label={t('fields.title')}
          value={title}
          onChange={setTitle}
          error={errors.fields.title}
          autoComplete="off"
          required
        />
        <TextareaField
          name="description"
          label={t('fields.description')}
          description={t('fields.descriptionHint')}
          value={description}
          onChange={setDescription}
          error={errors.fields.description}
          rows={3}
        />
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" busy={isSubmitting}>
            {submitLabel}
          </Button>
          <Button appearance="secondary-action-button" onClick={onCancel}>
            {t('common:form.cancel')}
          </Button>
        </ButtonGroup>
      </form>
    </div>
  );
}

function byPosition<T extends { position: number }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => a.position - b.position);
}

function replaceTrend(catalogue: TrendCatalogue, next: Trend): TrendCatalogue {
  return { trends: catalogue.trends.map((item) => (item.id === next.id ? next : item)) };
}

function replaceDevelopment(catalogue: TrendCatalogue, next: Development): TrendCatalogue {
  return {
    trends: catalogue.trends.map((item) => ({
      ...item,
      developments: item.developments.map((d) => (d.id === next.id ? next : d)),
    })),
  };
}

function ArchivedMark({ isArchived }: { isArchived: boolean }) {
  const { t } = useTranslation('trends');
  return isArchived ? <span className="stadshart-agenda__kind"> {t('archivedMark')}</span> : null;
}

/** The item's name for screen readers after a button's short label ("Omhoog: Anders werken"). */
function Named({ title }: { title: string }) {
  return <span className="stadshart-visually-hidden">: {title}</span>;
}

/** An admin's buttons for one trend or development: move, edit, and restore or archive. */
function ItemActions({
  item,
  canMoveUp,
  canMoveDown,
  isBusy,
  labels,
  buttonRef,
  onMove,
  onEdit,
  onRestore,
  onArchive,
}: {
  item: { id: string; title: string; archived: boolean };
  canMoveUp: boolean;
  canMoveDown: boolean;
  isBusy: boolean;
  labels: {
    edit: string;
    restore: string;
    archive: string;
    confirmArchive: string;
    confirmArchiveButton: string;
  };
  /** Registers a button under `${item.id}:<what>` so focus can return to it. */
  buttonRef: (key: string) => (element: HTMLButtonElement | null) => void;
  onMove: (offset: -1 | 1) => void;
  onEdit: () => void;
  onRestore: () => void;
  onArchive: () => Promise<void>;
}) {
  const { t } = useTranslation('trends');
  return (
    <div className="stadshart-agenda__actions">
      <ButtonGroup>
        {canMoveUp && (
          <Button
            ref={buttonRef(`${item.id}:up`)}
            appearance="secondary-action-button"
            disabled={isBusy}
            onClick={() => onMove(-1)}
          >
            {t('moveUp')}
            <Named title={item.title} />
          </Button>
        )}
        {canMoveDown && (
          <Button
            ref={buttonRef(`${item.id}:down`)}
            appearance="secondary-action-button"
            disabled={isBusy}
            onClick={() => onMove(1)}
          >
            {t('moveDown')}
            <Named title={item.title} />
          </Button>
        )}
        <Button
          ref={buttonRef(`${item.id}:edit`)}
          appearance="secondary-action-button"
          onClick={onEdit}
        >
          {labels.edit}
          <Named title={item.title} />
        </Button>
        {item.archived && (
          <Button
            ref={buttonRef(`${item.id}:restore`)}
            appearance="secondary-action-button"
            disabled={isBusy}
            onClick={onRestore}
          >
            {labels.restore}
            <Named title={item.title} />
          </Button>
        )}
      </ButtonGroup>
      {!item.archived && (
        <ConfirmAction
          label={
            <>
              {labels.archive}
              <Named title={item.title} />
            </>
          }
          question={labels.confirmArchive}
          confirmLabel={labels.confirmArchiveButton}
          onConfirm={onArchive}
        />
      )}
    </div>
  );
}

/**
 * The catalogue with, for admins, every editing control. Changes go through the API; the answers
 * replace what is shown, and `onChange` passes them up.
 */
function Catalogue({
  catalogue,
  orgSlug,
  isAdmin,
  onChange,
}: {
  catalogue: TrendCatalogue;
  orgSlug: string;
  isAdmin: boolean;
  onChange: (next: TrendCatalogue) => void;
}) {
  const { t } = useTranslation('trends');
  const { describe } = useApiForm();
  const [showArchived, setShowArchived] = useState(false);
  const [editing, setEditing] = useState<Editing>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  /** Buttons to try, in order, for focus after the next render (the first that exists wins). */
  const [pendingFocus, setPendingFocus] = useState<string[] | null>(null);
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const base = `/orgs/${orgSlug}`;

  useEffect(() => {
    if (!pendingFocus) return;
    for (const key of pendingFocus) {
      const element = buttons.current.get(key);
      if (element) {
        element.focus();
        break;
      }
    }
    setPendingFocus(null);
  }, [pendingFocus]);

  function buttonRef(key: string) {
    return (element: HTMLButtonElement | null) => {
      if (element) buttons.current.set(key, element);
      else buttons.current.delete(key);
    };
  }

  const isShown = (item: { archived: boolean }) => showArchived || !item.archived;
  const trends = byPosition(catalogue.trends);
  const shownTrends = trends.filter(isShown);

  function startEditing(next: Editing) {
    setStatus(null);
    setError(null);
    setEditing(next);
  }

  function finish(message: string | null, focus: string[]) {
    setEditing(null);
    setStatus(message);
    setPendingFocus(focus);
  }

  // Runs one change at a time; a failure is shown above the list in the words of its problem.
  async function run(change: () => Promise<void>) {
    setError(null);
    setStatus(null);
    setBusy(true);
    try {
      await change();
    } catch (caught) {
      setError(describe(caught).general ?? t('common:errors.unexpected'));
    } finally {
      setBusy(false);
    }
  }

  // Says where the item now stands among the shown ones, and keeps focus on the button pressed
  // (or on the other one, once the item reached an end).
  function reportMove(
    messageKey: 'trend.moved' | 'development.moved',
    moved: { id: string; title: string },
    shownOrder: readonly string[],
    offset: -1 | 1,
  ) {
    setStatus(
      t(messageKey, {
        title: moved.title,
        position: shownOrder.indexOf(moved.id) + 1,
        total: shownOrder.length,
      }),
    );
    const direction = offset < 0 ? 'up' : 'down';
    const other = offset < 0 ? 'down' : 'up';
    setPendingFocus([`${moved.id}:${direction}`, `${moved.id}:${other}`]);
  }

  function moveTrend(moved: Trend, offset: -1 | 1) {
    return run(async () => {
      const order = moveAmongVisible(
        trends.map((item) => item.id),
        (id) => shownTrends.some((item) => item.id === id),
        moved.id,
        offset,
      );
      const next = await api('PUT', `${base}/trends/order`, {
        body: reorderTrendsRequest.parse({ trendIds: order }),
        schema: trendCatalogue,
      });
      onChange(next);
      reportMove(
        'trend.moved',
        moved,
        order.filter((id) => shownTrends.some((item) => item.id === id)),
        offset,
      );
    });
  }

  function moveDevelopment(owner: Trend, moved: Development, offset: -1 | 1) {
    return run(async () => {
      const developments = byPosition(owner.developments);
      const shown = new Set(developments.filter(isShown).map((d) => d.id));
      const order = moveAmongVisible(
        developments.map((d) => d.id),
        (id) => shown.has(id),
        moved.id,
        offset,
      );
      const next = await api('PUT', `${base}/trends/${owner.id}/developments/order`, {
        body: reorderDevelopmentsRequest.parse({ developmentIds: order }),
        schema: trendSchema,
      });
      onChange(replaceTrend(catalogue, next));
      reportMove(
        'development.moved',
        moved,
        order.filter((id) => shown.has(id)),
        offset,
      );
    });
  }

  async function archiveTrend(target: Trend) {
    await api('DELETE', `${base}/trends/${target.id}`);
    onChange(replaceTrend(catalogue, { ...target, archived: true }));
    finish(t('trend.archived', { title: target.title }), [`${target.id}:restore`, 'trend:add']);
  }

  function restoreTrend(target: Trend) {
    return run(async () => {
      const next = await api('PATCH', `${base}/trends/${target.id}`, {
        body: updateTrendRequest.parse({ archived: false }),
        schema: trendSchema,
      });
      onChange(replaceTrend(catalogue, next));
      finish(t('trend.restored', { title: next.title }), [`${next.id}:edit`]);
    });
  }

  async function archiveDevelopment(owner: Trend, target: Development) {
    await api('DELETE', `${base}/developments/${target.id}`);
    onChange(replaceDevelopment(catalogue, { ...target, archived: true }));
    finish(t('development.archived', { title: target.title }), [
      `${target.id}:restore`,
      `${owner.id}:addDevelopment`,
      `${owner.id}:edit`,
    ]);
  }

  function restoreDevelopment(target: Development) {
    return run(async () => {
      const next = await api('PATCH', `${base}/developments/${target.id}`, {
        body: updateDevelopmentRequest.parse({ archived: false }),
        schema: developmentSchema,
      });
      onChange(replaceDevelopment(catalogue, next));
      finish(t('development.restored', { title: next.title }), [`${next.id}:edit`]);
    });
  }

  function renderDevelopment(owner: Trend, item: Development, index: number, total: number) {
    const isEditing = editing?.kind === 'development' && editing.id === item.id;
    return (
      <UnorderedListItem key={item.id} className="stadshart-sections__item">
        <Heading3>
          {item.title}
          <ArchivedMark isArchived={item.archived} />
        </Heading3>
        {item.description && <Paragraph>{item.description}</Paragraph>}
        {isAdmin && isEditing && (
          <ItemForm
            schema={updateDevelopmentRequest}
            initial={item}
            label={t('development.editTitle', { title: item.title })}
            submitLabel={t('save')}
            send={(input) =>
              api('PATCH', `${base}/developments/${item.id}`, {
                body: input,
                schema: developmentSchema,
              })
            }
            onSaved={(saved) => {
              onChange(replaceDevelopment(catalogue, saved));
              finish(t('development.saved', { title: saved.title }), [`${saved.id}:edit`]);
            }}
            onCancel={() => finish(null, [`${item.id}:edit`])}
          />
        )}
        {isAdmin && !isEditing && (
          <ItemActions
            item={item}
            canMoveUp={index > 0}
            canMoveDown={index < total - 1}
            isBusy={isBusy}
            labels={{
              edit: t('development.edit'),
              restore: t('development.restore'),
              archive: t('development.archive'),
              confirmArchive: t('development.confirmArchive', { title: item.title }),
              confirmArchiveButton: t('development.confirmArchiveButton'),
            }}
            buttonRef={buttonRef}
            onMove={(offset) => void moveDevelopment(owner, item, offset)}
            onEdit={() => startEditing({ kind: 'development', id: item.id })}
            onRestore={() => void restoreDevelopment(item)}
            onArchive={() => archiveDevelopment(owner, item)}
          />
        )}
      </UnorderedListItem>
    );
  }

  function renderTrend(item: Trend, index: number) {
    const headingId = `trend-${item.id}`;
    const isEditing = editing?.kind === 'trend' && editing.id === item.id;
    const isAddingDevelopment = editing?.kind === 'newDevelopment' && editing.trendId === item.id;
    const developments = byPosition(item.developments).filter(isShown);
    return (
      <section key={item.id} aria-labelledby={headingId} className="stadshart-agenda__step">
        <Heading2 id={headingId}>
          {item.title}
          <ArchivedMark isArchived={item.archived} />
        </Heading2>
        {item.description && <Paragraph>{item.description}</Paragraph>}
        {isAdmin && isEditing && (
          <ItemForm
            schema={updateTrendRequest}
            initial={item}
            label={t('trend.editTitle', { title: item.title })}
            submitLabel={t('save')}
            send={(input) =>
              api('PATCH', `${base}/trends/${item.id}`, { body: input, schema: trendSchema })
            }
            onSaved={(saved) => {
              onChange(replaceTrend(catalogue, saved));
              finish(t('trend.saved', { title: saved.title }), [`${saved.id}:edit`]);
            }}
            onCancel={() => finish(null, [`${item.id}:edit`])}
          />
        )}
        {isAdmin && !isEditing && (
          <ItemActions
            item={item}
            canMoveUp={index > 0}
            canMoveDown={index < shownTrends.length - 1}
            isBusy={isBusy}
            labels={{
              edit: t('trend.edit'),
              restore: t('trend.restore'),
              archive: t('trend.archive'),
              confirmArchive: t('trend.confirmArchive', { title: item.title }),
              confirmArchiveButton: t('trend.confirmArchiveButton'),
            }}
            buttonRef={buttonRef}
            onMove={(offset) => void moveTrend(item, offset)}
            onEdit={() => startEditing({ kind: 'trend', id: item.id })}
            onRestore={() => void restoreTrend(item)}
            onArchive={() => archiveTrend(item)}
          />
        )}
        {developments.length === 0 ? (
          <Paragraph>{t('noDevelopments')}</Paragraph>
        ) : (
          <UnorderedList aria-label={t('developmentsOf', { title: item.title })}>
            {developments.map((development, position) =>
              renderDevelopment(item, development, position, developments.length),
            )}
          </UnorderedList>
        )}
        {isAdmin &&
          !item.archived &&
          (isAddingDevelopment ? (
            <section aria-labelledby={`${headingId}-add`}>
              <Heading3 id={`${headingId}-add`}>
                {t('development.addTitle', { trend: item.title })}
              </Heading3>
              <ItemForm
                schema={developmentInput}
                initial={{ title: '', description: '' }}
                label={t('development.addTitle', { trend: item.title })}
                submitLabel={t('development.add')}
                send={(input) =>
                  api('POST', `${base}/trends/${item.id}/developments`, {
                    body: input,
                    schema: developmentSchema,
                  })
                }
                onSaved={(saved) => {
                  onChange(
                    replaceTrend(catalogue, {
                      ...item,
                      developments: [...item.developments, saved],
                    }),
                  );
                  finish(t('development.added', { title: saved.title }), [`${saved.id}:edit`]);
                }}
                onCancel={() => finish(null, [`${item.id}:addDevelopment`])}
              />
            </section>
          ) : (
            <ButtonGroup>
              <Button
                ref={buttonRef(`${item.id}:addDevelopment`)}
                appearance="secondary-action-button"
                onClick={() => startEditing({ kind: 'newDevelopment', trendId: item.id })}
              >
                {t('development.add')}
                <Named title={item.title} />
              </Button>
            </ButtonGroup>
          ))}
      </section>
    );
  }

  return (
    <>
      {isAdmin && (
        <FormFieldCheckbox
          label={t('showArchived')}
          checked={showArchived}
          onChange={(event) => {
            setShowArchived(event.target.checked);
            setEditing(null);
          }}
        />
      )}
      {error && (
        <Alert type="error">
          <Paragraph>{error}</Paragraph>
        </Alert>
      )}
      <StatusMessage message={status} />
      {shownTrends.length === 0 ? (
        <Paragraph>{t('empty')}</Paragraph>
      ) : (
        shownTrends.map(renderTrend)
      )}
      {isAdmin &&
        (editing?.kind === 'newTrend' ? (
          <section aria-labelledby="trend-add-title">
            <Heading2 id="trend-add-title">{t('trend.addTitle')}</Heading2>
            <ItemForm
              schema={trendInput}
              initial={{ title: '', description: '' }}
              label={t('trend.addTitle')}
              submitLabel={t('trend.add')}
              send={(input) => api('POST', `${base}/trends`, { body: input, schema: trendSchema })}
              onSaved={(saved) => {
                onChange({ trends: [...catalogue.trends, saved] });
                finish(t('trend.added', { title: saved.title }), [`${saved.id}:edit`]);
              }}
              onCancel={() => finish(null, ['trend:add'])}
            />
          </section>
        ) : (
          <ButtonGroup>
            <Button
              ref={buttonRef('trend:add')}
              appearance="primary-action-button"
              onClick={() => startEditing({ kind: 'newTrend' })}
            >
              {t('trend.add')}
            </Button>
          </ButtonGroup>
        ))}
    </>
  );
}

/** The trend catalogue at /o/:orgSlug/trends. */
export function TrendsPage() {
  const { t } = useTranslation('trends');
  const { orgSlug, isAdmin } = useOrgRole();
  usePageTitle(t('title'));
  // Admins always load the archived items too: a reorder must name every trend.
  const catalogue = useApiData(
    orgSlug ? `/orgs/${orgSlug}/trends${isAdmin ? '?archived=include' : ''}` : null,
    trendCatalogue,
  );

  return (
    <>
      <Heading1>{t('title')}</Heading1>
      <Paragraph>{t('intro')}</Paragraph>
      {isAdmin && <Paragraph>{t('introAdmin')}</Paragraph>}
      <LoadState resource={catalogue}>
        {(data) => (
          <Catalogue
            catalogue={data}
            orgSlug={orgSlug}
            isAdmin={isAdmin}
            onChange={(next) => catalogue.setData(next)}
          />
        )}
      </LoadState>
      <Paragraph>
        <Link to={`/o/${orgSlug}`} className="utrecht-link">
          {t('back')}
        </Link>
      </Paragraph>
    </>
  );
}
