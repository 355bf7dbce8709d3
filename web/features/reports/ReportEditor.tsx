// What a facilitator adds to the generated report: introduction and conclusions, which sections
// appear and in which order, the quotes, and the licence. "Opslaan" stores it; "Definitief
// maken" saves what is still open and then freezes the draft as a new version.
import {
  Alert,
  Button,
  ButtonGroup,
  Fieldset,
  FieldsetLegend,
  FormFieldCheckbox,
  FormFieldDescription,
  Heading2,
  OrderedList,
  OrderedListItem,
  Paragraph,
} from '@utrecht/component-library-react';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  attributionLine,
  licenceCodes,
  licenceInfo,
  REPORT_QUOTES_MAX,
  reportEditorial,
  type ReportEditorial,
  type ReportState,
} from '../../../common/reports.ts';
import { ConfirmAction } from '../../components/ConfirmAction.tsx';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { SelectField, TextField } from '../../components/Fields.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { useApiForm, type FormErrors } from '../../components/useApiForm.ts';
import { formatNumber } from '../../i18n/i18n.ts';
import {
  canAddQuote,
  isEditorialDirty,
  moveSection,
  orderSections,
  setQuoted,
  setSectionVisible,
} from './editorialDraft.ts';
import { finaliseReport, saveEditorial } from './reportApi.ts';
import { isJobActive } from './reportJob.ts';
import { RichTextEditor } from './RichTextEditor.tsx';

/** Field errors under the form's field ids ("order.3" and "hidden.0" count as "order"). */
export function topLevelErrors(errors: FormErrors): FormErrors {
  const fields: Record<string, string> = {};
  for (const [field, message] of Object.entries(errors.fields)) {
    const top = field.split('.')[0] ?? field;
    // Order and hidden share one fieldset, which carries the id of "order".
    fields[top === 'hidden' ? 'order' : top] ??= message;
  }
  return { general: errors.general, fields };
}

