// The timer everyone sees: mm:ss, read out only on request, with a visible and audible end.
import { Alert, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { TimerValue } from '../../../common/activities/control.ts';
import { playEndSignal, unlockAudioOnFirstGesture } from './endSignal.ts';
import {
  clockParts,
  formatClock,
  secondsLeft,
  timerPhase,
  timerRunKey,
  type TimerPhase,
} from './timerModel.ts';
import { useNow } from './useNow.ts';

const ONE_MINUTE_S = 60;
const JUST_STARTED_MS = 5000;

/**
 * Shows the control document's timer. Its end shows a banner and, unless the person muted it,
 * plays a short signal — once per run, and only when the end happened while the page was open.
 */
export function LiveTimer({
  timer,
  announce,
  isMuted,
  size = 'normal',
}: {
  timer: TimerValue | null;
  announce: (message: string) => void;
  /** The person turned the end signal off (see useSoundSwitch). */
  isMuted: boolean;
  size?: 'normal' | 'large';
}) {
  const { t } = useTranslation('live');
  const isRunning = timer?.endsAt != null;
  const now = useNow(isRunning);
  const phase = timerPhase(timer, now);
  const seconds = secondsLeft(timer, now);
  const runKey = timerRunKey(timer);
  const seen = useRef<{ key: string | null; phase: TimerPhase; saidMinute: boolean }>({
    key: null,
    phase: 'none',
    saidMinute: false,
  });

  useEffect(() => unlockAudioOnFirstGesture(), []);

  useEffect(() => {
    const previous = seen.current;
    const isNewRun = runKey !== previous.key;
    // A run that just began is announced; one found half-way (a page load) is not.
    const isFresh = timer !== null && seconds * 1000 >= timer.durationMs - JUST_STARTED_MS;
    if (phase === 'running' && isNewRun && timer && isFresh) {
      const { minutes } = clockParts(Math.round(timer.durationMs / 1000));
      announce(t('timer.started', { minutes: t('timer.minutes', { count: minutes }) }));
    }
    const saidMinute = isNewRun ? false : previous.saidMinute;
    let nextSaidMinute = saidMinute;
    if (
      phase === 'running' &&
      seconds <= ONE_MINUTE_S &&
      seconds > ONE_MINUTE_S - 5 &&
      !saidMinute
    ) {
      announce(t('timer.oneMinute'));
      nextSaidMinute = true;
    }
    // The end counts only when this page saw the same run still running before.
    if (phase === 'ended' && previous.phase === 'running' && !isNewRun) {
      announce(t('timer.ended'));
      if (!isMuted) playEndSignal();
    }
    seen.current = { key: runKey, phase, saidMinute: nextSaidMinute };
  }, [phase, runKey, seconds, timer, isMuted, announce, t]);

  if (phase === 'none') return null;
  const parts = clockParts(seconds);
  const spokenParts = {
    minutes: t('timer.minutes', { count: parts.minutes }),
    seconds: t('timer.seconds', { count: parts.seconds }),
  };
  return (
    <section
      className={`stadshart-live-timer stadshart-live-timer--${size} stadshart-live-timer--${phase}`}
      aria-label={t('timer.label')}
    >
      <p
        role="timer"
        className="stadshart-live-timer__clock"
        aria-label={t(phase === 'paused' ? 'timer.spokenPaused' : 'timer.spoken', spokenParts)}
      >
        {formatClock(seconds)}
        {phase === 'paused' && (
          <span className="stadshart-live-timer__paused"> ({t('timer.paused')})</span>
        )}
      </p>
      {phase === 'ended' && (
        // Polite, like everything in the lab: the signal and the announcer already speak up.
        <Alert type="warning" role="status" className="stadshart-live-timer__banner">
          <Paragraph>{t('timer.ended')}</Paragraph>
        </Alert>
      )}
    </section>
  );
}
