// A list of short values (places, trends) edited one at a time: each shown with its own remove
// button, and a text box plus "add" button (Enter adds too) for a new one. Works by keyboard alone.
import {
  Button,
  Fieldset,
  FieldsetLegend,
  FormFieldDescription,
  FormFieldErrorMessage,
  FormLabel,
  Paragraph,
  Textbox,
} from '@utrecht/component-library-react';
import { useState, type ChangeEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { KNOWLEDGE_TAG_MAX } from '../../../common/knowledge.ts';
import { addTag } from './knowledgeModel.ts';

/** Edits `tags`; `name` is the API field name, used for ids the error summary links to. */
export function TagInput({
  name,
  label,
  description,
  error,
  tags,
  onChange,
  isDisabled = false,
}: {
  name: string;
  label: string;
  description?: string;
  error?: string | undefined;
  tags: readonly string[];
  onChange: (tags: string[]) => void;
  isDisabled?: boolean;
}) {
  const { t } = useTranslation('knowledge');
  const [draft, setDraft] = useState('');
  const [announcement, setAnnouncement] = useState('');
  const describedBy =
    [description ? `field-${name}-description` : null, error ? `field-${name}-error` : null]
      .filter(Boolean)
      .join(' ') || undefined;

  function add() {
    const next = addTag(tags, draft);
    if (next.length > tags.length) {
      onChange(next);
      setAnnouncement(t('tags.added', { tag: draft.trim() }));
    }
    setDraft('');
  }

  function handleKey(event: KeyboardEvent<HTMLInputElement>) {
    // Enter adds the value instead of submitting the whole form.
    if (event.key === 'Enter') {
      event.preventDefault();
      add();
    }
  }

  return (
    <Fieldset invalid={Boolean(error)} aria-describedby={describedBy}>
      <FieldsetLegend>{label}</FieldsetLegend>
      {description && (
        <FormFieldDescription id={`field-${name}-description`}>{description}</FormFieldDescription>
      )}
      {error && <FormFieldErrorMessage id={`field-${name}-error`}>{error}</FormFieldErrorMessage>}
      {tags.length === 0 ? (
        <Paragraph>{t('tags.none')}</Paragraph>
      ) : (
        <ul className="stadshart-tags">
          {tags.map((tag) => (
            <li key={tag}>
              <span>{tag}</span>{' '}
              <Button
                appearance="subtle-button"
                disabled={isDisabled}
                aria-label={t('tags.remove', { tag })}
                onClick={() => {
                  onChange(tags.filter((existing) => existing !== tag));
                  setAnnouncement(t('tags.removed', { tag }));
                }}
              >
                ×
              </Button>
            </li>
          ))}
        </ul>
      )}
      {!isDisabled && (
        <Paragraph className="stadshart-tag-new">
          <FormLabel htmlFor={`field-${name}`}>{t('tags.newLabel', { field: label })}</FormLabel>{' '}
          <Textbox
            id={`field-${name}`}
            value={draft}
            maxLength={KNOWLEDGE_TAG_MAX}
            autoComplete="off"
            onChange={(event: ChangeEvent<HTMLInputElement>) => setDraft(event.target.value)}
            onKeyDown={handleKey}
          />{' '}
          <Button appearance="secondary-action-button" onClick={add}>
            {t('tags.add')}
          </Button>
        </Paragraph>
      )}
      <div role="status" className="stadshart-visually-hidden">
        {announcement}
      </div>
    </Fieldset>
  );
}