/** Asks the browser to warn before the page is left while `isDirty`. */
function useLeaveWarning(isDirty: boolean): void {
  useEffect(() => {
    if (!isDirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [isDirty]);
}

/** The item's name for screen readers after a button's short label ("Omhoog: Inleiding"). */
function Named({ title }: { title: string }) {
  return <span className="stadshart-visually-hidden">: {title}</span>;
}

/**
 * The editing form for someone with `state.can.edit`. `onSaved` receives the report after a
 * save; `onFinalised` the new version's number; `announce` speaks short news politely.
 */
export function ReportEditor({
  state,
  orgSlug,
  labId,
  onSaved,
  onFinalised,
  announce,
}: {
  state: ReportState;
  orgSlug: string;
  labId: string;
  onSaved: (next: ReportState) => void;
  onFinalised: (version: number) => Promise<void>;
  announce: (message: string) => void;
}) {
  const { t } = useTranslation('reports');
  const id = useId();
  const { errors, isSubmitting, submit } = useApiForm();
  const [draft, setDraft] = useState<ReportEditorial>(state.editorial);
  const [status, setStatus] = useState<string | null>(null);
  const [focusAfterMove, setFocusAfterMove] = useState<string | null>(null);
  const moveButtons = useRef(new Map<string, HTMLButtonElement>());
  const isDirty = isEditorialDirty(state.editorial, draft, state.sections);
  const sections = orderSections(state.sections, draft);
  const shownErrors = topLevelErrors(errors);
  const year = new Date().getFullYear();
  const orgName = state.preview?.cover.orgName ?? '';
  useLeaveWarning(isDirty);

  useEffect(() => {
    if (focusAfterMove === null) return;
    moveButtons.current.get(focusAfterMove)?.focus();
    setFocusAfterMove(null);
  }, [focusAfterMove]);

  function change(next: ReportEditorial) {
    setDraft(next);
    setStatus(null);
  }

  function move(key: string, title: string, offset: -1 | 1) {
    const next = moveSection(draft, state.sections, key, offset);
    const order = orderSections(state.sections, next);
    const position = order.findIndex((section) => section.key === key);
    change(next);
    // Focus stays on the moved section; at either end it moves to the button still there.
    const isAtEnd = offset === -1 ? position === 0 : position === order.length - 1;
    setFocusAfterMove(`${key}:${isAtEnd ? -offset : offset}`);
    announce(t('editor.moved', { title, position: position + 1, total: order.length }));
  }

  async function save(): Promise<boolean> {
    const answer = await submit(reportEditorial, draft, (input) =>
      saveEditorial(orgSlug, labId, input),
    );
    if (answer === undefined) return false;
    // What the server stored is the new starting point, so a form it normalised is not "changed".
    setDraft(answer.editorial);
    onSaved(answer);
    return true;
  }

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (await save()) {
      setStatus(t('editor.saved'));
    }
  }

  async function finalise() {
    // What the person changed belongs in the version they freeze, so it is saved first.
    if (isDirty && !(await save())) return;
    const version = await finaliseReport(orgSlug, labId);
    await onFinalised(version);
  }

  const nextVersion = state.versions.reduce((max, v) => Math.max(max, v.version), 0) + 1;

  return (
    <section aria-labelledby={`${id}-title`} className="stadshart-report-editor">
      <Heading2 id={`${id}-title`}>{t('editor.title')}</Heading2>
      <Paragraph>{t('editor.intro')}</Paragraph>
      <ErrorSummary
        errors={shownErrors}
        fieldLabels={{
          introduction: t('editor.introduction'),
          conclusions: t('editor.conclusions'),
          order: t('editor.sections'),
          quotedNoteIds: t('editor.quotes'),
          licence: t('editor.licence'),
          attribution: t('editor.attribution'),
        }}
      />
      <form
        noValidate
        aria-labelledby={`${id}-title`}
        onSubmit={(event) => void handleSubmit(event)}
      >
        <RichTextEditor
          name="introduction"
          label={t('editor.introduction')}
          description={t('editor.introductionHint')}
          error={shownErrors.fields.introduction}
          initial={state.editorial.introduction}
          onChange={(doc) => change({ ...draft, introduction: doc })}
        />
        <RichTextEditor
          name="conclusions"
          label={t('editor.conclusions')}
          description={t('editor.conclusionsHint')}
          error={shownErrors.fields.conclusions}
          initial={state.editorial.conclusions}
          onChange={(doc) => change({ ...draft, conclusions: doc })}
        />

        <Fieldset id="field-order">
          <FieldsetLegend>{t('editor.sections')}</FieldsetLegend>
          <FormFieldDescription>{t('editor.sectionsHint')}</FormFieldDescription>
          {shownErrors.fields.order && (
            <Alert type="error">
              <Paragraph>{shownErrors.fields.order}</Paragraph>
            </Alert>
          )}
          {sections.length === 0 ? (
            <Paragraph>{t('editor.noSections')}</Paragraph>
          ) : (
            <OrderedList className="stadshart-report-sections">
              {sections.map((section, index) => (
                <OrderedListItem key={section.key}>
                  <FormFieldCheckbox
                    label={t('editor.showSection', { title: section.title })}
                    checked={!section.isHidden}
                    onChange={(event) =>
                      change(setSectionVisible(draft, section.key, event.target.checked))
                    }
                  />
                  <ButtonGroup>
                    {index > 0 && (
                      <Button
                        ref={(el: HTMLButtonElement | null) => {
                          if (el) moveButtons.current.set(`${section.key}:-1`, el);
                          else moveButtons.current.delete(`${section.key}:-1`);
                        }}
                        appearance="secondary-action-button"
                        onClick={() => move(section.key, section.title, -1)}
                      >
                        {t('editor.up')}
                        <Named title={section.title} />
                      </Button>
                    )}
                    {index < sections.length - 1 && (
                      <Button
                        ref={(el: HTMLButtonElement | null) => {
                          if (el) moveButtons.current.set(`${section.key}:1`, el);
                          else moveButtons.current.delete(`${section.key}:1`);
                        }}
                        appearance="secondary-action-button"
                        onClick={() => move(section.key, section.title, 1)}
                      >
                        {t('editor.down')}
                        <Named title={section.title} />
                      </Button>
                    )}
                  </ButtonGroup>
                </OrderedListItem>
              ))}
            </OrderedList>
          )}
        </Fieldset>

        <Fieldset id="field-quotedNoteIds">
          <FieldsetLegend>{t('editor.quotes')}</FieldsetLegend>
          <FormFieldDescription>
            {t('editor.quotesHint', {
              max: REPORT_QUOTES_MAX,
              chosen: draft.quotedNoteIds.length,
            })}
          </FormFieldDescription>
          {shownErrors.fields.quotedNoteIds && (
            <Alert type="error">
              <Paragraph>{shownErrors.fields.quotedNoteIds}</Paragraph>
            </Alert>
          )}
          {state.quotableNotes.length === 0 ? (
            <Paragraph>{t('editor.noQuotes')}</Paragraph>
          ) : (
            state.quotableNotes.map((note) => {
              const isQuoted = draft.quotedNoteIds.includes(note.id);
              return (
                <FormFieldCheckbox
                  key={note.id}
                  label={note.text}
                  description={t('editor.quoteMeta', {
                    author: note.author ?? t('editor.noAuthor'),
                    dots: t('editor.dots', {
                      count: note.dots,
                      formatted: formatNumber(note.dots),
                    }),
                    activity: note.activityTitle,
                    section: note.sectionTitle,
                  })}
                  checked={isQuoted}
                  disabled={!isQuoted && !canAddQuote(draft)}
                  onChange={(event) => change(setQuoted(draft, note.id, event.target.checked))}
                />
              );
            })
          )}
        </Fieldset>

        <SelectField
          name="licence"
          label={t('editor.licence')}
          description={t('editor.licenceHint')}
          value={draft.licence}
          error={shownErrors.fields.licence}
          options={licenceCodes.map((code) => ({ value: code, label: licenceInfo[code].name }))}
          onChange={(value) => {
            const code = licenceCodes.find((candidate) => candidate === value);
            if (code) change({ ...draft, licence: code });
          }}
        />
        <TextField
          name="attribution"
          label={t('editor.attribution')}
          description={t('editor.attributionHint', {
            line: attributionLine({
              attribution: draft.attribution,
              orgName,
              year,
              licence: draft.licence,
            }),
          })}
          value={draft.attribution}
          error={shownErrors.fields.attribution}
          autoComplete="off"
          onChange={(value) => change({ ...draft, attribution: value })}
        />

        {isDirty && <Paragraph>{t('editor.unsaved')}</Paragraph>}
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" busy={isSubmitting}>
            {t('editor.save')}
          </Button>
        </ButtonGroup>
      </form>
      <StatusMessage message={status} />

      <ConfirmAction
        label={t('editor.finalise')}
        question={
          isDirty
            ? t('editor.confirmFinaliseDirty', { version: nextVersion })
            : t('editor.confirmFinalise', { version: nextVersion })
        }
        confirmLabel={t('editor.confirmFinaliseButton', { version: nextVersion })}
        isDanger={false}
        isDisabled={state.preview === null || isJobActive(state.job.status)}
        onConfirm={finalise}
      />
      {state.preview === null && <Paragraph>{t('editor.finaliseNeedsReport')}</Paragraph>}
    </section>
  );
}
