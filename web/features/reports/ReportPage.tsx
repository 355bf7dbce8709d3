// The report (verslag) of a lab: every member of the organisation reads the draft and the
// finalised versions; facilitators of the lab and admins generate, edit, finalise and publish.
import { Alert, Heading1, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import {
  reportState as reportStateSchema,
  type ReportJobStatus,
  type ReportState,
  type ReportVersion,
} from '../../../common/reports.ts';
import { useApiData } from '../../api/useApiData.ts';
import { LoadState } from '../../components/LoadState.tsx';
import { useApiForm } from '../../components/useApiForm.ts';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { generateReport, loadReport, loadVersion, reportPath } from './reportApi.ts';
import { ReportDocumentView } from './ReportDocumentView.tsx';
import { ReportEditor } from './ReportEditor.tsx';
import { ReportJobPanel } from './ReportJobPanel.tsx';
import { isJobActive, jobAnnouncement, startReportPolling } from './reportJob.ts';
import { ReportVersions } from './ReportVersions.tsx';

/**
 * Follows the job of `state` while it is queued or running (one request a second, stopped when
 * it is done or the page goes away) and announces start, finish and failure politely.
 */
function useReportJob(
  orgSlug: string,
  labId: string,
  state: ReportState | null,
  setState: (next: ReportState) => void,
  announce: (message: string) => void,
): { pollProblem: boolean } {
  const { t } = useTranslation('reports');
  const [pollProblem, setPollProblem] = useState(false);
  const status: ReportJobStatus | null = state?.job.status ?? null;
  const previous = useRef<ReportJobStatus | null>(null);

  useEffect(() => {
    if (status === null) return;
    const news = jobAnnouncement(previous.current, status);
    previous.current = status;
    if (news) announce(t(`job.announce.${news}`));
  }, [status, announce, t]);

  const isActive = status !== null && isJobActive(status);
  useEffect(() => {
    if (!isActive) return;
    return startReportPolling({
      load: () => loadReport(orgSlug, labId),
      onState: (next) => {
        setPollProblem(false);
        setState(next);
      },
      onError: () => setPollProblem(true),
    });
  }, [isActive, orgSlug, labId, setState]);

  return { pollProblem: isActive && pollProblem };
}

/** The report page of one lab. */
export function ReportPage() {
  const { t } = useTranslation('reports');
  const { orgSlug = '', labId = '' } = useParams<{ orgSlug: string; labId: string }>();
  const report = useApiData(reportPath(orgSlug, labId), reportStateSchema);
  const { describe } = useApiForm();
  const [announcement, setAnnouncement] = useState('');
  const [isStarting, setStarting] = useState(false);
  const [startError, setStartError] = useState<string | null>(null);
  const [justFinalised, setJustFinalised] = useState<ReportVersion | null>(null);
  const title = report.data ? t('title', { lab: report.data.labTitle }) : t('titleLoading');
  usePageTitle(title);

  const announce = useCallback((message: string) => setAnnouncement(message), []);
  // One stable setter, so the poller does not restart on every render.
  const reportRef = useRef(report);
  reportRef.current = report;
  const setData = useCallback((next: ReportState) => reportRef.current.setData(next), []);
  const { pollProblem } = useReportJob(orgSlug, labId, report.data, setData, announce);

  async function generate() {
    setStarting(true);
    setStartError(null);
    try {
      const next = await generateReport(orgSlug, labId);
      setData(next);
      // A very quick job may be done before the first poll; say so, since no poll will.
      if (next.job.status === 'ready') announce(t('job.announce.finished'));
    } catch (caught) {
      setStartError(describe(caught).general ?? t('common:errors.unexpected'));
    } finally {
      setStarting(false);
    }
  }

  async function showFinalised(version: number) {
    const [next, loaded] = await Promise.all([
      loadReport(orgSlug, labId),
      loadVersion(orgSlug, labId, version),
    ]);
    setData(next);
    setJustFinalised(loaded);
    announce(t('editor.finalised', { version }));
  }

  return (
    <>
      <Heading1>{title}</Heading1>
      <Paragraph>
        <Link to={`/o/${orgSlug}/labs/${labId}`} className="utrecht-link">
          {t('backToLab')}
        </Link>
      </Paragraph>
      {/* One polite live region for the page's news; it exists before any message arrives. */}
      <div role="status" aria-live="polite" className="stadshart-visually-hidden">
        {announcement}
      </div>
      <LoadState resource={report}>
        {(state) => (
          <div className="stadshart-stack">
            <Paragraph>{state.can.edit ? t('introEditor') : t('introReader')}</Paragraph>
            {state.stale && state.preview !== null && (
              <Alert type="warning">
                <Paragraph>{state.can.edit ? t('staleEditor') : t('staleReader')}</Paragraph>
              </Alert>
            )}
            {pollProblem && (
              <Alert type="warning">
                <Paragraph>{t('job.pollProblem')}</Paragraph>
              </Alert>
            )}
            <ReportJobPanel
              state={state}
              isStarting={isStarting}
              startError={startError}
              onGenerate={() => void generate()}
            />
            {state.can.edit && (
              <ReportEditor
                state={state}
                orgSlug={orgSlug}
                labId={labId}
                onSaved={setData}
                onFinalised={showFinalised}
                announce={announce}
              />
            )}
            <section aria-labelledby="report-preview-title">
              <Heading2 id="report-preview-title">{t('preview.title')}</Heading2>
              {state.preview === null ? (
                <Paragraph>{t('preview.none')}</Paragraph>
              ) : (
                <>
                  <Paragraph>{t('preview.hint')}</Paragraph>
                  <div className="stadshart-report-preview">
                    <ReportDocumentView document={state.preview} headingLevel={3} />
                  </div>
                </>
              )}
            </section>
            <ReportVersions
              orgSlug={orgSlug}
              labId={labId}
              versions={state.versions}
              canPublish={state.can.publish}
              justFinalised={justFinalised}
            />
          </div>
        )}
      </LoadState>
    </>
  );
}
