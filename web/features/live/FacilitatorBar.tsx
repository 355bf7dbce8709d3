// What a facilitator steers for everyone: the step, the timer, locks, private mode, votes, spotlight, who is here.
import {
  Button,
  ButtonGroup,
  Fieldset,
  FieldsetLegend,
  FormFieldCheckbox,
  Heading2,
  Paragraph,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import {
  patchActivityState,
  pauseTimer,
  resumeTimer,
  setCurrent,
  setSpotlight,
  startTimer,
  stopTimer,
  type ControlView,
} from '../../../common/activities/control.doc.ts';
import { voteState, type ActivityState } from '../../../common/activities/control.ts';
import type { Activity, Lab } from '../../../common/labs.ts';
import type { Presence } from '../../collab/labConnection.ts';
import { SelectField, TextField } from '../../components/Fields.tsx';
import { formatNumber } from '../../i18n/i18n.ts';
import { minutesToMs, timerPhase } from './timerModel.ts';
import { useNow } from './useNow.ts';

const NO_STEP = '';
const WHOLE_CANVAS = '';
const DEFAULT_MINUTES = '5';
const DEFAULT_DOTS = '3';

/** The sections a dot vote can be limited to; only a canvas has them. */
function sectionsOf(activity: Activity): { key: string; title: string }[] {
  return activity.config.kind === 'canvas' ? activity.config.sections : [];
}

/**
 * The facilitator's controls, writing the control document directly (the server lets only
 * facilitators write it); moving everyone to a step is confirmed in a polite status region.
 */
export function FacilitatorBar({
  lab,
  controlDoc,
  control,
  presence,
  isReadOnly,
}: {
  lab: Lab;
  controlDoc: Y.Doc;
  control: ControlView;
  presence: Presence | null;
  isReadOnly: boolean;
}) {
  const { t } = useTranslation('live');
  const headingId = useId();
  const [status, setStatus] = useState('');
  const [chosenStep, setChosenStep] = useState<string | null>(null);
  const [minutes, setMinutes] = useState(DEFAULT_MINUTES);
  const [minutesError, setMinutesError] = useState<string | undefined>();
  const [dots, setDots] = useState(DEFAULT_DOTS);
  const [dotsError, setDotsError] = useState<string | undefined>();
  const [voteSection, setVoteSection] = useState(WHOLE_CANVAS);

  const activities = lab.activities;
  const currentIndex = activities.findIndex((a) => a.id === control.current);
  const current = currentIndex >= 0 ? (activities[currentIndex] ?? null) : null;
  const step = chosenStep ?? control.current ?? activities[0]?.id ?? NO_STEP;
  const now = useNow(control.timer?.endsAt != null);
  const phase = timerPhase(control.timer, now);
  const state: ActivityState | null = current
    ? control.activityState(current.id, current.kind)
    : null;

  const moveTo = (activityId: string | null) => {
    setCurrent(controlDoc, activityId);
    setChosenStep(null);
    const title = activities.find((a) => a.id === activityId)?.title;
    if (title) setStatus(t('facilitator.step.moved', { title }));
  };

  const patch = (value: Partial<ActivityState>) => {
    if (!current) return;
    patchActivityState(controlDoc, current.id, value, current.kind);
  };

  const start = () => {
    const durationMs = minutesToMs(minutes);
    if (durationMs === null) {
      setMinutesError(t('facilitator.timer.invalid'));
      return;
    }
    setMinutesError(undefined);
    startTimer(controlDoc, durationMs, Date.now());
  };

  const openVote = () => {
    const parsed = voteState.safeParse({
      open: true,
      dotsPerPerson: Number(dots),
      sectionKey: voteSection === WHOLE_CANVAS ? null : voteSection,
      revealed: false,
    });
    if (!parsed.success) {
      setDotsError(t('facilitator.vote.dotsInvalid'));
      return;
    }
    setDotsError(undefined);
    patch({ vote: parsed.data });
  };

  const people = presence?.people ?? null;
  const sections = current ? sectionsOf(current) : [];
  const vote = state?.vote ?? null;

  return (
    <section aria-labelledby={headingId} className="stadshart-live-facilitator">
      <Heading2 id={headingId}>{t('facilitator.title')}</Heading2>
      <Paragraph>
        <a
          href={`/lab/${lab.id}/presenter`}
          target="_blank"
          rel="noopener"
          className="utrecht-link"
        >
          {t('facilitator.presenter')}
        </a>
        {' · '}
        <a
          href={`/lab/${lab.id}/synthesis`}
          target="_blank"
          rel="noopener"
          className="utrecht-link"
        >
          {t('synthesis:facilitatorLink')}
        </a>
      </Paragraph>
      <p role="status" className="stadshart-live-facilitator__status">
        {status}
      </p>

      <Fieldset disabled={isReadOnly}>
        <FieldsetLegend>{t('facilitator.step.legend')}</FieldsetLegend>
        {activities.length > 0 && (
          <>
            <SelectField
              name="step"
              label={t('facilitator.step.label')}
              value={step}
              onChange={setChosenStep}
              options={activities.map((activity, index) => ({
                value: activity.id,
                label: `${formatNumber(index + 1)}. ${activity.title}`,
              }))}
            />
            <ButtonGroup>
              <Button
                appearance="primary-action-button"
                disabled={isReadOnly}
                onClick={() => moveTo(step)}
              >
                {t('facilitator.step.go')}
              </Button>
              <Button
                appearance="secondary-action-button"
                disabled={isReadOnly || currentIndex <= 0}
                onClick={() => moveTo(activities[currentIndex - 1]?.id ?? null)}
              >
                {t('facilitator.step.previous')}
              </Button>
              <Button
                appearance="secondary-action-button"
                disabled={isReadOnly || currentIndex >= activities.length - 1}
                onClick={() => moveTo(activities[currentIndex + 1]?.id ?? null)}
              >
                {t('facilitator.step.next')}
              </Button>
            </ButtonGroup>
          </>
        )}
      </Fieldset>

      <Fieldset disabled={isReadOnly}>
        <FieldsetLegend>{t('facilitator.timer.legend')}</FieldsetLegend>
        {(phase === 'none' || phase === 'ended') && (
          <TextField
            name="timerMinutes"
            label={t('facilitator.timer.minutes')}
            value={minutes}
            onChange={setMinutes}
            inputMode="numeric"
            error={minutesError}
          />
        )}
        <ButtonGroup>
          {(phase === 'none' || phase === 'ended') && (
            <Button appearance="primary-action-button" disabled={isReadOnly} onClick={start}>
              {t('facilitator.timer.start')}
            </Button>
          )}
          {phase === 'running' && (
            <Button
              appearance="secondary-action-button"
              disabled={isReadOnly}
              onClick={() => pauseTimer(controlDoc, Date.now())}
            >
              {t('facilitator.timer.pause')}
            </Button>
          )}
          {phase === 'paused' && (
            <Button
              appearance="primary-action-button"
              disabled={isReadOnly}
              onClick={() => resumeTimer(controlDoc, Date.now())}
            >
              {t('facilitator.timer.resume')}
            </Button>
          )}
          {phase !== 'none' && (
            <Button
              appearance="secondary-action-button"
              disabled={isReadOnly}
              onClick={() => stopTimer(controlDoc)}
            >
              {t('facilitator.timer.stop')}
            </Button>
          )}
        </ButtonGroup>
      </Fieldset>

      <Fieldset disabled={isReadOnly}>
        <FieldsetLegend>
          {current
            ? t('facilitator.activity.legend', { title: current.title })
            : t('facilitator.step.none')}
        </FieldsetLegend>
        {!current || !state ? (
          <Paragraph>{t('facilitator.activity.none')}</Paragraph>
        ) : (
          <>
            <Paragraph>
              {state.locked ? t('facilitator.activity.locked') : t('facilitator.activity.unlocked')}
            </Paragraph>
            <ButtonGroup>
              <Button
                appearance="secondary-action-button"
                disabled={isReadOnly}
                onClick={() => patch({ locked: !state.locked })}
              >
                {state.locked ? t('facilitator.activity.unlock') : t('facilitator.activity.lock')}
              </Button>
            </ButtonGroup>
            <FormFieldCheckbox
              label={t('facilitator.activity.private')}
              checked={state.private}
              disabled={isReadOnly}
              onChange={(event: React.ChangeEvent<HTMLInputElement>) =>
                patch({ private: event.target.checked })
              }
            />
            {current.kind === 'canvas' && (
              <Fieldset>
                <FieldsetLegend>{t('facilitator.vote.legend')}</FieldsetLegend>
                {vote && (
                  <Paragraph>
                    {vote.open
                      ? t('facilitator.vote.isOpen', { dots: formatNumber(vote.dotsPerPerson) })
                      : t('facilitator.vote.isClosed')}
                  </Paragraph>
                )}
                {!vote?.open && (
                  <>
                    <TextField
                      name="voteDots"
                      label={t('facilitator.vote.dots')}
                      value={dots}
                      onChange={setDots}
                      inputMode="numeric"
                      error={dotsError}
                    />
                    <SelectField
                      name="voteSection"
                      label={t('facilitator.vote.section')}
                      value={voteSection}
                      onChange={setVoteSection}
                      options={[
                        { value: WHOLE_CANVAS, label: t('facilitator.vote.whole') },
                        ...sections.map((s) => ({ value: s.key, label: s.title })),
                      ]}
                    />
                  </>
                )}
                <ButtonGroup>
                  {vote?.open ? (
                    <Button
                      appearance="secondary-action-button"
                      disabled={isReadOnly}
                      onClick={() => patch({ vote: { ...vote, open: false } })}
                    >
                      {t('facilitator.vote.close')}
                    </Button>
                  ) : (
                    <Button
                      appearance="primary-action-button"
                      disabled={isReadOnly}
                      onClick={openVote}
                    >
                      {vote ? t('facilitator.vote.reopen') : t('facilitator.vote.open')}
                    </Button>
                  )}
                  {vote && (
                    <Button
                      appearance="secondary-action-button"
                      disabled={isReadOnly}
                      onClick={() => patch({ vote: { ...vote, revealed: !vote.revealed } })}
                    >
                      {vote.revealed ? t('facilitator.vote.hide') : t('facilitator.vote.reveal')}
                    </Button>
                  )}
                </ButtonGroup>
              </Fieldset>
            )}
            {current.kind === 'poll' && (
              <>
                <Paragraph>
                  {state.resultsRevealed
                    ? t('facilitator.results.shown')
                    : t('facilitator.results.hidden')}
                </Paragraph>
                <ButtonGroup>
                  <Button
                    appearance="secondary-action-button"
                    disabled={isReadOnly}
                    onClick={() => patch({ resultsRevealed: !state.resultsRevealed })}
                  >
                    {state.resultsRevealed
                      ? t('facilitator.results.hide')
                      : t('facilitator.results.reveal')}
                  </Button>
                </ButtonGroup>
              </>
            )}
          </>
        )}
      </Fieldset>

      <Fieldset disabled={isReadOnly}>
        <FieldsetLegend>{t('facilitator.spotlight.legend')}</FieldsetLegend>
        {control.spotlight ? (
          <ButtonGroup>
            <Button
              appearance="secondary-action-button"
              disabled={isReadOnly}
              onClick={() => setSpotlight(controlDoc, null)}
            >
              {t('facilitator.spotlight.clear')}
            </Button>
          </ButtonGroup>
        ) : (
          <Paragraph>{t('facilitator.spotlight.none')}</Paragraph>
        )}
      </Fieldset>

      <details className="stadshart-live-people">
        <summary>
          {t('facilitator.people.legend')}
          {presence && (
            <>
              {' '}
              ·{' '}
              {t('facilitator.people.count', {
                count: presence.count,
                formatted: formatNumber(presence.count),
              })}
            </>
          )}
        </summary>
        {people === null ? (
          <Paragraph>{t('facilitator.people.unknown')}</Paragraph>
        ) : people.length === 0 ? (
          <Paragraph>{t('facilitator.people.none')}</Paragraph>
        ) : (
          <UnorderedList>
            {people.map((person) => (
              <UnorderedListItem key={person.participantId}>
                {person.name}
                {person.role === 'facilitator' && <> ({t('facilitator.people.facilitator')})</>}
              </UnorderedListItem>
            ))}
          </UnorderedList>
        )}
      </details>
    </section>
  );
}
