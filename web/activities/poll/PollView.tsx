// What a participant sees of a poll: the question, their answer (give, change, withdraw) and the results.
import {
  Button,
  ButtonGroup,
  Fieldset,
  FieldsetLegend,
  FormFieldCheckbox,
  FormFieldDescription,
  FormFieldErrorMessage,
  Heading3,
  Paragraph,
} from '@utrecht/component-library-react';
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  isValidPollAnswer,
  POLL_TEXT_MAX,
  pollAnswer,
  summarisePoll,
  type PollAnswer,
  type PollConfig,
} from '../../../common/activities/poll.ts';
import { readAnswers, setAnswer, withdrawAnswer } from '../../../common/activities/poll.doc.ts';
import { TextField } from '../../components/Fields.tsx';
import { formatNumber } from '../../i18n/i18n.ts';
import { RadioOption } from '../RadioOption.tsx';
import type { ActivityViewProps } from '../registry.types.ts';
import { useDocVersion } from '../../collab/useDocVersion.ts';
import { PollResults, scaleLabel } from './PollResults.tsx';

/** The poll activity's participant view (facilitators also get the switch to show the results). */
export function PollView(props: ActivityViewProps) {
  if (props.activity.config.kind !== 'poll') return null;
  return <Poll {...props} config={props.activity.config} />;
}

interface Draft {
  choices: string[];
  value: number | null;
  text: string;
}

function draftFrom(answer: PollAnswer | null): Draft {
  return {
    choices: answer && 'choices' in answer ? answer.choices : [],
    value: answer && 'value' in answer ? answer.value : null,
    text: answer && 'text' in answer ? answer.text : '',
  };
}

function answerFrom(config: PollConfig, draft: Draft): PollAnswer | null {
  if (config.type === 'single' || config.type === 'multiple') {
    // Keep the poll's own option order, whatever order the boxes were ticked in.
    const choices = config.options.map((o) => o.key).filter((key) => draft.choices.includes(key));
    return choices.length > 0 ? { choices } : null;
  }
  if (config.type === 'scale') return draft.value === null ? null : { value: draft.value };
  const text = draft.text.trim();
  return text ? { text } : null;
}

/** Words a person reads back: what their current answer is. */
function describeAnswer(config: PollConfig, answer: PollAnswer): string {
  if ('choices' in answer) {
    return answer.choices
      .map((key) => config.options.find((o) => o.key === key)?.label ?? key)
      .join(', ');
  }
  if ('value' in answer) return scaleLabel(config, answer.value);
  return answer.text;
}

