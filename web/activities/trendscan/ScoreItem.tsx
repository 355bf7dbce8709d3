// One item to score: three groups of native radio buttons (1–5), so arrow keys change a score,
// a comment behind a disclosure, and for proposed developments their author and a delete button.
import {
  Button,
  Fieldset,
  FieldsetLegend,
  FormLabel,
  Paragraph,
  RadioButton,
} from '@utrecht/component-library-react';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  SCORE_MAX,
  SCORE_MIN,
  scoreCriteria,
  type ScanItem,
  type ScoreCriterion,
  type ScoreValue,
} from '../../../common/activities/trendscan.ts';
import { collabDefaults } from '../../../common/collab.ts';
import { ConfirmAction } from '../../components/ConfirmAction.tsx';
import { TextareaField } from '../../components/Fields.tsx';
import { formatNumber } from '../../i18n/i18n.ts';
import { isFullyScored } from './trendscanModel.ts';

/** The server enforces its own configured limit; this default is what the browser warns about. */
const COMMENT_MAX_LENGTH = collabDefaults.noteMaxLength;

const scaleValues = Array.from(
  { length: SCORE_MAX - SCORE_MIN + 1 },
  (_, index) => SCORE_MIN + index,
);

/** One criterion as a fieldset of five radio buttons; ids are unique per item and criterion. */
function ScaleField({
  idPrefix,
  criterion,
  value,
  onChoose,
}: {
  idPrefix: string;
  criterion: ScoreCriterion;
  value: number | undefined;
  onChoose: (value: number) => void;
}) {
  const { t } = useTranslation('trendscan');
  const name = `${idPrefix}-${criterion}`;
  return (
    <Fieldset className="stadshart-trendscan-scale">
      <FieldsetLegend className="stadshart-trendscan-scale__legend">
        {t(`criteria.${criterion}`)}
      </FieldsetLegend>
      <div className="stadshart-trendscan-scale__options">
        {scaleValues.map((option) => {
          const id = `${name}-${option}`;
          const isChecked = value === option;
          const text =
            option === SCORE_MIN
              ? t('score.low', { value: formatNumber(option) })
              : option === SCORE_MAX
                ? t('score.high', { value: formatNumber(option) })
                : formatNumber(option);
          return (
            <span key={option} className="stadshart-trendscan-scale__option">
              <RadioButton
                id={id}
                name={name}
                value={String(option)}
                checked={isChecked}
                onChange={() => onChoose(option)}
              />
              <FormLabel htmlFor={id} type="radio" checked={isChecked}>
                {text}
              </FormLabel>
            </span>
          );
        })}
      </div>
    </Fieldset>
  );
}

/** The comment on an item: saved with its button, checked for length first. */
function CommentField({
  idPrefix,
  itemTitle,
  stored,
  isDisabled,
  onSave,
}: {
  idPrefix: string;
  itemTitle: string;
  stored: string;
  isDisabled: boolean;
  onSave: (comment: string) => void;
}) {
  const { t } = useTranslation('trendscan');
  const [draft, setDraft] = useState(stored);
  const [error, setError] = useState<string | undefined>(undefined);
  const [status, setStatus] = useState('');

  // A comment changed elsewhere (another tab) replaces the draft.
  useEffect(() => setDraft(stored), [stored]);

  function save(event: FormEvent) {
    event.preventDefault();
    const text = draft.trim();
    if (text.length > COMMENT_MAX_LENGTH) {
      setError(t('score.commentTooLong', { max: formatNumber(COMMENT_MAX_LENGTH) }));
      return;
    }
    setError(undefined);
    onSave(text);
    setStatus(t(text === '' ? 'score.commentRemoved' : 'score.commentSaved'));
  }

  return (
    <details className="stadshart-trendscan-comment">
      <summary>{t('score.comment', { item: itemTitle })}</summary>
      <form onSubmit={save} noValidate>
        <TextareaField
          name={`${idPrefix}-comment`}
          label={t('score.comment', { item: itemTitle })}
          description={t('score.commentHint', { max: formatNumber(COMMENT_MAX_LENGTH) })}
          value={draft}
          onChange={setDraft}
          error={error}
          rows={2}
        />
        <Button type="submit" appearance="secondary-action-button" disabled={isDisabled}>
          {t('score.commentSave')}
        </Button>
        <p role="status" className="stadshart-visually-hidden">
          {status}
        </p>
      </form>
    </details>
  );
}

/**
 * An item with its three scales and comment. `onScore` gets one criterion's new value,
 * `onComment` the trimmed comment ('' removes it); `onDelete` is given for a proposed
 * development the viewer may delete.
 */
export function ScoreItem({
  idPrefix,
  item,
  score,
  author,
  isReadOnly,
  onScore,
  onComment,
  onDelete,
}: {
  idPrefix: string;
  item: ScanItem;
  score: ScoreValue | undefined;
  /** Who proposed a development ('' when unknown or anonymous); null for catalogue items. */
  author: string | null;
  isReadOnly: boolean;
  onScore: (criterion: ScoreCriterion, value: number) => void;
  onComment: (comment: string) => void;
  onDelete: (() => void) | null;
}) {
  const { t } = useTranslation('trendscan');
  const isDone = isFullyScored(score);
  return (
    <li className="stadshart-trendscan-item">
      <Fieldset disabled={isReadOnly}>
        <FieldsetLegend className="stadshart-trendscan-item__title">{item.title}</FieldsetLegend>
        {item.kind === 'trend' && (
          <Paragraph className="stadshart-trendscan-item__kind">{t('score.wholeTrend')}</Paragraph>
        )}
        {author !== null && (
          <Paragraph className="stadshart-trendscan-item__kind">
            {author ? t('score.proposedBy', { name: author }) : t('score.proposed')}
          </Paragraph>
        )}
        {item.description && <Paragraph>{item.description}</Paragraph>}
        <div className="stadshart-trendscan-item__scales">
          {scoreCriteria.map((criterion) => (
            <ScaleField
              key={criterion}
              idPrefix={idPrefix}
              criterion={criterion}
              value={score?.[criterion]}
              onChoose={(value) => onScore(criterion, value)}
            />
          ))}
        </div>
        <Paragraph className="stadshart-trendscan-item__state">
          <span aria-hidden="true">{isDone ? '✓ ' : '○ '}</span>
          {isDone ? t('score.done') : t('score.open')}
        </Paragraph>
      </Fieldset>
      <CommentField
        idPrefix={idPrefix}
        itemTitle={item.title}
        stored={score?.comment ?? ''}
        isDisabled={isReadOnly}
        onSave={onComment}
      />
      {onDelete && !isReadOnly && (
        <ConfirmAction
          label={t('development.delete')}
          question={t('development.deleteQuestion')}
          confirmLabel={t('development.deleteConfirm')}
          onConfirm={() => {
            onDelete();
            return Promise.resolve();
          }}
        />
      )}
    </li>
  );
}
