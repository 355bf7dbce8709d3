// The generation of the report: its state in words, a progress bar while it runs, the error when
// it failed, and for editors the button that starts (or retries) it.
import { Alert, Button, ButtonGroup, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportState } from '../../../common/reports.ts';
import { formatDateTime } from '../../i18n/i18n.ts';
import { isJobActive, stepMessageKey } from './reportJob.ts';

/**
 * Shows the job of `state`; `onGenerate` starts a generation (the panel shows it as busy while
 * `isStarting`). Editors get the button; everyone else reads the state only.
 */
export function ReportJobPanel({
  state,
  isStarting,
  startError,
  onGenerate,
}: {
  state: ReportState;
  isStarting: boolean;
  /** Why the last request to start failed, in words; null when it did not. */
  startError: string | null;
  onGenerate: () => void;
}) {
  const { t } = useTranslation('reports');
  const id = useId();
  const { job } = state;
  const isActive = isJobActive(job.status);
  const hasReport = state.preview !== null;
  const canStart = state.can.edit && state.canGenerate && !isActive && !isStarting;

  return (
    <section aria-labelledby={`${id}-title`} className="stadshart-report-job">
      <Heading2 id={`${id}-title`}>{t('job.title')}</Heading2>
      {job.status === 'idle' && !hasReport && <Paragraph>{t('job.none')}</Paragraph>}
      {job.status === 'ready' && job.finishedAt && (
        <Paragraph>{t('job.readyAt', { date: formatDateTime(job.finishedAt) })}</Paragraph>
      )}
      {isActive && (
        <div className="stadshart-report-progress">
          <Paragraph>
            <label htmlFor={`${id}-progress`}>{t('job.progressLabel')}</label>{' '}
            <progress id={`${id}-progress`} max={100} value={job.progress}>
              {t('job.percent', { progress: job.progress })}
            </progress>{' '}
            <span aria-hidden="true">{t('job.percent', { progress: job.progress })}</span>
          </Paragraph>
          <Paragraph>
            {job.status === 'queued'
              ? t('job.queued')
              : t('job.stepLine', { step: t(stepMessageKey(job.step)) })}
          </Paragraph>
        </div>
      )}
      {job.status === 'failed' && (
        <Alert type="error">
          <Paragraph>{t('job.failed')}</Paragraph>
          {job.error && <Paragraph>{job.error}</Paragraph>}
          {state.can.edit && (
            <ButtonGroup>
              <Button
                appearance="primary-action-button"
                disabled={!canStart}
                busy={isStarting}
                onClick={onGenerate}
              >
                {t('job.retry')}
              </Button>
            </ButtonGroup>
          )}
        </Alert>
      )}
      {startError && (
        <Alert type="error">
          <Paragraph>{startError}</Paragraph>
        </Alert>
      )}
      {state.can.edit && job.status !== 'failed' && (
        <>
          {!state.canGenerate && <Paragraph id={`${id}-why`}>{t('job.notYet')}</Paragraph>}
          <ButtonGroup>
            <Button
              appearance={hasReport ? 'secondary-action-button' : 'primary-action-button'}
              disabled={!canStart}
              busy={isStarting || isActive}
              aria-describedby={state.canGenerate ? undefined : `${id}-why`}
              onClick={onGenerate}
            >
              {hasReport ? t('job.regenerate') : t('job.generate')}
            </Button>
          </ButtonGroup>
        </>
      )}
      {state.can.edit && job.status === 'failed' && !state.canGenerate && (
        <Paragraph>{t('job.notYet')}</Paragraph>
      )}
    </section>
  );
}