function Poll({
  activity,
  doc,
  state,
  me,
  readOnly,
  config,
  ...props
}: ActivityViewProps & { config: PollConfig }) {
  const { t } = useTranslation('activities');
  const version = useDocVersion(doc);
  const answers = useMemo(() => readAnswers(doc), [doc, version]);
  const myAnswer = answers.get(me.participantId) ?? null;
  const myAnswerJson = JSON.stringify(myAnswer);
  const [draft, setDraft] = useState<Draft>(() => draftFrom(myAnswer));
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const isFacilitator = me.role === 'facilitator';
  const showResults = isFacilitator || state.resultsRevealed;
  const results = useMemo(() => summarisePoll(config, answers.values()), [config, answers]);
  const formId = `poll-${activity.id}`;
  const errorId = `${formId}-error`;

  // An answer changed elsewhere (another tab, or withdrawn) replaces what the form shows.
  useEffect(() => {
    setDraft(draftFrom(JSON.parse(myAnswerJson) as PollAnswer | null));
  }, [myAnswerJson]);

  const announceRevealed = useRef(() => props.announce(t('poll.announce.revealed')));
  announceRevealed.current = () => props.announce(t('poll.announce.revealed'));
  const wasRevealed = useRef(state.resultsRevealed);
  useEffect(() => {
    if (!isFacilitator && state.resultsRevealed && !wasRevealed.current) announceRevealed.current();
    wasRevealed.current = state.resultsRevealed;
  }, [state.resultsRevealed, isFacilitator]);

  function submit(event: FormEvent) {
    event.preventDefault();
    const answer = answerFrom(config, draft);
    if (!answer) {
      setError(t(config.type === 'open' ? 'poll.answer.emptyText' : 'poll.answer.empty'));
      return;
    }
    if (!pollAnswer.safeParse(answer).success || !isValidPollAnswer(config, answer)) {
      setError(
        config.type === 'open'
          ? t('poll.answer.tooLong', { max: formatNumber(POLL_TEXT_MAX) })
          : t('poll.answer.invalid'),
      );
      return;
    }
    setError(null);
    setAnswer(doc, me.participantId, answer);
    setStatus(t(myAnswer ? 'poll.answer.changed' : 'poll.answer.saved'));
  }

  function withdraw() {
    withdrawAnswer(doc, me.participantId);
    setError(null);
    setStatus(t('poll.answer.withdrawn'));
  }

  function toggleChoice(key: string, isChecked: boolean) {
    if (config.type === 'single') {
      setDraft({ ...draft, choices: [key] });
      return;
    }
    const limit = config.maxChoices ?? config.options.length;
    if (isChecked && draft.choices.length >= limit) {
      setError(t('poll.answer.tooMany', { count: limit, formatted: formatNumber(limit) }));
      return;
    }
    setError(null);
    setDraft({
      ...draft,
      choices: isChecked ? [...draft.choices, key] : draft.choices.filter((c) => c !== key),
    });
  }

  const describedBy = error ? errorId : undefined;

  return (
    <div className="stadshart-poll">
      {readOnly ? (
        <>
          <Paragraph className="stadshart-poll__question">{config.question}</Paragraph>
          <Paragraph>
            {myAnswer
              ? t('poll.answer.yours', { answer: describeAnswer(config, myAnswer) })
              : t('poll.answer.none')}
          </Paragraph>
        </>
      ) : (
        <form id={formId} onSubmit={submit} noValidate>
          {config.type === 'open' ? (
            <>
              <Paragraph className="stadshart-poll__question" id={`${formId}-question`}>
                {config.question}
              </Paragraph>
              <TextField
                name={`${formId}-text`}
                label={t('poll.answer.textLabel')}
                description={t('poll.answer.textHint', { max: formatNumber(POLL_TEXT_MAX) })}
                value={draft.text}
                onChange={(text) => setDraft({ ...draft, text })}
                error={error ?? undefined}
              />
            </>
          ) : (
            <Fieldset invalid={Boolean(error)} aria-describedby={describedBy}>
              <FieldsetLegend className="stadshart-poll__question">
                {config.question}
              </FieldsetLegend>
              {config.type === 'multiple' && (
                <FormFieldDescription>
                  {config.maxChoices
                    ? t('poll.answer.maxHint', {
                        count: config.maxChoices,
                        formatted: formatNumber(config.maxChoices),
                      })
                    : t('poll.answer.anyHint')}
                </FormFieldDescription>
              )}
              {error && <FormFieldErrorMessage id={errorId}>{error}</FormFieldErrorMessage>}
              {config.type === 'multiple' &&
                config.options.map((option) => (
                  <FormFieldCheckbox
                    key={option.key}
                    name={`${formId}-choice`}
                    value={option.key}
                    label={option.label}
                    checked={draft.choices.includes(option.key)}
                    onChange={(event) => toggleChoice(option.key, event.target.checked)}
                  />
                ))}
              {config.type === 'single' &&
                config.options.map((option) => (
                  <RadioOption
                    key={option.key}
                    id={`${formId}-option-${option.key}`}
                    name={`${formId}-choice`}
                    label={option.label}
                    isChecked={draft.choices[0] === option.key}
                    onCheck={() => toggleChoice(option.key, true)}
                  />
                ))}
              {config.type === 'scale' &&
                config.scale &&
                scaleValues(config.scale.min, config.scale.max).map((value) => (
                  <RadioOption
                    key={value}
                    id={`${formId}-value-${value}`}
                    name={`${formId}-value`}
                    label={scaleLabel(config, value)}
                    isChecked={draft.value === value}
                    onCheck={() => setDraft({ ...draft, value })}
                  />
                ))}
            </Fieldset>
          )}
          <ButtonGroup>
            <Button type="submit" appearance="primary-action-button">
              {myAnswer ? t('poll.answer.change') : t('poll.answer.submit')}
            </Button>
            {myAnswer && (
              <Button type="button" appearance="secondary-action-button" onClick={withdraw}>
                {t('poll.answer.withdraw')}
              </Button>
            )}
          </ButtonGroup>
          {myAnswer && (
            <Paragraph>
              {t('poll.answer.yours', { answer: describeAnswer(config, myAnswer) })}
            </Paragraph>
          )}
        </form>
      )}
      <p className="stadshart-visually-hidden" role="status">
        {status}
      </p>

      <section aria-labelledby={`${formId}-results`}>
        <Heading3 id={`${formId}-results`}>{t('poll.results.title')}</Heading3>
        {showResults ? (
          <PollResults config={config} results={results} />
        ) : (
          <Paragraph>{t('poll.results.hidden')}</Paragraph>
        )}
      </section>
    </div>
  );
}

function scaleValues(min: number, max: number): number[] {
  const values: number[] = [];
  for (let value = min; value <= max; value += 1) values.push(value);
  return values;
}
