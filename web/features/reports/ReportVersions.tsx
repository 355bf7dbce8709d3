// The finalised versions of a report: when, by whom and under which licence; the files to
// download; a read-only view of each; and for publishers the step into the knowledge base.
import {
  Alert,
  Button,
  ButtonGroup,
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Fieldset,
  FieldsetLegend,
  FormField,
  FormFieldDescription,
  FormLabel,
  Heading2,
  Heading3,
  Link,
  Paragraph,
  RadioButton,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import {
  licenceInfo,
  reportExportFiles,
  type ReportVersion,
  type ReportVersionSummary,
} from '../../../common/reports.ts';
import { NoValue } from '../../components/NoValue.tsx';
import { useApiForm } from '../../components/useApiForm.ts';
import { formatDateTime } from '../../i18n/i18n.ts';
import { exportUrl, loadVersion, publishVersion } from './reportApi.ts';
import { ReportDocumentView } from './ReportDocumentView.tsx';

type PublishMode = 'full' | 'summary';
const publishModes: readonly PublishMode[] = ['full', 'summary'];

/** The download links of one version, one per file, named by what the file holds. */
export function VersionDownloads({
  orgSlug,
  labId,
  version,
}: {
  orgSlug: string;
  labId: string;
  version: number;
}) {
  const { t } = useTranslation('reports');
  return (
    <UnorderedList className="stadshart-report-downloads">
      {reportExportFiles.map((file) => (
        <UnorderedListItem key={file}>
          <Link href={exportUrl(orgSlug, labId, version, file)} download>
            {t(`files.${file.replace('.', '_')}`)}
            <span className="stadshart-visually-hidden">
              {t('versions.nameSuffix', { version })}
            </span>
          </Link>
        </UnorderedListItem>
      ))}
    </UnorderedList>
  );
}

/** Chooses full report or short text and makes a knowledge-base draft, then opens its editor. */
function PublishControl({
  orgSlug,
  labId,
  version,
}: {
  orgSlug: string;
  labId: string;
  version: number;
}) {
  const { t } = useTranslation('reports');
  const navigate = useNavigate();
  const id = useId();
  const { describe } = useApiForm();
  const [mode, setMode] = useState<PublishMode>('full');
  const [isBusy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function publish() {
    setBusy(true);
    setError(null);
    try {
      const itemId = await publishVersion(orgSlug, labId, version, mode);
      await navigate(`/o/${orgSlug}/kennisbank/${itemId}`);
    } catch (caught) {
      setError(describe(caught).general ?? t('common:errors.unexpected'));
      setBusy(false);
    }
  }

  return (
    <div className="stadshart-report-publish">
      <Fieldset>
        <FieldsetLegend>{t('publish.legend', { version })}</FieldsetLegend>
        {publishModes.map((choice) => {
          const optionId = `${id}-${choice}`;
          return (
            <FormField key={choice} type="radio">
              <div className="utrecht-form-field__label utrecht-form-field__label--radio">
                <FormLabel type="radio" htmlFor={optionId} checked={mode === choice}>
                  <RadioButton
                    id={optionId}
                    className="utrecht-form-field__input"
                    name={`${id}-mode`}
                    value={choice}
                    checked={mode === choice}
                    aria-describedby={`${optionId}-description`}
                    onChange={() => setMode(choice)}
                  />
                  {t(`publish.${choice}`)}
                </FormLabel>
              </div>
              <FormFieldDescription
                id={`${optionId}-description`}
                className="utrecht-form-field__description"
              >
                {t(`publish.${choice}Hint`)}
              </FormFieldDescription>
            </FormField>
          );
        })}
      </Fieldset>
      {error && (
        <Alert type="error">
          <Paragraph>{error}</Paragraph>
        </Alert>
      )}
      <ButtonGroup>
        <Button appearance="primary-action-button" busy={isBusy} onClick={() => void publish()}>
          {t('publish.button')}
          <span className="stadshart-visually-hidden">
            {t('publish.buttonSuffix', { version })}
          </span>
        </Button>
      </ButtonGroup>
    </div>
  );
}

/** A version's frozen document, loaded when someone opens it (or shown at once when given). */
function VersionDocument({
  orgSlug,
  labId,
  summary,
  loaded,
}: {
  orgSlug: string;
  labId: string;
  summary: ReportVersionSummary;
  loaded: ReportVersion | null;
}) {
  const { t } = useTranslation('reports');
  const { describe } = useApiForm();
  const [version, setVersion] = useState<ReportVersion | null>(loaded);
  const [isOpen, setOpen] = useState(loaded !== null);
  const [error, setError] = useState<string | null>(null);

  async function toggle() {
    if (isOpen) {
      setOpen(false);
      return;
    }
    setOpen(true);
    if (version) return;
    try {
      setVersion(await loadVersion(orgSlug, labId, summary.version));
    } catch (caught) {
      setError(describe(caught).general ?? t('common:errors.unexpected'));
    }
  }

  return (
    <>
      <ButtonGroup>
        <Button
          appearance="secondary-action-button"
          aria-expanded={isOpen}
          onClick={() => void toggle()}
        >
          {isOpen ? t('versions.hide') : t('versions.show')}
          <span className="stadshart-visually-hidden">
            {t('versions.nameSuffix', { version: summary.version })}
          </span>
        </Button>
      </ButtonGroup>
      {isOpen && error && (
        <Alert type="error">
          <Paragraph>{error}</Paragraph>
        </Alert>
      )}
      {isOpen && !error && !version && <Paragraph role="status">{t('common:loading')}</Paragraph>}
      {isOpen && version && (
        <div className="stadshart-report-version-document">
          <ReportDocumentView document={version.document} headingLevel={4} />
        </div>
      )}
    </>
  );
}

/**
 * Lists the versions, newest first. `justFinalised` is a version the page has just loaded in
 * full; it opens at once so the person sees what they froze.
 */
export function ReportVersions({
  orgSlug,
  labId,
  versions,
  canPublish,
  justFinalised,
}: {
  orgSlug: string;
  labId: string;
  versions: readonly ReportVersionSummary[];
  canPublish: boolean;
  justFinalised: ReportVersion | null;
}) {
  const { t } = useTranslation('reports');
  const id = useId();
  const newestFirst = [...versions].sort((a, b) => b.version - a.version);
  return (
    <section aria-labelledby={`${id}-title`} className="stadshart-report-versions">
      <Heading2 id={`${id}-title`}>{t('versions.title')}</Heading2>
      {newestFirst.length === 0 && <Paragraph>{t('versions.none')}</Paragraph>}
      {newestFirst.map((summary) => (
        <section key={summary.version} aria-labelledby={`${id}-v${summary.version}`}>
          <Heading3 id={`${id}-v${summary.version}`}>
            {t('versions.heading', { version: summary.version })}
          </Heading3>
          <DataList>
            <DataListItem>
              <DataListKey>{t('versions.date')}</DataListKey>
              <DataListValue>{formatDateTime(summary.finalisedAt)}</DataListValue>
            </DataListItem>
            <DataListItem>
              <DataListKey>{t('versions.by')}</DataListKey>
              <DataListValue>{summary.finalisedBy ?? <NoValue />}</DataListValue>
            </DataListItem>
            <DataListItem>
              <DataListKey>{t('versions.licence')}</DataListKey>
              <DataListValue>{licenceInfo[summary.licence].name}</DataListValue>
            </DataListItem>
          </DataList>
          <Paragraph>{t('versions.downloads')}</Paragraph>
          <VersionDownloads orgSlug={orgSlug} labId={labId} version={summary.version} />
          <VersionDocument
            // A version loaded after finalising remounts the view so it opens with it.
            key={justFinalised?.version === summary.version ? 'loaded' : 'lazy'}
            orgSlug={orgSlug}
            labId={labId}
            summary={summary}
            loaded={justFinalised?.version === summary.version ? justFinalised : null}
          />
          {canPublish && (
            <PublishControl orgSlug={orgSlug} labId={labId} version={summary.version} />
          )}
        </section>
      ))}
    </section>
  );
}
