// Suggestions for the statement: the form to send one (optionally replacing a passage) and the
// list in which facilitators take them in or turn them down and authors withdraw their own.
import {
  Button,
  ButtonGroup,
  Heading3,
  Heading4,
  Paragraph,
} from '@utrecht/component-library-react';
import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { addSuggestion, withdrawSuggestion } from '../../../common/activities/vision.doc.ts';
import {
  SUGGESTION_QUOTE_MAX,
  SUGGESTION_TEXT_MAX,
  suggestionValue,
  visionRoots,
  type SuggestionValue,
} from '../../../common/activities/vision.ts';
import { TextareaField } from '../../components/Fields.tsx';
import { formatNumber } from '../../i18n/i18n.ts';
import type { LiveMe } from '../registry.types.ts';

/** The first sync brings every existing suggestion as new; that is catching up, not news. */
const SETTLE_MS = 2000;

/** Announces suggestions others send and decisions on the viewer's own ones, politely. */
export function useSuggestionAnnouncements(
  doc: Y.Doc,
  me: LiveMe,
  isAnonymous: boolean,
  announce: (message: string) => void,
): void {
  const { t } = useTranslation('vision');
  const latest = useRef({ me, isAnonymous, announce, t });
  latest.current = { me, isAnonymous, announce, t };

  useEffect(() => {
    const openedAt = Date.now();
    const suggestions = doc.getMap<unknown>(visionRoots.suggestions);
    const observe = (event: Y.YMapEvent<unknown>) => {
      if (event.transaction.local || Date.now() - openedAt < SETTLE_MS) return;
      const { me, isAnonymous, announce, t } = latest.current;
      for (const [id, change] of event.changes.keys) {
        if (change.action === 'delete') continue;
        const parsed = suggestionValue.safeParse(suggestions.get(id));
        if (!parsed.success) continue;
        const suggestion = parsed.data;
        const isMine = suggestion.authorId === me.participantId;
        if (change.action === 'add' && !isMine) {
          announce(
            isAnonymous || suggestion.authorName === ''
              ? t('announce.newAnonymous')
              : t('announce.new', { name: suggestion.authorName }),
          );
        } else if (change.action === 'update' && isMine && suggestion.status !== 'open') {
          announce(
            t(
              suggestion.status === 'accepted'
                ? 'announce.yoursAccepted'
                : 'announce.yoursRejected',
            ),
          );
        }
      }
    };
    suggestions.observe(observe);
    return () => suggestions.unobserve(observe);
  }, [doc]);
}

/** The form to suggest a text; `readSelection` returns the passage selected in the statement. */
export function SuggestionForm({
  doc,
  me,
  isAnonymous,
  readSelection,
  onSent,
}: {
  doc: Y.Doc;
  me: LiveMe;
  isAnonymous: boolean;
  readSelection: () => string;
  onSent: (message: string) => void;
}) {
  const { t } = useTranslation('vision');
  const formId = useId();
  const [text, setText] = useState('');
  const [quote, setQuote] = useState('');
  const [errors, setErrors] = useState<{ text?: string; quote?: string }>({});

  function quoteSelection() {
    const passage = readSelection();
    if (passage === '') {
      setErrors({ ...errors, quote: t('suggest.noSelection') });
      return;
    }
    setErrors({ ...errors, quote: undefined });
    setQuote(passage.slice(0, SUGGESTION_QUOTE_MAX));
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const next: typeof errors = {};
    if (text.trim() === '') next.text = t('suggest.empty');
    else if (text.length > SUGGESTION_TEXT_MAX) {
      next.text = t('suggest.tooLong', { max: formatNumber(SUGGESTION_TEXT_MAX) });
    }
    if (quote.length > SUGGESTION_QUOTE_MAX) {
      next.quote = t('suggest.quoteTooLong', { max: formatNumber(SUGGESTION_QUOTE_MAX) });
    }
    setErrors(next);
    if (next.text || next.quote) {
      document.getElementById(`field-${formId}-${next.text ? 'text' : 'quote'}`)?.focus();
      return;
    }
    addSuggestion(doc, {
      text: text.trim(),
      quote: quote.trim() === '' ? null : quote.trim(),
      authorId: me.participantId,
      authorName: isAnonymous ? '' : me.displayName,
    });
    setText('');
    setQuote('');
    onSent(t('suggest.sent'));
  }

  return (
    <form onSubmit={submit} noValidate className="stadshart-stack">
      <Heading4>{t('suggest.title')}</Heading4>
      <TextareaField
        name={`${formId}-text`}
        label={t('suggest.text')}
        description={t('suggest.textHint', { max: formatNumber(SUGGESTION_TEXT_MAX) })}
        value={text}
        onChange={setText}
        error={errors.text}
        rows={3}
      />
      <TextareaField
        name={`${formId}-quote`}
        label={t('suggest.quote')}
        description={t('suggest.quoteHint')}
        value={quote}
        onChange={setQuote}
        error={errors.quote}
        rows={2}
      />
      <ButtonGroup>
        <Button
          type="button"
          appearance="secondary-action-button"
          // A press must not clear the selection it is about to read.
          onMouseDown={(event) => event.preventDefault()}
          onClick={quoteSelection}
        >
          {t('suggest.useSelection')}
        </Button>
        <Button type="submit" appearance="primary-action-button">
          {t('suggest.submit')}
        </Button>
      </ButtonGroup>
    </form>
  );
}

