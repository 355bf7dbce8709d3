// The form to propose or edit an action: what, explanation, owner, horizon, dates and links.
import {
  Button,
  ButtonGroup,
  Fieldset,
  FieldsetLegend,
  FormFieldCheckbox,
  FormFieldDescription,
  FormFieldErrorMessage,
} from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActionDraft } from '../../../common/activities/actions.doc.ts';
import {
  ACTION_DESCRIPTION_MAX,
  ACTION_LINKS_MAX,
  ACTION_OWNER_MAX,
  ACTION_TITLE_MAX,
  actionHorizons,
  actionLinkTypes,
  linkId,
  type ActionLink,
} from '../../../common/activities/actions.ts';
import { TextareaField, TextField } from '../../components/Fields.tsx';
import { formatNumber } from '../../i18n/i18n.ts';
import { RadioOption } from '../RadioOption.tsx';
import {
  checkFormValues,
  choicesWithCurrent,
  type ActionFormField,
  type ActionFormProblem,
  type ActionFormValues,
} from './actionsModel.ts';
import { formatDay } from './formatDay.ts';
import type { LinkChoices } from './useLinkChoices.ts';

const FIELD_ORDER: ActionFormField[] = [
  'title',
  'description',
  'ownerName',
  'startsOn',
  'endsOn',
  'links',
];

const LIMITS: Record<ActionFormProblem, number> = {
  titleEmpty: ACTION_TITLE_MAX,
  titleLong: ACTION_TITLE_MAX,
  descriptionLong: ACTION_DESCRIPTION_MAX,
  ownerLong: ACTION_OWNER_MAX,
  dateInvalid: 0,
  endBeforeStart: 0,
  tooManyLinks: ACTION_LINKS_MAX,
};

/**
 * Proposes or edits an action. Problems are shown at their fields and focus moves to the first
 * one; a valid form hands its draft to `onSubmit` (which writes the live document).
 */
export function ActionForm({
  idPrefix,
  initial,
  choices,
  termEnds,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  /** Makes the field ids unique on the page (the propose form and an edit form may both be open). */
  idPrefix: string;
  initial: ActionFormValues;
  choices: LinkChoices;
  termEnds: string | null;
  submitLabel: string;
  /** Writes the draft; the form then starts again from `initial`. */
  onSubmit: (draft: ActionDraft) => void;
  onCancel?: () => void;
}) {
  const { t } = useTranslation('actions');
  const [values, setValues] = useState<ActionFormValues>(initial);
  const [problems, setProblems] = useState<Partial<Record<ActionFormField, ActionFormProblem>>>({});
  const name = (field: string) => `${idPrefix}-${field}`;
  const offered = choicesWithCurrent(choices.links, initial.links);
  const chosen = new Set(values.links.map(linkId));

  const messageFor = (field: ActionFormField): string | undefined => {
    const problem = problems[field];
    if (!problem) return undefined;
    return t(`form.errors.${problem}`, { max: formatNumber(LIMITS[problem]) });
  };

  function change(patch: Partial<ActionFormValues>) {
    setValues((current) => ({ ...current, ...patch }));
  }

  function toggleLink(link: ActionLink, isChecked: boolean) {
    const others = values.links.filter((l) => linkId(l) !== linkId(link));
    change({ links: isChecked ? [...others, link] : others });
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const checked = checkFormValues(values);
    if (!checked.ok) {
      setProblems(checked.problems);
      const first = FIELD_ORDER.find((field) => checked.problems[field]);
      if (first) {
        // The links have no single input; their group takes the focus instead.
        window.requestAnimationFrame(() =>
          document.getElementById(`field-${name(first)}`)?.focus(),
        );
      }
      return;
    }
    setProblems({});
    onSubmit(checked.draft);
    setValues(initial);
  }

  const linksError = messageFor('links');
  const byType = actionLinkTypes
    .map((type) => ({ type, links: offered.filter((link) => link.type === type) }))
    .filter((group) => group.links.length > 0);

  return (
    <form onSubmit={submit} noValidate className="stadshart-stack stadshart-actions-form">
      <TextField
        name={name('title')}
        label={t('form.title')}
        description={t('form.titleHint')}
        value={values.title}
        onChange={(title) => change({ title })}
        error={messageFor('title')}
        required
      />
      <TextareaField
        name={name('description')}
        label={t('form.description')}
        description={t('form.descriptionHint')}
        value={values.description}
        onChange={(description) => change({ description })}
        error={messageFor('description')}
        rows={3}
      />
      <TextField
        name={name('ownerName')}
        label={t('form.ownerName')}
        description={t('form.ownerHint')}
        value={values.ownerName}
        onChange={(ownerName) => change({ ownerName })}
        error={messageFor('ownerName')}
      />
      <Fieldset>
        <FieldsetLegend>{t('form.horizon')}</FieldsetLegend>
        {actionHorizons.map((horizon) => (
          <RadioOption
            key={horizon}
            id={`${idPrefix}-horizon-${horizon}`}
            name={name('horizon')}
            label={t(`horizons.${horizon}`)}
            description={
              horizon === 'later'
                ? t('horizonHints.later')
                : termEnds
                  ? t('horizonHints.term', { date: formatDay(termEnds) })
                  : t('horizonHints.termNoDate')
            }
            isChecked={values.horizon === horizon}
            onCheck={() => change({ horizon })}
          />
        ))}
      </Fieldset>
      <div className="stadshart-actions-form__dates">
        <TextField
          type="date"
          name={name('startsOn')}
          label={t('form.startsOn')}
          description={t('form.dateHint')}
          value={values.startsOn}
          onChange={(startsOn) => change({ startsOn })}
          error={messageFor('startsOn')}
        />
        <TextField
          type="date"
          name={name('endsOn')}
          label={t('form.endsOn')}
          description={t('form.dateHint')}
          value={values.endsOn}
          onChange={(endsOn) => change({ endsOn })}
          error={messageFor('endsOn')}
        />
      </div>
      <Fieldset
        id={`field-${name('links')}`}
        tabIndex={-1}
        invalid={Boolean(linksError)}
        aria-describedby={`${name('links')}-hint${linksError ? ` ${name('links')}-error` : ''}`}
      >
        <FieldsetLegend>{t('form.links')}</FieldsetLegend>
        <FormFieldDescription id={`${name('links')}-hint`}>
          {choices.source === 'loading'
            ? t('form.linksLoading')
            : offered.length === 0
              ? t('form.linksNone')
              : t('form.linksHint', { max: formatNumber(ACTION_LINKS_MAX) })}
          {choices.source === 'themes' && <> {t('form.linksOnlyThemes')}</>}
        </FormFieldDescription>
        {linksError && (
          <FormFieldErrorMessage id={`${name('links')}-error`}>{linksError}</FormFieldErrorMessage>
        )}
        {byType.map((group) => (
          <Fieldset key={group.type}>
            <FieldsetLegend>{t(`linkTypes.${group.type}`)}</FieldsetLegend>
            {group.links.map((link) => (
              <FormFieldCheckbox
                key={linkId(link)}
                name={name('links')}
                value={linkId(link)}
                label={link.label}
                checked={chosen.has(linkId(link))}
                onChange={(event) => toggleLink(link, event.target.checked)}
              />
            ))}
          </Fieldset>
        ))}
      </Fieldset>
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button">
          {submitLabel}
        </Button>
        {onCancel && (
          <Button type="button" appearance="secondary-action-button" onClick={onCancel}>
            {t('form.cancel')}
          </Button>
        )}
      </ButtonGroup>
    </form>
  );
}