function SuggestionItem({
  suggestion,
  me,
  canDecide,
  canWithdraw,
  onDecide,
  onWithdraw,
}: {
  suggestion: SuggestionValue;
  me: LiveMe;
  canDecide: boolean;
  canWithdraw: boolean;
  onDecide: (suggestion: SuggestionValue, status: 'accepted' | 'rejected') => void;
  onWithdraw: (suggestion: SuggestionValue) => void;
}) {
  const { t } = useTranslation('vision');
  const isMine = suggestion.authorId === me.participantId;
  const author = isMine
    ? t('suggestions.byYou')
    : suggestion.authorName === ''
      ? t('suggestions.byUnknown')
      : t('suggestions.by', { name: suggestion.authorName });
  const name = suggestion.authorName || t('suggestions.someone');
  return (
    <li className="stadshart-vision-suggestion">
      <p className="stadshart-vision-suggestion__text">{suggestion.text}</p>
      {suggestion.quote === null ? (
        <p className="stadshart-vision-suggestion__meta">{t('suggestions.adds')}</p>
      ) : (
        <div className="stadshart-vision-suggestion__meta">
          <p>{t('suggestions.replaces')}</p>
          <blockquote className="stadshart-vision-suggestion__quote">{suggestion.quote}</blockquote>
        </div>
      )}
      <p className="stadshart-vision-suggestion__meta">
        {author} · {t(`suggestions.status.${suggestion.status}`)}
      </p>
      {suggestion.status === 'open' && (canDecide || (canWithdraw && isMine)) && (
        <ButtonGroup>
          {canDecide && (
            <>
              <Button
                type="button"
                appearance="primary-action-button"
                aria-label={t('suggestions.acceptLabel', { name })}
                onClick={() => onDecide(suggestion, 'accepted')}
              >
                {t('suggestions.accept')}
              </Button>
              <Button
                type="button"
                appearance="secondary-action-button"
                aria-label={t('suggestions.rejectLabel', { name })}
                onClick={() => onDecide(suggestion, 'rejected')}
              >
                {t('suggestions.reject')}
              </Button>
            </>
          )}
          {canWithdraw && isMine && (
            <Button
              type="button"
              appearance="subtle-button"
              aria-label={t('suggestions.withdrawLabel')}
              onClick={() => onWithdraw(suggestion)}
            >
              {t('suggestions.withdraw')}
            </Button>
          )}
        </ButtonGroup>
      )}
    </li>
  );
}

/** The suggestions, open ones first (after `form`); decided ones folded away below them. */
export function SuggestionList({
  doc,
  suggestions,
  me,
  canDecide,
  canWithdraw,
  onDecide,
  onStatus,
  form,
}: {
  form: ReactNode;
  doc: Y.Doc;
  suggestions: readonly SuggestionValue[];
  me: LiveMe;
  canDecide: boolean;
  canWithdraw: boolean;
  onDecide: (suggestion: SuggestionValue, status: 'accepted' | 'rejected') => void;
  onStatus: (message: string) => void;
}) {
  const { t } = useTranslation('vision');
  const headingId = useId();
  const open = suggestions.filter((s) => s.status === 'open');
  const decided = suggestions.filter((s) => s.status !== 'open');

  // The buttons of a decided or withdrawn suggestion disappear; focus goes to the list's heading.
  const focusHeading = () => document.getElementById(headingId)?.focus();

  function withdraw(suggestion: SuggestionValue) {
    withdrawSuggestion(doc, suggestion.id);
    onStatus(t('suggestions.withdrawn'));
    focusHeading();
  }

  function decide(suggestion: SuggestionValue, status: 'accepted' | 'rejected') {
    onDecide(suggestion, status);
    focusHeading();
  }

  const item = (suggestion: SuggestionValue) => (
    <SuggestionItem
      key={suggestion.id}
      suggestion={suggestion}
      me={me}
      canDecide={canDecide}
      canWithdraw={canWithdraw}
      onDecide={decide}
      onWithdraw={withdraw}
    />
  );

  return (
    <section aria-labelledby={headingId} className="stadshart-vision-suggestions">
      <Heading3 id={headingId} tabIndex={-1}>
        {t('suggestions.title')}
      </Heading3>
      <Paragraph>
        {t('suggestions.count', { count: open.length, formatted: formatNumber(open.length) })}
      </Paragraph>
      {form}
      {suggestions.length === 0 && <Paragraph>{t('suggestions.none')}</Paragraph>}
      {open.length > 0 && <ul className="stadshart-vision-suggestion-list">{open.map(item)}</ul>}
      {decided.length > 0 && (
        <details>
          <summary>{t('suggestions.decided', { formatted: formatNumber(decided.length) })}</summary>
          <ul className="stadshart-vision-suggestion-list">{decided.map(item)}</ul>
        </details>
      )}
    </section>
  );
}
